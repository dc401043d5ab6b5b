// The queue dashboard (Bull Board) at /admin/queues: its routes are Fastify's, outside the API's guard, so its
// own hooks must apply the same rules: session and role, the CSRF rule for writes, and admins-only stack traces.
import { JobQueue, JobRunner, QUEUE_NAMES, UnrecoverableError } from '@factdesk/queue';
import { ORIGIN, startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: string;
let admin: string;
const EVIL = 'https://evil.example';

beforeAll(async () => {
  h = await startHarness();
  editor = (await h.signIn('editor')).cookie;
  admin = (await h.signIn('admin')).cookie;
});
afterAll(async () => {
  await h?.close();
});

/** The dashboard's "add job" route, as a form on some page would call it. */
const addJob = (headers: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url: `/admin/queues/api/queues/${QUEUE_NAMES.sourcePoll}/add`,
    headers: { 'content-type': 'application/json', cookie: editor, ...headers },
    payload: JSON.stringify({ name: 'poll', data: { sourceId: 'from-the-dashboard' } }),
  });

const pollJobs = async () =>
  (await h.app.get(JobQueue).getJobs(QUEUE_NAMES.sourcePoll, ['waiting', 'delayed', 'active'])).filter(
    (j) => j.data.sourceId === 'from-the-dashboard',
  );

describe('writes through the queue dashboard', () => {
  it.each([
    ['another origin', { origin: EVIL }],
    ['a referer on another origin', { referer: `${EVIL}/form.html` }],
    ['neither Origin nor Referer', {}],
  ])('are refused with 403 from %s, and nothing is queued', async (_what, headers) => {
    const res = await addJob(headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ statusCode: 403, message: expect.stringMatching(/Cross-site/) });
    expect(await pollJobs()).toHaveLength(0);
  });

  it('are accepted from the app itself', async () => {
    const res = await addJob({ origin: ORIGIN });
    expect(res.statusCode).toBe(200);
    expect(await pollJobs()).toHaveLength(1);
    await h.app.inject({
      method: 'PUT',
      url: `/admin/queues/api/queues/${QUEUE_NAMES.sourcePoll}/empty`,
      headers: { cookie: editor, origin: ORIGIN },
    });
  });

  it('reads need no Origin', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: editor } });
    expect(res.statusCode).toBe(200);
  });
});

describe('failed jobs in the queue dashboard', () => {
  const jobId = 'failed-for-the-dashboard';

  beforeAll(async () => {
    // A job that fails for good, with the stack trace BullMQ records.
    const runner = new JobRunner({ redisUrl: h.redis.url, prefix: h.redis.prefix });
    let failed!: () => void;
    const done = new Promise<void>((r) => (failed = r));
    runner.run(
      QUEUE_NAMES.maintenance,
      async () => {
        throw new UnrecoverableError('the sweep broke');
      },
      { concurrency: 1, onFailed: () => failed() },
    );
    await h.app.get(JobQueue).add({ queue: 'maintenance', name: 'sweep', data: { task: 'sweep' }, options: { jobId } });
    await done;
    await runner.close();
  });

  const read = async (cookie: string) => {
    const list = await h.app.inject({
      method: 'GET',
      url: `/admin/queues/api/queues?activeQueue=${QUEUE_NAMES.maintenance}&status=failed&page=1&jobsPerPage=10`,
      headers: { cookie },
    });
    const one = await h.app.inject({
      method: 'GET',
      url: `/admin/queues/api/queues/${QUEUE_NAMES.maintenance}/${jobId}`,
      headers: { cookie },
    });
    expect([list.statusCode, one.statusCode]).toEqual([200, 200]);
    const listed = list
      .json()
      .queues.find((q: { name: string }) => q.name === QUEUE_NAMES.maintenance)
      .jobs.find((j: { id: string }) => j.id === jobId);
    return { listed, job: one.json().job };
  };

  it('show editors the reason but not the stack trace', async () => {
    const { listed, job } = await read(editor);
    for (const j of [listed, job]) {
      expect(j.failedReason).toBe('the sweep broke');
      expect(j.stacktrace).toEqual([]);
    }
  });

  it('show admins the stack trace', async () => {
    const { listed, job } = await read(admin);
    for (const j of [listed, job]) {
      expect(j.failedReason).toBe('the sweep broke');
      expect(j.stacktrace.join('\n')).toMatch(/UnrecoverableError: the sweep broke/);
    }
  });
});
