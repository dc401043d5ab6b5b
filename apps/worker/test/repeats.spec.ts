import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimTextKey } from '@factdesk/domain';
import { ClaimEntity, DocumentEntity, NotificationEntity } from '@factdesk/persistence';
import { eventually } from '@factdesk/testing';
import { DocumentPipeline } from '../src/ingestion/pipeline.service.js';
import { startWorker, type WorkerHarness } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const sample = (name: string) => readFileSync(join(root, 'fixtures', name), 'utf8');

let w: WorkerHarness;
beforeAll(async () => {
  w = await startWorker();
});
afterAll(() => w?.close());

const claimsOf = (documentId: string) =>
  w.db.getRepository(ClaimEntity).find({ where: { documentId }, order: { startOffset: 'ASC' } });

describe('a document pasted again, nearly the same', () => {
  const text = sample('lavrov-minsk-2022-06-30.txt');
  let first: DocumentEntity;
  beforeAll(async () => {
    first = await w.settled((await w.submit({ text })).id);
  });

  it('is a version of the first when it has double line breaks instead of single, and adds no claim to triage', async () => {
    const again = await w.settled((await w.submit({ text: text.replace(/\n/g, '\n\n') })).id);
    expect(again.id).not.toBe(first.id);
    expect((await w.db.getRepository(DocumentEntity).findOneByOrFail({ id: again.id })).versionOfId).toBe(first.id);
    const [originals, copies] = [await claimsOf(first.id), await claimsOf(again.id)];
    expect(originals.length).toBeGreaterThan(5);
    expect(copies).toHaveLength(originals.length);
    // Each copy joins the cluster of the claim with its words; none waits in the inbox.
    expect(copies.map((c) => c.state)).toEqual(copies.map(() => 'duplicate'));
    expect(copies.map((c) => c.duplicateOfId)).toEqual(originals.map((c) => c.id));
  });

  it('is a version with a header added and one sentence reworded: only claims with new words are triaged', async () => {
    const claims = await claimsOf(first.id);
    const changed = claims[2];
    const reworded = changed.text.replace(/\b(\w+)\b/, 'Indeed, $1');
    const edited = `Transcript prepared by the desk\n\n${text.replace(changed.text, reworded)}`;
    const doc = await w.settled((await w.submit({ text: edited })).id);
    expect((await w.db.getRepository(DocumentEntity).findOneByOrFail({ id: doc.id })).versionOfId).toBe(first.id);
    const known = new Map(claims.map((c) => [claimTextKey(c.text), c.id]));
    const copies = await claimsOf(doc.id);
    for (const c of copies) {
      const original = known.get(claimTextKey(c.text));
      expect([c.state, c.duplicateOfId]).toEqual(original ? ['duplicate', original] : ['detected', null]);
    }
    expect(copies.filter((c) => c.state === 'duplicate').length).toBeGreaterThanOrEqual(claims.length - 1);
  });

  it('is no version when the text is another one', async () => {
    const other = await w.settled(
      (await w.submit({ text: sample('memri-6998-lavrov-belarus-interview-2017.txt') })).id,
    );
    expect((await w.db.getRepository(DocumentEntity).findOneByOrFail({ id: other.id })).versionOfId).toBeNull();
    expect((await claimsOf(other.id)).every((c) => c.state === 'detected')).toBe(true);
  });

  it('sends a cluster’s duplicates back to triage when its first claim is deleted with its document', async () => {
    const second = await w.db.getRepository(DocumentEntity).findOneByOrFail({ versionOfId: first.id });
    await w.db.getRepository(DocumentEntity).delete({ id: first.id });
    const claims = await claimsOf(second.id);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.state === 'detected' && c.duplicateOfId === null)).toBe(true);
  });
});

describe('a claim already fact-checked, said again in later documents', () => {
  const said = 'Unemployment fell by 40 percent in the last two years, the lowest rate since 1990.';
  const transcript = (line: string) =>
    `Press conference, ${new Date().toISOString().slice(0, 10)}\n\nJane Minister: Good morning. ${line} We will keep going.\n`;
  let headId: string;
  let editorId: string;
  beforeAll(async () => {
    editorId = (await w.data.user({ role: 'editor' })).id;
    headId = (await w.data.publishedFactCheck({ text: said, rating: 'false' })).claim.id;
  });

  const repeatsOf = (claimId: string) =>
    w.db.getRepository(NotificationEntity).find({ where: { claimId, kind: 'repeated', userId: editorId } });
  const claimSaying = async (documentId: string, words: string) => {
    const doc = await w.settled(documentId);
    const claim = doc.claims.find((c) => c.text.includes(words));
    if (!claim) throw new Error(`no claim with “${words}” among ${JSON.stringify(doc.claims.map((c) => c.text))}`);
    return claim;
  };

  it('joins the checked cluster with the same words, and the editors are told once, with the earlier rating', async () => {
    const doc = await w.submit({ text: transcript(said) });
    const { id } = await claimSaying(doc.id, 'Unemployment fell by 40 percent');
    const joined = await eventually(async () => {
      const c = await w.db.getRepository(ClaimEntity).findOneByOrFail({ id });
      return c.state === 'duplicate' ? c : null;
    });
    expect(joined.duplicateOfId).toBe(headId);
    const told = await eventually(async () => ((await repeatsOf(id)).length ? repeatsOf(id) : null));
    expect(told.map((n) => n.message)).toEqual([
      expect.stringMatching(/repeats a claim already checked \(rated False\)/),
    ]);
    // Linking the document again (a retry, a worker that died mid-job) tells no one twice.
    await w.app.get(DocumentPipeline).link(doc.id);
    expect(await repeatsOf(id)).toHaveLength(1);
    const [repeat] = await w.db.query('SELECT head_claim_id, joined FROM claim_repeats WHERE claim_id = $1', [id]);
    expect(repeat).toEqual({ head_claim_id: headId, joined: true });
  });

  it('a third appearance arriving later, reworded, raises a repeat alert and waits in triage as a proposal', async () => {
    const reworded = 'Unemployment has fallen by 40 percent over the last two years, the lowest rate since 1990.';
    const doc = await w.submit({ text: transcript(reworded) });
    const { id } = await claimSaying(doc.id, 'Unemployment has fallen by 40 percent');
    const told = await eventually(async () => ((await repeatsOf(id)).length ? repeatsOf(id) : null));
    expect(told[0].message).toMatch(/may repeat a claim already checked \(rated False\)/);
    const claim = await w.db.getRepository(ClaimEntity).findOneByOrFail({ id });
    expect([claim.state, claim.duplicateOfId]).toEqual(['detected', null]);
    const [repeat] = await w.db.query('SELECT head_claim_id, joined FROM claim_repeats WHERE claim_id = $1', [id]);
    expect(repeat).toEqual({ head_claim_id: headId, joined: false });
  });

  it('tells no one of a claim only like an unchecked one', async () => {
    const doc = await w.submit({ text: transcript('Exports to Asia doubled since 2015, reaching 12 billion euros.') });
    const first = await claimSaying(doc.id, 'Exports to Asia doubled');
    const again = await w.submit({
      text: transcript('Exports to Asia have doubled since 2015, reaching 12 billion euros.'),
    });
    const second = await claimSaying(again.id, 'Exports to Asia have doubled');
    // The link job has run once the second claim links to the first; nothing was recorded for either.
    await eventually(async () =>
      (await w.db.query('SELECT 1 FROM claim_matches WHERE claim_id = $1', [second.id])).length ? true : null,
    );
    expect(await w.db.query('SELECT * FROM claim_repeats WHERE claim_id = ANY($1)', [[first.id, second.id]])).toEqual(
      [],
    );
    expect(await repeatsOf(second.id)).toEqual([]);
  });
});
