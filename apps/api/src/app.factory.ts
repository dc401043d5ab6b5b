import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createLogger, PinoNestLogger, type AppConfig } from '@factdesk/config';
import { AppModule } from './app.module.js';
import { registerRequestGuards } from './common/request-guards.js';
import { errorBody } from './common/errors.js';
import { DOMAIN_SCHEMAS } from './openapi/domain-schemas.js';
import { checkResponses } from './openapi/response-check.js';
import { DOCUMENT_UPLOAD_ROUTE } from './documents/documents.controller.js';
import { mountQueueDashboard } from './queues/queue-dashboard.js';
import { SESSION_COOKIE } from './auth/tokens.js';
import { PUBLIC_PATHS, rewritePublicUrl } from './public/public-paths.js';
import { answerFromCache } from './public/public-fast-path.js';
import { PublicCache } from './public/public-cache.js';
import { REDIS } from './redis/redis.module.js';

/** Request bodies above this are refused with 413 (routes that take documents raise it for themselves). */
export const JSON_BODY_LIMIT = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Keeps a caller's request id (from a proxy or another service) so logs join up across processes. */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The built web app, served at / when it exists. */
function webDist(config: AppConfig): string | undefined {
  const dir = config.webDistDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/** Builds the API application: used by main.ts and by the integration tests alike. */
export async function createApp(
  config: AppConfig,
  logger: Logger = createLogger('factdesk-api', config.logLevel, config.logFormat),
): Promise<NestFastifyApplication> {
  // Cached public pages and feeds are answered in front of Fastify (see answerFromCache), once the app exists.
  // eslint-disable-next-line prefer-const -- assigned after the adapter that calls it is built
  let fromCache: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
      createServer((req, res) => {
        if (!fromCache?.(req, res)) handler(req, res);
      }),
    genReqId: requestId,
    bodyLimit: JSON_BODY_LIMIT,
    // One log line per request (the onResponse hook below) instead of Fastify's two; cache hits of the
    // public site log at debug level (see answerFromCache).
    logController: new LogController({ disableRequestLogging: true }),
    // The public index and speaker pages share paths with staff routes under /api; see public-paths.ts.
    rewriteUrl: (req: { url?: string }) => rewritePublicUrl(req.url ?? '/'),
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    // Nest's own parsers would add form bodies; the JSON parser is the request guards' (see below).
    bodyParser: false,
  });
  // The public site and feeds live at the root; everything else under /api.
  app.setGlobalPrefix('api', { exclude: [...PUBLIC_PATHS] });

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fromCache = answerFromCache(app.get(PublicCache), requestId, logger);
  // The API speaks JSON: other bodies are refused with 415 rather than handed to validators as strings.
  fastify.removeContentTypeParser('text/plain');
  // JSON that is not UTF-8, nested past what validators can walk, or carries NUL characters or lone
  // surrogates: 400; form bodies, and multipart except on the document upload: 415 (see request-guards).
  registerRequestGuards(
    app,
    JSON_BODY_LIMIT,
    (routeConfig) =>
      (routeConfig as Record<string, unknown> | undefined)?.documentUpload === DOCUMENT_UPLOAD_ROUTE.documentUpload,
  );
  // The document route takes bodies up to the configured document size (JSON escaping can double a text).
  fastify.addHook('onRoute', (route) => {
    if (
      (route.config as Record<string, unknown> | undefined)?.documentUpload === DOCUMENT_UPLOAD_ROUTE.documentUpload
    ) {
      route.bodyLimit = config.documentMaxBytes * 2 + 64 * 1024;
    }
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (config.checkResponses) checkResponses(app, fastify);
  // At debug: a person watching `npm start` wants the few lines that matter; set LOG_LEVEL=debug to see requests.
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.debug(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React style attributes and Swagger UI's inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.documentMaxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.loginRateLimit.max,
    timeWindow: config.loginRateLimit.windowMs,
    redis: app.get(REDIS),
    nameSpace: `${config.redisPrefix}:rate-limit:`,
    // With Redis away, sign-in still works (unlimited) rather than failing for everyone.
    skipOnError: true,
    errorResponseBuilder: (request, context) =>
      errorBody(429, `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds.`, request.id),
  });

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Factdesk API')
      .setDescription(
        'Editorial workflow for fact-checking newsrooms. Browsers sign in with a session cookie; integrations use bearer API tokens issued by an admin.',
      )
      .setVersion('0.1.0')
      .setOpenAPIVersion('3.1.0')
      .addCookieAuth(SESSION_COOKIE)
      .addBearerAuth()
      .build(),
  );
  // Every response schema refers to libs/domain's types (see @Returns and openapi/domain-schemas.ts).
  openApi.components = { ...openApi.components, schemas: { ...openApi.components?.schemas, ...DOMAIN_SCHEMAS } };
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });

  await mountQueueDashboard(app);

  const dist = webDist(config);
  if (dist) {
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
  }
  // The web app's client-side routes get its index.html; unknown API paths a JSON 404.
  fastify.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || !dist) {
      return reply.status(404).send(errorBody(404, `No route for GET ${request.url.split('?')[0]}`, request.id));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dist);
  });
  return app;
}
