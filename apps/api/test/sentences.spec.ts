import { AuditEventEntity, ClaimEntity } from '@factdesk/persistence';
import { startHarness, type Harness } from './harness.js';

// A document's scored sentences through the API: near misses, the threshold an editor moves, and promotion.
let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let admin: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness();
  [editor, reviewer, admin] = await Promise.all([h.signIn('editor'), h.signIn('reviewer'), h.signIn('admin')]);
});
afterAll(() => h?.close());

const SENTENCES = [
  { text: 'Good evening and welcome to the debate.', score: 0.05, speaker: 'MUIR' },
  { text: 'Unemployment fell to 3 percent last year.', score: 0.91, speaker: 'KASICH', type: 'quantity' as const },
  { text: "There's never been a time when the climate has not changed.", score: 0.46, speaker: 'RUBIO' },
  { text: 'We doubled exports since 2019.', score: 0.62, speaker: 'KASICH', type: 'quantity' as const },
  { text: 'I think that is a fair question.', score: 0.2, speaker: 'RUBIO' },
  { text: 'Crime went up in every city.', score: 0.38, speaker: 'RUBIO' },
];

const get = (id: string, query = '', cookie = reviewer.cookie) =>
  h.request({ url: `/api/documents/${id}/sentences${query}`, cookie });
const setThreshold = (id: string, threshold: unknown, cookie = editor.cookie) =>
  h.request({ method: 'PUT', url: `/api/documents/${id}/threshold`, cookie, body: { threshold } });
const promote = (id: string, span: unknown, cookie = editor.cookie) =>
  h.request({ method: 'POST', url: `/api/documents/${id}/sentences/claim`, cookie, body: span });
const claimsOf = (documentId: string) =>
  h.db.getRepository(ClaimEntity).find({ where: { documentId }, order: { startOffset: 'ASC' } });

describe('reading a document’s sentences', () => {
  it('lists near misses highest first, with score, speaker and text; claims and all in reading order; paged', async () => {
    const { document, spans } = await h.data.detectedDocument(SENTENCES);
    const res = await get(document.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ stored: true, threshold: 0.5, detectedThreshold: 0.5, sentenceCount: 6, total: 4 });
    expect(body.items.map((s: { score: number }) => s.score)).toEqual([0.46, 0.38, 0.2, 0.05]);
    expect(body.items[0]).toEqual({
      index: 2,
      start: spans[2].start,
      end: spans[2].end,
      text: SENTENCES[2].text,
      score: 0.46,
      speaker: 'RUBIO',
      claimType: 'other',
      claimId: null,
    });
    const claims = (await get(document.id, '?band=claims')).json();
    expect(claims.items.map((s: { index: number }) => s.index)).toEqual([1, 3]);
    expect(claims.items.every((s: { claimId: string | null }) => s.claimId)).toBe(true);
    const first = (await get(document.id, '?band=all&limit=4')).json();
    expect(first).toMatchObject({ total: 6, nextOffset: 4 });
    const second = (await get(document.id, '?band=all&limit=4&offset=4')).json();
    expect([...first.items, ...second.items].map((s: { index: number }) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(second.nextOffset).toBeNull();
  });

  it('says when a document has no stored sentences (processed before they were kept), and 404s an unknown one', async () => {
    const old = await h.data.document({ text: 'Processed long ago. Unemployment fell.' }, { status: 'done' });
    expect((await get(old.id)).json()).toMatchObject({ stored: false, threshold: null, items: [], total: 0 });
    expect((await setThreshold(old.id, 0.3)).statusCode).toBe(409);
    expect((await promote(old.id, { start: 0, end: 19 })).statusCode).toBe(409);
    expect((await get('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await setThreshold('00000000-0000-4000-8000-000000000000', 0.3)).statusCode).toBe(404);
  });

  it('refuses bad queries with 400', async () => {
    const { document } = await h.data.detectedDocument(SENTENCES);
    for (const q of ['?band=everything', '?limit=0', '?limit=5000', '?offset=-1', '?offset=x'])
      expect((await get(document.id, q)).statusCode).toBe(400);
  });
});

describe('promoting a near miss', () => {
  it('makes it a claim in one call, with its document, offsets, speaker and score, audited; again answers the same claim', async () => {
    const { document, spans } = await h.data.detectedDocument(SENTENCES);
    const res = await promote(document.id, spans[2]);
    expect(res.statusCode).toBe(201);
    const { claim } = res.json();
    expect(claim).toMatchObject({
      text: SENTENCES[2].text,
      start: spans[2].start,
      end: spans[2].end,
      score: 0.46,
      state: 'detected',
      speaker: { name: 'RUBIO' },
    });
    const stored = await h.db.getRepository(ClaimEntity).findOneByOrFail({ id: claim.id });
    expect(stored).toMatchObject({ documentId: document.id, createdById: editor.user.id });
    const events = await h.db.getRepository(AuditEventEntity).findBy({ claimId: claim.id });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['claim.promote', editor.user.id]]);
    // One click twice: the same claim, nothing written again.
    const again = await promote(document.id, spans[2]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, claim: { id: claim.id } });
    expect(await h.db.getRepository(AuditEventEntity).countBy({ claimId: claim.id })).toBe(1);
    // It is no near miss any more, and it is in the inbox.
    expect((await get(document.id)).json().items.map((s: { index: number }) => s.index)).toEqual([5, 4, 0]);
    const inbox = await h.request({
      url: `/api/claims?documentId=${document.id}&state=detected`,
      cookie: editor.cookie,
    });
    expect(inbox.json().items.map((c: { id: string }) => c.id)).toContain(claim.id);
  });

  it('is for editors and admins; a span that is no sentence is 404, a bad body 400', async () => {
    const { document, spans } = await h.data.detectedDocument(SENTENCES);
    expect((await promote(document.id, spans[5], reviewer.cookie)).statusCode).toBe(403);
    expect((await promote(document.id, spans[5], admin.cookie)).statusCode).toBe(201);
    expect((await promote(document.id, { start: spans[5].start, end: spans[5].end - 1 })).statusCode).toBe(404);
    for (const body of [{}, { start: -1, end: 3 }, { start: 'a', end: 3 }, { start: 1, end: 3, extra: 1 }])
      expect((await promote(document.id, body)).statusCode).toBe(400);
  });
});

describe('moving the threshold', () => {
  it('lowering it makes the sentences at or above it claims; raising it takes back only untouched detector claims', async () => {
    const { document, spans } = await h.data.detectedDocument(SENTENCES);
    const down = await setThreshold(document.id, 0.35);
    expect(down.statusCode).toBe(200);
    expect(down.json()).toEqual({
      documentId: document.id,
      threshold: 0.35,
      previous: 0.5,
      created: 2,
      removed: 0,
      kept: 0,
    });
    const made = await claimsOf(document.id);
    expect(made.map((c) => c.startOffset)).toEqual([1, 2, 3, 5].map((i) => spans[i].start));
    const rubio = made.find((c) => c.startOffset === spans[2].start)!;
    expect(rubio).toMatchObject({ text: SENTENCES[2].text, score: expect.closeTo(0.46, 5), createdById: null });
    expect((await get(document.id)).json()).toMatchObject({ threshold: 0.35, total: 2 });

    // Triage one, edit another, promote the lowest: a person's work.
    const at = (i: number) => made.find((c) => c.startOffset === spans[i].start)!;
    expect(
      (await h.request({ method: 'POST', url: `/api/claims/${at(3).id}/accept`, cookie: editor.cookie })).statusCode,
    ).toBe(200);
    const edit = await h.request({
      method: 'PATCH',
      url: `/api/claims/${at(5).id}`,
      cookie: editor.cookie,
      body: { text: 'Crime went up in every big city.' },
    });
    expect(edit.statusCode).toBe(200);
    const promoted = (await promote(document.id, spans[4])).json().claim.id;

    const up = (await setThreshold(document.id, 0.95)).json();
    // Removed: the detector's untouched claims (sentences 1 and 2); kept: accepted 3, edited 5, promoted 4.
    expect(up).toMatchObject({ previous: 0.35, created: 0, removed: 2, kept: 3 });
    const left = await claimsOf(document.id);
    expect(left.map((c) => c.id).sort()).toEqual([at(3).id, at(5).id, promoted].sort());
    expect(left.find((c) => c.id === at(3).id)!.state).toBe('accepted');

    // Back down: the removed sentences are claims again (new ones), nothing doubled.
    expect((await setThreshold(document.id, 0.5)).json()).toMatchObject({ created: 1, removed: 0 });
    expect(await claimsOf(document.id)).toHaveLength(4);

    const audit = await h.db
      .getRepository(AuditEventEntity)
      .find({ where: { entityId: document.id, action: 'document.threshold' }, order: { id: 'ASC' } });
    expect(audit.map((e) => [e.before, e.after])).toEqual([
      [{ threshold: 0.5 }, { threshold: 0.35, created: 2, removed: 0, kept: 0 }],
      [{ threshold: 0.35 }, { threshold: 0.95, created: 0, removed: 2, kept: 3 }],
      [{ threshold: 0.95 }, { threshold: 0.5, created: 1, removed: 0, kept: 2 }],
    ]);
  });

  it('is for editors and admins, and takes a score 0–1', async () => {
    const { document } = await h.data.detectedDocument(SENTENCES);
    expect((await setThreshold(document.id, 0.4, reviewer.cookie)).statusCode).toBe(403);
    expect((await setThreshold(document.id, 0.4, admin.cookie)).statusCode).toBe(200);
    for (const t of [1.5, -0.1, 'high', null]) expect((await setThreshold(document.id, t)).statusCode).toBe(400);
    const anonymous = await h.request({
      method: 'PUT',
      url: `/api/documents/${document.id}/threshold`,
      body: { threshold: 0.4 },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
