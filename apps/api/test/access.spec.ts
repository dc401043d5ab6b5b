import { randomUUID } from 'node:crypto';
import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllowed, ROLES, type Role } from '@factdesk/domain';
import { AccessGuard } from '../src/auth/access.guard.js';
import type { SessionsService } from '../src/auth/sessions.service.js';
import { startHarness, type Harness } from './harness.js';
import { listRoutes, type AppRoute } from '../src/common/routes.js';

/**
 * Who may call what. A route missing here fails the first test, so no route ships without its
 * rule being written down and checked for every role.
 */
const ANYONE = 'public' as const;
const STAFF: Role[] = ['admin', 'editor', 'reviewer'];
const EDITORS: Role[] = ['admin', 'editor'];
const ADMINS: Role[] = ['admin'];

const EXPECTED: Record<string, 'public' | Role[]> = {
  'POST /api/auth/login': ANYONE,
  'POST /api/auth/logout': ANYONE,
  'GET /api/health': ANYONE,
  'GET /api/me': ANYONE,
  'GET /api/users': ADMINS,
  'POST /api/users': ADMINS,
  'PATCH /api/users/:id': ADMINS,
  'GET /api/api-tokens': ADMINS,
  'POST /api/api-tokens': ADMINS,
  'DELETE /api/api-tokens/:id': ADMINS,
  'GET /api/claims': STAFF,
  'POST /api/claims': EDITORS,
  'GET /api/claims/:id': STAFF,
  'PATCH /api/claims/:id': EDITORS,
  'PUT /api/claims/:id/provenance': EDITORS,
  'GET /api/claims/:id/history': STAFF,
  'POST /api/claims/triage': EDITORS,
  'POST /api/claims/:id/accept': EDITORS,
  'POST /api/claims/:id/dismiss': EDITORS,
  'POST /api/claims/:id/reopen': EDITORS,
  'POST /api/claims/:id/duplicate-of': EDITORS,
  'POST /api/claims/:id/not-duplicate': EDITORS,
  'PUT /api/claims/:id/assignment': EDITORS,
  'DELETE /api/claims/:id/assignment': EDITORS,
  'POST /api/assignments/bulk': EDITORS,
  'GET /api/assignments': STAFF,
  'GET /api/assignments/workload': EDITORS,
  'GET /api/claims/:id/verdict': STAFF,
  'PUT /api/claims/:id/verdict': STAFF,
  'GET /api/claims/:id/verdict/versions': STAFF,
  'GET /api/claims/:id/verdict/draft': STAFF,
  'PUT /api/claims/:id/verdict/draft': STAFF,
  'DELETE /api/claims/:id/verdict/draft': STAFF,
  'POST /api/claims/:id/start': STAFF,
  'POST /api/claims/:id/submit': STAFF,
  'POST /api/claims/:id/approve': EDITORS,
  'POST /api/claims/:id/request-changes': EDITORS,
  'POST /api/claims/:id/publish': EDITORS,
  'POST /api/claims/:id/schedule': EDITORS,
  'PUT /api/claims/:id/schedule': EDITORS,
  'DELETE /api/claims/:id/schedule': EDITORS,
  'GET /api/claims/:id/preview': STAFF,
  'GET /api/claims/:id/preview/claim-review': STAFF,
  'POST /api/claims/:id/correct': EDITORS,
  'POST /api/claims/:id/retract': EDITORS,
  'GET /api/fact-checks': STAFF,
  'GET /api/fact-checks/:id/versions': STAFF,
  'GET /api/claims/:id/comments': STAFF,
  'POST /api/claims/:id/comments': STAFF,
  'GET /api/notifications': STAFF,
  'POST /api/notifications/read': STAFF,
  'GET /api/speakers': STAFF,
  'PATCH /api/speakers/:id': EDITORS,
  'POST /api/speakers/:id/merge': EDITORS,
  'GET /api/documents/:documentId/speakers': STAFF,
  'PUT /api/documents/:documentId/speakers/:speakerId': EDITORS,
  'GET /api/ratings': STAFF,
  'POST /api/ratings': ADMINS,
  'PATCH /api/ratings/:id': ADMINS,
  'GET /api/stats': STAFF,
  'POST /api/documents': EDITORS,
  'GET /api/documents': STAFF,
  'GET /api/documents/:id': STAFF,
  'POST /api/documents/:id/retry': EDITORS,
  'GET /api/documents/:id/sentences': STAFF,
  'PUT /api/documents/:id/threshold': EDITORS,
  'POST /api/documents/:id/sentences/claim': EDITORS,
  'DELETE /api/documents/:id': ADMINS,
  'GET /api/events': STAFF,
  'GET /api/sources': EDITORS,
  'POST /api/sources': EDITORS,
  'PATCH /api/sources/:id': EDITORS,
  'DELETE /api/sources/:id': EDITORS,
  'POST /api/sources/:id/poll': EDITORS,
  'GET /api/today': EDITORS,
  'GET /fact-checks': ANYONE,
  'GET /fact-checks/:slug': ANYONE,
  'GET /methodology': ANYONE,
  'GET /corrections-policy': ANYONE,
  'GET /feed.json': ANYONE,
  'GET /feed.atom': ANYONE,
  'GET /feed.rss': ANYONE,
  'GET /claimreview-feed.json': ANYONE,
  'GET /speakers/:slug': ANYONE,
  'GET /sitemap.xml': ANYONE,
  'GET /robots.txt': ANYONE,
  'GET /api/site-pages': ADMINS,
  'PUT /api/site-pages/:key': ADMINS,
  'GET /api/webhooks': ADMINS,
  'POST /api/webhooks': ADMINS,
  'GET /api/webhooks/:id': ADMINS,
  'PATCH /api/webhooks/:id': ADMINS,
  'DELETE /api/webhooks/:id': ADMINS,
  'POST /api/webhooks/:id/rotate-secret': ADMINS,
  'GET /api/webhooks/:id/deliveries': ADMINS,
  'GET /api/webhooks/:id/deliveries/:deliveryId': ADMINS,
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
  // A @Roles rule admits every role that satisfies one of its roles (admins pass where editors do).
  const effective = (rule: AppRoute['rule']) =>
    rule === 'public' || rule === 'none' ? rule : ROLES.filter((r) => roleAllowed(r, rule));
  const actual = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, effective(r.rule)]));
  expect(actual).toEqual(EXPECTED);
});

describe('route × role', () => {
  const callers: (Role | 'anonymous')[] = ['anonymous', ...ROLES];
  const cases = Object.entries(EXPECTED).flatMap(([route, rule]) =>
    callers.map((caller) => [route, caller, rule] as const),
  );

  it.each(cases)('%s as %s', async (route, caller, rule) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/:\w+/g, randomUUID());
    if (route === 'GET /api/events' && caller !== 'anonymous' && rule !== 'public' && rule.includes(caller)) {
      // An event stream never ends: check it opens, then hang up.
      const abort = new AbortController();
      const res = await fetch(`${await h.listen()}${url}`, {
        headers: { cookie: cookies[caller]! },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      abort.abort();
      return;
    }
    // Signing out ends the session, so that route gets a session of its own.
    const cookie =
      caller === 'anonymous'
        ? undefined
        : route === 'POST /api/auth/logout'
          ? (await h.signIn(caller)).cookie
          : cookies[caller];
    const res = await h.request({
      method,
      url,
      cookie,
      body: method === 'GET' || method === 'DELETE' ? undefined : {},
    });
    if (rule === 'public') {
      expect([401, 403]).not.toContain(res.statusCode);
    } else if (caller === 'anonymous') {
      expect(res.statusCode).toBe(401);
    } else if (rule.includes(caller)) {
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
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', routeOptions: { url: '/api/unmarked' }, headers: {} }),
    }),
  } as unknown as ExecutionContext;
  await expect(guard.canActivate(context)).rejects.toBeInstanceOf(ForbiddenException);
});

it('opens the queue dashboard to editors and admins only', async () => {
  expect((await h.request({ url: '/admin/queues' })).statusCode).toBe(401);
  expect((await h.request({ url: '/admin/queues', cookie: cookies.reviewer })).statusCode).toBe(403);
  for (const role of ['editor', 'admin'] as const) {
    const page = await h.request({ url: '/admin/queues', cookie: cookies[role] });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html');
    const api = await h.request({ url: '/admin/queues/api/queues', cookie: cookies[role] });
    expect(api.statusCode).toBe(200);
    expect(api.json().queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['document-fetch', 'document-detect', 'claim-link']),
    );
  }
});

const EMPTY = { ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] };

describe('a reviewer cannot act on a claim not assigned to them', () => {
  type Who = { cookie: string; user: { id: string } };
  let owner: Who;
  let outsider: Who;
  let former: Who;
  const call = (who: Who | string, method: string, url: string, body?: unknown) =>
    h.request({ method, url, cookie: typeof who === 'string' ? who : who.cookie, body });
  const ok = async (who: Who | string, method: string, url: string, body?: unknown) => {
    const res = await call(who, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A first save of a verdict that may be submitted (submission checks completeness, as approval does). */
  const completeVerdict = async (headline: string) => ({
    version: 0,
    ratingId: (await h.data.ratings())[0].id,
    headline,
    conclusion: 'The ministry’s figure stands.',
    sources: [{ url: 'https://customs.example.org/2025', title: 'Customs data', kind: 'primary' }],
  });

  /** A claim taken to `state` by its editor and `owner`; `former` held it before it was reassigned. */
  async function claimIn(
    state: 'accepted' | 'assigned' | 'in_progress' | 'in_review' | 'changes_requested',
  ): Promise<string> {
    const { id } = await ok(cookies.editor!, 'POST', '/api/claims', {
      text: `Grain exports grew by 12 percent (${state}, ${randomUUID()}).`,
    });
    if (state === 'accepted') return id;
    await ok(cookies.editor!, 'PUT', `/api/claims/${id}/assignment`, { assigneeId: former.user.id });
    await ok(cookies.editor!, 'PUT', `/api/claims/${id}/assignment`, { assigneeId: owner.user.id });
    if (state === 'assigned') return id;
    await ok(
      owner,
      'PUT',
      `/api/claims/${id}/verdict`,
      await completeVerdict('Twelve percent is the ministry’s figure'),
    );
    if (state === 'in_progress') return id;
    await ok(owner, 'POST', `/api/claims/${id}/submit`);
    if (state === 'in_review') return id;
    await ok(cookies.editor!, 'POST', `/api/claims/${id}/request-changes`, { comment: 'Cite the customs data.' });
    return id;
  }

  /** Everything a refused attempt could have touched. */
  const footprint = async (id: string) => ({
    claim: (await ok(cookies.editor!, 'GET', `/api/claims/${id}`)).state,
    verdict: await call(cookies.editor!, 'GET', `/api/claims/${id}/verdict`).then((r) =>
      r.statusCode === 404 ? null : r.json(),
    ),
    comments: (await ok(cookies.editor!, 'GET', `/api/claims/${id}/comments`)).length,
    history: (await ok(cookies.editor!, 'GET', `/api/claims/${id}/history`)).length,
  });

  const ATTEMPTS = [
    ['POST', 'start', undefined, 'Only the person this claim is assigned to (or an editor) can start it.'],
    ['POST', 'submit', undefined, 'Only the person this claim is assigned to (or an editor) can submit it.'],
    [
      'PUT',
      'verdict',
      { version: 1, conclusion: 'Overwritten by someone else' },
      'Only the person this claim is assigned to, or an editor, can edit its verdict.',
    ],
    [
      'PUT',
      'verdict',
      { version: 0, conclusion: 'A draft of my own' },
      'Only the person this claim is assigned to, or an editor, can edit its verdict.',
    ],
    [
      'PUT',
      'verdict/draft',
      { baseVersion: 0, base: EMPTY, content: { ...EMPTY, headline: 'Typing in someone else’s verdict' } },
      'Only the person this claim is assigned to, or an editor, can edit its verdict.',
    ],
    ['POST', 'comments', { body: 'Drive-by comment' }, 'Reviewers can comment on the claims assigned to them.'],
  ] as const;
  const STATES = ['accepted', 'assigned', 'in_progress', 'in_review', 'changes_requested'] as const;

  beforeAll(async () => {
    owner = await h.signIn('reviewer');
    outsider = await h.signIn('reviewer');
    former = await h.signIn('reviewer');
  });

  it.each(STATES)(
    'in state %s: start, submit, verdict save and comment are 403 for another reviewer, and change nothing',
    async (state) => {
      const id = await claimIn(state);
      const before = await footprint(id);
      for (const [method, action, body, message] of ATTEMPTS) {
        const res = await call(outsider, method, `/api/claims/${id}/${action}`, body);
        expect({ action, status: res.statusCode, message: res.json().message }).toEqual({
          action,
          status: 403,
          message,
        });
      }
      expect(await footprint(id)).toEqual(before);
      // The claim detail offers the outsider nothing to do.
      expect((await ok(outsider, 'GET', `/api/claims/${id}`)).actions).toEqual([]);
    },
  );

  it('a reviewer the claim was reassigned away from loses start, submit and the verdict, and keeps the discussion', async () => {
    const id = await claimIn('in_progress');
    const before = await footprint(id);
    for (const [method, action, body, message] of ATTEMPTS.filter(([, action]) => action !== 'comments')) {
      const res = await call(former, method, `/api/claims/${id}/${action}`, body);
      expect({ action, status: res.statusCode, message: res.json().message }).toEqual({ action, status: 403, message });
    }
    expect(await footprint(id)).toEqual(before);
    expect(
      (
        await call(former, 'POST', `/api/claims/${id}/comments`, {
          body: 'Handing over: the customs data is in the shared folder.',
        })
      ).statusCode,
    ).toBe(201);
  });

  // What a newsroom expects: colleagues read each other's work (claims, draft verdicts, discussion,
  // assignment notes, who holds what); only the assignee, or an editor, acts on it (the 403s above).
  it('another reviewer reads a colleague’s claim, draft verdict, comments, assignment note and history', async () => {
    const { id } = await ok(cookies.editor!, 'POST', '/api/claims', {
      text: `Grain exports grew by 12 percent (read by colleagues, ${randomUUID()}).`,
    });
    await ok(cookies.editor!, 'PUT', `/api/claims/${id}/assignment`, {
      assigneeId: owner.user.id,
      note: 'Start from the customs data.',
    });
    await ok(owner, 'PUT', `/api/claims/${id}/verdict`, { version: 0, headline: 'A draft in progress' });
    await ok(owner, 'POST', `/api/claims/${id}/comments`, { body: 'The ministry has not answered yet.' });

    const detail = await ok(outsider, 'GET', `/api/claims/${id}`);
    expect(detail.assignments).toEqual([
      expect.objectContaining({
        note: 'Start from the customs data.',
        assignee: expect.objectContaining({ id: owner.user.id }),
      }),
    ]);
    expect((await ok(outsider, 'GET', `/api/claims/${id}/verdict`)).headline).toBe('A draft in progress');
    expect((await ok(outsider, 'GET', `/api/claims/${id}/comments`)).map((c: { body: string }) => c.body)).toEqual([
      'The ministry has not answered yet.',
    ]);
    expect((await ok(outsider, 'GET', `/api/claims/${id}/history`)).length).toBeGreaterThan(0);
    const held = await ok(outsider, 'GET', `/api/assignments?assignee=${owner.user.id}`);
    expect(held.map((a: { claimId: string }) => a.claimId)).toContain(id);
    expect((await ok(outsider, 'GET', '/api/assignments')).map((a: { claimId: string }) => a.claimId)).toContain(id);
    // Their own list is still theirs.
    expect(
      (await ok(outsider, 'GET', '/api/assignments?assignee=me')).map((a: { claimId: string }) => a.claimId),
    ).not.toContain(id);
  });

  it('the assignee can take each of these actions (the 403s above are about who, not what)', async () => {
    const id = await claimIn('assigned');
    expect((await call(owner, 'POST', `/api/claims/${id}/start`)).statusCode).toBe(200);
    expect((await call(owner, 'PUT', `/api/claims/${id}/verdict`, await completeVerdict('Mine'))).statusCode).toBe(200);
    expect(
      (await call(owner, 'PUT', `/api/claims/${id}/verdict/draft`, { baseVersion: 1, base: EMPTY, content: EMPTY }))
        .statusCode,
    ).toBe(200);
    expect((await call(owner, 'POST', `/api/claims/${id}/comments`, { body: 'Working on it.' })).statusCode).toBe(201);
    expect((await call(owner, 'POST', `/api/claims/${id}/submit`)).statusCode).toBe(200);
  });
});
