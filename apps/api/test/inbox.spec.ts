import { randomUUID } from 'node:crypto';
import { AssignmentEntity, AuditEventEntity, ClaimEntity, SpeakerEntity } from '@factdesk/persistence';
import type { ClaimSummaryDto, Page } from '@factdesk/domain';
import { RELEVANCE_CANDIDATES } from '../src/claims/claims.query.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;
let lavrovId: string;

async function insertClaims(rows: Partial<ClaimEntity>[]): Promise<ClaimEntity[]> {
  const repo = h.db.getRepository(ClaimEntity);
  return repo.save(rows.map((r) => repo.create({ score: 0.5, checkworthy: true, reasons: [], ...r })));
}

const list = async (query: string, cookie = editor.cookie): Promise<Page<ClaimSummaryDto>> => {
  const res = await h.request({ url: `/api/claims?${query}`, cookie });
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

beforeAll(async () => {
  h = await startHarness();
  editor = await h.signIn('editor');
  reviewer = await h.signIn('reviewer');
  const speakers = h.db.getRepository(SpeakerEntity);
  lavrovId = (await speakers.save(speakers.create({ name: 'Sergey Lavrov' }))).id;
  await insertClaims([
    {
      text: 'NATO carried out five expansion waves while calling itself defensive.',
      score: 0.92,
      speakerId: lavrovId,
      claimType: 'historical_event',
      saidAt: new Date('2022-06-30'),
    },
    {
      text: 'NATO expansion continued eastward after the Warsaw Pact dissolved.',
      score: 0.81,
      speakerId: lavrovId,
      claimType: 'historical_event',
      saidAt: new Date('2022-06-30'),
    },
    {
      text: 'Forty percent of the 28 Union State programmes have been implemented.',
      score: 0.95,
      speakerId: lavrovId,
      claimType: 'quantity',
      saidAt: new Date('2022-06-30'),
    },
    {
      text: 'We always seek dialogue.',
      score: 0.12,
      checkworthy: false,
      speakerId: lavrovId,
      claimType: 'other',
      saidAt: new Date('2017-06-23'),
    },
    {
      text: 'The EU lifted its sanctions on Belarus this year.',
      score: 0.7,
      claimType: 'law_rule',
      saidAt: new Date('2017-06-23'),
    },
  ]);
});
afterAll(() => h.close());

describe('claims inbox', () => {
  it("runs on connections without parallel workers (the API's session settings)", async () => {
    const [row] = await h.db.query('SHOW max_parallel_workers_per_gather');
    expect(row.max_parallel_workers_per_gather).toBe('0');
  });

  it('ranks full-text matches: closer words rank higher; words are stemmed; phrases and exclusions work', async () => {
    const page = await list('q=expansion%20NATO');
    expect(page.items.map((c) => c.text)).toEqual([
      'NATO expansion continued eastward after the Warsaw Pact dissolved.',
      'NATO carried out five expansion waves while calling itself defensive.',
    ]);
    expect(page.items[0].rank).toBeGreaterThan(page.items[1].rank!);
    expect((await list('q=wave')).items.map((c) => c.text)).toEqual([
      'NATO carried out five expansion waves while calling itself defensive.',
    ]);
    expect((await list('q=%22Warsaw%20Pact%22%20-eastward')).items).toEqual([]);
    expect((await list('q=%22Warsaw%20Pact%22')).items).toHaveLength(1);
  });

  it('filters by state, speaker, type, score, check-worthiness and date said', async () => {
    expect((await list(`speakerId=${lavrovId}`)).items).toHaveLength(4);
    expect((await list('type=quantity,law_rule')).items.map((c) => c.claimType).sort()).toEqual([
      'law_rule',
      'quantity',
    ]);
    expect((await list('minScore=0.9')).items.map((c) => c.score)).toEqual([0.95, 0.92]);
    expect((await list('checkworthy=false')).items.map((c) => c.text)).toEqual(['We always seek dialogue.']);
    expect((await list('saidFrom=2022-01-01&saidTo=2023-01-01')).items).toHaveLength(3);
    expect((await list('state=dismissed')).items).toEqual([]);
    expect((await list('assignee=none')).items).toHaveLength(5);
  });

  it('sorts by score by default, and by date', async () => {
    const byScore = (await list('')).items.map((c) => c.score);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    const oldest = (await list('sort=said')).items;
    expect(oldest[oldest.length - 1].saidAt).toBe('2017-06-23T00:00:00.000Z');
  });

  it('treats hostile search text as words, never as SQL or query syntax', async () => {
    for (const q of ["'; DROP TABLE claims; --", '(((((a', '!!:*&|', 'a'.repeat(200), '\\\\%_']) {
      const res = await h.request({ url: `/api/claims?q=${encodeURIComponent(q)}`, cookie: editor.cookie });
      expect(res.statusCode).toBe(200);
    }
    expect(await h.db.getRepository(ClaimEntity).count()).toBeGreaterThanOrEqual(5);
    expect((await h.request({ url: `/api/claims?q=${'a'.repeat(201)}`, cookie: editor.cookie })).statusCode).toBe(400);
  });

  it('validates filters with readable errors', async () => {
    const res = await h.request({
      url: '/api/claims?state=bogus&minScore=2&limit=0&speakerId=x',
      cookie: editor.cookie,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['limit', 'minScore', 'speakerId', 'state']);
    expect((await h.request({ url: '/api/claims?cursor=garbage', cookie: editor.cookie })).statusCode).toBe(400);
  });
});

describe('keyset pagination', () => {
  it('walks every claim exactly once while new claims keep arriving', async () => {
    const speakers = h.db.getRepository(SpeakerEntity);
    const speakerId = (await speakers.save(speakers.create({ name: `Paging ${randomUUID()}` }))).id;
    // Ties on score on purpose: the id breaks them.
    const original = await insertClaims(
      Array.from({ length: 47 }, (_, i) => ({
        text: `Paging claim ${i}`,
        speakerId,
        score: [0.3, 0.5, 0.5, 0.8][i % 4],
      })),
    );
    for (const sort of ['score', 'newest', 'oldest']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page<ClaimSummaryDto> = await list(
          `speakerId=${speakerId}&sort=${sort}&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        pages += 1;
        // Claims inserted mid-walk sort before the cursor (newer, or lower score than the walk's end) or after.
        await insertClaims([{ text: `Arrived during page ${pages}`, speakerId, score: 0.9 }]);
      } while (cursor);
      const originalIds = new Set(original.map((c) => c.id));
      const seenOriginal = seen.filter((id) => originalIds.has(id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seenOriginal.sort()).toEqual([...originalIds].sort());
    }
  });

  /** Every page of a list, in order. */
  const walk = async (query: string, limit = 3, cookie = editor.cookie): Promise<ClaimSummaryDto[]> => {
    const out: ClaimSummaryDto[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ClaimSummaryDto> = await list(
        `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        cookie,
      );
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  it('walks the said, due and relevance orders in order, each claim once, and filters by assignee', async () => {
    const speakers = h.db.getRepository(SpeakerEntity);
    const speakerId = (await speakers.save(speakers.create({ name: `Orders ${randomUUID()}` }))).id;
    const other = await h.signIn('reviewer'); // a reviewer of this test's own: later tests count the shared one's work
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const claims = await insertClaims(
      Array.from({ length: 14 }, (_, i) => ({
        text: `Orders claim ${i}: inflation ${'inflation '.repeat(i % 4)}rose`,
        speakerId,
        saidAt: i % 5 === 0 ? null : day(1 + (i % 3)),
      })),
    );
    const assignments = h.db.getRepository(AssignmentEntity);
    // Active with due dates (two share one), active without one, one ended (its date no longer counts), the rest unassigned.
    const plan: [number, string, Date | null, 'active' | 'completed'][] = [
      [0, editor.user.id, day(9), 'active'],
      [1, other.user.id, day(3), 'active'],
      [2, editor.user.id, day(3), 'active'],
      [3, other.user.id, null, 'active'],
      [4, editor.user.id, day(1), 'completed'],
    ];
    await assignments.save(
      plan.map(([i, assigneeId, dueAt, state]) =>
        assignments.create({ claimId: claims[i].id, assigneeId, assignedById: editor.user.id, dueAt, state }),
      ),
    );
    const dueOf = (c: ClaimEntity) =>
      plan.find(([i, , , state]) => claims[i].id === c.id && state === 'active')?.[2]?.getTime() ?? Infinity;
    const byId = (a: ClaimEntity, b: ClaimEntity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

    const due = await walk(`speakerId=${speakerId}&sort=due`);
    expect(due.map((c) => c.id)).toEqual(
      [...claims].sort((a, b) => dueOf(a) - dueOf(b) || byId(a, b)).map((c) => c.id),
    );
    const said = await walk(`speakerId=${speakerId}&sort=said`);
    const saidKey = (c: ClaimEntity) => (c.saidAt ?? c.createdAt).getTime();
    expect(said.map((c) => c.id)).toEqual(
      [...claims].sort((a, b) => saidKey(b) - saidKey(a) || byId(b, a)).map((c) => c.id),
    );
    const relevant = await walk(`speakerId=${speakerId}&q=inflation`);
    expect(new Set(relevant.map((c) => c.id)).size).toBe(claims.length);
    expect(relevant.map((c) => c.rank)).toEqual(relevant.map((c) => c.rank).sort((a, b) => b! - a!));

    const ids = (items: ClaimSummaryDto[]) => items.map((c) => c.id).sort();
    expect(ids(await walk(`speakerId=${speakerId}&assignee=me`))).toEqual([claims[0].id, claims[2].id].sort());
    expect(ids(await walk(`speakerId=${speakerId}&assignee=${other.user.id}`))).toEqual(
      [claims[1].id, claims[3].id].sort(),
    );
    expect(ids(await walk(`speakerId=${speakerId}&assignee=none`))).toEqual(
      ids(claims.slice(4) as unknown as ClaimSummaryDto[]),
    );
    expect(ids(await walk(`speakerId=${speakerId}&assignee=me&sort=due`))).toEqual([claims[0].id, claims[2].id].sort());
    // One state and several states take different query shapes; both filter.
    await h.db.getRepository(ClaimEntity).update(claims[5].id, { state: 'accepted' });
    expect(ids(await walk(`speakerId=${speakerId}&state=accepted`))).toEqual([claims[5].id]);
    expect(ids(await walk(`speakerId=${speakerId}&state=accepted,dismissed&sort=due`))).toEqual([claims[5].id]);
  });

  it(`ranks a search's ${RELEVANCE_CANDIDATES} newest matches by relevance; the other sorts list every match`, async () => {
    const [old] = await insertClaims([
      {
        text: 'Zanzibarite zanzibarite zanzibarite: the best match, but an old one.',
        createdAt: new Date('2020-01-01'),
      },
    ]);
    await insertClaims(
      Array.from({ length: RELEVANCE_CANDIDATES }, (_, i) => ({
        text: `Zanzibarite claim number ${i} among many other words`,
        score: 0.4,
      })),
    );
    const relevant = await walk('q=zanzibarite', 100);
    expect(relevant).toHaveLength(RELEVANCE_CANDIDATES);
    expect(relevant.map((c) => c.id)).not.toContain(old.id);
    expect((await list('q=zanzibarite&sort=oldest&limit=1')).items[0].id).toBe(old.id);
    expect((await walk('q=zanzibarite&sort=score', 100)).length).toBe(RELEVANCE_CANDIDATES + 1);
  });
});

describe('bulk triage', () => {
  it('accepts many claims at once', async () => {
    const claims = await insertClaims([{ text: 'Bulk one' }, { text: 'Bulk two' }]);
    const res = await h.request({
      method: 'POST',
      url: '/api/claims/triage',
      cookie: editor.cookie,
      body: { action: 'accept', claimIds: claims.map((c) => c.id) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      applied: true,
      results: claims.map((c) => ({ claimId: c.id, ok: true, state: 'accepted' })),
    });
  });

  it('changes nothing when any claim cannot change, and says which and why', async () => {
    const [fresh, alsoFresh, alreadyDismissed] = await insertClaims([
      { text: 'Bulk fresh' },
      { text: 'Bulk fresh too' },
      { text: 'Bulk gone', state: 'dismissed', dismissalReason: 'opinion' },
    ]);
    const missing = randomUUID();
    const res = await h.request({
      method: 'POST',
      url: '/api/claims/triage',
      cookie: editor.cookie,
      body: {
        action: 'dismiss',
        reason: 'Not a factual claim',
        claimIds: [fresh.id, alreadyDismissed.id, missing, alsoFresh.id],
      },
    });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    // The same error body as every other error, with the id the response's header names.
    expect(body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: 'Nothing was changed: 2 of 4 claims could not be.',
      requestId: res.headers['x-request-id'],
    });
    expect(body.requestId).toEqual(expect.any(String));
    expect(body.applied).toBe(false);
    expect(body.results).toEqual([
      { claimId: fresh.id, ok: false, error: 'Not changed: another claim in the request failed.' },
      {
        claimId: alreadyDismissed.id,
        ok: false,
        status: 409,
        error: expect.stringMatching(/is dismissed, so it cannot be dismissed/),
      },
      { claimId: missing, ok: false, status: 404, error: 'No such claim.' },
      { claimId: alsoFresh.id, ok: false, error: 'Not changed: another claim in the request failed.' },
    ]);
    const states = await h.db.getRepository(ClaimEntity).findBy([{ id: fresh.id }, { id: alsoFresh.id }]);
    expect(states.map((c) => c.state)).toEqual(['detected', 'detected']);
    expect(await h.db.getRepository(AuditEventEntity).countBy({ claimId: fresh.id })).toBe(0);
  });

  it('needs a reason to dismiss, and is for editors only', async () => {
    const [claim] = await insertClaims([{ text: 'Bulk reason' }]);
    const noReason = await h.request({
      method: 'POST',
      url: '/api/claims/triage',
      cookie: editor.cookie,
      body: { action: 'dismiss', claimIds: [claim.id] },
    });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().results[0]).toMatchObject({ status: 400, error: 'To dismiss a claim, give a reason.' });
    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/claims/triage',
          cookie: reviewer.cookie,
          body: { action: 'accept', claimIds: [claim.id] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('assigns many claims at once, all or nothing', async () => {
    const [a, b] = await insertClaims([
      { text: 'Assign A', state: 'accepted' },
      { text: 'Assign B', state: 'accepted' },
    ]);
    const [c] = await insertClaims([{ text: 'Assign C (still detected)' }]);
    const refused = await h.request({
      method: 'POST',
      url: '/api/assignments/bulk',
      cookie: editor.cookie,
      body: { claimIds: [a.id, c.id], assigneeId: reviewer.user.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      applied: false,
      requestId: refused.headers['x-request-id'],
    });
    expect((await list(`assignee=${reviewer.user.id}`)).items).toEqual([]);
    const ok = await h.request({
      method: 'POST',
      url: '/api/assignments/bulk',
      cookie: editor.cookie,
      body: {
        claimIds: [a.id, b.id],
        assigneeId: reviewer.user.id,
        dueAt: new Date(Date.now() - 3600_000).toISOString(),
      },
    });
    expect(ok.statusCode).toBe(200);
    expect((await list('assignee=me', reviewer.cookie)).items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const workload = (await h.request({ url: '/api/assignments/workload', cookie: editor.cookie })).json();
    expect(workload.find((w: { user: { id: string } }) => w.user.id === reviewer.user.id)).toMatchObject({
      open: 2,
      overdue: 2,
      dueSoon: 0,
    });
    expect((await list('sort=due&assignee=me', reviewer.cookie)).items).toHaveLength(2);
  });
});
