import { eventually } from '@factdesk/testing';
import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

let h: Harness;
let desk: Newsroom;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_BASE_URL: 'https://factcheck.example.org' });
  desk = await newsroom(h);
});
afterAll(() => h.close());

/** The ClaimReview's itemReviewed.author on the public page of this fact-check. */
async function authorOnPage(slug: string): Promise<Record<string, unknown>> {
  const res = await h.request({ url: `/fact-checks/${slug}` });
  expect(res.statusCode).toBe(200);
  const [block] = [...res.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  );
  return block.itemReviewed.author;
}

async function authorInFeed(slug: string): Promise<Record<string, unknown>> {
  const feed = (await h.request({ url: '/claimreview-feed.json' })).json();
  const item = feed.dataFeedElement.find((e: { item: { url: string } }) => e.item.url.endsWith(`/${slug}`));
  return item.item.itemReviewed.author;
}

const patch = (id: string, body: unknown) =>
  h.request({ method: 'PATCH', url: `/api/speakers/${id}`, cookie: desk.editor.cookie, body });

describe("ClaimReview's itemReviewed.author", () => {
  it('is a Person under the display name, with sameAs, and follows a rename made after publishing', async () => {
    const { slug } = await desk.publish({ speaker: 'KASICH', speakerSameAs: [], speakerKind: 'person' });
    expect(await authorOnPage(slug)).toEqual({ '@type': 'Person', name: 'KASICH' });
    const speakerId = (await h.request({ url: '/api/speakers?q=KASICH', cookie: desk.editor.cookie })).json()[0].id;
    const res = await patch(speakerId, {
      name: 'John Kasich',
      sameAs: ['https://www.wikidata.org/wiki/Q1386164', 'https://en.wikipedia.org/wiki/John_Kasich'],
    });
    expect(res.statusCode).toBe(200);
    const expected = {
      '@type': 'Person',
      name: 'John Kasich',
      sameAs: ['https://www.wikidata.org/wiki/Q1386164', 'https://en.wikipedia.org/wiki/John_Kasich'],
    };
    await eventually(async () => expect(await authorOnPage(slug)).toEqual(expected));
    expect(await authorInFeed(slug)).toEqual(expected);
  });

  it('is an Organization when the speaker is one, with a single sameAs as a string', async () => {
    const { slug } = await desk.publish({
      speaker: 'Ministry of Health',
      speakerKind: 'organisation',
      speakerSameAs: ['https://www.wikidata.org/wiki/Q11023'],
    });
    expect(await authorOnPage(slug)).toEqual({
      '@type': 'Organization',
      name: 'Ministry of Health',
      sameAs: 'https://www.wikidata.org/wiki/Q11023',
    });
  });

  it('follows a merge: a detected "RUBIO" merged into "Marco Rubio" is shown as Marco Rubio', async () => {
    const { slug } = await desk.publish({ speaker: 'RUBIO', speakerSameAs: [], speakerKind: 'organisation' });
    expect((await authorOnPage(slug))['@type']).toBe('Organization');
    const rubio = await h.data.speaker('Marco Rubio', { sameAs: ['https://www.wikidata.org/wiki/Q324546'] });
    const label = (await h.request({ url: '/api/speakers?q=RUBIO', cookie: desk.editor.cookie }))
      .json()
      .find((s: { name: string }) => s.name === 'RUBIO');
    const merged = await h.request({
      method: 'POST',
      url: `/api/speakers/${label.id}/merge`,
      cookie: desk.editor.cookie,
      body: { intoId: rubio.id },
    });
    expect(merged.statusCode).toBe(200);
    await eventually(async () =>
      expect(await authorOnPage(slug)).toEqual({
        '@type': 'Person',
        name: 'Marco Rubio',
        sameAs: 'https://www.wikidata.org/wiki/Q324546',
      }),
    );
  });

  it('refuses sameAs links that are not http(s) addresses (400)', async () => {
    const speaker = await h.data.speaker();
    const res = await patch(speaker.id, { sameAs: ['javascript:alert(1)'] });
    expect(res.statusCode).toBe(400);
  });
});
