import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectClaims } from '@factdesk/claim-detection';
import { ClaimEntity, DocumentEntity, DocumentSentencesEntity } from '@factdesk/persistence';
import { DocumentPipeline } from '../src/ingestion/pipeline.service.js';
import { startWorker, type WorkerHarness } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const sample = (name: string) => readFileSync(join(root, 'fixtures', name), 'utf8');

let w: WorkerHarness;
beforeAll(async () => {
  w = await startWorker();
});
afterAll(() => w?.close());

describe('every sentence scored and kept', () => {
  it('stores each sentence of an ingested document (offsets, score, speaker, type) beside its claims', async () => {
    const text = sample('lavrov-minsk-2022-06-30.txt');
    const doc = await w.settled((await w.submit({ text })).id);
    expect(doc.status).toBe('done');
    const stored = await w.db.getRepository(DocumentSentencesEntity).findOneByOrFail({ documentId: doc.id });
    // The same sentences detection finds, in reading order, none left out.
    const expected = await detectClaims(text, { threshold: stored.detectedThreshold });
    expect(stored.starts).toEqual(expected.sentences.map((s) => s.start));
    expect(stored.ends).toEqual(expected.sentences.map((s) => s.end));
    expect(stored.scores).toEqual(expected.sentences.map((s) => expect.closeTo(s.score, 5)));
    expect(stored.claimTypes).toEqual(expected.sentences.map((s) => s.type));
    expect(stored.threshold).toBe(stored.detectedThreshold);
    const speakerOf = (i: number) => {
      const at = stored.speakerIndexes[i];
      return at === null ? null : stored.speakers[at];
    };
    expect(stored.starts.map((_, i) => speakerOf(i))).toEqual(expected.sentences.map((s) => s.speaker));
    // Claims are the sentences at or above the threshold; the rest are kept too (near misses).
    const spans = new Set(stored.starts.map((s, i) => `${s}:${stored.ends[i]}`));
    for (const c of doc.claims) expect(spans.has(`${c.start}:${c.end}`)).toBe(true);
    expect(doc.claims.length).toBe(expected.sentences.filter((s) => s.checkworthy).length);
    expect(stored.starts.length).toBeGreaterThan(doc.claims.length);
    // The speaker list holds each name once.
    expect(new Set(stored.speakers).size).toBe(stored.speakers.length);
    expect(stored.speakers).toContain('Sergey Lavrov');
  });

  it('keeps one set of sentences when detection runs again', async () => {
    const doc = await w.settled(
      (await w.submit({ text: 'Sergey Lavrov: Trade grew by 40 percent in 2021. We met in Minsk. It was a good day.' }))
        .id,
    );
    const before = await w.db.getRepository(DocumentSentencesEntity).findOneByOrFail({ documentId: doc.id });
    await w.db.getRepository(DocumentEntity).update({ id: doc.id }, { status: 'detecting' });
    expect(await w.app.get(DocumentPipeline).detect(doc.id)).not.toBeNull();
    const rows = await w.db.getRepository(DocumentSentencesEntity).findBy({ documentId: doc.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].starts).toEqual(before.starts);
    expect(rows[0].scores).toEqual(before.scores);
  });
});

describe('backfill of documents processed before sentences were kept', () => {
  it('scores every sentence of a done document without them, leaves its claims and other documents alone, and runs again harmlessly', async () => {
    const text = 'Sergey Lavrov: Trade grew by 40 percent in 2021. We met in Minsk on Tuesday. It was a good day.';
    const old = await w.data.document({ text }, { status: 'done' });
    const claim = await w.data.claim({
      documentId: old.id,
      text: 'Trade grew by 40 percent in 2021.',
      startOffset: 15,
      endOffset: 48,
    });
    const waiting = await w.data.document({ text: 'Not processed yet. Exports doubled.' });
    const run = () =>
      promisify(execFile)(process.execPath, [join(root, 'apps/worker/dist/cli/backfill-sentences.js')], {
        env: { ...process.env, DATABASE_URL: w.config.databaseUrl },
      });
    expect((await run()).stdout).toMatch(/stored the sentences of [1-9]\d* document/);
    const stored = await w.db.getRepository(DocumentSentencesEntity).findOneByOrFail({ documentId: old.id });
    expect(stored.starts).toEqual((await detectClaims(text)).sentences.map((s) => s.start));
    expect(stored.speakers).toEqual(['Sergey Lavrov']);
    expect(await w.db.getRepository(DocumentSentencesEntity).countBy({ documentId: waiting.id })).toBe(0);
    expect((await w.db.getRepository(ClaimEntity).findBy({ documentId: old.id })).map((c) => c.id)).toEqual([claim.id]);
    expect((await run()).stdout).toMatch(/stored the sentences of 0 document/);
  });
});
