import { VERDICT_DRAFT_LIMITS } from '@factdesk/domain';
import { startHarness, type Harness } from './harness.js';

// Autosaved drafts of a verdict, and submit/approve naming the version the person sees: on the real
// API, PostgreSQL and Redis.
let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let ratingId: string;

beforeAll(async () => {
  h = await startHarness();
  ratingId = (await h.data.ratings()).find((r) => r.slug === 'mostly-true')!.id;
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
});
afterAll(() => h.close());

const EMPTY = { ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] };
const SOURCE = { url: 'https://stats.example.org/jobs', title: 'Jobs report', kind: 'primary' as const };
const source = { ...SOURCE, publisher: null, publishedOn: null, quote: null };

/** A claim assigned to the reviewer; `call` speaks for one of the two people about it. */
async function assignedClaim(text: string) {
  const claim = await h.data.claim({ text });
  const url = `/api/claims/${claim.id}`;
  const call = (who: { cookie: string }, method: string, path: string, body?: unknown) =>
    h.request({ method, url: `${url}${path}`, cookie: who.cookie, body });
  await call(editor, 'POST', '/accept');
  await call(editor, 'PUT', '/assignment', { assigneeId: reviewer.user.id });
  return { url, call };
}

const complete = (headline: string) => ({
  ratingId,
  headline,
  conclusion: 'The figure is right.',
  analysis: '',
  sources: [SOURCE],
});

describe('drafts: kept per claim and person, not a version', () => {
  it('keeps the reviewer’s typing, gives it back to them alone, and drops it when the verdict is saved', async () => {
    const { call } = await assignedClaim('Jobs grew by 3 percent in May.');
    expect((await call(reviewer, 'GET', '/verdict/draft')).json()).toBeNull();

    const typed = { ...EMPTY, headline: 'Three percent, half-typ', sources: [{ ...source, url: 'https://sta' }] };
    const put = await call(reviewer, 'PUT', '/verdict/draft', { baseVersion: 0, base: EMPTY, content: typed });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ baseVersion: 0, base: EMPTY, content: typed });
    // Typing on replaces it.
    const more = { ...typed, headline: 'Three percent, half-typed' };
    await call(reviewer, 'PUT', '/verdict/draft', { baseVersion: 0, base: EMPTY, content: more });
    const back = await call(reviewer, 'GET', '/verdict/draft');
    expect(back.json()).toMatchObject({ content: more });
    expect(Date.parse(back.json().savedAt)).not.toBeNaN();

    // Not the verdict, and nobody else's.
    expect((await call(reviewer, 'GET', '/verdict')).statusCode).toBe(404);
    expect((await call(editor, 'GET', '/verdict/draft')).json()).toBeNull();

    // Saving the verdict is what the draft was for: it is gone.
    expect((await call(reviewer, 'PUT', '/verdict', { version: 0, headline: 'Three percent' })).statusCode).toBe(200);
    expect((await call(reviewer, 'GET', '/verdict/draft')).json()).toBeNull();
  });

  it('is discarded on request, and dropped on submission', async () => {
    const { call } = await assignedClaim('Exports rose by 9 percent.');
    await call(reviewer, 'PUT', '/verdict', { version: 0, ...complete('Nine percent') });
    const body = { baseVersion: 1, base: EMPTY, content: { ...EMPTY, headline: 'Nine' } };
    await call(reviewer, 'PUT', '/verdict/draft', body);
    expect((await call(reviewer, 'DELETE', '/verdict/draft')).statusCode).toBe(204);
    expect((await call(reviewer, 'GET', '/verdict/draft')).json()).toBeNull();
    expect((await call(reviewer, 'DELETE', '/verdict/draft')).statusCode).toBe(204);

    await call(reviewer, 'PUT', '/verdict/draft', body);
    expect((await call(reviewer, 'POST', '/submit', { version: 1 })).statusCode).toBe(200);
    expect((await call(reviewer, 'GET', '/verdict/draft')).json()).toBeNull();
    // In review the reviewer may not type into it; an editor may (editors copy-edit in review).
    expect((await call(reviewer, 'PUT', '/verdict/draft', body)).statusCode).toBe(409);
    expect((await call(editor, 'PUT', '/verdict/draft', body)).statusCode).toBe(200);
    // Approval ends editing: every draft of the verdict goes.
    expect((await call(editor, 'POST', '/approve', { version: 1 })).statusCode).toBe(200);
    expect((await call(editor, 'GET', '/verdict/draft')).json()).toBeNull();
  });

  it('validates what it keeps: field limits (400, each field named once) and a cap on the whole (413)', async () => {
    const { call } = await assignedClaim('Prices fell by 2 percent.');
    const tooLong = await call(reviewer, 'PUT', '/verdict/draft', {
      baseVersion: 0,
      base: EMPTY,
      content: { ...EMPTY, analysis: 'x'.repeat(100_001) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields).toEqual([{ field: 'content.analysis', message: expect.any(String) }]);
    const missing = await call(reviewer, 'PUT', '/verdict/draft', { baseVersion: 0, content: EMPTY });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { field: string }) => f.field)).toEqual(['base']);

    // Within every field's limit, but more than a draft may hold (and less than the API's body limit).
    const heavy = { ...EMPTY, analysis: '€'.repeat(100_000) };
    const big = {
      baseVersion: 0,
      base: heavy,
      content: { ...heavy, sources: Array.from({ length: 30 }, () => ({ ...source, quote: 'é'.repeat(5000) })) },
    };
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(VERDICT_DRAFT_LIMITS.maxBytes);
    const res = await call(reviewer, 'PUT', '/verdict/draft', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/^The draft is too large to keep/);
    expect((await call(reviewer, 'GET', '/verdict/draft')).json()).toBeNull();
  });
});

describe('submit and approve name the version the person sees', () => {
  it('two tabs: the one still showing version 1 cannot submit version 2 unseen', async () => {
    const { call } = await assignedClaim('Rents doubled in ten years.');
    await call(reviewer, 'PUT', '/verdict', { version: 0, ...complete('Tab A') });
    await call(reviewer, 'PUT', '/verdict', { version: 1, headline: 'Tab B' });

    const stale = await call(reviewer, 'POST', '/submit', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^Version 2 was saved since the version 1 you are looking at/);
    expect(stale.json().current).toMatchObject({ version: 2, headline: 'Tab B', state: 'draft' });
    expect((await call(editor, 'GET', '')).json().state).toBe('in_progress');

    expect((await call(reviewer, 'POST', '/submit', { version: 2 })).statusCode).toBe(200);
  });

  it('an editor approving what another editor has since copy-edited gets 409 with that version', async () => {
    const { call } = await assignedClaim('Crime fell by a third.');
    await call(reviewer, 'PUT', '/verdict', { version: 0, ...complete('A third') });
    await call(reviewer, 'POST', '/submit', { version: 1 });
    const other = await h.signIn('editor');
    await call(other, 'PUT', '/verdict', { version: 1, headline: 'Not a third' });

    const stale = await call(editor, 'POST', '/approve', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, headline: 'Not a third' });
    expect((await call(editor, 'GET', '')).json().state).toBe('in_review');
    expect((await call(editor, 'POST', '/approve', { version: 3 })).statusCode).toBe(409);
    expect((await call(editor, 'POST', '/approve', { version: 2 })).json()).toMatchObject({ state: 'approved' });
  });

  it('a request that names no version acts on the current one (scripts), and a bad version is a 400', async () => {
    const { call } = await assignedClaim('Tax receipts grew by 5 percent.');
    await call(reviewer, 'PUT', '/verdict', { version: 0, ...complete('Five percent') });
    expect((await call(reviewer, 'POST', '/submit', { version: 'two' })).statusCode).toBe(400);
    expect((await call(reviewer, 'POST', '/submit')).statusCode).toBe(200);
  });
});
