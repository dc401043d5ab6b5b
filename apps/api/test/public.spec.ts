import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

const BASE = 'https://factcheck.example.org';
let h: Harness;
let desk: Newsroom;

beforeAll(async () => {
  h = await startHarness({
    PUBLIC_BASE_URL: BASE,
    PUBLISHER_NAME: 'Example Fact Check',
    PUBLISHER_URL: 'https://example.org/',
    PUBLISHER_LOGO_URL: 'https://example.org/logo.png',
  });
  desk = await newsroom(h);
});
afterAll(() => h.close());

const get = (url: string, headers: Record<string, string> = {}) => h.request({ url, headers });

const ldBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

// schema.org's context, reduced to what expansion needs: every term in the schema.org vocabulary.
const SCHEMA_CONTEXT = {
  '@context': { '@vocab': 'https://schema.org/', url: { '@type': '@id' }, sameAs: { '@type': '@id' } },
};
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') === 'https://schema.org')
    return { contextUrl: undefined, documentUrl: url, document: SCHEMA_CONTEXT };
  throw new Error(`no remote contexts in tests: ${url}`);
};
const S = (term: string) => `https://schema.org/${term}`;
type Node = Record<string, { '@value'?: unknown; '@id'?: string }[] & Node[]> & { '@id'?: string; '@type'?: string[] };
const value = (node: Node, term: string) => node[S(term)]?.[0]?.['@value'];
const one = (node: Node, term: string) => node[S(term)]?.[0] as unknown as Node;

describe('a published fact-check', () => {
  let published: { claimId: string; id: string; slug: string };
  beforeAll(async () => {
    published = await desk.publish({
      text: 'Unemployment fell by 40 percent in a year.',
      headline: 'No, unemployment did not fall by 40%',
      rating: 'false',
    });
  });

  it('has its page: claim, speaker, when and where, rating, conclusion, analysis, sources and the methodology link', async () => {
    const res = await get(`/fact-checks/${published.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<h1>No, unemployment did not fall by 40%</h1>');
    expect(html).toContain('Unemployment fell by 40 percent in a year.');
    expect(html).toContain('<a href="https://www.wikidata.org/wiki/Q42" rel="noopener noreferrer">Jane Minister</a>');
    expect(html).toContain('<time datetime="2030-03-01T10:00:00.000Z">');
    expect(html).toContain('href="https://news.example.org/interview"');
    expect(html).toMatch(/<span class="rating" style="background:#cf222e">False<\/span>/);
    expect(html).toContain('The official figures show a rise.');
    expect(html).toContain('<h2>What the data says</h2>');
    expect(html).toContain('<strong>rise</strong>');
    expect(html).toContain(
      '<a href="https://stats.example.org/labour" rel="noopener noreferrer">Labour market statistics</a>',
    );
    expect(html).toContain(`href="${BASE}/methodology"`);
    expect(html).toContain(`<link rel="canonical" href="${BASE}/fact-checks/${published.slug}">`);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('carries exactly one ClaimReview that meets Google’s fact-check rules once expanded by a JSON-LD processor', async () => {
    const blocks = ldBlocks((await get(`/fact-checks/${published.slug}`)).body);
    expect(blocks).toHaveLength(1);
    const expanded = (await jsonld.expand(blocks[0], { documentLoader: documentLoader as never })) as unknown as Node[];
    expect(expanded).toHaveLength(1);
    const review = expanded[0];
    const url = `${BASE}/fact-checks/${published.slug}`;
    expect(review['@type']).toEqual([S('ClaimReview')]);
    expect(review['@id']).toBe(`${url}#claim-review`);
    expect(review[S('url')][0]['@id']).toBe(url);
    expect(value(review, 'claimReviewed')).toBe('Unemployment fell by 40 percent in a year.');
    expect(Date.parse(value(review, 'datePublished') as string)).not.toBeNaN();

    const rating = one(review, 'reviewRating');
    expect(rating['@type']).toEqual([S('Rating')]);
    expect(value(rating, 'alternateName')).toBe('False');
    // The default scale runs from 1 (pants on fire) to 6 (true): "false" is 2.
    expect([value(rating, 'ratingValue'), value(rating, 'bestRating'), value(rating, 'worstRating')]).toEqual([
      2, 6, 1,
    ]);

    const author = one(review, 'author');
    expect(author['@type']).toEqual([S('Organization')]);
    expect(author['@id']).toBe(`${BASE}/#publisher`);
    expect(value(author, 'name')).toBe('Example Fact Check');

    const claim = one(review, 'itemReviewed');
    expect(claim['@type']).toEqual([S('Claim')]);
    expect(claim['@id']).toBe(`${url}#claim`);
    const speaker = one(claim, 'author');
    expect(speaker['@type']).toEqual([S('Person')]);
    expect(value(speaker, 'name')).toBe('Jane Minister');
    expect(speaker[S('sameAs')][0]['@id']).toBe('https://www.wikidata.org/wiki/Q42');
    expect(value(claim, 'datePublished')).toBe('2030-03-01T10:00:00.000Z');
    const appearance = one(claim, 'appearance');
    expect(appearance['@type']).toEqual([S('CreativeWork')]);
    expect(appearance[S('url')][0]['@id']).toBe('https://news.example.org/interview');
  });

  it('leaves out the ordinal numbers for an off-scale rating, keeping alternateName', async () => {
    const misleading = await desk.publish({ rating: 'misleading' });
    const [block] = ldBlocks((await get(`/fact-checks/${misleading.slug}`)).body);
    expect(block.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Misleading',
      name: 'Misleading',
      ratingExplanation: 'The official figures show a rise.',
    });
  });

  it('answers 404 with a page for an unknown slug', async () => {
    const res = await get('/fact-checks/no-such-thing-1234');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<h1>Not found</h1>');
    expect((await get('/fact-checks/%3Cscript%3E')).statusCode).toBe(404);
  });

  it('keeps working when shared with tracking parameters', async () => {
    expect((await get(`/fact-checks/${published.slug}?utm_source=social&fbclid=x`)).statusCode).toBe(200);
    expect((await get('/feed.json?utm_source=reader')).statusCode).toBe(200);
    expect((await get('/feed.json?page=0')).statusCode).toBe(400);
  });
});

describe('escaping', () => {
  it('escapes every field in HTML and keeps the JSON-LD inside its script element', async () => {
    const hostile = await desk.publish({
      text: 'He said </script><script>alert(1)</script> & "more" <b>',
      speaker: '<img src=x onerror=alert(1)>',
      headline: 'A </script><script>alert(2)</script> headline',
      analysis:
        'Text <script>alert(3)</script> <img src="x" onerror="alert(4)"> [click](javascript:alert(5)) <a href="https://ok.example/" onclick="x()">ok</a>',
    });
    const html = (await get(`/fact-checks/${hostile.slug}`)).body;
    // No element but the JSON-LD script, no images, no event-handler attributes, no script URLs.
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')).not.toMatch(
      /<script|<img|<[^>]*\son\w+\s*=|href="javascript:/i,
    );
    expect(html).toContain(
      'He said &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot; &lt;b&gt;',
    );
    expect(html).toContain('<a href="https://ok.example/" rel="noopener noreferrer">ok</a>');
    const [block] = ldBlocks(html);
    expect(block.headline).toBe('A </script><script>alert(2)</script> headline');
    expect(block.itemReviewed.author.name).toBe('<img src=x onerror=alert(1)>');
    for (const feed of ['/feed.atom', '/feed.rss']) expect(XMLValidator.validate((await get(feed)).body)).toBe(true);
  });
});

describe('feeds', () => {
  let first: { claimId: string; slug: string };
  beforeAll(async () => {
    first = await desk.publish({ headline: 'Feed item under test' });
  });

  it('/feed.json is JSON Feed 1.1, newest first', async () => {
    const res = await get('/feed.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = res.json();
    // Required and recommended top-level fields of https://www.jsonfeed.org/version/1.1/
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.home_page_url).toBe(`${BASE}/fact-checks`);
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    expect(feed.authors).toEqual([{ name: 'Example Fact Check', url: 'https://example.org/' }]);
    expect(feed).not.toHaveProperty('author'); // 1.0's field, deprecated in 1.1
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/); // RFC 3339
      expect(item.date_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(item.url).toMatch(new RegExp(`^${BASE}/fact-checks/`));
      expect(
        Object.keys(item).every(
          (k) =>
            [
              'id',
              'url',
              'external_url',
              'title',
              'content_html',
              'content_text',
              'summary',
              'image',
              'banner_image',
              'date_published',
              'date_modified',
              'authors',
              'tags',
              'language',
              'attachments',
            ].includes(k) || k.startsWith('_'),
        ),
      ).toBe(true);
    }
    const dates = feed.items.map((i: { date_published: string }) => i.date_published);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(feed.items[0].title).toBe('Feed item under test — False');
  });

  it('/feed.atom and /feed.rss parse in a real feed reader with the same items', async () => {
    const json = (await get('/feed.json')).json();
    for (const [path, type] of [
      ['/feed.atom', 'application/atom+xml; charset=utf-8'],
      ['/feed.rss', 'application/rss+xml; charset=utf-8'],
    ]) {
      const res = await get(path);
      expect(res.headers['content-type']).toBe(type);
      expect(XMLValidator.validate(res.body)).toBe(true);
      const feed = parseFeed(res.body);
      expect(feed.meta.type).toBe(path === '/feed.atom' ? 'atom' : 'rss');
      expect(feed.title).toBe('Example Fact Check fact-checks');
      expect(feed.self).toBe(`${BASE}${path}`);
      expect(feed.items.map((i) => i.id)).toEqual(json.items.map((i: { id: string }) => i.id));
      expect(feed.items.map((i) => i.url)).toEqual(json.items.map((i: { url: string }) => i.url));
      expect(feed.items[0].title).toBe('Feed item under test — False');
      expect(feed.items[0].published?.toISOString()).toBe(
        new Date(json.items[0].date_published)
          .toISOString()
          .replace(/\.\d+Z$/, path === '/feed.rss' ? '.000Z' : `.${json.items[0].date_published.slice(20, 23)}Z`),
      );
      expect(feed.items[0].content).toContain('The official figures show a rise.');
      expect(feed.items[0].categories.map((c) => c.label ?? c.term)).toEqual(['False']);
    }
  });

  it('/claimreview-feed.json is a schema.org DataFeed of ClaimReviews', async () => {
    const res = await get('/claimreview-feed.json');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const [feed] = (await jsonld.expand(res.json(), { documentLoader: documentLoader as never })) as unknown as Node[];
    expect(feed['@type']).toEqual([S('DataFeed')]);
    const elements = feed[S('dataFeedElement')] as unknown as Node[];
    expect(elements.length).toBeGreaterThan(0);
    for (const element of elements) {
      expect(element['@type']).toEqual([S('DataFeedItem')]);
      const review = one(element, 'item');
      expect(review['@type']).toEqual([S('ClaimReview')]);
      expect(value(one(review, 'reviewRating'), 'alternateName')).toEqual(expect.any(String));
    }
    expect(res.json().dataFeedElement[0].item.url).toBe(`${BASE}/fact-checks/${first.slug}`);
  });

  it('pages with next links in-band and in the Link header', async () => {
    // FEED_PAGE_SIZE items a page (20 by default): fill a second page.
    const size = h.config.site.feedPageSize;
    const have = (await get('/feed.json')).json().items.length;
    for (let i = have; i < size + 1; i += 1) await desk.publish();
    const page1 = await get('/feed.json');
    expect(page1.json().items).toHaveLength(size);
    expect(page1.json().next_url).toBe(`${BASE}/feed.json?page=2`);
    expect(page1.headers.link).toContain(`<${BASE}/feed.json?page=2>; rel="next"`);
    const page2 = await get('/feed.json?page=2');
    expect(page2.json().items.length).toBeGreaterThan(0);
    expect(page2.json()).not.toHaveProperty('next_url');
    const ids1 = new Set(page1.json().items.map((i: { id: string }) => i.id));
    expect(page2.json().items.some((i: { id: string }) => ids1.has(i.id))).toBe(false);
    expect(parseFeed((await get('/feed.atom')).body).items).toHaveLength(size);
    expect((await get('/feed.atom')).body).toContain(`<link rel="next" href="${BASE}/feed.atom?page=2"/>`);
    expect((await get('/feed.rss')).body).toContain(`<atom:link rel="next" href="${BASE}/feed.rss?page=2"/>`);
    expect((await get('/feed.json?page=99')).statusCode).toBe(404);
  }, 60_000);
});
