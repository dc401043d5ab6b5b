import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { AccountsRepository, createDataSource, RatingsRepository, type UserEntity } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let accounts: AccountsRepository;
let ratings: RatingsRepository;
let admin: UserEntity;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'accounts-repository-spec' });
  await db.initialize();
  accounts = new AccountsRepository(db);
  ratings = new RatingsRepository(db);
  admin = await accounts.createUser(
    { email: 'admin@example.org', name: 'Admin', role: 'admin', passwordHash: 'x' },
    { actorId: null, requestId: 'seed', describe: (u) => ({ email: u.email }) },
  );
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

/** The audit event shows the whole record, so a name jsonb refuses makes the event fail. */
const actor = { requestId: 'r', describe: (r: object) => ({ ...r }) };
const events = async (action: string): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1`, [action]))[0].n;
const count = async (table: string): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('every admin change commits with its audit event, or neither is stored', () => {
  it.each([
    // what, the write with a given name, its table, its audit action
    [
      'a user',
      (name: string) =>
        accounts.createUser(
          { email: `${Math.random()}@example.org`, name, role: 'reviewer', passwordHash: 'x' },
          { ...actor, actorId: admin.id },
        ),
      'users',
      'user.create',
    ],
    [
      'an API token',
      (name: string) =>
        accounts.issueToken(
          { name, userId: admin.id, createdById: admin.id, expiresAt: null, tokenHash: `h-${Math.random()}` },
          { ...actor, actorId: admin.id },
        ),
      'api_tokens',
      'api_token.issue',
    ],
    [
      'a rating',
      (name: string) =>
        ratings.create(
          { slug: `s-${Math.random().toString(36).slice(2, 8)}`, label: name },
          { ...actor, actorId: admin.id },
        ),
      'ratings',
      'rating.create',
    ],
  ] as const)('%s', async (_what, write, table, action) => {
    const [rows, audited] = [await count(table), await events(action)];
    await write('Fine');
    expect([await count(table), await events(action)]).toEqual([rows + 1, audited + 1]);
    await expect(write('bad \ud800')).rejects.toThrow();
    expect([await count(table), await events(action)]).toEqual([rows + 1, audited + 1]);
  });
});

describe('accounts', () => {
  it('finds a user by email whatever its case, and refuses a second account for it', async () => {
    expect((await accounts.findUserByEmail('ADMIN@example.org'))?.id).toBe(admin.id);
    await expect(
      accounts.createUser(
        { email: 'Admin@Example.org', name: 'Twin', role: 'editor', passwordHash: 'x' },
        { ...actor, actorId: admin.id },
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
  });

  it('an update records before and after; an unknown user is null', async () => {
    const user = await accounts.updateUser(admin.id, (u) => ((u.name = 'Renamed'), { passwordChanged: false }), {
      actorId: admin.id,
      requestId: 'r',
      describe: (u) => ({ name: u.name }),
    });
    expect(user?.name).toBe('Renamed');
    const [event] = await db.query(`SELECT before, after FROM audit_events WHERE action = 'user.update'`);
    expect(event).toEqual({ before: { name: 'Admin' }, after: { name: 'Renamed', passwordChanged: false } });
    expect(
      await accounts.updateUser('00000000-0000-4000-8000-000000000000', () => ({}), {
        actorId: admin.id,
        requestId: 'r',
        describe: () => ({}),
      }),
    ).toBeNull();
  });

  it('revoking everything of a user revokes their sessions and tokens', async () => {
    const expiresAt = new Date(Date.now() + 3600_000);
    await accounts.createSession({
      tokenHash: 's-1',
      userId: admin.id,
      expiresAt,
      ip: null,
      userAgent: null,
      lastSeenAt: null,
    });
    await accounts.issueToken(
      { name: 'ci', userId: admin.id, createdById: admin.id, expiresAt: null, tokenHash: 't-1' },
      { actorId: admin.id, requestId: 'r', describe: () => ({}) },
    );
    await accounts.revokeAllForUser(admin.id);
    expect((await accounts.sessionByHash('s-1'))?.revokedAt).toBeInstanceOf(Date);
    expect((await accounts.tokenByHash('t-1'))?.revokedAt).toBeInstanceOf(Date);
  });
});

describe('seeding is idempotent', () => {
  it('writes the scale only where there is none, and a user only when missing', async () => {
    const scale = [{ slug: 'seed-a', label: 'A' }];
    const first = await db.transaction((tx) => ratings.seedIfEmpty(tx, scale));
    // The database of this file may hold ratings from the describes above: then nothing is written.
    expect(first).toBe((await ratings.list()).some((r) => r.slug === 'seed-a') ? 1 : 0);
    expect(await db.transaction((tx) => ratings.seedIfEmpty(tx, scale))).toBe(0);

    const user = { email: 'seeded@example.org', name: 'Seeded', role: 'editor' as const, passwordHash: 'first' };
    expect(await db.transaction((tx) => accounts.createUserIfMissing(tx, user))).toBe(true);
    expect(await db.transaction((tx) => accounts.createUserIfMissing(tx, { ...user, passwordHash: 'second' }))).toBe(
      false,
    );
    expect((await accounts.findUserByEmail(user.email))?.passwordHash).toBe('first');
  });
});
