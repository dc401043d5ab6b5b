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
import { runBuilt, startStack, stopProc, type Proc, type Stack } from '../support/stack.js';

// Issue 9, fault 4.
let stack: Stack;
let second: Proc | undefined;
let db: pg.Client | undefined;
beforeAll(async () => {
  stack = await startStack({ worker: true });
  second = runBuilt('apps/worker/dist/main.js', stack.env);
  db = await connectDb(stack.database.url);
});
afterAll(async () => {
  await db?.end();
  await stopProc(second);
  await stack?.stop();
});

it('two workers at once on 200 documents process each document once: one detection run each, exactly the clean-run claims', async () => {
  const N = 200;
  await eventually(async () => (await (await fetch(`${stack.baseUrl}/api/health`)).json()).workers === 2, {
    timeout: 30_000,
    message: 'both workers to announce themselves',
  });
  const headers = await signInHeaders(stack.baseUrl);
  const answers = await submitTexts(stack.baseUrl, headers, sampleTexts(N, 'Two workers'));
  expect(answers.map((a) => a.status)).toEqual(new Array(N).fill(201));

  await eventually(
    async () =>
      (await countDocuments(db!, 'done')) === N ||
      stack.worker!.child.exitCode !== null ||
      second!.child.exitCode !== null,
    { timeout: 150_000, interval: 250, message: `all ${N} documents done` },
  );
  expect([stack.worker!.child.exitCode, second!.child.exitCode]).toEqual([null, null]);
  expect(await countDocuments(db!, 'done')).toBe(N);
  expect(await claimDifferences(db!)).toEqual([]);

  // BullMQ's own record: one detection job per document, started once, completed.
  const jobs = await detectionJobs(stack.env);
  expect(new Set(jobs.map((j) => j.documentId)).size).toBe(N);
  expect(jobs).toHaveLength(N);
  expect(jobs.filter((j) => j.state !== 'completed' || j.attemptsStarted !== 1)).toEqual([]);
}, 240_000);
