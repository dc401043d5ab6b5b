import type pg from 'pg';
import {
  claimDifferences,
  connectDb,
  countDocuments,
  detectionJobs,
  sampleTexts,
  signInHeaders,
  submitTexts,
} from '../support/faults.js';
import { eventually } from '@factdesk/testing';
import { startStack, type Stack } from '../support/stack.js';

// Issue 9, fault 3. Only this test's own database loses its connections (pg_terminate_backend filtered by
// the database's name); the shared PostgreSQL server keeps running for everyone else.
let stack: Stack;
let db: pg.Client | undefined;
let loading = false;
beforeAll(async () => {
  stack = await startStack({ worker: true });
  db = await connectDb(stack.database.url);
});
afterAll(async () => {
  loading = false;
  await db?.end();
  await stack?.stop();
});

interface Answer {
  status: number;
  body: { statusCode?: number; error?: string; message?: string };
}
const get = (url: string, headers: Record<string, string>): Promise<Answer> =>
  fetch(url, { headers, signal: AbortSignal.timeout(60_000) }).then(async (r) => ({
    status: r.status,
    body: await r.json(),
  }));

it('connections terminated under load: requests in flight answer 503, the API recovers by itself, and worker jobs retry to completion', async () => {
  const headers = await signInHeaders(stack.baseUrl);
  await eventually(async () => (await (await fetch(`${stack.baseUrl}/api/health`)).json()).workers === 1, {
    timeout: 30_000,
    message: 'the worker to announce itself',
  });

  // Background load for the whole test: every answer must be a success or a 503, never a 500.
  const loadStatuses: number[] = [];
  loading = true;
  const load = Array.from({ length: 2 }, async (_, i) => {
    while (loading) loadStatuses.push((await get(`${stack.baseUrl}/api/${i ? 'documents' : 'stats'}`, headers)).status);
  });

  // Locks this test holds on the claims table keep detection jobs, then requests, in flight (waiting in
  // PostgreSQL) until their connections are terminated. SHARE lets reads through but holds the worker's
  // claim inserts; ACCESS EXCLUSIVE then holds every request that reads claims.
  const locker = await connectDb(stack.database.url);
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE claims IN SHARE MODE');
    const submitted = await submitTexts(stack.baseUrl, headers, sampleTexts(10, 'Terminated'));
    expect(submitted.map((a) => a.status)).toEqual(new Array(10).fill(201));
    const waiting = async () =>
      (
        await locker.query(
          `SELECT count(*) FILTER (WHERE application_name = 'factdesk-api')::int AS api, count(*) FILTER (WHERE application_name = 'factdesk-worker')::int AS worker
           FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0] as { api: number; worker: number };
    await eventually(async () => (await waiting()).worker >= 1, {
      timeout: 60_000,
      message: 'detection jobs waiting in PostgreSQL',
    });
    await locker.query('LOCK TABLE claims IN ACCESS EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 6 }, () => get(`${stack.baseUrl}/api/claims`, headers));
    await eventually(async () => (await waiting()).api >= 6, {
      timeout: 60_000,
      message: 'requests waiting in PostgreSQL',
    });
    const { rows: terminated } = await locker.query(
      `SELECT application_name, pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'factdesk-fault-test'`,
    );
    expect(terminated.filter((r) => r.ok).map((r) => r.application_name)).toEqual(
      expect.arrayContaining(['factdesk-api', 'factdesk-worker']),
    );
    await locker.query('COMMIT');

    const answers = await Promise.all(inFlight);
    for (const a of answers) {
      expect(a).toEqual({
        status: 503,
        body: expect.objectContaining({
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringMatching(/database is unavailable/),
        }),
      });
    }
  } finally {
    await locker.end();
  }

  // The API recovers by itself: no restart, fresh connections from its pool.
  await eventually(async () => (await get(`${stack.baseUrl}/api/claims`, headers)).status === 200, {
    timeout: 30_000,
    message: 'a 200 from /api/claims',
  });
  const after = await Promise.all(Array.from({ length: 10 }, () => get(`${stack.baseUrl}/api/claims`, headers)));
  expect(after.map((a) => a.status)).toEqual(new Array(10).fill(200));
  loading = false;
  await Promise.all(load);
  expect(loadStatuses.length).toBeGreaterThan(0);
  expect(loadStatuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);

  // The worker's interrupted jobs are retried (BullMQ backoff) and finish; nothing is lost or doubled.
  await eventually(async () => (await countDocuments(db!, 'done')) === 10 || stack.worker!.child.exitCode !== null, {
    timeout: 90_000,
    interval: 250,
    message: 'all 10 documents done',
  });
  expect(stack.worker!.child.exitCode).toBeNull();
  expect(stack.api.child.exitCode).toBeNull();
  expect(await countDocuments(db!, 'done')).toBe(10);
  expect(await claimDifferences(db!)).toEqual([]);
  const jobs = await detectionJobs(stack.env);
  expect(jobs.map((j) => j.state)).toEqual(new Array(10).fill('completed'));
  // The jobs whose connections were cut failed once and were started again.
  expect(jobs.filter((j) => j.attemptsStarted > 1).length).toBeGreaterThanOrEqual(1);
}, 150_000);
