import { ClaimMatchEntity, MonitoredSourceEntity } from '@factdesk/persistence';
import { JobQueue, QUEUE_NAMES, sourceSchedulerId } from '@factdesk/queue';
import { startHarness, type Harness } from './harness.js';

// The sources API and Today; what the worker does with a source is apps/worker/test/sources.spec.ts.
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

describe('today', () => {
  it("ranks the last day's claims, checked-before first, grouped by speaker and source", async () => {
    const source = await h.data.source({ name: 'Ministry feed' });
    const fromFeed = await h.data.document(
      { text: 'From the feed.' },
      { status: 'done', monitoredSourceId: source.id },
    );
    const pasted = await h.data.document({ text: 'Pasted by staff.' }, { status: 'done' });
    const low = await h.data.claim({ documentId: fromFeed.id, speaker: 'Minister Ivanov', score: 0.6 });
    const high = await h.data.claim({ documentId: pasted.id, speaker: 'Minister Petrov', score: 0.95 });
    const checked = await h.data.claim({ documentId: fromFeed.id, speaker: 'Minister Ivanov', score: 0.5 });
    await h.data.claim({ documentId: pasted.id, score: 0.99, checkworthy: false });
    const old = await h.data.publishedFactCheck({ text: checked.text });
    await h.db
      .getRepository(ClaimMatchEntity)
      .insert({ claimId: checked.id, kind: 'fact_check', matchedClaimId: old.claim.id, similarity: 0.9 });

    const res = await as('GET', '/api/today');
    expect(res.statusCode).toBe(200);
    const today = res.json();
    // Checked before first, then by score; claims not worth checking are left out.
    expect(today.claims.map((c: { id: string }) => c.id)).toEqual([checked.id, high.id, low.id]);
    expect(today).toMatchObject({ total: 3, checkedBefore: [{ id: checked.id }] });
    expect(today.bySource.map((g: { name: string; count: number }) => [g.name, g.count])).toEqual([
      ['Ministry feed', 2],
      ['Submitted by staff', 1],
    ]);
    expect(today.bySpeaker.map((g: { name: string; count: number }) => [g.name, g.count])).toEqual([
      ['Minister Ivanov', 2],
      ['Minister Petrov', 1],
    ]);
    const later = (await as('GET', `/api/today?since=${new Date(Date.now() + 60_000).toISOString()}`)).json();
    expect(later.total).toBe(0);
  });
});
