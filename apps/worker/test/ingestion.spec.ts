import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentFormat } from '@factdesk/domain';
import { ClaimEntity, ClaimMatchEntity, DocumentEntity, SpeakerEntity } from '@factdesk/persistence';
import { claimLinkJobId, detectJobFor, QUEUE_NAMES, type QueueName } from '@factdesk/queue';
import { eventually, listenToDeskEvents } from '@factdesk/testing';
import { IngestionWorkers } from '../src/ingestion/ingestion.workers.js';
import { DocumentPipeline } from '../src/ingestion/pipeline.service.js';
import { startWorker, type WorkerHarness } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const sample = (name: string) => readFileSync(join(root, 'fixtures', name), 'utf8');
const extractionFixture = (name: string) => readFileSync(join(root, 'libs/extraction/test/fixtures', name));

let w: WorkerHarness;
let site: Server;
let siteUrl: string;
/** Requests to /busy so far: it answers 429 Too Many Requests to the first. */
let busyHits = 0;

const ENV = { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', DOCUMENT_MAX_BYTES: String(512 * 1024) };

beforeAll(async () => {
  w = await startWorker(ENV);
  site = createServer((req, res) => {
    if (req.url === '/article')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(extractionFixture('remarks.html'));
    else if (req.url === '/redirect-to-private')
      res.writeHead(302, { location: `http://127.0.0.2:${(site.address() as AddressInfo).port}/article` }).end();
    else if (req.url!.startsWith('/gone')) res.writeHead(404).end('not here');
    else if (req.url === '/busy')
      if (busyHits++ === 0) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(extractionFixture('remarks.html'));
    else res.writeHead(500).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await w?.close();
  await new Promise((r) => site?.close(r));
});

const file = (name: string, bytes: Buffer, contentType: string, format: DocumentFormat) => ({
  file: { name, bytes, contentType, format },
});

describe('documents in, claims out', () => {
  it('finds the claims of a pasted transcript, with offsets, speakers and metadata', async () => {
    const text = sample('lavrov-minsk-2022-06-30.txt');
    const doc = await w.settled((await w.submit({ text })).id);
    expect(doc).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(doc.publishedAt?.toISOString()).toBe('2022-06-30T00:00:00.000Z');
    expect(doc.title).toMatch(/^Foreign Minister Sergey Lavrov’s comment/);
    expect(doc.claims.length).toBeGreaterThan(10);
    for (const claim of doc.claims) expect(doc.text!.slice(claim.start, claim.end)).toBe(claim.text);
    expect(doc.claims.find((c) => c.text.includes('40 percent of them have been implemented'))?.speaker?.name).toBe(
      'Sergey Lavrov',
    );
  });

  it('files claims under the person quoted, the summary under the publication, and the interviewer under no one', async () => {
    const doc = await w.settled((await w.submit({ text: sample('memri-6998-lavrov-belarus-interview-2017.txt') })).id);
    expect(doc.status).toBe('done');
    // The dispatch's own summary belongs to the publication, the answers to the person quoted.
    const speakers = new Set(doc.claims.map((c) => c.speaker?.name).filter(Boolean));
    expect(speakers).toEqual(new Set(['Sergey Lavrov', 'MEMRI']));
    // What the interviewer says is kept, under no speaker: "Interviewer" is nobody to file claims under.
    expect(await w.db.getRepository(SpeakerEntity).countBy({ name: 'Interviewer' })).toBe(0);
    const lavrov = await w.db.getRepository(SpeakerEntity).findOneByOrFail({ name: 'Sergey Lavrov' });
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['Lavrov']));
    // Each speaker's part in the document is stored (detection's role: unset until it reads one).
    const parts: { name: string }[] = await w.db.query(
      'SELECT s.name FROM document_speakers ds JOIN speakers s ON s.id = ds.speaker_id WHERE ds.document_id = $1',
      [doc.id],
    );
    expect(new Set(parts.map((p) => p.name))).toEqual(new Set(['Sergey Lavrov', 'MEMRI']));
  });

  it('gives the same claims when a job runs twice', async () => {
    const doc = await w.settled(
      (
        await w.submit({
          text: 'Sergey Lavrov: Trade between our countries grew by 40 percent in 2021. We signed 28 programmes.',
        })
      ).id,
    );
    const pipeline = w.app.get(DocumentPipeline);
    // The job again while the document is still being worked (as a stalled job finds it): the same claims, once.
    await w.db.getRepository(DocumentEntity).update({ id: doc.id }, { status: 'detecting' });
    expect(await pipeline.detect(doc.id)).not.toBeNull();
    // And once it is done, a job left over for it does nothing.
    expect(await pipeline.detect(doc.id)).toBeNull();
    expect(await pipeline.fetchAndExtract(doc.id)).toBeNull();
    expect((await w.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id })).status).toBe('done');
    const claims = await w.db
      .getRepository(ClaimEntity)
      .find({ where: { documentId: doc.id }, order: { startOffset: 'ASC' } });
    expect(claims.map((c) => [c.startOffset, c.endOffset])).toEqual(doc.claims.map((c) => [c.start, c.end]));
  });

  it.each([
    [
      'notes.txt',
      { text: 'Minister Ivanov: Unemployment fell to 3 percent in 2023, the lowest rate in 30 years.' },
      'text',
    ],
    [
      'notes.md',
      {
        text: '# Briefing\n\nMinister Ivanov: Exports doubled to 40 billion dollars in 2022.',
        format: 'markdown' as const,
      },
      'markdown',
    ],
    ['remarks.html', file('remarks.html', extractionFixture('remarks.html'), 'text/html', 'html'), 'html'],
    ['remarks.pdf', file('remarks.pdf', extractionFixture('remarks.pdf'), 'application/pdf', 'pdf'), 'pdf'],
    [
      'interview.docx',
      file(
        'interview.docx',
        extractionFixture('interview.docx'),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'docx',
      ),
      'docx',
    ],
  ])('reads an uploaded %s', async (name, content, format) => {
    const doc = await w.settled((await w.submit(content, { title: `Uploaded ${name}` })).id);
    expect(doc).toMatchObject({ status: 'done', format, title: expect.any(String) });
    expect(doc.text!.length).toBeGreaterThan(20);
    expect(doc.text).not.toMatch(/<script|alert\(/);
  });

  it('fetches a page by URL and fills the metadata the submitter left empty', async () => {
    const doc = await w.settled((await w.submit({ url: `${siteUrl}/article` })).id);
    expect(doc).toMatchObject({
      status: 'done',
      format: 'url',
      outlet: 'Example Ministry',
      sourceUrl: `${siteUrl}/article`,
    });
    expect(doc.publishedAt?.toISOString()).toBe('2022-06-30T10:00:00.000Z');
    expect(doc.claims.some((c) => c.text.includes('40 percent'))).toBe(true);
  });

  it('refuses a redirect to a private address when fetching', async () => {
    const doc = await w.settled((await w.submit({ url: `${siteUrl}/redirect-to-private` })).id);
    expect(doc.status).toBe('failed');
    expect(doc.error).toMatch(/private, loopback, link-local or reserved/);
  });

  it('records why a document failed, for people to read, and fails a retry the same way', async () => {
    const gone = await w.settled((await w.submit({ url: `${siteUrl}/gone` })).id);
    expect(gone).toMatchObject({ status: 'failed', error: 'The address answered 404.' });
    const broken = await w.settled(
      (await w.submit(file('broken.pdf', Buffer.from('%PDF-1.4 not really'), 'application/pdf', 'pdf'))).id,
    );
    expect(broken.status).toBe('failed');
    expect(broken.error).toMatch(/PDF could not be read/);
    // A retry as the API makes one (tested there): queued again, as a new attempt.
    await w.db.getRepository(DocumentEntity).update({ id: gone.id }, { status: 'queued', error: null, attempts: 1 });
    await w.enqueue({ ...gone, attempts: 1 });
    expect(await w.settled(gone.id)).toMatchObject({
      status: 'failed',
      error: 'The address answered 404.',
      attempts: 1,
    });
  });

  it('tries again after a 429 (Too Many Requests) instead of failing the document', async () => {
    busyHits = 0;
    const doc = await w.settled((await w.submit({ url: `${siteUrl}/busy` })).id);
    expect(doc).toMatchObject({ status: 'done', error: null });
    expect(busyHits).toBe(2);
  });

  it('files what interviewers, moderators and the audience say under no speaker', async () => {
    const text = [
      'CORRESPONDENT: Unemployment rose by 40 percent in 2023, did it not?',
      'Minister Anna Petrova: Unemployment fell by 12 percent in 2023, according to the statistics office.',
      'AUDIENCE MEMBER: Food prices doubled in 2022 in our town.',
      'A: Food prices rose by 9 percent in 2022 across the country.',
      'QUESTIONER: Exports grew by 30 percent last year, is that right?',
    ].join('\n\n');
    const doc = await w.settled((await w.submit({ text })).id);
    expect(doc.status).toBe('done');
    const speakerOf = (prefix: string) => doc.claims.find((c) => c.text.startsWith(prefix))?.speaker?.name ?? null;
    expect(speakerOf('Unemployment rose')).toBeNull();
    expect(speakerOf('Food prices doubled')).toBeNull();
    expect(speakerOf('Exports grew')).toBeNull();
    expect(speakerOf('Unemployment fell')).toBe('Anna Petrova');
    expect(speakerOf('Food prices rose')).toBe('Anna Petrova');
    for (const name of ['Correspondent', 'CORRESPONDENT', 'AUDIENCE MEMBER', 'Audience member', 'QUESTIONER'])
      expect(await w.db.getRepository(SpeakerEntity).countBy({ name })).toBe(0);
  });
});

describe('nothing is lost', () => {
  // A worker of its own: the sweep takes documents older than SWEEP_STALE_SECONDS.
  let sweeper: WorkerHarness;
  beforeAll(async () => {
    sweeper = await startWorker({ ...ENV, SWEEP_STALE_SECONDS: '5' });
  });
  afterAll(() => sweeper?.close());

  it('processes, at the next sweep, a document whose job never reached Redis', async () => {
    const doc = await sweeper.data.document({ text: 'Minister Petrov: Inflation reached 7 percent in 2023.' });
    await sweeper.db.query(`UPDATE documents SET updated_at = now() - interval '1 minute' WHERE id = $1`, [doc.id]);
    expect(await sweeper.app.get(IngestionWorkers).sweep()).toBe(1);
    const done = await sweeper.settled(doc.id, 15_000);
    expect(done.status).toBe('done');
    expect(done.claims.length).toBeGreaterThan(0);
  });

  it('leaves a document queued moments ago to the job that is on its way', async () => {
    const doc = await sweeper.data.document({ text: 'Minister Orlova: Grain prices rose by 9 percent in 2024.' });
    expect(await sweeper.app.get(IngestionWorkers).sweep()).toBe(0);
    expect(await sweeper.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id })).toMatchObject({
      status: 'queued',
      attempts: 0,
    });
  });
});

describe('checked before', () => {
  it('links a new claim to an earlier published fact-check of the same claim', async () => {
    const old = await w.data.publishedFactCheck({
      text: 'NATO carried out five expansion waves while proclaiming it is a defensive alliance.',
      speaker: null,
    });
    const doc = await w.settled(
      (
        await w.submit({
          text: 'Sergey Lavrov: Instead, NATO carried out five expansion waves all while proclaiming that it is a defensive alliance.',
        })
      ).id,
    );
    const claim = doc.claims.find((c) => c.text.includes('five expansion waves'))!;
    const link = await eventually(
      () => w.db.getRepository(ClaimMatchEntity).findOneBy({ claimId: claim.id, kind: 'fact_check' }),
      { message: 'the fact-check link' },
    );
    expect(link.matchedClaimId).toBe(old.claim.id);
    expect(link.similarity).toBeGreaterThan(0.5);
  });
});

describe('progress on the event stream', () => {
  it('publishes document progress and new claims for the API to relay', async () => {
    const log = await listenToDeskEvents(w.config.redisPrefix, w.config.redisUrl);
    try {
      const doc = await w.submit({ text: 'Minister Sidorov: Wheat exports reached 30 million tonnes in 2022.' });
      await w.settled(doc.id);
      const mine = () => log.events.filter((e) => 'documentId' in e && e.documentId === doc.id);
      await eventually(() => mine().some((e) => e.type === 'claims'), { message: 'the claims event' });
      expect(mine().map((e) => e.type)).toContain('document');
      expect(mine().find((e) => e.type === 'document' && e.status === 'done')).toMatchObject({ progress: 100 });
    } finally {
      log.close();
    }
  });

  it('publishes why a document failed', async () => {
    const log = await listenToDeskEvents(w.config.redisPrefix, w.config.redisUrl);
    try {
      const doc = await w.submit({ url: `${siteUrl}/gone?for=events` });
      expect((await w.settled(doc.id)).status).toBe('failed');
      const failed = await eventually(
        () => log.events.find((e) => e.type === 'document' && e.documentId === doc.id && e.status === 'failed') ?? null,
        { message: 'the failure event' },
      );
      expect(failed).toMatchObject({ error: 'The address answered 404.' });
    } finally {
      log.close();
    }
  });
});

describe('linking after done', () => {
  it('a document is done with its claims written before they are linked; linking twice gives the same links', async () => {
    const claims = w.db.getRepository(ClaimEntity);
    const matches = w.db.getRepository(ClaimMatchEntity);
    const old = await w.data.publishedFactCheck({
      text: 'Grain exports through the Black Sea corridor reached 33 million tonnes last year.',
    });
    // No job queued: the test runs the steps itself.
    const { id } = await w.data.document({
      text: 'Minister Kuleba: Grain exports through the Black Sea corridor reached 33 million tonnes last year. Prices fell by 20 percent.',
    });

    const pipeline = w.app.get(DocumentPipeline);
    expect(await pipeline.detect(id)).toMatchObject({ id, attempts: 0 });
    const done = await w.db.getRepository(DocumentEntity).findOneByOrFail({ id });
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const written = await claims.find({ where: { documentId: id } });
    expect(written.length).toBeGreaterThan(0);
    const ids = written.map((c) => c.id);
    // The inbox shows the claims already; "checked before" follows with the linking job.
    expect(await matches.countBy(ids.map((claimId) => ({ claimId })))).toBe(0);

    expect(await pipeline.link(id)).toMatchObject({ linked: expect.any(Number), next: null });
    const first = await matches.find({ where: ids.map((claimId) => ({ claimId })), order: { id: 'ASC' } });
    expect(first).toContainEqual(expect.objectContaining({ kind: 'fact_check', matchedClaimId: old.claim.id }));
    expect(first.length).toBeGreaterThan(0);
    expect(await pipeline.link(id)).toEqual({ linked: 0, next: null });
    expect(await matches.find({ where: ids.map((claimId) => ({ claimId })), order: { id: 'ASC' } })).toEqual(first);
  });

  it('links a long document a chunk at a time, each chunk after the last, until none is left', async () => {
    const claims = w.db.getRepository(ClaimEntity);
    const old = await w.data.publishedFactCheck({
      text: 'Unemployment in the region rose to 9 percent in the last quarter of the year.',
    });
    const { id } = await w.data.document({
      text: 'Governor Reyes: Unemployment in the region rose to 9 percent in the last quarter of the year. Exports fell by 14 percent in 2023. The new bridge cost 40 million euros.',
    });
    const pipeline = w.app.get(DocumentPipeline);
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
    expect(await w.db.getRepository(ClaimMatchEntity).countBy({ matchedClaimId: old.claim.id })).toBe(1);
  });

  it('a detection that runs twice queues one linking job, and the claims and links stay as they were', async () => {
    const doc = await w.settled(
      (
        await w.submit({
          text: 'Sergey Lavrov: NATO carried out five expansion waves while proclaiming it is a defensive alliance. Trade grew by 12 percent.',
        })
      ).id,
    );
    const linkJobId = claimLinkJobId(doc.id, doc.contentHash, doc.attempts);
    const finished = (queue: QueueName, id: string) =>
      eventually(async () => (await w.jobs.getJob(queue, id))?.finishedOn ?? null, { message: `job ${id} to finish` });
    const linkJobs = async () =>
      (await w.jobs.getJobs(QUEUE_NAMES.claimLink, ['waiting', 'active', 'completed', 'failed', 'delayed'])).filter(
        (j) => j.data.documentId === doc.id,
      );
    await finished(QUEUE_NAMES.claimLink, linkJobId);
    const links = await w.db.getRepository(ClaimMatchEntity).countBy(doc.claims.map((c) => ({ claimId: c.id })));
    // The same detection again, through the worker (as after a stalled job): it inserts nothing and queues the same linking job.
    const again = (await w.jobs.add({ ...detectJobFor(doc), options: { jobId: `${linkJobId}-again` } }))!;
    await finished(QUEUE_NAMES.documentDetect, again);
    expect((await w.jobs.getJob(QUEUE_NAMES.documentDetect, again))?.failedReason).toBeUndefined();
    expect((await linkJobs()).map((j) => j.id)).toEqual([linkJobId]);
    expect(await w.db.getRepository(ClaimEntity).countBy({ documentId: doc.id })).toBe(doc.claims.length);
    expect(await w.db.getRepository(ClaimMatchEntity).countBy(doc.claims.map((c) => ({ claimId: c.id })))).toBe(links);
    expect((await w.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id })).status).toBe('done');
  });
});
