import { SessionEntity, UserEntity } from '@factdesk/persistence';
import { ORIGIN, sessionCookie, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('sign-in', () => {
  it('signs a user in with a httpOnly SameSite session cookie and stores only a hash of it', async () => {
    const { email, password, user } = await h.createUser('editor');
    const res = await h.request({ method: 'POST', url: '/api/auth/login', body: { email: email.toUpperCase(), password } });
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
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const { email } = await h.createUser('reviewer');
    const wrong = await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password: 'not-the-password' } });
    const unknown = await h.request({ method: 'POST', url: '/api/auth/login', body: { email: 'nobody@test.factdesk', password: 'whatever-it-is' } });
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
    expect((await h.request({ url: '/api/me' })).statusCode).toBe(401);
    expect((await h.request({ url: '/api/me', cookie: 'factdesk_session=forged' })).statusCode).toBe(401);
  });

  it('ends the session on sign-out: the same cookie no longer works', async () => {
    const { cookie } = await h.signIn('reviewer');
    const out = await h.request({ method: 'POST', url: '/api/auth/logout', cookie });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/factdesk_session=;/);
    expect((await h.request({ url: '/api/me', cookie })).statusCode).toBe(401);
  });

  it('refuses an expired session', async () => {
    const { cookie, user } = await h.signIn('editor');
    await h.db.getRepository(SessionEntity).update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await h.request({ url: '/api/me', cookie })).statusCode).toBe(401);
  });

  it('refuses a revoked session', async () => {
    const { cookie, user } = await h.signIn('editor');
    await h.db.getRepository(SessionEntity).update({ userId: user.id }, { revokedAt: new Date() });
    expect((await h.request({ url: '/api/me', cookie })).statusCode).toBe(401);
  });

  it('ends every session of a user who is deactivated', async () => {
    const { cookie, user } = await h.signIn('reviewer');
    await h.db.getRepository(UserEntity).update({ id: user.id }, { active: false });
    expect((await h.request({ url: '/api/me', cookie })).statusCode).toBe(401);
  });

  it('replaces a session held before sign-in (no session fixation)', async () => {
    const { email, password } = await h.createUser('editor');
    const first = sessionCookie((await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password } })).headers);
    const second = await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password }, cookie: first });
    expect(second.statusCode).toBe(200);
    expect(sessionCookie(second.headers)).not.toBe(first);
    expect((await h.request({ url: '/api/me', cookie: first })).statusCode).toBe(401);
    expect((await h.request({ url: '/api/me', cookie: sessionCookie(second.headers) })).statusCode).toBe(200);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write from another origin, or with no origin at all', async () => {
    const { cookie } = await h.signIn('admin');
    const body = { name: 'x', userId: undefined };
    const foreign = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toMatch(/Cross-site/);
    const none = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body, headers: { origin: '' } });
    expect(none.statusCode).toBe(403);
    const viaReferer = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body: { name: 'ok' }, headers: { origin: '', referer: `${ORIGIN}/admin` } });
    expect(viaReferer.statusCode).toBe(201);
    const own = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body: { name: 'ok too' } });
    expect(own.statusCode).toBe(201);
  });

  it('refuses a sign-in posted from another site', async () => {
    const { email, password } = await h.createUser('editor');
    const res = await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password }, headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('authenticates integrations with a bearer token until it is revoked', async () => {
    const { cookie } = await h.signIn('admin');
    const { user: editor } = await h.createUser('editor');
    const issued = await h.request({ method: 'POST', url: '/api/api-tokens', cookie, body: { name: 'CMS', userId: editor.id } });
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

  it('refuses a malformed Authorization header', async () => {
    const res = await h.request({ url: '/api/me', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
  });
});
