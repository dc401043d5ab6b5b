import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { createDataSource, WebhooksRepository, type NewWebhook } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let webhooks: WebhooksRepository;
let admin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'webhooks-repository-spec' });
  await db.initialize();
  webhooks = new WebhooksRepository(db);
  admin = (
    await db.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('admin@example.org', 'Admin', 'admin', 'x') RETURNING id`,
    )
  )[0].id;
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const actor = () => ({ actorId: admin, requestId: 'r', describe: (w: { url: string }) => ({ url: w.url }) });
const newWebhook = (over: Partial<NewWebhook> = {}): NewWebhook => ({
  id: randomUUID(),
  url: 'https://example.org/hook',
  description: '',
  events: ['fact_check.published'],
  active: true,
  secret: 'sealed',
  createdById: admin,
  ...over,
});
const audit = async (id: string) =>
  (await db.query(`SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id])) as {
    action: string;
    before: unknown;
    after: unknown;
  }[];
/** A published fact-check: its insert writes a 'published' publication event (the trigger). */
const factCheck = async (): Promise<string> => {
  const claimId = (
    await db.query(`INSERT INTO claims (text, state) VALUES ('Exports grew.', 'assigned') RETURNING id`)
  )[0].id;
  const id = (
    await db.query(
      `INSERT INTO fact_checks (claim_id, slug, published_at, published_by_id) VALUES ($1, $2, now(), $3) RETURNING id`,
      [claimId, `exports-${randomUUID()}`, admin],
    )
  )[0].id;
  await db.query(
    `INSERT INTO fact_check_versions (fact_check_id, version, verdict_version, snapshot, created_by_id) VALUES ($1, 1, 1, '{"claim":"Exports grew."}', $2)`,
    [id, admin],
  );
  return id;
};

describe('webhook changes commit with their audit events', () => {
  it('create, update, rotate the secret, delete', async () => {
    const w = await webhooks.create(newWebhook(), actor());
    expect((await webhooks.find(w.id))?.url).toBe('https://example.org/hook');

    const changed = await webhooks.update(w.id, { url: 'https://example.org/v2', description: undefined }, actor());
    expect(changed).toMatchObject({ url: 'https://example.org/v2', description: '' });
    expect(await webhooks.replaceSecret(w.id, 'resealed', actor())).toBe(true);
    expect((await webhooks.find(w.id))?.secret).toBe('resealed');
    expect((await webhooks.remove(w.id, actor()))?.id).toBe(w.id);
    expect(await webhooks.find(w.id)).toBeNull();

    expect(await audit(w.id)).toEqual([
      { action: 'webhook.create', before: null, after: { url: 'https://example.org/hook' } },
      {
        action: 'webhook.update',
        before: { url: 'https://example.org/hook' },
        after: { url: 'https://example.org/v2' },
      },
      { action: 'webhook.rotate_secret', before: null, after: null },
      { action: 'webhook.delete', before: { url: 'https://example.org/v2' }, after: null },
    ]);
  });

  it('a missing webhook answers null or false and writes no audit event', async () => {
    const id = randomUUID();
    expect(await webhooks.update(id, { active: false }, actor())).toBeNull();
    expect(await webhooks.replaceSecret(id, 'x', actor())).toBe(false);
    expect(await webhooks.remove(id, actor())).toBeNull();
    expect(await audit(id)).toEqual([]);
  });

  it('a failed change leaves neither the row nor its event', async () => {
    const bad = newWebhook({ createdById: randomUUID() }); // no such user: the insert fails
    await expect(webhooks.create(bad, actor())).rejects.toThrow();
    expect(await webhooks.find(bad.id)).toBeNull();
    expect(await audit(bad.id)).toEqual([]);
  });
});

describe('dispatch and delivery', () => {
  it('claims events once, makes one delivery per planned webhook, settles and counts them', async () => {
    const hook = await webhooks.create(newWebhook(), actor());
    const off = await webhooks.create(newWebhook({ active: false }), actor());
    const factCheckId = await factCheck();

    const seen: string[][] = [];
    const plan = async (events: { id: string; fact_check_id: string }[], hooks: { id: string }[]) => {
      seen.push(hooks.map((h) => h.id));
      return events.flatMap((e) =>
        hooks.map((h) => ({
          webhookId: h.id,
          eventId: e.id,
          event: 'fact_check.published',
          factCheckId,
          payload: '{}',
        })),
      );
    };
    const ids = (await webhooks.dispatchEvents(50, async (events, hooks, tx) => {
      const source = await webhooks.eventSource(
        tx,
        events.find((e) => e.fact_check_id === factCheckId)!,
      );
      expect(source).toMatchObject({ snapshot: { claim: 'Exports grew.' }, corrections: [] });
      return plan(events, hooks);
    }))!;
    expect(ids).toHaveLength(1);
    expect(seen[0]).toContain(hook.id);
    expect(seen[0]).not.toContain(off.id);
    expect(await webhooks.dispatchEvents(50, plan)).toBeNull(); // every event is dispatched

    const toSend = await webhooks.toSend(ids[0]);
    expect(toSend).toMatchObject({ state: 'pending', payload: '{}', webhookId: hook.id, active: true });
    expect(await webhooks.stalePending(0)).toContain(ids[0]);

    const attempt = { at: new Date().toISOString(), status: 500, error: 'HTTP 500', durationMs: 3, response: null };
    await webhooks.settle(ids[0], 'pending', attempt);
    await webhooks.settle(ids[0], 'succeeded', { ...attempt, status: 200, error: null });
    await webhooks.settle(ids[0], 'failed', attempt); // settled already: no change
    const d = (await webhooks.delivery(hook.id, ids[0]))!;
    expect(d.state).toBe('succeeded');
    expect(d.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(d.completedAt).not.toBeNull();
    expect(await webhooks.delivery(off.id, ids[0])).toBeNull(); // another webhook's delivery
    expect(await webhooks.stalePending(0)).not.toContain(ids[0]);

    expect((await webhooks.deliveryCounts([hook.id, off.id])).get(hook.id)).toEqual({ succeeded: 1 });
    expect(await webhooks.deliveries(hook.id, { state: 'failed', limit: 10 })).toEqual([]);
    expect((await webhooks.deliveries(hook.id, { limit: 10 })).map((x) => x.id)).toEqual([ids[0]]);
    expect(await webhooks.deliveries(hook.id, { before: new Date(0), limit: 10 })).toEqual([]);
  });
});
