import { todayClaimsFilter } from '@factdesk/domain';
import { ClaimMatchEntity } from '@factdesk/persistence';
import { startHarness, type Harness } from './harness.js';

// GET /api/today. Each describe asks for the window from its own start, so it sees only its own claims.
let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness();
  editor = await h.signIn('editor');
});
afterAll(() => h?.close());

const get = (url: string) => h.request({ method: 'GET', url, cookie: editor.cookie });
const todaySince = async (since: Date) => {
  const res = await get(`/api/today?since=${since.toISOString()}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
/** Now, by the database's clock: what the claims' created_at are compared with. */
const windowStart = async (): Promise<Date> => (await h.db.query('SELECT clock_timestamp() AS now'))[0].now;
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('the morning list', () => {
  it("lists the window's check-worthy claims by score, the checked-before ones apart, grouped by speaker and source", async () => {
    const since = await windowStart();
    const source = await h.data.source({ name: 'Ministry feed' });
    const fromFeed = await h.data.document(
      { text: 'From the feed.' },
      { status: 'done', monitoredSourceId: source.id },
    );
    const pasted = await h.data.document({ text: 'Pasted by staff.' }, { status: 'done' });
    const low = await h.data.claim({ documentId: fromFeed.id, speaker: 'Minister Ivanov', score: 0.6 });
    const high = await h.data.claim({ documentId: pasted.id, speaker: 'Minister Petrov', score: 0.95 });
    const checked = await h.data.claim({ documentId: fromFeed.id, speaker: 'Minister Ivanov', score: 0.5 });
    await h.data.claim({ documentId: pasted.id, score: 0.99, checkworthy: false });
    await h.data.claim({ documentId: pasted.id, score: 0.99, state: 'dismissed' });
    const old = await h.data.publishedFactCheck({ text: checked.text });
    await h.db
      .getRepository(ClaimMatchEntity)
      .insert({ claimId: checked.id, kind: 'fact_check', matchedClaimId: old.claim.id, similarity: 0.9 });

    const today = await todaySince(since);
    expect(ids(today.claims)).toEqual([high.id, low.id, checked.id]);
    expect(today).toMatchObject({ total: 3, checkedBeforeTotal: 1, nextCursor: null, repeatedTotal: 0 });
    expect(today.checkedBefore).toEqual([
      expect.objectContaining({ id: checked.id, checkedBefore: expect.objectContaining({ slug: old.slug }) }),
    ]);
    const groups = (list: { name: string; id: string | null; count: number; claims: { id: string }[] }[]) =>
      list.map((g) => [g.name, g.count, ids(g.claims)]);
    expect(groups(today.bySource)).toEqual([
      ['Submitted by staff', 1, [high.id]],
      ['Ministry feed', 2, [low.id, checked.id]],
    ]);
    expect(today.bySource.map((g: { id: string | null }) => g.id)).toEqual([null, source.id]);
    expect(groups(today.bySpeaker)).toEqual([
      ['Minister Petrov', 1, [high.id]],
      ['Minister Ivanov', 2, [low.id, checked.id]],
    ]);
    expect((await todaySince(new Date(Date.now() + 60_000))).total).toBe(0);
  });

  it('refuses a since that is no date', async () => {
    const res = await get('/api/today?since=yesterday');
    expect(res.statusCode).toBe(400);
  });
});

describe('a busy morning, more than a page', () => {
  const claims = 130;
  let since: Date;
  let speakerId: string;
  beforeAll(async () => {
    since = await windowStart();
    speakerId = (await h.data.speaker('Minister Busy')).id;
    // 130 claims, 120 of them the same speaker's, scores falling; every tenth was checked before.
    await h.db.query(
      `INSERT INTO claims (text, score, checkworthy, claim_type, speaker_id)
       SELECT 'Busy claim number ' || i || ' rose by ' || i || ' percent.', 1 - i / 1000.0, true, 'quantity',
              CASE WHEN i <= 120 THEN $1::uuid END
       FROM generate_series(1, ${claims}) AS i`,
      [speakerId],
    );
    const old = await h.data.publishedFactCheck({ text: 'An old claim that was checked.' });
    await h.db.query(
      `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity)
       SELECT id, 'fact_check', $1, 0.9 FROM claims
       WHERE text LIKE 'Busy claim number %' AND substring(text from 'number (\\d+)')::int % 10 = 0`,
      [old.claim.id],
    );
  });

  it("counts every claim of the window, and looks for earlier checks among all of them, not the first page's", async () => {
    const today = await todaySince(since);
    const [{ total }] = await h.db.query(
      `SELECT count(*)::int AS total FROM claims WHERE created_at >= $1 AND checkworthy AND state IN ('detected', 'accepted')`,
      [since],
    );
    expect(total).toBeGreaterThan(100);
    expect(today.total).toBe(total);
    expect(today.claims).toHaveLength(50);
    expect(today.checkedBeforeTotal).toBe(13);
    expect(today.checkedBefore).toHaveLength(13);
    // The lowest-scored checked claim (number 130) is far past the first page, and still found.
    expect(today.checkedBefore.map((c: { text: string }) => c.text)).toContain(
      'Busy claim number 130 rose by 130 percent.',
    );
    const busy = today.bySpeaker.find((g: { id: string | null }) => g.id === speakerId);
    expect([busy.count, busy.claims.length]).toEqual([120, 3]);
  });

  it("pages through every claim with the claims list and Today's filter, each once", async () => {
    const first = await todaySince(since);
    const seen = ids(first.claims);
    let cursor: string | null = first.nextCursor;
    const filter = todayClaimsFilter(since.toISOString());
    while (cursor) {
      const query = new URLSearchParams({
        detectedSince: filter.detectedSince,
        state: filter.state.join(','),
        checkworthy: String(filter.checkworthy),
        sort: filter.sort,
        limit: '50',
        cursor,
      });
      const page = (await get(`/api/claims?${query}`)).json();
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(first.total);
  });
});

describe('repeats of checked claims', () => {
  it('lists the repeats recorded since the window began, with the earlier rating and fact-check', async () => {
    const since = await windowStart();
    const old = await h.data.publishedFactCheck({ text: 'Crime doubled in ten years.', rating: 'false' });
    const proposed = await h.data.claim({ text: 'Crime has doubled in a decade.', speaker: 'Minister Again' });
    const joined = await h.data.claim({
      text: 'Crime doubled in ten years.',
      state: 'duplicate',
      duplicateOfId: old.claim.id,
    });
    const earlier = await h.data.claim({ text: 'Crime doubled in ten years, they say.' });
    await h.db.query(
      `INSERT INTO claim_repeats (claim_id, head_claim_id, similarity, joined, created_at) VALUES
         ($1, $4, 0.83, false, now() + interval '1 second'), ($2, $4, 1, true, now()), ($3, $4, 1, true, $5::timestamptz - interval '1 hour')`,
      [proposed.id, joined.id, earlier.id, old.claim.id, since],
    );
    const today = await todaySince(since);
    expect(today.repeatedTotal).toBe(2);
    expect(today.repeated).toEqual([
      expect.objectContaining({
        claim: expect.objectContaining({
          id: proposed.id,
          speaker: expect.objectContaining({ name: 'Minister Again' }),
        }),
        joined: false,
        earlier: { claimId: old.claim.id, slug: old.slug, rating: 'False' },
      }),
      expect.objectContaining({ claim: expect.objectContaining({ id: joined.id, state: 'duplicate' }), joined: true }),
    ]);
  });
});
