import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { ClaimsRepository, createDataSource } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let claims: ClaimsRepository;
let actor: { actorId: string; requestId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'claims-repository-spec' });
  await db.initialize();
  claims = new ClaimsRepository(db);
  const [editor] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('ed@example.org', 'Ed', 'editor', 'x') RETURNING id`,
  );
  actor = { actorId: editor.id, requestId: 'r' };
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const events = async (claimId: string): Promise<{ action: string; before: unknown; after: unknown }[]> =>
  db.query(`SELECT action, before, after FROM audit_events WHERE claim_id = $1 ORDER BY id`, [claimId]);
const newClaim = (text: string) => ({
  text,
  speaker: null,
  saidAt: null,
  saidWhereUrl: null,
  claimType: 'other' as const,
  state: 'accepted' as const,
  checkworthy: true,
  reasons: ['entered by hand'],
  createdById: actor.actorId,
});

describe('claims: each write with its audit event', () => {
  it('create, edit, move state', async () => {
    const claim = await db.transaction((tx) => claims.create(tx, newClaim('Exports grew.'), actor));
    expect(await claims.exists(claim.id)).toBe(true);
    await db.transaction(async (tx) => {
      const locked = (await claims.lock(tx, claim.id))!;
      expect(locked.assignment).toBeNull();
      locked.claim.text = 'Exports grew by 4%.';
      await claims.edit(tx, locked.claim, { text: 'Exports grew.', speaker: null, claimType: 'other' }, actor);
      await claims.moveState(
        tx,
        {
          claimId: claim.id,
          from: 'accepted',
          to: 'dismissed',
          dismissalReason: 'opinion',
          action: 'claim.dismiss',
          reason: 'opinion',
        },
        actor,
      );
    });
    const [row] = await db.query(`SELECT text, state, dismissal_reason FROM claims WHERE id = $1`, [claim.id]);
    expect(row).toEqual({ text: 'Exports grew by 4%.', state: 'dismissed', dismissal_reason: 'opinion' });
    expect(await events(claim.id)).toEqual([
      { action: 'claim.create', before: null, after: { text: 'Exports grew.', speaker: null, state: 'accepted' } },
      {
        action: 'claim.edit',
        before: { text: 'Exports grew.', speaker: null, claimType: 'other' },
        after: { text: 'Exports grew by 4%.', speaker: null, claimType: 'other' },
      },
      { action: 'claim.dismiss', before: { state: 'accepted' }, after: { state: 'dismissed', reason: 'opinion' } },
    ]);
  });

  it('a write whose transaction fails leaves neither the change nor its event', async () => {
    const claim = await db.transaction((tx) => claims.create(tx, newClaim('Crime fell.'), actor));
    await expect(
      db.transaction(async (tx) => {
        await claims.moveState(
          tx,
          { claimId: claim.id, from: 'accepted', to: 'dismissed', dismissalReason: 'x', action: 'claim.dismiss' },
          actor,
        );
        throw new Error('the effect failed');
      }),
    ).rejects.toThrow('the effect failed');
    expect((await db.query(`SELECT state FROM claims WHERE id = $1`, [claim.id]))[0].state).toBe('accepted');
    expect((await events(claim.id)).map((e) => e.action)).toEqual(['claim.create']);
  });

  it('detailRows reads the claim with its verdict and its sources in order; null for no such claim', async () => {
    const claim = await db.transaction((tx) => claims.create(tx, newClaim('Wages rose.'), actor));
    const [verdict] = await db.query(
      `INSERT INTO verdicts (claim_id, author_id, state, version) VALUES ($1, $2, 'draft', 1) RETURNING id`,
      [claim.id, actor.actorId],
    );
    await db.query(
      `INSERT INTO verdict_sources (verdict_id, position, url, title, kind)
       VALUES ($1, 1, 'https://b.example', 'B', 'secondary'), ($1, 0, 'https://a.example', 'A', 'primary')`,
      [verdict.id],
    );
    const rows = (await claims.detailRows(claim.id))!;
    expect(rows.claim.text).toBe('Wages rose.');
    expect(rows.verdict?.author?.name).toBe('Ed');
    expect(rows.sources.map((s) => s.url)).toEqual(['https://a.example', 'https://b.example']);
    expect(rows).toMatchObject({ assignments: [], factCheck: null, corrections: [], matches: [] });
    expect(await claims.detailRows('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('lock answers null for a claim that does not exist', async () => {
    expect(await db.transaction((tx) => claims.lock(tx, '00000000-0000-4000-8000-000000000000'))).toBeNull();
    expect(await claims.exists('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});
