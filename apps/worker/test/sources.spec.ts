import { jest } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClaimEntity, DocumentEntity, MonitoredSourceEntity, SourceItemEntity } from '@factdesk/persistence';
import { JobQueue, QUEUE_NAMES, sourceSchedulerId } from '@factdesk/queue';
import { eventually } from '@factdesk/testing';
import { SourcePoller } from '../src/sources/source-poller.service.js';
import { startWorker, type WorkerHarness } from './harness.js';

let w: WorkerHarness;
let poller: SourcePoller;
let site: Server;
let base: string;
const hits: string[] = [];

/** What one feed of the test site serves; each test has its own and changes it between polls. */
interface Feed {
  items: { guid: string; path: string; title: string }[];
  version: number;
  slow: boolean;
  malformed: boolean;
}
const feeds = new Map<string, Feed>();
let feedCount = 0;
/** A feed of the test's own: its URL and its state. */
function feed(items: Feed['items'] = []): { url: string; state: Feed } {
  const path = `/feeds/${(feedCount += 1)}.xml`;
  const state = { items, version: 1, slow: false, malformed: false };
  feeds.set(path, state);
  return { url: `${base}${path}`, state };
}

function rss(f: Feed): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry</title><link>${base}/</link><description>x</description>${f.items
    .map(
      (i) =>
        `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><link>${base}${i.path}</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;
}

function serve(req: IncomingMessage, res: ServerResponse) {
  hits.push(req.url!);
  const f = feeds.get(req.url!);
  if (f) {
    const etag = `"v${f.version}"`;
    if (f.slow) return void setTimeout(() => res.end(rss(f)), 1500);
    if (f.malformed)
      return void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<html><body>Service temporarily unavailable</body></html>');
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(f));
  }
  if (req.url === '/transcripts') {
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<html><body><nav><a href="/about/us">About</a></nav><main><h1>Transcripts</h1>
       <a href="/transcripts/2026/remarks-minsk">Remarks in Minsk</a> <a href="/transcripts/2026/interview?utm_source=x#top">Interview</a>
       <a href="https://elsewhere.example/x/y">Elsewhere</a> <a href="/contact">Contact</a></main><footer><a href="/legal/terms">Terms</a></footer></body></html>`,
    );
  }
  if (req.url!.startsWith('/articles/') || req.url!.startsWith('/transcripts/')) {
    return void res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<html><head><title>Article</title></head><body><article><p>Minister Ivanov said exports grew by 40 percent in 2025, reaching 12 billion dollars.</p><p>He said unemployment fell to 3 percent.</p></article></body></html>`,
      );
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  site = createServer(serve);
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  w = await startWorker({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', OUTBOUND_TIMEOUT_SECONDS: '1' });
  poller = w.app.get(SourcePoller);
});
afterAll(async () => {
  await w?.close();
  await new Promise((r) => site?.close(r));
});

const sourceRow = (id: string) => w.db.getRepository(MonitoredSourceEntity).findOneByOrFail({ id });
const poll = async (id: string, manual = false) => poller.poll(await sourceRow(id), manual);

describe('monitored sources', () => {
  it('ingests each new feed item once, answers 304s cheaply, and ignores a duplicate GUID', async () => {
    const { url, state } = feed([{ guid: 'a-1', path: '/articles/2026/first', title: 'Minister Ivanov on trade' }]);
    const source = await w.data.source({
      name: 'Ministry feed',
      url,
      kind: 'feed',
      defaultSpeakerId: (await w.data.speaker('Minister Ivanov')).id,
      defaultOutlet: 'Ministry',
      pollIntervalMinutes: 30,
    });

    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1, unqueued: 0 });
    // Unchanged feed: a conditional GET answered 304, nothing new.
    expect(await poll(source.id)).toEqual({ status: 'unchanged' });
    // A new item and a repeat of an old GUID under another link.
    state.items = [
      { guid: 'a-2', path: '/articles/2026/second', title: 'Second' },
      { guid: 'a-1', path: '/articles/2026/first-moved', title: 'First again' },
      ...state.items,
    ];
    state.version = 2;
    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1, unqueued: 0 });
    const docs = await w.db
      .getRepository(DocumentEntity)
      .find({ where: { monitoredSourceId: source.id }, order: { createdAt: 'ASC' } });
    expect(docs.map((d) => d.sourceUrl)).toEqual([`${base}/articles/2026/first`, `${base}/articles/2026/second`]);
    expect(docs.map((d) => d.title)).toEqual(['Minister Ivanov on trade', 'Second']);
    expect(await w.db.getRepository(SourceItemEntity).countBy({ sourceId: source.id })).toBe(2);

    // The items go through the ingestion pipeline; the source's speaker is the default speaker.
    const claims = await eventually(
      async () => {
        const found = await w.db
          .getRepository(ClaimEntity)
          .find({ where: { documentId: docs[0].id }, relations: { speaker: true } });
        return found.length > 0 && found;
      },
      { timeout: 20_000, message: 'claims of the first item' },
    );
    expect(claims.every((c) => c.speaker?.name === 'Minister Ivanov')).toBe(true);
    expect(await sourceRow(source.id)).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect((await sourceRow(source.id)).lastNewItemAt).not.toBeNull();
  });

  it("stores each new item as a document under the source's outlet, with the item's title and date", async () => {
    const { url } = feed([{ guid: 'o-1', path: '/articles/2026/outlet', title: 'Minister Ivanov on exports' }]);
    const source = await w.data.source({ name: 'Outlet feed', url, defaultOutlet: 'Ministry of Trade' });
    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1, unqueued: 0 });
    const [doc] = await w.db.getRepository(DocumentEntity).findBy({ monitoredSourceId: source.id });
    expect(doc).toMatchObject({
      format: 'url',
      sourceUrl: `${base}/articles/2026/outlet`,
      title: 'Minister Ivanov on exports',
      outlet: 'Ministry of Trade',
    });
    expect(doc.publishedAt?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    const [item] = await w.db.getRepository(SourceItemEntity).findBy({ sourceId: source.id });
    expect(item).toMatchObject({ documentId: doc.id, url: `${base}/articles/2026/outlet` });
  });

  it("writes each new item's document with its audit event, and reports a fetch Redis would not take", async () => {
    const { url } = feed([{ guid: 'r-1', path: '/articles/2026/redis-away', title: 'Away' }]);
    const source = await w.data.source({ name: 'Redis away', url, kind: 'feed' });
    // Redis not taking the fetch job, once: the document must stay stored and queued, and the poll say so.
    const offer = jest.spyOn(JobQueue.prototype, 'offer').mockResolvedValueOnce(false);
    try {
      expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1, unqueued: 1 });
    } finally {
      offer.mockRestore();
    }
    const doc = await w.db.getRepository(DocumentEntity).findOneByOrFail({ monitoredSourceId: source.id });
    expect(doc).toMatchObject({ status: 'queued', format: 'url', sourceUrl: `${base}/articles/2026/redis-away` });
    const events = await w.db.query(
      `SELECT actor_id, action, after->>'monitoredSourceId' AS source FROM audit_events WHERE entity_id = $1`,
      [doc.id],
    );
    expect(events).toEqual([{ actor_id: null, action: 'document.create', source: source.id }]);
  });

  it('reads article links from a listing page, skipping navigation and other sites', async () => {
    const source = await w.data.source({ name: 'Transcripts page', url: `${base}/transcripts`, kind: 'html' });
    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 2, unqueued: 0 });
    const items = await w.db
      .getRepository(SourceItemEntity)
      .find({ where: { sourceId: source.id }, order: { url: 'ASC' } });
    expect(items.map((i) => i.url)).toEqual([
      `${base}/transcripts/2026/interview`,
      `${base}/transcripts/2026/remarks-minsk`,
    ]);
    expect(await poll(source.id)).toEqual({ status: 'unchanged' });
  });

  it('records a malformed feed and a timeout as failures, backs off, then recovers', async () => {
    const { url, state } = feed();
    const source = await w.data.source({ name: 'Flaky feed', url, kind: 'feed' });
    state.malformed = true;
    expect(await poll(source.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/could not be read/),
    });
    // Backing off: the next scheduled poll is skipped without a request.
    const before = hits.length;
    expect(await poll(source.id)).toMatchObject({ status: 'skipped' });
    expect(hits.length).toBe(before);
    state.malformed = false;
    state.slow = true;
    expect(await poll(source.id, true)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/did not answer in time/),
    });
    expect(await poll(source.id, true)).toMatchObject({ status: 'failed' });
    expect(await sourceRow(source.id)).toMatchObject({
      consecutiveFailures: 3,
      lastError: expect.stringMatching(/did not answer in time/),
    });
    state.slow = false;
    expect((await poll(source.id, true)).status).toMatch(/new-items|unchanged/);
    expect(await sourceRow(source.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('restores the schedule of every enabled source, and of no paused one', async () => {
    // As if Redis had been away when the API wrote the sources: no schedules at all.
    const enabled = await w.data.source({ name: 'Scheduled', url: feed().url, pollIntervalMinutes: 5, enabled: true });
    const paused = await w.data.source({ name: 'Paused', url: feed().url, pollIntervalMinutes: 5 });
    const schedules = async (id: string) =>
      (await w.jobs.schedules(QUEUE_NAMES.sourcePoll)).filter((s) => s.id === sourceSchedulerId(id));
    await poller.reconcileSchedules();
    expect((await schedules(enabled.id)).map((s) => s.everyMs)).toEqual([5 * 60_000]);
    expect(await schedules(paused.id)).toEqual([]);
    await poller.reconcileSchedules();
    expect(await schedules(enabled.id)).toHaveLength(1);
  });
});
