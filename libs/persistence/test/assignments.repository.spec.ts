import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { AssignmentsRepository, createDataSource } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let assignments: AssignmentsRepository;
let editor: string;
const reviewers: { id: string; name: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'assignments-repository-spec' });
  await db.initialize();
  assignments = new AssignmentsRepository(db);
  const user = async (name: string, role: string) =>
    (
      await db.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id, name`,
        [`${name.toLowerCase()}@example.org`, name, role],
      )
    )[0];
  editor = (await user('Editor', 'editor')).id;
  reviewers.push(await user('Rita', 'reviewer'), await user('Sam', 'reviewer'));
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const claim = async (): Promise<string> =>
  (await db.query(`INSERT INTO claims (text, state) VALUES ('Exports grew.', 'assigned') RETURNING id`))[0].id;
const actions = async (claimId: string): Promise<string[]> =>
  (await db.query(`SELECT action FROM audit_events WHERE claim_id = $1 ORDER BY id`, [claimId])).map(
    (e: { action: string }) => e.action,
  );
const actor = { actorId: '', requestId: 'r' };

describe('assignments keep their history, each step with its audit event', () => {
  it('assign, reassign, end', async () => {
    const claimId = await claim();
    actor.actorId = editor;
    const first = await db.transaction((tx) =>
      assignments.start(tx, { claimId, assignee: reviewers[0], previous: null, dueAt: null, note: null }, actor),
    );
    const second = await db.transaction((tx) =>
      assignments.start(
        tx,
        { claimId, assignee: reviewers[1], previous: first, dueAt: new Date(Date.now() - 3600_000), note: 'urgent' },
        actor,
      ),
    );
    expect((await assignments.active(claimId)).assignee.name).toBe('Sam');
    expect((await assignments.list({ activeOnly: true, due: 'overdue', dueSoonMs: 0 })).map((a) => a.id)).toContain(
      second.id,
    );
    const sam = (await assignments.workload(48 * 3600_000)).find((w) => w.name === 'Sam');
    expect(sam).toMatchObject({ open: 1, overdue: 1 });

    await db.transaction((tx) => assignments.end(tx, second, 'done elsewhere', actor));
    const states = await db.query(`SELECT state FROM assignments WHERE claim_id = $1 ORDER BY created_at`, [claimId]);
    expect(states.map((s: { state: string }) => s.state)).toEqual(['reassigned', 'unassigned']);
    expect(await actions(claimId)).toEqual(['assignment.create', 'assignment.reassign', 'assignment.end']);
  });

  it('complete ends the assignment as done, with no event of its own (the publish records it)', async () => {
    const claimId = await claim();
    actor.actorId = editor;
    const started = await db.transaction((tx) =>
      assignments.start(tx, { claimId, assignee: reviewers[0], previous: null, dueAt: null, note: null }, actor),
    );
    const endedAt = new Date('2026-01-02T03:04:05Z');
    await db.transaction((tx) => assignments.complete(tx, started, endedAt));
    const [row] = await db.query(`SELECT state, ended_at FROM assignments WHERE id = $1`, [started.id]);
    expect(row).toEqual({ state: 'completed', ended_at: endedAt });
    expect(await actions(claimId)).toEqual(['assignment.create']);
  });

  it('a step whose transaction fails leaves neither the change nor its event', async () => {
    const claimId = await claim();
    actor.actorId = editor;
    await expect(
      db.transaction(async (tx) => {
        await assignments.start(
          tx,
          { claimId, assignee: reviewers[0], previous: null, dueAt: null, note: null },
          actor,
        );
        throw new Error('the claim transition failed');
      }),
    ).rejects.toThrow('the claim transition failed');
    expect(await db.query(`SELECT id FROM assignments WHERE claim_id = $1`, [claimId])).toEqual([]);
    expect(await actions(claimId)).toEqual([]);
  });
});
