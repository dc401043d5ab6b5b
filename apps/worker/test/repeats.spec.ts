import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimTextKey } from '@factdesk/domain';
import { ClaimEntity, DocumentEntity } from '@factdesk/persistence';
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
