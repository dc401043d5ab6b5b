import pg from 'pg';
import { MIGRATIONS } from '@factdesk/migrations';
import { createEmptyDatabase, type TestDatabase } from '@factdesk/testing';
import { createDataSource, pendingSchemaChanges, revertLastMigration, runMigrations } from '../src/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.drop());

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('migrate an empty database, then do nothing the second time', async () => {
    expect(await runMigrations(database.url)).toEqual(MIGRATIONS.map((m) => new m().name ?? m.name));
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('create a table for every noun of the design', async () => {
    const tables = (
      await query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'api_tokens',
        'documents',
        'claims',
        'claim_matches',
        'speakers',
        'assignments',
        'verdicts',
        'verdict_sources',
        'fact_checks',
        'fact_check_versions',
        'corrections',
        'ratings',
        'audit_events',
        'comments',
        'notifications',
        'monitored_sources',
      ]),
    );
  });

  it('agree with the entities: nothing left for TypeORM to generate', async () => {
    const { up } = await pendingSchemaChanges(database.url);
    expect(up).toEqual([]);
  });

  it('index the list queries and full-text search', async () => {
    const indexes = (
      await query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
      )
    ).map((r) => r.indexdef);
    const has = (pattern: RegExp) => expect(indexes.some((d) => pattern.test(d))).toBe(true);
    has(/ON public\.claims USING btree \(state, score, id\)/);
    has(/ON public\.claims USING btree \(document_id, start_offset\)/);
    has(/ON public\.claims USING btree \(speaker_id, created_at\)/);
    has(/ON public\.assignments USING btree \(assignee_id, state, due_at\)/);
    has(/ON public\.claims USING gin \(search_vector\)/);
    has(/ON public\.claims USING btree \(assignee_id, score, id\) WHERE \(assignee_id IS NOT NULL\)/);
    has(/ON public\.claims USING btree \(score, id\) INCLUDE \(state, claim_type, checkworthy, created_at, said_at\)/);
    has(/ON public\.claims USING btree \(created_at, id\) INCLUDE \(state, claim_type, checkworthy, score, said_at\)/);
    // Searches must not read a pending list of recent entries (see the ClaimsSearchNoPendingList migration).
    const [gin] = await query<{ reloptions: string[] }>(
      `SELECT reloptions FROM pg_class WHERE relname = 'IDX_claims_search_vector'`,
    );
    expect(gin.reloptions).toContain('fastupdate=off');
    // With sequential scans off, a full-text query must be able to use the GIN index.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(
        "EXPLAIN SELECT id FROM claims WHERE search_vector @@ websearch_to_tsquery('english', 'nato expansion')",
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('IDX_claims_search_vector');
    } finally {
      await client.end();
    }
  });

  it('keep the audit log append-only at the database level', async () => {
    const ds = createDataSource({ databaseUrl: database.url, poolSize: 1 });
    await ds.initialize();
    try {
      await ds.query(`INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.event', 'test', '1')`);
      await expect(ds.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      expect(await ds.query(`SELECT action FROM audit_events`)).toEqual([{ action: 'test.event' }]);
    } finally {
      await ds.destroy();
    }
  });

  it("keep each claim's copy of its active assignment (assignee, due date) in step with the assignments", async () => {
    const [editor, reviewer, other] = await query<{ id: string }>(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('e@t.t', 'E', 'editor', 'x'), ('r@t.t', 'R', 'reviewer', 'x'), ('o@t.t', 'O', 'reviewer', 'x') RETURNING id`,
    );
    const [claim, untouched] = await query<{ id: string }>(
      `INSERT INTO claims (text) VALUES ('A claim.'), ('Another claim.') RETURNING id`,
    );
    const copy = async () =>
      (
        await query<{ assignee_id: string | null; due_at: Date | null }>(
          `SELECT assignee_id, due_at FROM claims WHERE id = $1`,
          [claim.id],
        )
      )[0];
    const assign = async (to: string, due: string | null) =>
      (
        await query<{ id: string }>(
          `INSERT INTO assignments (claim_id, assignee_id, assigned_by_id, due_at) VALUES ($1, $2, $3, $4) RETURNING id`,
          [claim.id, to, editor.id, due],
        )
      )[0].id;

    const first = await assign(reviewer.id, '2026-12-24T12:00:00Z');
    expect(await copy()).toEqual({ assignee_id: reviewer.id, due_at: new Date('2026-12-24T12:00:00Z') });
    await query(`UPDATE assignments SET due_at = '2026-12-31T12:00:00Z' WHERE id = $1`, [first]);
    expect((await copy()).due_at).toEqual(new Date('2026-12-31T12:00:00Z'));
    // Reassignment as the API does it: the new row first would break the one-active rule, so the old one ends first.
    await query(`UPDATE assignments SET state = 'reassigned', ended_at = now() WHERE id = $1`, [first]);
    expect(await copy()).toEqual({ assignee_id: null, due_at: null });
    const second = await assign(other.id, null);
    expect(await copy()).toEqual({ assignee_id: other.id, due_at: null });
    await query(`UPDATE assignments SET state = 'completed', ended_at = now() WHERE id = $1`, [second]);
    expect(await copy()).toEqual({ assignee_id: null, due_at: null });
    await assign(reviewer.id, '2027-01-05T09:00:00Z');
    await query(`DELETE FROM assignments WHERE claim_id = $1 AND state = 'active'`, [claim.id]);
    expect(await copy()).toEqual({ assignee_id: null, due_at: null });
    await assign(reviewer.id, null);
    await query(`TRUNCATE assignments`);
    expect(await copy()).toEqual({ assignee_id: null, due_at: null });
    expect((await query(`SELECT assignee_id, due_at FROM claims WHERE id = $1`, [untouched.id]))[0]).toEqual({
      assignee_id: null,
      due_at: null,
    });
  });

  it('revert cleanly, leaving nothing of the schema behind', async () => {
    const reverted: (string | null)[] = [];
    for (let i = 0; i < MIGRATIONS.length; i += 1) reverted.push(await revertLastMigration(database.url));
    expect(reverted).toEqual(MIGRATIONS.map((m) => m.name).reverse());
    expect(await revertLastMigration(database.url)).toBeNull();
    // TypeORM's own bookkeeping (which migrations ran, generated columns' expressions) stays.
    const left = await query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')",
    );
    expect(left).toEqual([]);
    expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
  });
});
