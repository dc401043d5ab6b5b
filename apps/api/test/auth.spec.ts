import { SessionEntity, UserEntity } from '@factdesk/persistence';
import { eventually } from '@factdesk/testing';
import { ORIGIN, sessionCookie, startHarness, type Harness } from './harness.js';

/**
 * A change made behind the API's back (another process, a script, SQL) reaches its cache of sessions by
 * PostgreSQL's NOTIFY, a moment after commit: reads wait for it, 5 s at most.
 */
const settled = <T>(read: () => Promise<T>, done: (value: T) => boolean, message: string) =>
  eventually(async () => done(await read()), { timeout: 5_000, interval: 20, message }).then(read);

/** Any route for signed-in staff: its status says whether a session still works (`/api/me` answers everyone). */
const SIGNED_IN_ONLY = '/api/notifications';

const settledStatus = (cookie: string, expected: number) =>
  settled(
    async () => (await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode,
    (s) => s === expected,
    `${SIGNED_IN_ONLY} to answer ${expected}`,
  );

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('sign-in', () => {
  it('signs a user in with a httpOnly SameSite session cookie and stores only a hash of it', async () => {
    const { email, password, user } = await h.createUser('editor');
    const res = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: email.toUpperCase(), password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, role: 'editor', id: user.id });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = sessionCookie(res.headers).split('=')[1];
    const stored = await h.db.getRepository(SessionEntity).findOneByOrFail({ userId: user.id });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toHaveLength(64);

    const me = await h.request({ url: '/api/me', cookie: sessionCookie(res.headers) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'session', user: { email, role: 'editor' } });
    // The configured document limit, for the web app's check before it sends a paste or a file.
    expect(me.json().limits).toEqual({ documentMaxBytes: h.config.documentMaxBytes });
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const { email } = await h.createUser('reviewer');
    const wrong = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email, password: 'not-the-password' },
    });
    const unknown = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'nobody@test.factdesk', password: 'whatever-it-is' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a deactivated user, even with the right password', async () => {
    const { email, password } = await h.createUser('editor', { active: false });
    const res = await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/deactivated/);
  });

  it('answers 401 without a session, and for a made-up cookie', async () => {
    expect((await h.request({ url: SIGNED_IN_ONLY })).statusCode).toBe(401);
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie: 'factdesk_session=forged' })).statusCode).toBe(401);
  });

  it('answers "who am I" with 200 and null when nobody is signed in (not an error), and the user when one is', async () => {
    for (const cookie of [undefined, 'factdesk_session=forged']) {
      const res = await h.request({ url: '/api/me', cookie });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toBeNull();
    }
    const { user, cookie } = await h.signIn('reviewer');
    expect((await h.request({ url: '/api/me', cookie })).json()).toMatchObject({
      via: 'session',
      user: { id: user.id },
    });
    // A bearer token that is not valid is still an error: an integration must learn of it.
    expect((await h.request({ url: '/api/me', token: 'fdk_not-a-token' })).statusCode).toBe(401);
  });

  it('ends the session on sign-out: the same cookie no longer works', async () => {
    const { cookie } = await h.signIn('reviewer');
    const out = await h.request({ method: 'POST', url: '/api/auth/logout', cookie });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/factdesk_session=;/);
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(401);
  });

  // Each session below is used first, so that the API holds it in memory when the database changes.
  it('refuses a session once it has expired in the database', async () => {
    const { cookie, user } = await h.signIn('editor');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(200);
    await h.db.getRepository(SessionEntity).update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await settledStatus(cookie, 401)).toBe(401);
  });

  it('refuses a session revoked in the database by another process', async () => {
    const { cookie, user } = await h.signIn('editor');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(200);
    await h.db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    expect(await settledStatus(cookie, 401)).toBe(401);
  });

  it('ends every session of a user deactivated in the database', async () => {
    const { cookie, user } = await h.signIn('reviewer');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(200);
    await h.db.getRepository(UserEntity).update({ id: user.id }, { active: false });
    expect(await settledStatus(cookie, 401)).toBe(401);
  });

  it('shows a role changed in the database to the signed-in user', async () => {
    const { cookie, user } = await h.signIn('reviewer');
    expect((await h.request({ url: '/api/me', cookie })).json().user.role).toBe('reviewer');
    await h.db.query(`UPDATE users SET role = 'editor' WHERE id = $1`, [user.id]);
    const role = await settled(
      async () => (await h.request({ url: '/api/me', cookie })).json().user.role,
      (r) => r === 'editor',
      'the new role',
    );
    expect(role).toBe('editor');
  });

  it('still hears of revocations after its connection to the database change feed is cut', async () => {
    const { cookie, user } = await h.signIn('editor');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(200);
    const [{ n }] = await h.db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'factdesk-api-listen'`,
    );
    expect(n).toBe(1);
    // The feed reconnects by itself (after about a second) and must be listening again.
    const listening = () =>
      h.db
        .query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'factdesk-api-listen'`,
        )
        .then(([r]) => r.n as number);
    await settled(listening, (count) => count === 1, 'the change feed listening again');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie })).statusCode).toBe(200);
    await h.db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    expect(await settledStatus(cookie, 401)).toBe(401);
  });

  it('takes effect at once when an admin deactivates someone or changes their role through the API', async () => {
    const admin = await h.signIn('admin');
    const editor = await h.signIn('editor');
    const reviewer = await h.signIn('reviewer');
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie: editor.cookie })).statusCode).toBe(200);
    expect((await h.request({ url: '/api/me', cookie: reviewer.cookie })).json().user.role).toBe('reviewer');
    expect(
      (
        await h.request({
          method: 'PATCH',
          url: `/api/users/${editor.user.id}`,
          cookie: admin.cookie,
          body: { active: false },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await h.request({
          method: 'PATCH',
          url: `/api/users/${reviewer.user.id}`,
          cookie: admin.cookie,
          body: { role: 'editor' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie: editor.cookie })).statusCode).toBe(401);
    expect((await h.request({ url: '/api/me', cookie: reviewer.cookie })).json().user.role).toBe('editor');
  });

  it('replaces a session held before sign-in (no session fixation)', async () => {
    const { email, password } = await h.createUser('editor');
    const first = sessionCookie(
      (await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password } })).headers,
    );
    const second = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email, password },
      cookie: first,
    });
    expect(second.statusCode).toBe(200);
    expect(sessionCookie(second.headers)).not.toBe(first);
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie: first })).statusCode).toBe(401);
    expect((await h.request({ url: SIGNED_IN_ONLY, cookie: sessionCookie(second.headers) })).statusCode).toBe(200);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write from another origin, or with no origin at all', async () => {
    const { cookie } = await h.signIn('admin');
    const body = { name: 'x', userId: undefined };
    const foreign = await h.request({
      method: 'POST',
      url: '/api/api-tokens',
      cookie,
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toMatch(/Cross-site/);
    const none = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body, headers: { origin: '' } });
    expect(none.statusCode).toBe(403);
    const viaReferer = await h.request({
      method: 'POST',
      url: '/api/api-tokens',
      cookie,
      body: { name: 'ok' },
      headers: { origin: '', referer: `${ORIGIN}/admin` },
    });
    expect(viaReferer.statusCode).toBe(201);
    const own = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body: { name: 'ok too' } });
    expect(own.statusCode).toBe(201);
  });

  it('refuses a sign-in posted from another site', async () => {
    const { email, password } = await h.createUser('editor');
    const res = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email, password },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('authenticates integrations with a bearer token until it is revoked', async () => {
    const { cookie } = await h.signIn('admin');
    const { user: editor } = await h.createUser('editor');
    const issued = await h.request({
      method: 'POST',
      url: '/api/api-tokens',
      cookie,
      body: { name: 'CMS', userId: editor.id },
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    expect(token).toMatch(/^fdk_/);

    const me = await h.request({ url: '/api/me', token });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'token', user: { id: editor.id, role: 'editor' } });
    // Bearer requests carry no cookie, so they need no Origin.
    expect((await h.request({ method: 'POST', url: '/api/auth/logout', token })).statusCode).toBe(204);

    const listed = await h.request({ url: '/api/api-tokens', cookie });
    expect(JSON.stringify(listed.json())).not.toContain(token);

    expect((await h.request({ method: 'DELETE', url: `/api/api-tokens/${id}`, cookie })).statusCode).toBe(204);
    const after = await h.request({ url: '/api/me', token });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/revoked/);
  });

  it('never lets an API token stand in for a session or a session for a token, used before or not', async () => {
    const { cookie } = await h.signIn('admin');
    const { user: editor } = await h.createUser('editor');
    const { token } = (
      await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body: { name: 'CMS', userId: editor.id } })
    ).json();
    const sessionSecret = cookie.split('=')[1];
    const asCookie = `${cookie.split('=')[0]}=${token}`;
    // Each works as what it is (which also puts it in the access cache)...
    expect((await h.request({ url: '/api/claims', token })).statusCode).toBe(200);
    expect((await h.request({ url: '/api/claims', cookie })).statusCode).toBe(200);
    // ...and neither works as the other, on a read or a write.
    const tokenAsCookie = await h.request({ url: '/api/claims', cookie: asCookie });
    expect(tokenAsCookie.statusCode).toBe(401);
    const write = await h.request({ method: 'POST', url: '/api/claims', cookie: asCookie, body: { text: 'Grain x.' } });
    expect(write.statusCode).toBe(401);
    const sessionAsBearer = await h.request({ url: '/api/claims', token: sessionSecret });
    expect(sessionAsBearer.statusCode).toBe(401);
    expect(sessionAsBearer.json().message).toMatch(/API token is invalid/);
    expect((await h.request({ url: '/api/me', cookie: asCookie })).json()).toBeNull();
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await h.request({ url: '/api/me', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
  });
});
