import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, RawServerDefault } from 'fastify';

/** Deeper JSON than any request of the API needs (a verdict's sources are three levels down). */
export const MAX_JSON_DEPTH = 32;

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });
const unsupportedMediaType = () =>
  Object.assign(new Error('Unsupported content type; send application/json.'), { statusCode: 415 });
const utf8 = new TextDecoder('utf-8', { fatal: true });

// With the u flag a surrogate range matches only unpaired halves: a pair is one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** What makes a string unsafe to store: a NUL (PostgreSQL text cannot hold one) or half a UTF-16 pair. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'The request contains a NUL character; text cannot hold one.';
  if (LONE_SURROGATE.test(text))
    return 'The request contains an unpaired UTF-16 surrogate (such as \\ud800); text must be valid Unicode.';
  return null;
}

/**
 * What makes a parsed JSON body unsafe to hand on: nesting that would overflow the validators' recursion
 * (a 500, not an answer), or text that cannot be stored (see textProblem). Iterative on purpose.
 */
export function jsonBodyProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) return problem;
    } else if (node !== null && typeof node === 'object') {
      if (depth > MAX_JSON_DEPTH) return `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`;
      for (const [key, child] of Object.entries(node)) {
        const problem = textProblem(key);
        if (problem) return problem;
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * JSON bodies must be UTF-8 (RFC 8259) and safe to validate: anything else is a 400 before any handler
 * runs, instead of replacement characters stored in a document or a database error. Query strings and
 * paths carrying an encoded NUL are refused the same way. A body of any type but JSON is a 415 before
 * it is read (form bodies would skip these guards), except multipart on the routes `takesMultipart` names.
 */
export function registerRequestGuards(
  app: NestFastifyApplication,
  bodyLimit: number,
  takesMultipart: (routeConfig: unknown) => boolean,
): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const parse = fastify.getDefaultJsonParser('error', 'error');
  // Through Nest, so that Nest does not register its own JSON parser over this one at init.
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      return done(badRequest('The request body is not valid UTF-8.'), undefined);
    }
    void parse(request, text, (err, value) => {
      if (err) return done(err, undefined);
      const problem = jsonBodyProblem(value);
      return problem ? done(badRequest(problem), undefined) : done(null, value);
    });
  });
  fastify.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url)) throw badRequest('The address contains a NUL character.');
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || 'transfer-encoding' in request.headers;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (
      hasBody &&
      type !== 'application/json' &&
      !(type === 'multipart/form-data' && takesMultipart(request.routeOptions.config))
    )
      throw unsupportedMediaType();
  });
}
