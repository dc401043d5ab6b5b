import { UnreachableServiceError } from '@factdesk/config';
import {
  checkRedis,
  createRedisClient,
  detectJobFor,
  documentJobId,
  fetchJobFor,
  JobQueue,
  JobRunner,
  postpone,
  publicationJobFor,
  publicationJobId,
  QUEUE_NAMES,
  sourcePollSchedule,
  UnrecoverableError,
  type QueuedJob,
} from '@factdesk/queue';
import { createTestRedisPrefix, type TestRedisPrefix } from '@factdesk/testing';

const UNREACHABLE = 'redis://127.0.0.1:1';
const doc = (id: string) => ({ id, contentHash: `${id}-hash-0123456789abcdef`, attempts: 0 });

/** Polls until `check` holds; fails naming `what` after the deadline. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let redis: TestRedisPrefix;
let jobs: JobQueue;
let runner: JobRunner | undefined;

beforeEach(() => {
  redis = createTestRedisPrefix();
  jobs = new JobQueue({ redisUrl: redis.url, prefix: redis.prefix, connection: 'producer' });
});
afterEach(async () => {
  await runner?.close();
  runner = undefined;
  await jobs.close();
  await redis.clear();
});

describe('JobQueue', () => {
  it('adds a job once per job id', async () => {
    const id = documentJobId('a', doc('a').contentHash, 0);
    expect(await jobs.add(fetchJobFor(doc('a')))).toBe(id);
    await jobs.add(fetchJobFor(doc('a')));
    expect(await jobs.jobCounts(QUEUE_NAMES.documentFetch, 'waiting')).toEqual({ waiting: 1 });
    expect((await jobs.getJob(QUEUE_NAMES.documentFetch, id))?.data).toEqual({ documentId: 'a' });
  });

  it('adds in bulk across queues', async () => {
    await jobs.addBulk([fetchJobFor(doc('a')), detectJobFor(doc('b')), fetchJobFor(doc('c')), fetchJobFor(doc('a'))]);
    expect((await jobs.getJobs(QUEUE_NAMES.documentFetch, ['waiting'])).map((j) => j.data.documentId).sort()).toEqual([
      'a',
      'c',
    ]);
    expect((await jobs.getJobs(QUEUE_NAMES.documentDetect, ['waiting'])).map((j) => j.data.documentId)).toEqual(['b']);
  });

  it('upserts a schedule once however often, and removes it', async () => {
    const schedule = sourcePollSchedule({ id: 's1', pollIntervalMinutes: 10 });
    await jobs.upsertSchedule(schedule);
    await jobs.upsertSchedule({ ...schedule, everyMs: 5 * 60_000 });
    expect(await jobs.schedules(QUEUE_NAMES.sourcePoll)).toEqual([{ id: 'source-s1', everyMs: 5 * 60_000 }]);
    expect(await jobs.hasSchedule(QUEUE_NAMES.sourcePoll, 'source-s1')).toBe(true);
    await jobs.removeSchedule(schedule);
    expect(await jobs.hasSchedule(QUEUE_NAMES.sourcePoll, 'source-s1')).toBe(false);
  });

  it('offer answers false, quickly and without throwing, when Redis cannot take the job', async () => {
    const errors: string[] = [];
    const away = new JobQueue({
      redisUrl: UNREACHABLE,
      prefix: redis.prefix,
      connection: 'producer',
      onError: (queue) => errors.push(queue),
    });
    try {
      const started = Date.now();
      expect(await away.offer(fetchJobFor(doc('a')), 500)).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(errors).toContain('document-fetch');
      expect(await jobs.offer(fetchJobFor(doc('a')))).toBe(true);
    } finally {
      await away.close();
    }
  });

  it('holds a delayed job until its time, and removes it (a schedule moved or cancelled)', async () => {
    const publishAt = new Date(Date.now() + 60_000);
    await jobs.add(publicationJobFor({ claimId: 'c1', version: 2, publishAt }));
    const id = publicationJobId('c1', 2);
    const job = await jobs.getJob(QUEUE_NAMES.publication, id);
    expect(await job?.getState()).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(59_000);
    expect(await jobs.remove(QUEUE_NAMES.publication, id)).toBe(true);
    expect(await jobs.getJob(QUEUE_NAMES.publication, id)).toBeUndefined();
    // Removing a job that is not there is not an error (the API removes best effort).
    await jobs.remove(QUEUE_NAMES.publication, id);
  });

  it('gives the dashboard every queue', () => {
    expect(jobs.dashboardQueues().map((q) => q.name)).toEqual(Object.values(QUEUE_NAMES));
  });
});

describe('JobRunner', () => {
  it('processes jobs and reports failures: retried ones as not final, permanent ones as final at once', async () => {
    runner = new JobRunner({ redisUrl: redis.url, prefix: redis.prefix });
    const done: string[] = [];
    const failures: { id: string; final: boolean; attempts: number }[] = [];
    runner.run(
      QUEUE_NAMES.documentFetch,
      async (job) => {
        if (job.data.documentId === 'permanent') throw new UnrecoverableError('cannot ever work');
        if (job.data.documentId === 'flaky' && job.attemptsMade === 0) throw new Error('try again');
        done.push(job.data.documentId);
      },
      {
        concurrency: 2,
        onFailed: (job, _err, final) => {
          failures.push({ id: job.data.documentId, final, attempts: job.attemptsMade });
        },
      },
    );
    await jobs.addBulk(
      ['ok', 'flaky', 'permanent'].map((id) => ({
        ...fetchJobFor(doc(id)),
        options: { jobId: id, backoff: { type: 'fixed' as const, delay: 10 } },
      })),
    );
    await until('ok and flaky done, permanent failed', () => done.length === 2 && failures.length === 2);
    expect(done.sort()).toEqual(['flaky', 'ok']);
    expect(failures).toEqual(
      expect.arrayContaining([
        { id: 'flaky', final: false, attempts: 1 },
        { id: 'permanent', final: true, attempts: 1 },
      ]),
    );
  });

  it('postpone puts a job back for later without using an attempt', async () => {
    runner = new JobRunner({ redisUrl: redis.url, prefix: redis.prefix });
    const runs: number[] = [];
    runner.run(
      QUEUE_NAMES.sourcePoll,
      async (job: QueuedJob<'source-poll'>, token) => {
        runs.push(job.attemptsMade);
        if (runs.length === 1) await postpone(job, token, 50);
      },
      { concurrency: 1 },
    );
    await jobs.add({ queue: 'source-poll', name: 'poll', data: { sourceId: 's1' }, options: { jobId: 'p1' } });
    await until('the job ran twice', () => runs.length === 2);
    await until('the job completed', async () => (await jobs.getJob(QUEUE_NAMES.sourcePoll, 'p1'))?.finishedOn != null);
    expect(runs).toEqual([0, 0]);
  });

  it('close lets a running job finish and tells it the process is stopping', async () => {
    runner = new JobRunner({ redisUrl: redis.url, prefix: redis.prefix });
    const r = runner;
    let sawClosing = false;
    let finished = false;
    let started = false;
    r.run(
      QUEUE_NAMES.claimLink,
      async () => {
        started = true;
        while (!r.closing) await new Promise((res) => setTimeout(res, 20));
        sawClosing = true;
        finished = true;
      },
      { concurrency: 1 },
    );
    await jobs.add({ queue: 'claim-link', name: 'link', data: { documentId: 'd' } });
    await until('the job started', () => started);
    await r.close();
    expect({ sawClosing, finished }).toEqual({ sawClosing: true, finished: true });
  });
});

describe('connections', () => {
  it('createRedisClient talks to Redis; checkRedis names an unreachable one', async () => {
    const client = createRedisClient(redis.url, 'commands');
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
    await expect(checkRedis(redis.url)).resolves.toBeUndefined();
    await expect(checkRedis(UNREACHABLE, 500)).rejects.toBeInstanceOf(UnreachableServiceError);
  });
});
