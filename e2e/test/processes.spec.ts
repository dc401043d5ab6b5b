import { connect } from 'node:net';
import type pg from 'pg';
import { eventually, createTestDatabase, createTestRedisPrefix, type TestDatabase } from '@factdesk/testing';
import {
  claimDifferences,
  connectDb,
  countDocuments,
  detectionJobs,
  sampleTexts,
  signInHeaders,
  submitTexts,
} from '../support/faults.js';
import { freePort, runBuilt, startStack, stopProc, waitForHealth, type Proc, type Stack } from '../support/stack.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const base = () => ({
  NODE_ENV: 'test',
  DATABASE_URL: database.url,
  REDIS_PREFIX: createTestRedisPrefix().prefix,
  LOG_LEVEL: 'warn',
});

describe.each(['apps/api/dist/main.js', 'apps/worker/dist/main.js'])('%s', (entry) => {
  it('exits with one clear line when PostgreSQL cannot be reached', async () => {
    const p = runBuilt(entry, { ...base(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/factdesk' });
    expect((await p.exited).code).toBe(1);
    const lines = p.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/factdesk \(ECONNREFUSED\)\. Start it/);
  });

  it('exits with one clear line when Redis cannot be reached', async () => {
    const p = runBuilt(entry, { ...base(), REDIS_URL: 'redis://127.0.0.1:1' });
    expect((await p.exited).code).toBe(1);
    expect(p.output().trim()).toMatch(
      /^factdesk-(api|worker): cannot reach Redis at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start it/,
    );
  });

  it('exits with one clear line on bad configuration', async () => {
    const p = runBuilt(entry, { ...base(), NODE_ENV: 'production', REDIS_URL: 'http://nope' });
    expect((await p.exited).code).toBe(1);
    expect(p.output().trim()).toMatch(
      /^factdesk-(api|worker): invalid configuration: .*REDIS_URL must be a URL starting with redis:/,
    );
  });
});

it('the API starts, answers, and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const api = runBuilt('apps/api/dist/main.js', { ...base(), PORT: String(port) });
  await waitForHealth(`http://127.0.0.1:${port}`, api);
  api.child.kill('SIGTERM');
  expect(await api.exited).toEqual({ code: 0, signal: null });
});

it('the worker starts, announces itself, and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const env = { ...base(), PORT: String(port) };
  const worker = runBuilt('apps/worker/dist/main.js', env);
  const api = runBuilt('apps/api/dist/main.js', env);
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, api);
    const workers = await eventually(
      async () => (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).workers || null,
      { timeout: 15_000, interval: 200, message: 'the worker to announce itself' },
    );
    expect(workers).toBe(1);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    // A cleanly stopped worker withdraws its announcement at once.
    expect((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).workers).toBe(0);
  } finally {
    api.child.kill('SIGTERM');
    await api.exited;
  }
});

// Issue 9, fault 6: SIGTERM while a request and a job are in flight. A lock this test holds on the claims
// table keeps them waiting in PostgreSQL until the signal has arrived; then it lets them go.
describe('SIGTERM with work in flight', () => {
  let stack: Stack;
  let db: pg.Client | undefined;
  let worker: Proc | undefined;
  beforeAll(async () => {
    stack = await startStack();
    db = await connectDb(stack.database.url);
  });
  afterAll(async () => {
    await db?.end();
    await stopProc(worker);
    await stack?.stop();
  });

  const waitingInPostgres = async (applicationName: string) =>
    (
      await db!.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
        [applicationName],
      )
    ).rows[0].n;

  it('the worker finishes the job in hand, then exits 0', async () => {
    worker = runBuilt('apps/worker/dist/main.js', { ...stack.env, LOG_LEVEL: 'info' });
    await eventually(async () => (await (await fetch(`${stack.baseUrl}/api/health`)).json()).workers === 1, {
      timeout: 30_000,
      message: 'the worker to announce itself',
    });
    const headers = await signInHeaders(stack.baseUrl);
    const locker = await connectDb(stack.database.url);
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE claims IN SHARE MODE'); // reads pass, the job's claim inserts wait
      const [submitted] = await submitTexts(stack.baseUrl, headers, sampleTexts(1, 'SIGTERM'));
      expect(submitted.status).toBe(201);
      await eventually(async () => (await waitingInPostgres('factdesk-worker')) >= 1, {
        timeout: 60_000,
        message: 'the detection job waiting in PostgreSQL',
      });
      worker.child.kill('SIGTERM');
      await eventually(() => /SIGTERM: finishing in-flight work/.test(worker!.output()), {
        timeout: 60_000,
        message: 'the worker to take the signal',
      });
      expect(worker.child.exitCode).toBeNull();
      expect(await countDocuments(db!, 'done')).toBe(0);
      await locker.query('COMMIT');
    } finally {
      await locker.end();
    }
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(await countDocuments(db!, 'done')).toBe(1);
    expect(await claimDifferences(db!)).toEqual([]);
    expect((await detectionJobs(stack.env)).map((j) => [j.state, j.attemptsStarted])).toEqual([['completed', 1]]);
  });

  it('the API answers the request in flight in full, refusing new connections meanwhile, then exits 0', async () => {
    const headers = await signInHeaders(stack.baseUrl);
    const port = Number(stack.env.PORT);
    const locker = await connectDb(stack.database.url);
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE claims IN ACCESS EXCLUSIVE MODE');
      const slow = fetch(`${stack.baseUrl}/api/claims`, { headers, signal: AbortSignal.timeout(60_000) }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
      await eventually(async () => (await waitingInPostgres('factdesk-api')) >= 1, {
        timeout: 60_000,
        message: 'the request waiting in PostgreSQL',
      });
      stack.api.child.kill('SIGTERM');
      await eventually(async () => !(await accepts(port)), {
        timeout: 60_000,
        message: 'the API to stop accepting connections',
      });
      expect(stack.api.child.exitCode).toBeNull();
      await locker.query('COMMIT');
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ items: expect.any(Array) });
    } finally {
      await locker.end();
    }
    expect(await stack.api.exited).toEqual({ code: 0, signal: null });
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
