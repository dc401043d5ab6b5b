import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { loadConfig } from '@factdesk/config';
import { ClaimEntity, DocumentEntity, MonitoredSourceEntity, SourceItemEntity } from '@factdesk/persistence';
import { bullConnection, QUEUE_NAMES, sourceSchedulerId } from '@factdesk/queue';
import { startHarness, type Harness } from '../../api/test/harness.js';
import { SourcePoller } from '../src/sources/source-poller.service.js';
import { WorkerModule } from '../src/worker.module.js';

const ENV = { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', OUTBOUND_TIMEOUT_SECONDS: '1', SWEEP_INTERVAL_SECONDS: '3600' };

let h: Harness;
let worker: INestApplicationContext;
let poller: SourcePoller;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let site: Server;
let base: string;
const hits: string[] = [];

/** What the test site serves; tests change it between polls. */
const state = {
  feedItems: [{ guid: 'a-1', path: '/articles/2026/first', title: 'Minister Ivanov on trade' }],
  feedVersion: 1,
  slow: false,
  malformed: false,
};

function rss(): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry</title><link>${base}/</link><description>x</description>${state.feedItems
    .map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><link>${base}${i.path}</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;
}

function serve(req: IncomingMessage, res: ServerResponse) {
  hits.push(req.url!);
  const etag = `"v${state.feedVersion}"`;
  if (req.url === '/feed.xml') {
    if (state.slow) return void setTimeout(() => res.end(rss()), 1500);
    if (state.malformed) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<html><body>Service temporarily unavailable</body></html>');
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss());
  }
  if (req.url === '/transcripts') {
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<html><body><nav><a href="/about/us">About</a></nav><main><h1>Transcripts</h1>
       <a href="/transcripts/2026/remarks-minsk">Remarks in Minsk</a> <a href="/transcripts/2026/interview?utm_source=x#top">Interview</a>
       <a href="https://elsewhere.example/x/y">Elsewhere</a> <a href="/contact">Contact</a></main><footer><a href="/legal/terms">Terms</a></footer></body></html>`,
    );
  }
  if (req.url!.startsWith('/articles/') || req.url!.startsWith('/transcripts/')) {
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Article</title></head><body><article><p>Minister Ivanov said exports grew by 40 percent in 2025, reaching 12 billion dollars.</p><p>He said unemployment fell to 3 percent.</p></article></body></html>`);
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  h = await startHarness(ENV);
  editor = await h.signIn('editor');
  site = createServer(serve);
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: h.database.url, REDIS_URL: h.redis.url, REDIS_PREFIX: h.redis.prefix, LOG_LEVEL: 'silent', ...ENV });
  worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  poller = worker.get(SourcePoller);
});
afterAll(async () => {
  await worker?.close();
  await new Promise((r) => site.close(r));
  await h.close();
});

const sourceRow = (id: string) => h.db.getRepository(MonitoredSourceEntity).findOneByOrFail({ id });
const poll = async (id: string, manual = false) => poller.poll(await sourceRow(id), manual);
/** Sources created paused, so only the test's own polls run (an enabled source's schedule polls at once). */
const createSource = async (body: Record<string, unknown>) => {
  const res = await h.request({ method: 'POST', url: '/api/sources', cookie: editor.cookie, body: { enabled: false, ...body } });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

describe('monitored sources', () => {
  it('ingests each new feed item once, answers 304s cheaply, and ignores a duplicate GUID', async () => {
    const source = await createSource({ name: 'Ministry feed', url: `${base}/feed.xml`, kind: 'feed', defaultSpeakerName: 'Minister Ivanov', defaultOutlet: 'Ministry', pollIntervalMinutes: 30 });
    expect(source).toMatchObject({ status: 'paused', enabled: false, defaultSpeaker: { name: 'Minister Ivanov' } });

    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1 });
    // Unchanged feed: a conditional GET answered 304, nothing new.
    expect(await poll(source.id)).toEqual({ status: 'unchanged' });
    // A new item and a repeat of an old GUID under another link.
    state.feedItems = [{ guid: 'a-2', path: '/articles/2026/second', title: 'Second' }, { guid: 'a-1', path: '/articles/2026/first-moved', title: 'First again' }, ...state.feedItems];
    state.feedVersion = 2;
    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 1 });
    const docs = await h.db.getRepository(DocumentEntity).find({ where: { monitoredSourceId: source.id }, order: { createdAt: 'ASC' } });
    expect(docs.map((d) => d.sourceUrl)).toEqual([`${base}/articles/2026/first`, `${base}/articles/2026/second`]);
    expect(docs.map((d) => d.title)).toEqual(['Minister Ivanov on trade', 'Second']);
    expect(await h.db.getRepository(SourceItemEntity).countBy({ sourceId: source.id })).toBe(2);

    // The items go through the ingestion pipeline; the source's speaker is the default speaker.
    const deadline = Date.now() + 20_000;
    let claims: ClaimEntity[] = [];
    while (Date.now() < deadline && claims.length === 0) {
      claims = await h.db.getRepository(ClaimEntity).find({ where: { documentId: docs[0].id }, relations: { speaker: true } });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.speaker?.name === 'Minister Ivanov')).toBe(true);

    const listed = (await h.request({ url: '/api/sources', cookie: editor.cookie })).json().find((s: { id: string }) => s.id === source.id);
    expect(listed).toMatchObject({ status: 'paused', lastError: null, consecutiveFailures: 0 });
    expect(listed.lastNewItemAt).not.toBeNull();
  });

  it('reads article links from a listing page, skipping navigation and other sites', async () => {
    const source = await createSource({ name: 'Transcripts page', url: `${base}/transcripts`, kind: 'html' });
    expect(await poll(source.id)).toEqual({ status: 'new-items', created: 2 });
    const items = await h.db.getRepository(SourceItemEntity).find({ where: { sourceId: source.id }, order: { url: 'ASC' } });
    expect(items.map((i) => i.url)).toEqual([`${base}/transcripts/2026/interview`, `${base}/transcripts/2026/remarks-minsk`]);
    expect(await poll(source.id)).toEqual({ status: 'unchanged' });
  });

  it('records a malformed feed and a timeout as failures, backs off, shows failing, then recovers', async () => {
    state.feedVersion = 3;
    const source = await createSource({ name: 'Flaky feed', url: `${base}/feed.xml`, kind: 'feed' });
    state.malformed = true;
    expect(await poll(source.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/could not be read/) });
    // Backing off: the next scheduled poll is skipped without a request.
    const before = hits.length;
    expect(await poll(source.id)).toMatchObject({ status: 'skipped' });
    expect(hits.length).toBe(before);
    state.malformed = false;
    state.slow = true;
    expect(await poll(source.id, true)).toMatchObject({ status: 'failed', error: expect.stringMatching(/did not answer in time/) });
    expect(await poll(source.id, true)).toMatchObject({ status: 'failed' });
    // Shown as failing once enabled (set directly: no schedule, so no poll runs behind the test's back).
    await h.db.getRepository(MonitoredSourceEntity).update({ id: source.id }, { enabled: true });
    const failing = (await h.request({ url: '/api/sources', cookie: editor.cookie })).json().find((s: { id: string }) => s.id === source.id);
    expect(failing).toMatchObject({ status: 'failing', consecutiveFailures: 3, lastError: expect.stringMatching(/did not answer in time/) });
    state.slow = false;
    expect((await poll(source.id, true)).status).toMatch(/new-items|unchanged/);
    expect(await sourceRow(source.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('keeps one schedule per enabled source: changing the interval replaces it, pausing removes it', async () => {
    const source = await createSource({ name: 'Scheduled', url: `${base}/feed.xml`, kind: 'feed', pollIntervalMinutes: 15, enabled: true });
    const queue = new Queue(QUEUE_NAMES.sourcePoll, { connection: bullConnection(h.redis.url), prefix: h.redis.prefix });
    try {
      const scheduler = async () => (await queue.getJobSchedulers()).find((s) => s.key === sourceSchedulerId(source.id));
      expect((await scheduler())?.every).toBe(15 * 60_000);
      await h.request({ method: 'PATCH', url: `/api/sources/${source.id}`, cookie: editor.cookie, body: { pollIntervalMinutes: 5 } });
      expect((await scheduler())?.every).toBe(5 * 60_000);
      expect((await queue.getJobSchedulers()).filter((s) => s.key === sourceSchedulerId(source.id))).toHaveLength(1);
      const paused = await h.request({ method: 'PATCH', url: `/api/sources/${source.id}`, cookie: editor.cookie, body: { enabled: false } });
      expect(paused.json().status).toBe('paused');
      expect(await scheduler()).toBeUndefined();
      // The worker's reconciliation restores what the API could not write (e.g. Redis was away).
      await h.db.getRepository(MonitoredSourceEntity).update({ id: source.id }, { enabled: true });
      await poller.reconcileSchedules();
      expect((await scheduler())?.every).toBe(5 * 60_000);
    } finally {
      await queue.close();
    }
  });

  it('refuses sources at private addresses and bad input', async () => {
    const res = await h.request({ method: 'POST', url: '/api/sources', cookie: editor.cookie, body: { name: 'x', url: 'http://169.254.169.254/feed' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('url');
    const bad = await h.request({ method: 'POST', url: '/api/sources', cookie: editor.cookie, body: { name: '', url: `${base}/feed.xml`, pollIntervalMinutes: 0, kind: 'rss' } });
    expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'name', 'pollIntervalMinutes']);
  });
});

describe('today', () => {
  it("ranks the last day's claims, checked-before first, grouped by speaker and source", async () => {
    const res = await h.request({ url: '/api/today', cookie: editor.cookie });
    expect(res.statusCode).toBe(200);
    const today = res.json();
    expect(today.total).toBeGreaterThan(0);
    const scores = today.claims.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(today.bySource.map((g: { name: string }) => g.name)).toContain('Ministry feed');
    expect(today.bySpeaker.map((g: { name: string }) => g.name)).toContain('Minister Ivanov');
    const later = (await h.request({ url: `/api/today?since=${new Date(Date.now() + 60_000).toISOString()}`, cookie: editor.cookie })).json();
    expect(later.total).toBe(0);
  });
});
