import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@factdesk/config';
import { roleAllowed, type Role } from '@factdesk/domain';
import { JobQueue } from '@factdesk/queue';
import { CROSS_SITE_REFUSED, sameOrigin } from '../auth/access.guard.js';
import { SessionsService } from '../auth/sessions.service.js';
import { SESSION_COOKIE } from '../auth/tokens.js';
import { APP_CONFIG } from '../common/config.js';
import { errorBody } from '../common/errors.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const roleOf = new WeakMap<FastifyRequest, Role>();

/**
 * The BullMQ dashboard (Bull Board) for editors and admins. Its routes are Fastify's, not Nest's, so the
 * global guard does not see them: these hooks apply the same session check and the same CSRF rule for
 * writes before any of them runs, and keep job stack traces (code paths, internals) for admins.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const sessions = app.get(SessionsService);
  const config = app.get<AppConfig>(APP_CONFIG);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueue)
      .dashboardQueues()
      .map((q) => new BullMQAdapter(q)),
    serverAdapter,
  });

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[
        SESSION_COOKIE
      ];
      const principal = token ? await sessions.resolveSession(token) : null;
      if (!principal) return reply.status(401).send(errorBody(401, 'Sign in to continue.', request.id));
      if (!roleAllowed(principal.user.role, ['editor']))
        return reply.status(403).send(errorBody(403, 'The queue dashboard is for editors and admins.', request.id));
      // A form on another site would ride the session cookie: writes come from our own pages only.
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request, config.appOrigins))
        return reply.status(403).send(errorBody(403, CROSS_SITE_REFUSED, request.id));
      roleOf.set(request, principal.user.role);
    });
    scope.addHook('onSend', async (request, reply, payload) => {
      if (roleOf.get(request) === 'admin' || typeof payload !== 'string') return payload;
      if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
      try {
        return JSON.stringify(withoutStackTraces(JSON.parse(payload)));
      } catch {
        return payload;
      }
    });
    // Bull Board's UI needs inline scripts of its own; its pages get a looser policy, on these routes only.
    scope.addHook('onSend', async (_request, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data:; font-src 'self' data: https:; frame-ancestors 'none'",
      );
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}

/** Bull Board's JSON with every job's `stacktrace` emptied (its `failedReason`, the error's message, stays). */
function withoutStackTraces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStackTraces);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === 'stacktrace' ? [] : withoutStackTraces(v)]),
  );
}
