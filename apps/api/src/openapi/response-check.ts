// The OpenAPI document's promise, checked on every answer while the tests run (API_CHECK_RESPONSES): a JSON
// body its route's schema does not describe, or a success status the route does not declare, becomes a 500
// naming the difference, so any test that touches the route fails. Errors must have the ApiError shape.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { listRoutes } from '../common/routes.js';
import { errorBody } from '../common/errors.js';
import { schemaRef, type ResponseContract } from '../common/responses.js';
import { DOMAIN_SCHEMAS } from './domain-schemas.js';

const DOMAIN_ID = 'https://factdesk.invalid/domain';

interface CheckedRoute {
  contract: ResponseContract;
  validate?: ValidateFunction;
  errors: Record<number, ValidateFunction>;
}

export function checkResponses(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: DOMAIN_ID, components: { schemas: DOMAIN_SCHEMAS } });
  const compile = (schema: object) =>
    ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOMAIN_ID}#/components/`)));
  const error = compile(schemaRef('ApiError'));
  const routes = new Map<string, CheckedRoute>();
  for (const route of listRoutes(app)) {
    if (!route.contract) continue;
    routes.set(`${route.method} ${route.routeUrl}`, {
      contract: route.contract,
      validate: route.contract.schema ? compile(route.contract.schema) : undefined,
      errors: Object.fromEntries(Object.entries(route.contract.errors ?? {}).map(([code, s]) => [code, compile(s)])),
    });
  }

  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = routes.get(`${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`);
    if (!route) return payload;
    const status = reply.statusCode;
    const isJson = String(reply.getHeader('content-type') ?? '').startsWith('application/json');
    const { contract } = route;
    let problem: string | undefined;
    if (status >= 400 && !contract.statuses.includes(status)) {
      const validate = route.errors[status] ?? error;
      if (contract.media && !isJson)
        problem = undefined; // a page's or a feed's error is a page
      else if (!isJson) problem = `an error answered as ${reply.getHeader('content-type') ?? 'no content type'}`;
      else if (typeof payload === 'string' && !validate(JSON.parse(payload)))
        problem = ajv.errorsText(validate.errors, { dataVar: 'body' });
    } else if (status < 300 && !contract.statuses.includes(status)) {
      problem = `status ${status}, declared ${route.contract.statuses.join(' or ')}`;
    } else if (route.validate && typeof payload === 'string' && request.method !== 'HEAD') {
      if (!isJson) problem = `a ${reply.getHeader('content-type')} body where JSON is declared`;
      else if (!route.validate(JSON.parse(payload)))
        problem = ajv.errorsText(route.validate.errors, { dataVar: 'body' });
    }
    if (!problem) return payload;
    const message = `${request.method} ${request.routeOptions.url} answered ${status} with what its OpenAPI schema does not describe: ${problem}`;
    request.log.error({ body: typeof payload === 'string' ? payload.slice(0, 2000) : undefined }, message);
    reply.code(500).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(errorBody(500, message, request.id));
  });
}
