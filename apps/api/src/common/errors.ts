import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  Logger,
  type ExceptionFilter,
  type ValidationError,
} from '@nestjs/common';
import type { ApiError } from '@factdesk/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/** Validation failures carry the fields at fault. */
export class FieldValidationException extends BadRequestException {
  constructor(readonly fields: { field: string; message: string }[]) {
    super(`Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`);
  }
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${e.property} `), ''),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export const validationExceptionFactory = (errors: ValidationError[]) => new FieldValidationException(flatten(errors));

const errorName = (status: number) => STATUS_CODES[status] ?? 'Error';

/**
 * The one error body. Everything thrown reaches it through ApiExceptionFilter; the few answers sent
 * outside Nest's handlers (the queue dashboard's hook, the JSON 404, the rate limit) call it directly, so
 * every error carries the same fields and the request's id.
 */
export function errorBody(
  statusCode: number,
  message: string,
  requestId: string | undefined,
  details: Record<string, unknown> = {},
): ApiError {
  return { ...details, statusCode, error: errorName(statusCode), message, requestId };
}

/**
 * Maps anything thrown to the one ApiError shape. Client errors keep their message; server errors
 * are logged with their stack and answered with a generic message, so no internals leave the server.
 */
export function toApiError(err: unknown, requestId?: string): ApiError {
  if (err instanceof FieldValidationException) {
    return errorBody(400, err.message, requestId, { fields: err.fields });
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    if (typeof body === 'string') return errorBody(status, body, requestId);
    const {
      message,
      error: _error,
      statusCode: _status,
      ...details
    } = body as { message?: string | string[]; error?: string; statusCode?: number };
    // Extra fields a handler attached (the current version on a stale save, per-claim results) go along.
    return errorBody(
      status,
      Array.isArray(message) ? message.join('; ') : (message ?? err.message),
      requestId,
      details,
    );
  }
  // Errors raised by Fastify itself (bad JSON, body too large, unsupported media type, rate limits).
  const e = err as { statusCode?: number; message?: string; code?: string };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return errorBody(e.statusCode, describeFastifyError(e), requestId);
  }
  if (isDatabaseUnavailable(err)) {
    return errorBody(503, 'The database is unavailable; try again shortly.', requestId);
  }
  return errorBody(500, 'Something went wrong on our side; the error was logged.', requestId);
}

function describeFastifyError(e: { code?: string; message?: string; statusCode?: number }): string {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type; send application/json.';
    default:
      return e.message ?? 'Bad request';
  }
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    (code !== undefined && CONNECTION_ERRORS.has(code)) ||
    /Connection terminated|connection timeout/i.test(e?.message ?? '')
  );
}

const logger = new Logger('Errors');

export function reportIfServerError(err: unknown, body: ApiError, request?: FastifyRequest) {
  if (body.statusCode >= 500) {
    logger.error({ msg: 'request failed', err, reqId: request?.id, url: request?.url, method: request?.method });
  }
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toApiError(exception, request.id);
    reportIfServerError(exception, body, request);
    void reply.status(body.statusCode).send(body);
  }
}

/** An HTTP error with fields of its own in the body, e.g. `current` on a stale save. */
export function httpError(status: number, message: string, details: Record<string, unknown> = {}): HttpException {
  return new HttpException({ message, ...details }, status);
}
