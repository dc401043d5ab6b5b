import { AuditEventEntity, ClaimEntity, NotificationEntity } from '@factdesk/persistence';
import type { ClaimDetailDto, ClaimSummaryDto, Page } from '@factdesk/domain';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let otherEditor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let admin: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness();
  [editor, otherEditor, reviewer, admin] = [
    await h.signIn('editor'),
    await h.signIn('editor'),
    await h.signIn('reviewer'),
    await h.signIn('admin'),
  ];
});
afterAll(() => h?.close());

const post = (url: string, cookie: string, body?: object) => h.request({ method: 'POST', url, cookie, body });
const markDuplicate = (id: string, of: string, cookie = editor.cookie) =>
  post(`/api/claims/${id}/duplicate-of`, cookie, { claimId: of });
const detail = async (id: string) =>
  (await h.request({ url: `/api/claims/${id}`, cookie: editor.cookie })).json() as ClaimDetailDto;

describe('claim clusters: duplicate of, not the same claim', () => {
  it('a duplicate leaves triage and its cluster lists every appearance, the first claim first', async () => {
    const first = await h.data.claim({ speaker: 'Jane Minister' });
    const again = await h.data.claim({ text: first.text, speaker: 'Jane Minister' });
    const res = await markDuplicate(again.id, first.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'duplicate',
      duplicateOf: { id: first.id, text: first.text, state: 'detected' },
    });
    expect((await detail(first.id)).appearances.map((a) => a.claimId)).toEqual([first.id, again.id]);
    const triage = (
      await h.request({ url: '/api/claims?state=detected&limit=100', cookie: editor.cookie })
    ).json() as Page<ClaimSummaryDto>;
    expect(triage.items.map((c) => c.id)).toContain(first.id);
    expect(triage.items.map((c) => c.id)).not.toContain(again.id);
    const [event] = await h.db
      .getRepository(AuditEventEntity)
      .findBy({ entityId: again.id, action: 'claim.mark_duplicate' });
    expect(event).toMatchObject({ actorId: editor.user.id, after: { state: 'duplicate', duplicateOf: first.id } });
  });

  it('marking a duplicate of a duplicate joins the first claim of that cluster', async () => {
    const first = await h.data.claim();
    const second = await h.data.claim();
    const third = await h.data.claim();
    await markDuplicate(second.id, first.id);
    const res = await markDuplicate(third.id, second.id);
    expect(res.json()).toMatchObject({ duplicateOf: { id: first.id } });
    expect((await detail(first.id)).appearances).toHaveLength(3);
  });

  it('folding a cluster into another brings its duplicates along (merge)', async () => {
    const [a, b, c] = [await h.data.claim(), await h.data.claim(), await h.data.claim()];
    await markDuplicate(c.id, b.id);
    expect((await markDuplicate(b.id, a.id)).statusCode).toBe(200);
    const rows = await h.db.getRepository(ClaimEntity).findBy({ duplicateOfId: a.id });
    expect(rows.map((r) => r.id).sort()).toEqual([b.id, c.id].sort());
  });

  it('not the same claim: back to triage, out of the cluster', async () => {
    const first = await h.data.claim();
    const again = await h.data.claim();
    await markDuplicate(again.id, first.id);
    const res = await post(`/api/claims/${again.id}/not-duplicate`, editor.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'detected', duplicateOf: null, appearances: [] });
    expect((await detail(first.id)).appearances).toEqual([]);
  });

  it.each([
    ['itself', (id: string) => id, 409],
    ['a claim that does not exist', () => '00000000-0000-4000-8000-000000000000', 404],
  ])('refuses a duplicate of %s', async (_, of, status) => {
    const claim = await h.data.claim();
    const res = await markDuplicate(claim.id, of(claim.id));
    expect(res.statusCode).toBe(status);
    expect((await detail(claim.id)).state).toBe('detected');
  });

  it('refuses a claim whose checking began, and a body without a claim id', async () => {
    const first = await h.data.claim();
    const working = await h.data.claim({ state: 'in_progress' });
    expect((await markDuplicate(working.id, first.id)).statusCode).toBe(409);
    const bad = await post(`/api/claims/${first.id}/duplicate-of`, editor.cookie, { claimId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/claimId must be a claim id/);
  });

  it.each([
    ['reviewer', 403, () => reviewer.cookie],
    ['admin', 200, () => admin.cookie],
    ['nobody signed in', 401, () => ''],
  ])('%s: duplicate-of and not-duplicate answer %i', async (_, status, cookie) => {
    const [first, again] = [await h.data.claim(), await h.data.claim()];
    expect((await markDuplicate(again.id, first.id, cookie())).statusCode).toBe(status);
    expect((await post(`/api/claims/${again.id}/not-duplicate`, cookie())).statusCode).toBe(status);
  });
});

describe('repeat alerts', () => {
  it('a repeat of a published claim tells the other editors, with the rating it got', async () => {
    const published = await h.data.publishedFactCheck({ rating: 'false' });
    const repeat = await h.data.claim({ text: `${published.claim.text} Again.` });
    expect((await markDuplicate(repeat.id, published.claim.id)).statusCode).toBe(200);
    const alerts = await h.db.getRepository(NotificationEntity).findBy({ kind: 'repeated', claimId: repeat.id });
    expect(alerts.map((n) => n.userId)).toContain(otherEditor.user.id);
    expect(alerts.map((n) => n.userId)).not.toContain(editor.user.id);
    expect(alerts[0].message).toMatch(/^Repeated: “.+” repeats a claim already checked \(rated False\)\.$/);
    const recorded = () => h.db.query('SELECT joined FROM claim_repeats WHERE claim_id = $1', [repeat.id]);
    expect(await recorded()).toEqual([{ joined: true }]);
    // Split again: not a repeat after all, so Today stops listing it.
    expect((await post(`/api/claims/${repeat.id}/not-duplicate`, editor.cookie)).statusCode).toBe(200);
    expect(await recorded()).toEqual([]);
  });

  it('confirming a repeat the worker proposed tells no one a second time', async () => {
    const published = await h.data.publishedFactCheck({ rating: 'false' });
    const repeat = await h.data.claim({ text: `${published.claim.text} Once more.` });
    await h.db.query(
      'INSERT INTO claim_repeats (claim_id, head_claim_id, similarity, joined) VALUES ($1, $2, 0.9, false)',
      [repeat.id, published.claim.id],
    );
    expect((await markDuplicate(repeat.id, published.claim.id)).statusCode).toBe(200);
    expect(await h.db.getRepository(NotificationEntity).countBy({ kind: 'repeated', claimId: repeat.id })).toBe(0);
    expect(await h.db.query('SELECT joined FROM claim_repeats WHERE claim_id = $1', [repeat.id])).toEqual([
      { joined: true },
    ]);
  });

  it('a repeat of a claim nobody checked yet raises no alert', async () => {
    const [first, again] = [await h.data.claim(), await h.data.claim()];
    await markDuplicate(again.id, first.id);
    expect(await h.db.getRepository(NotificationEntity).countBy({ kind: 'repeated', claimId: again.id })).toBe(0);
  });
});
