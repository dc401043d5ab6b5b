import type { DataSource } from 'typeorm';
import type { FactCheckSnapshot } from '@factdesk/domain';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { createDataSource, PublicationsRepository } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let publications: PublicationsRepository;
let rating: { id: string; slug: string; label: string; value: number | null; colour: string };
const actor = { actorId: '', requestId: 'r' };

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'publications-repository-spec' });
  await db.initialize();
  publications = new PublicationsRepository(db);
  actor.actorId = (
    await db.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('ed@example.org', 'Ed', 'editor', 'x') RETURNING id`,
    )
  )[0].id;
  rating = (
    await db.query(
      `INSERT INTO ratings (slug, label, description, value, colour, position)
       VALUES ('pub-false', 'False', 'Not so.', 0, '#aa0000', 1) RETURNING id, slug, label, value, colour`,
    )
  )[0];
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

let n = 0;
const claim = async (): Promise<string> =>
  (await db.query(`INSERT INTO claims (text, state) VALUES ('Exports grew.', 'approved') RETURNING id`))[0].id;
const snapshot = (claimId: string, headline: string): FactCheckSnapshot => ({
  claim: {
    id: claimId,
    text: 'Exports grew.',
    saidAt: null,
    saidWhereUrl: null,
    documentTitle: null,
    documentUrl: null,
    outlet: null,
  },
  speaker: null,
  rating,
  headline,
  conclusion: 'They fell.',
  analysis: '',
  sources: [],
  authors: [],
});
const publish = (claimId: string, publishedAt = new Date()) =>
  db.transaction((tx) =>
    publications.publish(
      tx,
      {
        claimId,
        slug: `exports-grew-${++n}`,
        speakerId: null,
        ratingId: rating.id,
        publishedAt,
        verdictVersion: 1,
        snapshot: snapshot(claimId, 'Exports fell'),
      },
      actor,
    ),
  );
const events = async (claimId: string) =>
  (await db.query(`SELECT action, after FROM audit_events WHERE claim_id = $1 ORDER BY id`, [claimId])) as {
    action: string;
    after: Record<string, unknown>;
  }[];

describe('publish, correct and retract each write their rows and audit event together', () => {
  it('publish makes version 1; a correction version 2 with its note; a retraction keeps the versions', async () => {
    const claimId = await claim();
    const published = await publish(claimId);
    expect(published).toMatchObject({ state: 'published', currentVersion: 1, publishedById: actor.actorId });

    await db.transaction(async (tx) => {
      const locked = await publications.lockOfClaim(tx, claimId);
      await publications.correct(
        tx,
        locked,
        {
          note: 'Figure fixed.',
          ratingId: rating.id,
          fields: ['headline'],
          verdictVersion: 2,
          snapshot: snapshot(claimId, 'Exports fell 3%'),
        },
        actor,
      );
    });
    await db.transaction(async (tx) =>
      publications.retract(tx, await publications.lockOfClaim(tx, claimId), 'Source withdrawn.', actor),
    );

    const found = (await publications.ofClaim(claimId))!;
    expect(found.factCheck).toMatchObject({ state: 'retracted', currentVersion: 2 });
    expect(found.factCheck.retractedAt).toBeInstanceOf(Date);
    expect(found.corrections.map((c) => [c.kind, c.version, c.note])).toEqual([
      ['correction', 2, 'Figure fixed.'],
      ['retraction', 2, 'Source withdrawn.'],
    ]);
    const versions = await publications.versions(published.id);
    expect(versions.map((v) => [v.version, v.verdictVersion, v.createdBy.name])).toEqual([
      [1, 1, 'Ed'],
      [2, 2, 'Ed'],
    ]);
    expect((versions[1].snapshot as unknown as FactCheckSnapshot).headline).toBe('Exports fell 3%');
    expect(await events(claimId)).toEqual([
      { action: 'fact_check.publish', after: { slug: published.slug, version: 1, rating: 'False' } },
      {
        action: 'fact_check.correct',
        after: { version: 2, note: 'Figure fixed.', fields: ['headline'], rating: 'False' },
      },
      { action: 'fact_check.retract', after: { note: 'Source withdrawn.' } },
    ]);
  });

  it('a publish whose transaction fails leaves no fact-check, version or event', async () => {
    const claimId = await claim();
    await expect(
      db.transaction(async (tx) => {
        await publications.publish(
          tx,
          {
            claimId,
            slug: `failed-${++n}`,
            speakerId: null,
            ratingId: null,
            publishedAt: new Date(),
            verdictVersion: 1,
            snapshot: snapshot(claimId, 'x'),
          },
          actor,
        );
        throw new Error('the claim transition failed');
      }),
    ).rejects.toThrow('the claim transition failed');
    expect(await publications.ofClaim(claimId)).toBeNull();
    expect(await db.query(`SELECT id FROM fact_check_versions WHERE snapshot->'claim'->>'id' = $1`, [claimId])).toEqual(
      [],
    );
    expect(await events(claimId)).toEqual([]);
  });

  it('a claim cannot be published twice', async () => {
    const claimId = await claim();
    await publish(claimId);
    await expect(publish(claimId)).rejects.toThrow(/UQ_fact_checks_claim|duplicate key/);
    expect((await events(claimId)).map((e) => e.action)).toEqual(['fact_check.publish']);
  });
});

describe('the staff list', () => {
  it('pages newest first with the current headline, rating and notes; an unknown id has no versions', async () => {
    // Far-future times put these three first whatever other describes published.
    const base = Date.UTC(2100, 0, 1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await publish(await claim(), new Date(base + i * 60_000))).claimId);

    const first = await publications.list(2);
    expect(first.more).toBe(true);
    expect(first.items.map((i) => i.factCheck.claimId)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ headline: 'Exports fell', corrections: [] });
    expect(first.items[0].factCheck.rating?.label).toBe('False');

    const before = first.items[1].factCheck.publishedAt.toISOString();
    const second = await publications.list(2, before);
    expect(second.items[0].factCheck.claimId).toBe(ids[0]);
    expect(second.items.some((i) => ids.slice(1).includes(i.factCheck.claimId))).toBe(false);

    expect(await publications.versions('00000000-0000-0000-0000-000000000000')).toEqual([]);
  });
});
