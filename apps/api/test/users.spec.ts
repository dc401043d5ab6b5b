import { AuditEventEntity, SessionEntity, UserEntity } from '@factdesk/persistence';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: { cookie: string; user: UserEntity };
beforeAll(async () => {
  h = await startHarness();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

describe('user administration', () => {
  it('creates a user who can then sign in, and audits it', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin.cookie,
      body: {
        email: 'New.Reviewer@Test.Factdesk',
        name: 'New Reviewer',
        role: 'reviewer',
        password: 'a-long-password',
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ email: 'new.reviewer@test.factdesk', role: 'reviewer', active: true });
    expect(created).not.toHaveProperty('passwordHash');
    const login = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'new.reviewer@test.factdesk', password: 'a-long-password' },
    });
    expect(login.statusCode).toBe(200);
    const audit = await h.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: created.id, action: 'user.create' });
    expect(audit.actorId).toBe(admin.user.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/password/i);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const { email } = await h.createUser('editor');
    const res = await h.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin.cookie,
      body: { email: email.toUpperCase(), name: 'Dup', role: 'editor', password: 'a-long-password' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('already exists');
  });

  it('lists every field that is wrong', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/users',
      cookie: admin.cookie,
      body: { email: 'not-an-email', name: '', role: 'owner', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['email', 'name', 'password', 'role']);
  });

  it('changes a role, which takes effect on the next request', async () => {
    const reviewer = await h.signIn('reviewer');
    expect((await h.request({ url: '/api/users', cookie: reviewer.cookie })).statusCode).toBe(403);
    const res = await h.request({
      method: 'PATCH',
      url: `/api/users/${reviewer.user.id}`,
      cookie: admin.cookie,
      body: { role: 'admin' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('admin');
    expect((await h.request({ url: '/api/users', cookie: reviewer.cookie })).statusCode).toBe(200);
  });

  it('deactivating a user signs them out everywhere and records who did it', async () => {
    const editor = await h.signIn('editor');
    const res = await h.request({
      method: 'PATCH',
      url: `/api/users/${editor.user.id}`,
      cookie: admin.cookie,
      body: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await h.request({ url: '/api/notifications', cookie: editor.cookie })).statusCode).toBe(401);
    const sessions = await h.db.getRepository(SessionEntity).findBy({ userId: editor.user.id });
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    const audit = await h.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: editor.user.id, action: 'user.update' });
    expect(audit.before).toMatchObject({ active: true });
    expect(audit.after).toMatchObject({ active: false });
  });

  it('will not let an admin lock themselves out', async () => {
    const res = await h.request({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      cookie: admin.cookie,
      body: { role: 'editor' },
    });
    expect(res.statusCode).toBe(409);
    const deactivate = await h.request({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      cookie: admin.cookie,
      body: { active: false },
    });
    expect(deactivate.statusCode).toBe(409);
    expect((await h.db.getRepository(UserEntity).findOneByOrFail({ id: admin.user.id })).active).toBe(true);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect(
      (await h.request({ method: 'PATCH', url: '/api/users/not-a-uuid', cookie: admin.cookie, body: { name: 'x' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await h.request({
          method: 'PATCH',
          url: '/api/users/00000000-0000-4000-8000-000000000000',
          cookie: admin.cookie,
          body: { name: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
