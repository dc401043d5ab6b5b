import { DEFAULT_RATING_SCALE } from '@factdesk/domain';
import { ClaimEntity } from '@factdesk/persistence';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: Awaited<ReturnType<Harness['signIn']>>;
let editor: Awaited<ReturnType<Harness['signIn']>>;
let reviewer: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness();
  await h.data.ratings();
  [admin, editor, reviewer] = [await h.signIn('admin'), await h.signIn('editor'), await h.signIn('reviewer')];
});
afterAll(() => h.close());

describe('speakers', () => {
  it('lists speakers with claim counts and merges two, keeping the names as aliases', async () => {
    const full = await h.data.speaker('Sergey Lavrov', { aliases: ['FM Lavrov'] });
    const short = await h.data.speaker('Lavrov', {
      aliases: ['Russian FM Lavrov'],
      sameAs: ['https://en.wikipedia.org/wiki/Sergey_Lavrov'],
    });
    for (const [text, speakerId] of [
      ['a claim', full.id],
      ['b claim', short.id],
      ['c claim', short.id],
    ])
      await h.data.claim({ text, speakerId });

    const before = (await h.request({ url: '/api/speakers?q=lavrov', cookie: reviewer.cookie })).json();
    expect(before.map((s: { name: string; claimCount: number }) => [s.name, s.claimCount])).toEqual([
      ['Lavrov', 2],
      ['Sergey Lavrov', 1],
    ]);

    expect(
      (
        await h.request({
          method: 'POST',
          url: `/api/speakers/${short.id}/merge`,
          cookie: reviewer.cookie,
          body: { intoId: full.id },
        })
      ).statusCode,
    ).toBe(403);
    const merged = await h.request({
      method: 'POST',
      url: `/api/speakers/${short.id}/merge`,
      cookie: editor.cookie,
      body: { intoId: full.id },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().aliases.sort()).toEqual(['FM Lavrov', 'Lavrov', 'Russian FM Lavrov']);
    expect(merged.json().sameAs).toEqual(['https://en.wikipedia.org/wiki/Sergey_Lavrov']);
    const after = (await h.request({ url: '/api/speakers?q=lavrov', cookie: reviewer.cookie })).json();
    expect(after.map((s: { name: string; claimCount: number }) => [s.name, s.claimCount])).toEqual([
      ['Sergey Lavrov', 3],
    ]);
    // A claim entered by the old name now lands on the merged speaker.
    const created = await h.request({
      method: 'POST',
      url: '/api/claims',
      cookie: editor.cookie,
      body: { text: 'Entered by alias', speakerName: 'Russian FM Lavrov' },
    });
    expect(created.json().speaker).toEqual({ id: full.id, name: 'Sergey Lavrov' });
    expect(
      (
        await h.request({
          method: 'POST',
          url: `/api/speakers/${short.id}/merge`,
          cookie: editor.cookie,
          body: { intoId: full.id },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('rating scale', () => {
  it('is read by staff and edited by admins', async () => {
    const scale = (await h.request({ url: '/api/ratings', cookie: reviewer.cookie })).json();
    expect(scale.map((r: { slug: string }) => r.slug)).toEqual(DEFAULT_RATING_SCALE.map((r) => r.slug));
    const created = await h.request({
      method: 'POST',
      url: '/api/ratings',
      cookie: admin.cookie,
      body: { slug: 'needs-context', label: 'Needs context', colour: '#0969da' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ position: DEFAULT_RATING_SCALE.length, value: null });
    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/ratings',
          cookie: admin.cookie,
          body: { slug: 'Needs Context!', label: 'x', colour: 'red' },
        })
      )
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['colour', 'slug']);
    const retired = await h.request({
      method: 'PATCH',
      url: `/api/ratings/${created.json().id}`,
      cookie: admin.cookie,
      body: { active: false },
    });
    expect(retired.json().active).toBe(false);
    expect(
      (
        await h.request({
          method: 'PATCH',
          url: `/api/ratings/${created.json().id}`,
          cookie: editor.cookie,
          body: { active: true },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('comments and notifications', () => {
  it('notifies the assignee of an editor comment, and marks notifications read', async () => {
    const claim = (
      await h.request({
        method: 'POST',
        url: '/api/claims',
        cookie: editor.cookie,
        body: { text: 'Comment target claim' },
      })
    ).json();
    await h.request({
      method: 'PUT',
      url: `/api/claims/${claim.id}/assignment`,
      cookie: editor.cookie,
      body: { assigneeId: reviewer.user.id },
    });
    const comment = await h.request({
      method: 'POST',
      url: `/api/claims/${claim.id}/comments`,
      cookie: editor.cookie,
      body: { body: '<script>alert(1)</script> check the date' },
    });
    expect(comment.statusCode).toBe(201);
    // Stored and returned as the text it is.
    expect(comment.json().body).toBe('<script>alert(1)</script> check the date');
    const reply = await h.request({
      method: 'POST',
      url: `/api/claims/${claim.id}/comments`,
      cookie: reviewer.cookie,
      body: { body: 'On it' },
    });
    expect(reply.statusCode).toBe(201);
    expect(
      (await h.request({ url: `/api/claims/${claim.id}/comments`, cookie: reviewer.cookie }))
        .json()
        .map((c: { body: string }) => c.body),
    ).toEqual(['<script>alert(1)</script> check the date', 'On it']);

    const inbox = (await h.request({ url: '/api/notifications', cookie: reviewer.cookie })).json();
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(['comment', 'assigned']);
    const marked = await h.request({
      method: 'POST',
      url: '/api/notifications/read',
      cookie: reviewer.cookie,
      body: { ids: [inbox.items[0].id] },
    });
    expect(marked.json()).toEqual({ marked: 1 });
    expect(
      (await h.request({ url: '/api/notifications?unread=true', cookie: reviewer.cookie }))
        .json()
        .items.map((n: { kind: string }) => n.kind),
    ).toEqual(['assigned']);
    expect(
      (await h.request({ method: 'POST', url: '/api/notifications/read', cookie: reviewer.cookie, body: {} })).json(),
    ).toEqual({ marked: 1 });
  });
});

describe('overview', () => {
  it('counts claims by state, publications per week, ratings and claims checked per speaker', async () => {
    const { claim } = await h.data.publishedFactCheck({
      text: 'Published stats claim',
      speaker: 'Stats Speaker',
      rating: 'false',
      publishedById: editor.user.id,
    });
    const speaker = { id: claim.speakerId, name: 'Stats Speaker' };
    const claims = h.db.getRepository(ClaimEntity);
    const stats = (await h.request({ url: '/api/stats', cookie: reviewer.cookie })).json();
    const total = await claims.count();
    expect(Object.values(stats.claimsByState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(total);
    expect(stats.claimsByState.published).toBe(1);
    expect(stats.publishedPerWeek).toHaveLength(12);
    expect(stats.publishedPerWeek[11].count).toBe(1);
    expect(stats.ratings.find((r: { rating: string }) => r.rating === 'false').count).toBe(1);
    expect(stats.speakers).toEqual([
      { speaker: { id: speaker.id, name: 'Stats Speaker' }, checked: 1, ratings: { false: 1 } },
    ]);
  });
});
