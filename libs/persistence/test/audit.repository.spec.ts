import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { AuditRepository, createDataSource, RatingEntity, type AuditRecord } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let audit: AuditRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'audit-repository-spec' });
  await db.initialize();
  audit = new AuditRepository(db);
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const event = (slug: string, after: AuditRecord['after']): AuditRecord => ({
  actorId: null,
  action: 'rating.create',
  entityType: 'rating',
  entityId: slug,
  after,
});

/** A rating and its audit event in one transaction, as every writer does it. */
async function createRating(slug: string, after: AuditRecord['after']): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .getRepository(RatingEntity)
      .insert({ slug, label: slug, description: '', colour: '#000000', position: 99 });
    await audit.record(tx, event(slug, after));
  });
}

describe('AuditRepository.record joins the transaction of the change', () => {
  it.each([
    // what the event carries, whether the change and its event are stored
    ['a well-formed event', { label: 'fine' }, true],
    ['no before or after', null, true],
    ['a lone surrogate (jsonb refuses it)', { label: 'bad \ud800' }, false],
    ['a NUL (jsonb refuses it)', { label: 'bad \u0000' }, false],
  ])('%s: stored %s', async (_what, after, stored) => {
    const slug = `r-${Math.random().toString(36).slice(2, 10)}`;
    const write = createRating(slug, after);
    if (stored) await write;
    else await expect(write).rejects.toThrow();
    expect(await db.getRepository(RatingEntity).countBy({ slug })).toBe(stored ? 1 : 0);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [slug]);
    expect(n).toBe(stored ? 1 : 0);
  });

  it('an event is rolled back with a change that fails after it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await audit.record(tx, event('later-failure', { label: 'x' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = 'later-failure'`);
    expect(n).toBe(0);
  });

  it("reads a claim's history oldest first with its actors", async () => {
    const claimId = '00000000-0000-4000-8000-000000000001';
    await db.transaction(async (tx) => {
      await audit.record(tx, { ...event('c1', null), action: 'claim.accept', claimId });
      await audit.record(tx, { ...event('c2', null), action: 'claim.assign', claimId });
    });
    expect((await audit.forClaim(claimId)).map((e) => e.action)).toEqual(['claim.accept', 'claim.assign']);
  });
});
