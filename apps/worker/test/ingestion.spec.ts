import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { pino } from 'pino';
import { loadConfig, PinoNestLogger } from '@factdesk/config';
import type { DocumentDetailDto, DocumentDto } from '@factdesk/domain';
import { ClaimEntity, ClaimMatchEntity, DocumentEntity, FactCheckEntity, SpeakerEntity } from '@factdesk/persistence';
import { bullConnection, claimLinkJobId, QUEUE_NAMES } from '@factdesk/queue';
import { startHarness, type Harness } from '../../api/test/harness.js';
import { IngestionWorkers } from '../src/ingestion/ingestion.workers.js';
import { DocumentPipeline } from '../src/ingestion/pipeline.service.js';
import { WorkerModule } from '../src/worker.module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const sample = (name: string) => readFileSync(join(root, 'fixtures', name), 'utf8');
const extractionFixture = (name: string) => readFileSync(join(root, 'libs/extraction/test/fixtures', name));

let h: Harness;
let worker: INestApplicationContext;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let site: Server;
let siteUrl: string;

const ENV = { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', SWEEP_INTERVAL_SECONDS: '3600', DOCUMENT_MAX_BYTES: String(512 * 1024) };

async function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: h.database.url, REDIS_URL: h.redis.url, REDIS_PREFIX: h.redis.prefix, LOG_LEVEL: 'silent', ...ENV, ...env });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(pino({ level: 'silent' })) });
  return app;
}

/** Waits for a document to leave the pipeline; fails after the deadline, naming the state it was stuck in. */
async function settled(id: string, timeoutMs = 20_000): Promise<DocumentDetailDto> {
  const deadline = Date.now() + timeoutMs;
  let last: DocumentDetailDto | undefined;
  while (Date.now() < deadline) {
    last = (await h.request({ url: `/api/documents/${id}`, cookie: editor.cookie })).json();
    if (last!.status === 'done' || last!.status === 'failed') return last!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`document ${id} still ${last?.status} (${last?.error}) after ${timeoutMs} ms`);
}

/** Waits until `check` holds (the linking job runs after the document is done); fails after the deadline. */
async function eventually<T>(what: string, get: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const submit = (body: unknown) => h.request({ method: 'POST', url: '/api/documents', cookie: editor.cookie, body });

function upload(name: string, bytes: Buffer, contentType: string) {
  const boundary = '----factdesk-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nUploaded ${name}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return h.app.inject({ method: 'POST', url: '/api/documents', headers: { cookie: editor.cookie, origin: 'http://127.0.0.1:3000', 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

beforeAll(async () => {
  h = await startHarness(ENV);
  editor = await h.signIn('editor');
  worker = await startWorker();
  site = createServer((req, res) => {
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(extractionFixture('remarks.html'));
    else if (req.url === '/redirect-to-private') res.writeHead(302, { location: `http://127.0.0.2:${(site.address() as AddressInfo).port}/article` }).end();
    else if (req.url === '/gone') res.writeHead(404).end('not here');
    else res.writeHead(500).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await worker?.close();
  await new Promise((r) => site.close(r));
  await h.close();
});

describe('documents in, claims out', () => {
  it('finds the claims of a pasted transcript, with offsets, speakers and metadata', async () => {
    const text = sample('lavrov-minsk-2022-06-30.txt');
    const res = await submit({ text });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ duplicate: false, document: { status: 'queued', format: 'text' } });
    const doc = await settled(res.json().document.id);
    expect(doc).toMatchObject({ status: 'done', progress: 100, error: null, publishedAt: '2022-06-30T00:00:00.000Z' });
    expect(doc.title).toMatch(/^Foreign Minister Sergey Lavrov’s comment/);
    expect(doc.claims.length).toBeGreaterThan(10);
    for (const claim of doc.claims) expect(doc.text!.slice(claim.start, claim.end)).toBe(claim.text);
    expect(doc.claims.find((c) => c.text.includes('40 percent of them have been implemented'))?.speaker?.name).toBe('Sergey Lavrov');
    expect(doc.claimCount).toBe(doc.claims.length);
  });

  it('keeps the same content as one document: no second copy, no duplicate claims', async () => {
    const text = sample('memri-6998-lavrov-belarus-interview-2017.txt');
    const first = await submit({ text });
    const doc = await settled(first.json().document.id);
    const again = await submit({ text: `${text}\n\n` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, document: { id: doc.id } });
    expect(await h.db.getRepository(ClaimEntity).countBy({ documentId: doc.id })).toBe(doc.claims.length);
    // The dispatch's own summary belongs to the publication, the answers to the person quoted.
    const speakers = new Set(doc.claims.map((c) => c.speaker?.name).filter(Boolean));
    expect(speakers).toEqual(new Set(['Sergey Lavrov', 'MEMRI']));
    // What the interviewer says is kept, under no speaker: "Interviewer" is nobody to file claims under.
    expect(await h.db.getRepository(SpeakerEntity).countBy({ name: 'Interviewer' })).toBe(0);
    const lavrov = await h.db.getRepository(SpeakerEntity).findOneByOrFail({ name: 'Sergey Lavrov' });
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['Lavrov']));
  });

  it('gives the same claims when a job runs twice', async () => {
    const res = await submit({ text: 'Sergey Lavrov: Trade between our countries grew by 40 percent in 2021. We signed 28 programmes.' });
    const doc = await settled(res.json().document.id);
    const pipeline = worker.get(DocumentPipeline);
    await pipeline.detect(doc.id);
    await pipeline.detect(doc.id);
    const claims = await h.db.getRepository(ClaimEntity).find({ where: { documentId: doc.id }, order: { startOffset: 'ASC' } });
    expect(claims.map((c) => [c.startOffset, c.endOffset])).toEqual(doc.claims.map((c) => [c.start, c.end]));
  });

  it.each([
    ['notes.txt', Buffer.from('Minister Ivanov: Unemployment fell to 3 percent in 2023, the lowest rate in 30 years.'), 'text/plain', 'text'],
    ['notes.md', Buffer.from('# Briefing\n\nMinister Ivanov: Exports doubled to 40 billion dollars in 2022.'), 'text/markdown', 'markdown'],
    ['remarks.html', extractionFixture('remarks.html'), 'text/html', 'html'],
    ['remarks.pdf', extractionFixture('remarks.pdf'), 'application/pdf', 'pdf'],
    ['interview.docx', extractionFixture('interview.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ])('reads an uploaded %s', async (name, bytes, type, format) => {
    const res = await upload(name, bytes, type);
    expect(res.statusCode).toBe(201);
    const doc = await settled(res.json().document.id);
    expect(doc).toMatchObject({ status: 'done', format, title: expect.any(String) });
    expect(doc.text!.length).toBeGreaterThan(20);
    expect(doc.text).not.toMatch(/<script|alert\(/);
  });

  it('fetches a page by URL and fills the metadata the submitter left empty', async () => {
    const res = await submit({ url: `${siteUrl}/article` });
    expect(res.statusCode).toBe(201);
    const doc = await settled(res.json().document.id);
    expect(doc).toMatchObject({ status: 'done', format: 'url', outlet: 'Example Ministry', sourceUrl: `${siteUrl}/article`, publishedAt: '2022-06-30T10:00:00.000Z' });
    expect(doc.claims.some((c) => c.text.includes('40 percent'))).toBe(true);
  });

  it('refuses URLs to private, loopback and metadata addresses, at submission and through redirects', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://127.0.0.3:9/', 'http://[::1]/', 'file:///etc/passwd']) {
      const res = await submit({ url });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('url');
    }
    const redirected = await submit({ url: `${siteUrl}/redirect-to-private` });
    expect(redirected.statusCode).toBe(201);
    const doc = await settled(redirected.json().document.id);
    expect(doc.status).toBe('failed');
    expect(doc.error).toMatch(/private, loopback, link-local or reserved/);
  });

  it('records why a document failed, for people to read, and lets it be retried', async () => {
    const gone = await settled((await submit({ url: `${siteUrl}/gone` })).json().document.id);
    expect(gone).toMatchObject({ status: 'failed', error: 'The address answered 404.' });
    const broken = await settled((await upload('broken.pdf', Buffer.from('%PDF-1.4 not really'), 'application/pdf')).json().document.id);
    expect(broken.status).toBe('failed');
    expect(broken.error).toMatch(/PDF could not be read/);
    const retried = await h.request({ method: 'POST', url: `/api/documents/${gone.id}/retry`, cookie: editor.cookie });
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 1, error: null });
    expect((await settled(gone.id)).status).toBe('failed');
  });

  it('answers oversized, unsupported and unreadable files with 413, 415 and 422, storing nothing', async () => {
    const before = await h.db.getRepository(DocumentEntity).count();
    expect((await upload('big.txt', Buffer.alloc(600 * 1024, 'a'), 'text/plain')).statusCode).toBe(413);
    expect((await upload('tool.exe', Buffer.from('MZ...'), 'application/octet-stream')).statusCode).toBe(415);
    expect((await upload('bad.txt', Buffer.from([0x41, 0xc3, 0x28]), 'text/plain')).statusCode).toBe(422);
    expect((await upload('nul.txt', Buffer.from([0x41, 0, 0x42]), 'text/plain')).statusCode).toBe(422);
    expect((await submit({ text: 'x'.repeat(600 * 1024) })).statusCode).toBe(413);
    expect((await submit({ text: '   ' })).statusCode).toBe(400);
    expect((await submit({ text: 'a', url: 'http://example.org' })).statusCode).toBe(400);
    expect(await h.db.getRepository(DocumentEntity).count()).toBe(before);
  });

  it('keeps only the base name of an uploaded file', async () => {
    const res = await upload('../../etc/pass wd.pdf', Buffer.concat([extractionFixture('remarks.pdf'), Buffer.from('\n')]), 'application/pdf');
    expect(res.statusCode).toBe(201);
    const stored = await h.db.getRepository(DocumentEntity).findOneByOrFail({ id: res.json().document.id });
    expect(stored.rawFileName).toBe('pass wd.pdf');
  });
});

describe('nothing is lost', () => {
  it('accepts documents while Redis is unreachable, and the sweep processes them once it is back', async () => {
    const offline = await startHarness({ ...ENV, REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const offlineEditor = await offline.signIn('editor');
      const res = await offline.request({ method: 'POST', url: '/api/documents', cookie: offlineEditor.cookie, body: { text: 'Minister Petrov: Inflation reached 7 percent in 2023.' } });
      expect(res.statusCode).toBe(201);
      expect(res.json().document.status).toBe('queued');
      // The worker below talks to a Redis that works, on that database.
      const config = { DATABASE_URL: offline.database.url, SWEEP_STALE_SECONDS: '5' };
      const sweeper = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(loadConfig({ NODE_ENV: 'test', REDIS_URL: h.redis.url, REDIS_PREFIX: `${h.redis.prefix}-sweep`, LOG_LEVEL: 'silent', ...ENV, ...config })),
        { logger: false },
      );
      try {
        await offline.db.query(`UPDATE documents SET updated_at = now() - interval '1 minute'`);
        expect(await sweeper.get(IngestionWorkers).sweep()).toBe(1);
        const deadline = Date.now() + 15_000;
        let status = '';
        while (Date.now() < deadline && status !== 'done') {
          status = (await offline.db.getRepository(DocumentEntity).findOneByOrFail({ id: res.json().document.id })).status;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(status).toBe('done');
        expect(await offline.db.getRepository(ClaimEntity).countBy({ documentId: res.json().document.id })).toBeGreaterThan(0);
      } finally {
        await sweeper.close();
      }
    } finally {
      await offline.close();
    }
  });
});

describe('checked before', () => {
  it('links a new claim to an earlier published fact-check of the same claim', async () => {
    const claims = h.db.getRepository(ClaimEntity);
    const old = await claims.save(claims.create({ text: 'NATO carried out five expansion waves while proclaiming it is a defensive alliance.', state: 'published' }));
    await h.db.getRepository(FactCheckEntity).save({ claimId: old.id, slug: 'nato-five-waves-1', publishedAt: new Date(), publishedById: editor.user.id });
    const doc = await settled((await submit({ text: 'Sergey Lavrov: Instead, NATO carried out five expansion waves all while proclaiming that it is a defensive alliance.' })).json().document.id);
    const claim = doc.claims.find((c) => c.text.includes('five expansion waves'))!;
    const link = (await eventually('the fact-check link', () => h.db.getRepository(ClaimMatchEntity).findOneBy({ claimId: claim.id, kind: 'fact_check' }), (l) => l !== null))!;
    expect(link.matchedClaimId).toBe(old.id);
    expect(link.similarity).toBeGreaterThan(0.5);
    const listed = (await h.request({ url: `/api/claims?documentId=${doc.id}`, cookie: editor.cookie })).json();
    expect(listed.items.find((c: { id: string }) => c.id === claim.id).checkedBefore).toMatchObject({ slug: 'nato-five-waves-1' });
  });
});

describe('progress on the event stream', () => {
  it('pushes document progress and new claims to signed-in users', async () => {
    const base = await h.listen();
    const abort = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: { cookie: editor.cookie }, signal: abort.signal });
    const reader = stream.body!.getReader();
    const seen: string[] = [];
    const reading = (async () => {
      let buffer = '';
      while (!seen.includes('claims')) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += Buffer.from(value).toString();
        for (const match of buffer.matchAll(/^event: (\w+)$/gm)) if (!seen.includes(match[1]) || match[1] === 'document') seen.push(match[1]);
        buffer = buffer.slice(buffer.lastIndexOf('\n'));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const doc = (await submit({ text: 'Minister Sidorov: Wheat exports reached 30 million tonnes in 2022.' })).json().document as DocumentDto;
    await settled(doc.id);
    await Promise.race([reading, new Promise((r) => setTimeout(r, 5000))]);
    abort.abort();
    expect(seen).toContain('document');
    expect(seen).toContain('claims');
  });
});

describe('linking after done', () => {
  /** A document row as the API writes it, but with no job queued: the test runs the steps itself. */
  async function unqueuedDocument(text: string): Promise<string> {
    const repo = h.db.getRepository(DocumentEntity);
    const doc = await repo.save(repo.create({ format: 'text', originalText: text, contentHash: createHash('sha256').update(text).digest('hex'), status: 'queued' }));
    return doc.id;
  }

  it('a document is done with its claims written before they are linked; linking twice gives the same links', async () => {
    const claims = h.db.getRepository(ClaimEntity);
    const matches = h.db.getRepository(ClaimMatchEntity);
    const old = await claims.save(claims.create({ text: 'Grain exports through the Black Sea corridor reached 33 million tonnes last year.', state: 'published' }));
    await h.db.getRepository(FactCheckEntity).save({ claimId: old.id, slug: 'black-sea-grain-33', publishedAt: new Date(), publishedById: editor.user.id });
    const id = await unqueuedDocument('Minister Kuleba: Grain exports through the Black Sea corridor reached 33 million tonnes last year. Prices fell by 20 percent.');

    const pipeline = worker.get(DocumentPipeline);
    expect(await pipeline.detect(id)).toMatchObject({ id, attempts: 0 });
    const done = await h.db.getRepository(DocumentEntity).findOneByOrFail({ id });
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const written = await claims.find({ where: { documentId: id } });
    expect(written.length).toBeGreaterThan(0);
    const ids = written.map((c) => c.id);
    // The inbox shows the claims already; "checked before" follows with the linking job.
    expect(await matches.countBy(ids.map((claimId) => ({ claimId })))).toBe(0);

    expect(await pipeline.link(id)).toMatchObject({ linked: expect.any(Number), next: null });
    const first = await matches.find({ where: ids.map((claimId) => ({ claimId })), order: { id: 'ASC' } });
    expect(first).toContainEqual(expect.objectContaining({ kind: 'fact_check', matchedClaimId: old.id }));
    expect(first.length).toBeGreaterThan(0);
    expect(await pipeline.link(id)).toEqual({ linked: 0, next: null });
    expect(await matches.find({ where: ids.map((claimId) => ({ claimId })), order: { id: 'ASC' } })).toEqual(first);
  });

  it('links a long document a chunk at a time, each chunk after the last, until none is left', async () => {
    const claims = h.db.getRepository(ClaimEntity);
    const old = await claims.save(claims.create({ text: 'Unemployment in the region rose to 9 percent in the last quarter of the year.', state: 'published' }));
    await h.db.getRepository(FactCheckEntity).save({ claimId: old.id, slug: 'unemployment-9', publishedAt: new Date(), publishedById: editor.user.id });
    const id = await unqueuedDocument(
      'Governor Reyes: Unemployment in the region rose to 9 percent in the last quarter of the year. Exports fell by 14 percent in 2023. The new bridge cost 40 million euros.',
    );
    const pipeline = worker.get(DocumentPipeline);
    await pipeline.detect(id);
    const ids = (await claims.find({ where: { documentId: id }, order: { id: 'ASC' } })).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const seen: (string | null)[] = [];
    let linked = 0;
    let after: string | null = null;
    do {
      const step: { linked: number; next: string | null } = await pipeline.link(id, after, 1);
      linked += step.linked;
      seen.push(step.next);
      after = step.next;
    } while (after);
    // One claim per chunk, in id order, then an empty last step.
    expect(seen).toEqual([...ids, null]);
    expect(linked).toBeGreaterThan(0);
    expect(await h.db.getRepository(ClaimMatchEntity).countBy({ matchedClaimId: old.id })).toBe(1);
  });

  it('a detection that runs twice queues one linking job, and the claims and links stay as they were', async () => {
    const res = await submit({ text: 'Sergey Lavrov: NATO carried out five expansion waves while proclaiming it is a defensive alliance. Trade grew by 12 percent.' });
    const doc = await settled(res.json().document.id);
    const stored = await h.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id });
    const linkJobId = claimLinkJobId(doc.id, stored.contentHash, stored.attempts);
    const connection = { connection: bullConnection(h.redis.url), prefix: h.redis.prefix };
    const linkQueue = new Queue(QUEUE_NAMES.claimLink, connection);
    const detectQueue = new Queue(QUEUE_NAMES.documentDetect, connection);
    const finished = (queue: Queue, id: string) => eventually(`job ${id}`, async () => (await queue.getJob(id))?.finishedOn ?? null, (at) => at !== null);
    const linkJobs = async () => (await linkQueue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed'])).filter((j) => j.data.documentId === doc.id);
    try {
      await finished(linkQueue, linkJobId);
      const links = await h.db.getRepository(ClaimMatchEntity).countBy(doc.claims.map((c) => ({ claimId: c.id })));
      // The same detection again, through the worker (as after a stalled job): it inserts nothing and queues the same linking job.
      const again = await detectQueue.add('detect', { documentId: doc.id }, { jobId: `${linkJobId}-again` });
      await finished(detectQueue, again.id!);
      expect((await detectQueue.getJob(again.id!))?.failedReason).toBeUndefined();
      expect((await linkJobs()).map((j) => j.id)).toEqual([linkJobId]);
      expect(await h.db.getRepository(ClaimEntity).countBy({ documentId: doc.id })).toBe(doc.claims.length);
      expect(await h.db.getRepository(ClaimMatchEntity).countBy(doc.claims.map((c) => ({ claimId: c.id })))).toBe(links);
      expect((await h.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id })).status).toBe('done');
    } finally {
      await Promise.all([linkQueue.close(), detectQueue.close()]);
    }
  });
});
