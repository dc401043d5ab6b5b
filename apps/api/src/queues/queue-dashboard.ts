import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllowed } from '@factdesk/domain';
import { SessionsService } from '../auth/sessions.service.js';
import { SESSION_COOKIE } from '../auth/tokens.js';
import { QueuesService } from './queues.service.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard (Bull Board) for editors and admins. Its routes are Fastify's, not Nest's, so the
 * global guard does not see them: this hook applies the same session check before any of them runs.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const sessions = app.get(SessionsService);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: app.get(QueuesService).all().map((q) => new BullMQAdapter(q)), serverAdapter });

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
      const principal = token ? await sessions.resolveSession(token) : null;
      if (!principal) return reply.status(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue.', requestId: request.id });
      if (!roleAllowed(principal.user.role, ['editor'])) return reply.status(403).send({ statusCode: 403, error: 'Forbidden', message: 'The queue dashboard is for editors and admins.', requestId: request.id });
    });
    // Bull Board's UI needs inline scripts of its own; its pages get a looser policy, on these routes only.
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data:; font-src 'self' data: https:; frame-ancestors 'none'");
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
