import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { CollaborationRepository, VerdictsRepository, createDataSource } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let verdicts: VerdictsRepository;
let collaboration: CollaborationRepository;
let actor: { actorId: string; requestId: string };
let ratingId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'verdicts-repository-spec' });
  await db.initialize();
  verdicts = new VerdictsRepository(db);
  collaboration = new CollaborationRepository(db);
  const [user] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('rita@example.org', 'Rita', 'reviewer', 'x') RETURNING id`,
  );
  actor = { actorId: user.id, requestId: 'r' };
  [{ id: ratingId }] = await db.query(
    `INSERT INTO ratings (slug, label, description, colour, position) VALUES ('false', 'False', 'Not so.', '#aa0000', 1) RETURNING id`,
  );
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const claim = async (): Promise<string> =>
  (await db.query(`INSERT INTO claims (text, state) VALUES ('Exports grew.', 'in_progress') RETURNING id`))[0].id;
const events = async (claimId: string): Promise<{ action: string; before: unknown; after: unknown }[]> =>
  db.query(`SELECT action, before, after FROM audit_events WHERE claim_id = $1 ORDER BY id`, [claimId]);
const source = (url: string, kind: 'primary' | 'secondary') => ({ url, title: url, kind });

describe('verdicts: drafts with their sources and audit events, then review states', () => {
  it('create, save over it, submit, send back with a comment, approve, publish', async () => {
    const claimId = await claim();
    await db.transaction((tx) =>
      verdicts.save(
        tx,
        {
          claimId,
          verdict: verdicts.draft(claimId, actor.actorId),
          before: null,
          content: { headline: 'No', sources: [source('https://a.example/1', 'primary')] },
        },
        actor,
      ),
    );
    await db.transaction(async (tx) => {
      const existing = (await verdicts.load(tx, claimId, true))!;
      await verdicts.save(
        tx,
        {
          claimId,
          verdict: existing.verdict,
          before: existing,
          content: {
            ratingId,
            sources: [source('https://b.example/2', 'secondary'), source('https://a.example/1', 'primary')],
          },
        },
        actor,
      );
    });
    const loaded = (await verdicts.load(db.manager, claimId))!;
    expect(loaded.verdict).toMatchObject({ version: 2, headline: 'No', ratingId, state: 'draft' });
    expect(loaded.verdict.rating?.label).toBe('False');
    expect(loaded.sources.map((s) => [s.position, s.url])).toEqual([
      [0, 'https://b.example/2'],
      [1, 'https://a.example/1'],
    ]);
    const [created, saved] = await events(claimId);
    expect(created).toMatchObject({ action: 'verdict.create', before: null, after: { version: 1, ratingId: null } });
    // The event's before is the verdict as it was, not the object the save changed.
    expect(saved).toMatchObject({
      action: 'verdict.save',
      before: { version: 1, ratingId: null, sources: [{ url: 'https://a.example/1' }] },
      after: { version: 2, ratingId, sources: [{ url: 'https://b.example/2' }, { url: 'https://a.example/1' }] },
    });

    const id = loaded.verdict.id;
    await db.transaction((tx) => verdicts.submit(tx, id));
    expect((await verdicts.load(db.manager, claimId))!.verdict.submittedAt).toBeInstanceOf(Date);
    await db.transaction(async (tx) => {
      await verdicts.sendBack(tx, id);
      await collaboration.addReviewComment(tx, {
        claimId,
        authorId: actor.actorId,
        body: 'Cite the ministry.',
        verdictVersion: 2,
        requestId: 'r',
      });
    });
    expect((await verdicts.load(db.manager, claimId))!.verdict.state).toBe('changes_requested');
    expect(await db.query(`SELECT body, verdict_version FROM comments WHERE claim_id = $1`, [claimId])).toEqual([
      { body: 'Cite the ministry.', verdict_version: 2 },
    ]);
    expect((await events(claimId)).map((e) => e.action)).toEqual(['verdict.create', 'verdict.save', 'comment.create']);
    await db.transaction((tx) => verdicts.approve(tx, id, actor.actorId));
    const approved = (await verdicts.load(db.manager, claimId))!.verdict;
    expect(approved).toMatchObject({ state: 'approved', approvedById: actor.actorId });
    expect(approved.approvedBy?.name).toBe('Rita');
    await db.transaction((tx) => verdicts.markPublished(tx, id));
    expect((await verdicts.load(db.manager, claimId))!.verdict.state).toBe('published');
  });

  it('a save whose transaction fails leaves no verdict, sources or event', async () => {
    const claimId = await claim();
    await expect(
      db.transaction(async (tx) => {
        await verdicts.save(
          tx,
          {
            claimId,
            verdict: verdicts.draft(claimId, actor.actorId),
            before: null,
            content: { sources: [source('https://a.example/1', 'primary')] },
          },
          actor,
        );
        throw new Error('the claim transition failed');
      }),
    ).rejects.toThrow('the claim transition failed');
    expect(await verdicts.load(db.manager, claimId)).toBeNull();
    expect(
      await db.query(
        `SELECT s.id FROM verdict_sources s JOIN verdicts v ON v.id = s.verdict_id WHERE v.claim_id = $1`,
        [claimId],
      ),
    ).toEqual([]);
    expect(await events(claimId)).toEqual([]);
  });

  it('writeContent without sources keeps them; with an empty list removes them', async () => {
    const claimId = await claim();
    const verdict = verdicts.draft(claimId, actor.actorId);
    await db.transaction((tx) =>
      verdicts.writeContent(tx, verdict, { sources: [source('https://c.example', 'primary')] }),
    );
    await db.transaction((tx) => verdicts.writeContent(tx, verdict, { conclusion: 'Wrong.' }));
    expect((await verdicts.load(db.manager, claimId))!.sources).toHaveLength(1);
    await db.transaction((tx) => verdicts.writeContent(tx, verdict, { sources: [] }));
    const after = (await verdicts.load(db.manager, claimId))!;
    expect(after.verdict).toMatchObject({ version: 3, conclusion: 'Wrong.' });
    expect(after.sources).toEqual([]);
  });
});
