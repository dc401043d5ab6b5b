import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

let h: Harness;
let desk: Newsroom;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_BASE_URL: 'https://factcheck.example.org' });
  desk = await newsroom(h);
});
afterAll(() => h.close());

const ldBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

describe('the preview of what Publish puts out', () => {
  it('is the public page byte for byte, apart from the publication time publishing sets', async () => {
    const claimId = await desk.approve();
    const preview = await h.request({ url: `/api/claims/${claimId}/preview`, cookie: desk.reviewer.cookie });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const assumed = String(preview.headers['x-preview-published-at']);
    const review = await h.request({ url: `/api/claims/${claimId}/preview/claim-review`, cookie: desk.editor.cookie });

    const published = (
      await h.request({ method: 'POST', url: `/api/claims/${claimId}/publish`, cookie: desk.editor.cookie })
    ).json();
    const page = (await h.request({ url: `/fact-checks/${published.slug}` })).body;

    // The only difference: the publication time (the page's <time datetime> and ClaimReview's datePublished).
    expect(preview.body).toContain(assumed);
    expect(preview.body.replaceAll(assumed, published.publishedAt)).toBe(page);
    const reviewAssumed = String(review.headers['x-preview-published-at']);
    expect(JSON.parse(review.body.replaceAll(reviewAssumed, published.publishedAt))).toEqual(ldBlocks(page)[0]);
  });

  it('shows a scheduled time when asked', async () => {
    const claimId = await desk.approve();
    const at = '2031-05-04T08:30:00.000Z';
    const preview = await h.request({ url: `/api/claims/${claimId}/preview?at=${at}`, cookie: desk.editor.cookie });
    expect(preview.headers['x-preview-published-at']).toBe(at);
    expect(ldBlocks(preview.body)[0].datePublished).toBe(at);
    expect(preview.body).toContain('<time datetime="2031-05-04T08:30:00.000Z">04 May 2031</time>');
  });

  it('answers 409 before approval or after publication, 404 for no claim, 400 for a bad time', async () => {
    const { id } = await h.data.claim({ text: 'Not checked yet.' });
    const ask = (url: string) => h.request({ url, cookie: desk.editor.cookie });
    expect((await ask(`/api/claims/${id}/preview`)).statusCode).toBe(409);
    const { claimId } = await desk.publish();
    expect((await ask(`/api/claims/${claimId}/preview`)).statusCode).toBe(409);
    expect((await ask(`/api/claims/00000000-0000-4000-8000-000000000000/preview`)).statusCode).toBe(404);
    expect((await ask(`/api/claims/${id}/preview?at=tomorrow`)).statusCode).toBe(400);
  });
});
