import { MonitoredSourceEntity } from '@factdesk/persistence';
import { JobQueue, QUEUE_NAMES, sourceSchedulerId } from '@factdesk/queue';
import { startHarness, type Harness } from './harness.js';

// The sources API (Today is today.spec.ts); what the worker does with a source is apps/worker/test/sources.spec.ts.
let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
  editor = await h.signIn('editor');
});
afterAll(() => h?.close());

const as = (method: string, url: string, body?: unknown) => h.request({ method, url, cookie: editor.cookie, body });
const listed = async (id: string) => (await as('GET', '/api/sources')).json().find((s: { id: string }) => s.id === id);

describe('monitored sources', () => {
  it('follows a feed, paused when asked, under its default speaker', async () => {
    const res = await as('POST', '/api/sources', {
      name: 'Ministry feed',
      url: 'http://127.0.0.1:9/feed.xml',
      kind: 'feed',
      defaultSpeakerName: 'Minister Ivanov',
      defaultOutlet: 'Ministry',
      pollIntervalMinutes: 30,
      enabled: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'paused', enabled: false, defaultSpeaker: { name: 'Minister Ivanov' } });
    expect(await listed(res.json().id)).toMatchObject({ status: 'paused', lastError: null, consecutiveFailures: 0 });
  });

  it('shows an enabled source whose polls keep failing as failing, with the last error', async () => {
    const source = await h.data.source({
      enabled: true,
      consecutiveFailures: 3,
      lastError: 'The feed did not answer in time.',
      lastCheckedAt: new Date(),
    });
    expect(await listed(source.id)).toMatchObject({
      status: 'failing',
      consecutiveFailures: 3,
      lastError: 'The feed did not answer in time.',
    });
  });

  it('keeps one schedule per enabled source: changing the interval replaces it, pausing removes it', async () => {
    const created = await as('POST', '/api/sources', {
      name: 'Scheduled',
      url: 'http://127.0.0.1:9/scheduled.xml',
      kind: 'feed',
      pollIntervalMinutes: 15,
      enabled: true,
    });
    const source = created.json();
    const jobs = new JobQueue({ redisUrl: h.config.redisUrl, prefix: h.config.redisPrefix, connection: 'producer' });
    try {
      const schedulers = async () =>
        (await jobs.schedules(QUEUE_NAMES.sourcePoll)).filter((s) => s.id === sourceSchedulerId(source.id));
      expect((await schedulers()).map((s) => s.everyMs)).toEqual([15 * 60_000]);
      await as('PATCH', `/api/sources/${source.id}`, { pollIntervalMinutes: 5 });
      expect((await schedulers()).map((s) => s.everyMs)).toEqual([5 * 60_000]);
      const paused = await as('PATCH', `/api/sources/${source.id}`, { enabled: false });
      expect(paused.json().status).toBe('paused');
      expect(await schedulers()).toEqual([]);
      expect(await h.db.getRepository(MonitoredSourceEntity).findOneByOrFail({ id: source.id })).toMatchObject({
        enabled: false,
        pollIntervalMinutes: 5,
      });
    } finally {
      await jobs.close();
    }
  });

  it('refuses sources at private addresses and bad input', async () => {
    const res = await as('POST', '/api/sources', { name: 'x', url: 'http://169.254.169.254/feed' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('url');
    const bad = await as('POST', '/api/sources', {
      name: '',
      url: 'http://127.0.0.1:9/feed.xml',
      pollIntervalMinutes: 0,
      kind: 'rss',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['kind', 'name', 'pollIntervalMinutes']);
  });
});
