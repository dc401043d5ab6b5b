import type pg from 'pg';
import { eventually, TEST_REDIS_URL } from '@factdesk/testing';
import {
  claimDifferences,
  connectDb,
  countDocuments,
  ownRedis,
  sampleTexts,
  signInHeaders,
  startTcpProxy,
  submitTexts,
  type OwnRedis,
  type TcpProxy,
} from '../support/faults.js';
import { startStack, type Stack } from '../support/stack.js';

// Issue 9, fault 2. The API and the worker reach Redis only through a proxy this test owns; cutting it makes
// Redis unreachable for them while the shared Redis (and everyone else's keys) stays untouched.
let proxy: TcpProxy;
let stack: Stack;
let db: pg.Client | undefined;
beforeAll(async () => {
  const redis = new URL(TEST_REDIS_URL);
  proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
  const viaProxy = new URL(TEST_REDIS_URL);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  // A quick sweep, so the test need not wait the production minutes.
  stack = await startStack({
    worker: true,
    env: { REDIS_URL: viaProxy.toString(), SWEEP_INTERVAL_SECONDS: '1', SWEEP_STALE_SECONDS: '5' },
  });
  db = await connectDb(stack.database.url);
});
afterAll(async () => {
  await db?.end();
  await proxy?.restore().catch(() => undefined); // so the processes can close their queues
  await stack?.stop();
  await proxy?.close();
});

it('documents submitted while Redis is unreachable are all accepted and stored, and all processed once Redis is back, without resubmitting', async () => {
  const N = 20;
  const headers = await signInHeaders(stack.baseUrl);
  await eventually(async () => (await (await fetch(`${stack.baseUrl}/api/health`)).json()).workers === 1, {
    timeout: 30_000,
    message: 'the worker to announce itself',
  });

  await proxy.cut();
  const health = await fetch(`${stack.baseUrl}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ redis: { ok: false } });

  const answers = await submitTexts(stack.baseUrl, headers, sampleTexts(N, 'Redis down'));
  expect(answers.map((a) => a.status)).toEqual(new Array(N).fill(201));
  const ids = answers.map((a) => a.body.document!.id);
  const { rows } = await db!.query(`SELECT id, status FROM documents WHERE id = ANY($1)`, [ids]);
  expect(rows).toHaveLength(N);
  expect(rows.every((r) => r.status === 'queued')).toBe(true);
  // Each is readable through the API while Redis is away.
  const one = await fetch(`${stack.baseUrl}/api/documents/${ids[0]}`, { headers });
  expect(one.status).toBe(200);
  expect(await one.json()).toMatchObject({ id: ids[0], status: 'queued' });

  await proxy.restore();
  // Nobody resubmits: the worker's sweep finds the queued rows and enqueues them.
  await eventually(async () => (await countDocuments(db!, 'done')) === N, {
    timeout: 90_000,
    interval: 250,
    message: `all ${N} documents done`,
  });
  expect(await claimDifferences(db!)).toEqual([]);
  expect((await (await fetch(`${stack.baseUrl}/api/health`)).json()).redis).toMatchObject({ ok: true });
}, 150_000);

// The same with a Redis of the test's own that comes back empty (no persistence): the queued jobs and the
// worker's sweep schedule are gone with it, and the documents must still be processed.
describe('Redis restarted without its data', () => {
  let redis: OwnRedis;
  let stack: Stack;
  let db: pg.Client | undefined;
  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
    stack = await startStack({
      worker: true,
      env: { REDIS_URL: redis.url, SWEEP_INTERVAL_SECONDS: '1', SWEEP_STALE_SECONDS: '5' },
    });
    db = await connectDb(stack.database.url);
  });
  afterAll(async () => {
    await db?.end();
    await redis?.start().catch(() => undefined); // so the processes can close their queues
    await stack?.stop();
    await redis?.stop();
  });

  it('documents submitted while Redis is down are processed after it restarts empty, without resubmitting', async () => {
    const N = 10;
    const headers = await signInHeaders(stack.baseUrl);
    await eventually(async () => (await (await fetch(`${stack.baseUrl}/api/health`)).json()).workers === 1, {
      timeout: 30_000,
      message: 'the worker to announce itself',
    });
    await redis.stop();
    const answers = await submitTexts(stack.baseUrl, headers, sampleTexts(N, 'Redis restarted'));
    expect(answers.map((a) => a.status)).toEqual(new Array(N).fill(201));
    expect(await countDocuments(db!, 'queued')).toBe(N);
    await redis.start();
    await eventually(async () => (await countDocuments(db!, 'done')) === N, {
      timeout: 60_000,
      interval: 250,
      message: `all ${N} documents done`,
    });
    expect(await claimDifferences(db!)).toEqual([]);
  }, 120_000);
});
