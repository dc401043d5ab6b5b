import { randomUUID } from 'node:crypto';
import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllowed, ROLES, type Role } from '@factdesk/domain';
import { AccessGuard } from '../src/auth/access.guard.js';
import type { SessionsService } from '../src/auth/sessions.service.js';
import { startHarness, type Harness } from './harness.js';
import { listRoutes } from './routes.js';

/**
 * Who may call what. A route missing here fails the first test, so no route ships without its
 * rule being written down and checked for every role.
 */
const EXPECTED: Record<string, 'public' | Role[]> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/health': 'public',
  'GET /api/me': ['admin', 'editor', 'reviewer'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/api-tokens': ['admin'],
  'POST /api/api-tokens': ['admin'],
  'DELETE /api/api-tokens/:id': ['admin'],
};

let h: Harness;
const cookies: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  h = await startHarness();
  for (const role of ROLES) cookies[role] = (await h.signIn(role)).cookie;
});
afterAll(() => h.close());

it('knows the access rule of every route the application serves', () => {
  const routes = listRoutes(h.app);
  const actual = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.rule]));
  expect(actual).toEqual(EXPECTED);
});

describe('route × role', () => {
  const callers: (Role | 'anonymous')[] = ['anonymous', ...ROLES];
  const cases = Object.entries(EXPECTED).flatMap(([route, rule]) => callers.map((caller) => [route, caller, rule] as const));

  it.each(cases)('%s as %s', async (route, caller, rule) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/:id/g, randomUUID());
    // Signing out ends the session, so that route gets a session of its own.
    const cookie = caller === 'anonymous' ? undefined : route === 'POST /api/auth/logout' ? (await h.signIn(caller)).cookie : cookies[caller];
    const res = await h.request({ method, url, cookie, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
    if (rule === 'public') {
      expect([401, 403]).not.toContain(res.statusCode);
    } else if (caller === 'anonymous') {
      expect(res.statusCode).toBe(401);
    } else if (rule.includes(caller) && roleAllowed(caller, rule)) {
      expect([401, 403]).not.toContain(res.statusCode);
      expect(res.statusCode).toBeLessThan(500);
    } else {
      expect(res.statusCode).toBe(403);
    }
  });
});

it('refuses a route that has no access rule, whoever asks', async () => {
  class Unmarked {
    handler() {}
  }
  const guard = new AccessGuard(new Reflector(), {} as SessionsService, h.config);
  const context = {
    getType: () => 'http',
    getHandler: () => Unmarked.prototype.handler,
    getClass: () => Unmarked,
    switchToHttp: () => ({ getRequest: () => ({ method: 'GET', routeOptions: { url: '/api/unmarked' }, headers: {} }) }),
  } as unknown as ExecutionContext;
  await expect(guard.canActivate(context)).rejects.toBeInstanceOf(ForbiddenException);
});
