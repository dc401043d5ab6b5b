import type pg from 'pg';
import {
  claimDifferences,
  connectDb,
  countDocuments,
  sampleTexts,
  signInHeaders,
  submitTexts,
} from '../support/faults.js';
import { eventually } from '@factdesk/testing';
import { runBuilt, startStack, stopProc, type Proc, type Stack } from '../support/stack.js';

let stack: Stack;
let db: pg.Client | undefined;
let restarted: Proc | undefined;
beforeAll(async () => {
  stack = await startStack({ worker: true });
  db = await connectDb(stack.database.url);
});
afterAll(async () => {
  await db?.end();
  await stopProc(restarted);
  await stack?.stop();
});

// Issue 9, fault 1.
it('a worker killed (SIGKILL) while 50 documents are ingested, then restarted, leaves all 50 done with exactly the claims of a clean run, none twice', async () => {
  const N = 50;
  const headers = await signInHeaders(stack.baseUrl);
  const answers = await submitTexts(stack.baseUrl, headers, sampleTexts(N, 'Kill test'));
  expect(answers.map((a) => a.status)).toEqual(new Array(N).fill(201));

  // Kill the worker as soon as it has finished something, so it dies with work in hand.
  await eventually(async () => (await countDocuments(db!, 'done')) >= 1, {
    timeout: 60_000,
    interval: 10,
    message: 'a first document done',
  });
  stack.worker!.child.kill('SIGKILL');
  expect((await stack.worker!.exited).signal).toBe('SIGKILL');
  const doneAtKill = await countDocuments(db!, 'done');
  expect(doneAtKill).toBeLessThan(N);

  restarted = runBuilt('apps/worker/dist/main.js', stack.env);
  // Jobs the killed worker held come back once BullMQ sees their locks expire (about 30 s); the rest are waiting.
  await eventually(async () => (await countDocuments(db!, 'done')) === N || restarted!.child.exitCode !== null, {
    timeout: 120_000,
    interval: 250,
    message: `all ${N} documents done (${doneAtKill} were at the kill)`,
  });
  expect(restarted.child.exitCode).toBeNull();
  expect(await countDocuments(db!, 'done')).toBe(N);
  expect(await claimDifferences(db!)).toEqual([]);
  // Each claim once, also counted directly.
  const { rows } = await db!.query(
    `SELECT count(*)::int AS n, count(DISTINCT (document_id, start_offset, end_offset))::int AS spans FROM claims`,
  );
  expect(rows[0].n).toBe(rows[0].spans);
  expect(rows[0].n).toBeGreaterThan(N);
}, 200_000);
