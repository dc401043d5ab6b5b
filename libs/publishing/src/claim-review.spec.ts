import jsonld from 'jsonld';
import type { PublicAppearance } from '@factdesk/domain';
import { claimReview } from './claim-review.js';
import { factCheckPage } from './html.js';
import type { PublicFactCheck, SiteInfo } from './model.js';

// ClaimReview as a JSON-LD processor reads it, against Google's fact-check structured-data rules:
// required claimReviewed, reviewRating (alternateName), url; recommended author, itemReviewed (a Claim with
// author, datePublished and appearance / firstAppearance) and the rating's numbers.

const site: SiteInfo = {
  baseUrl: 'https://checks.example.org',
  publisherName: 'Example Checks',
  publisherUrl: 'https://example.org/',
  publisherLogoUrl: 'https://example.org/logo.png',
  language: 'en',
};
const minsk: PublicAppearance = {
  saidAt: '2022-06-30T00:00:00.000Z',
  venue: 'Press conference, Minsk',
  sourceUrl: 'https://mid.example/remarks/4186',
  mediaUrl: 'https://video.example/remarks.mp4',
  mediaStartSeconds: 754,
  appearedIn: 'Remarks after talks with Belarus',
  outlet: 'Foreign Ministry',
};
const interview: PublicAppearance = {
  saidAt: '2022-06-12T00:00:00.000Z',
  venue: null,
  sourceUrl: null,
  mediaUrl: 'https://www.youtube.com/watch?v=abc123',
  mediaStartSeconds: 90,
  appearedIn: 'Evening interview',
  outlet: null,
};
const fc = (over: Partial<PublicFactCheck['snapshot']> = {}): PublicFactCheck => ({
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'grain-exports-1',
  state: 'published',
  version: 1,
  publishedAt: '2026-01-05T10:00:00.000Z',
  retractedAt: null,
  corrections: [],
  snapshot: {
    claim: {
      id: '00000000-0000-4000-8000-000000000002',
      text: 'Grain exports grew by 12 percent.',
      saidAt: minsk.saidAt,
      saidWhereUrl: minsk.sourceUrl,
      documentTitle: '(climate and foreign policy excerpt)',
      documentUrl: minsk.sourceUrl,
      outlet: minsk.outlet,
      venue: minsk.venue,
      mediaUrl: minsk.mediaUrl,
      mediaStartSeconds: minsk.mediaStartSeconds,
      appearedIn: minsk.appearedIn,
    },
    appearances: [minsk, interview],
    speaker: { id: 's1', name: 'Sergey Lavrov', kind: 'person', sameAs: ['https://www.wikidata.org/wiki/Q131583'] },
    rating: { id: 'r1', slug: 'false', label: 'False', value: 2, colour: '#cf222e' },
    headline: 'Grain exports did not grow',
    conclusion: 'Customs figures show a fall of 3 percent.',
    analysis: 'Analysis.',
    sources: [],
    authors: [{ id: 'u1', name: 'Rita Reviewer' }],
    ...over,
  },
});
const bounds = { best: 6, worst: 1 };

// schema.org's context reduced to what processing needs (no network in tests).
const CONTEXT = { '@vocab': 'https://schema.org/', url: { '@type': '@id' }, sameAs: { '@type': '@id' } };
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') === 'https://schema.org') return { documentUrl: url, document: { '@context': CONTEXT } };
  throw new Error(`no remote contexts in tests: ${url}`);
};
type Node = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };
const S = (t: string) => `https://schema.org/${t}`;
const all = (n: Node, t: string) => (n[S(t)] ?? []) as Node[];
const one = (n: Node, t: string) => all(n, t)[0];
const val = (n: Node, t: string) => (one(n, t) as unknown as { '@value'?: unknown; '@id'?: string })?.['@value'];
const id = (n: Node, t: string) => (one(n, t) as unknown as { '@id'?: string })?.['@id'];

async function expanded(review: Record<string, unknown>): Promise<Node> {
  const nodes = (await jsonld.expand(review as never, {
    documentLoader: documentLoader as never,
  })) as unknown as Node[];
  expect(nodes).toHaveLength(1);
  return nodes[0];
}

describe('ClaimReview, read by a JSON-LD processor', () => {
  it('has Google’s required properties and every recommended one we know', async () => {
    const review = await expanded(claimReview(fc(), site, bounds)!);
    const url = 'https://checks.example.org/fact-checks/grain-exports-1';
    expect(review['@type']).toEqual([S('ClaimReview')]);
    // Required.
    expect(val(review, 'claimReviewed')).toBe('Grain exports grew by 12 percent.');
    expect(id(review, 'url')).toBe(url);
    const rating = one(review, 'reviewRating');
    expect(rating['@type']).toEqual([S('Rating')]);
    expect(val(rating, 'alternateName')).toBe('False');
    // Recommended: the rating's place on the scale and its name.
    expect([val(rating, 'ratingValue'), val(rating, 'bestRating'), val(rating, 'worstRating')]).toEqual([2, 6, 1]);
    expect(val(rating, 'name')).toBe('False');
    // Recommended: who reviewed it (the publisher, with its logo) and when.
    const author = one(review, 'author');
    expect(author['@type']).toEqual([S('Organization')]);
    expect(val(author, 'name')).toBe('Example Checks');
    expect(id(one(author, 'logo'), 'url')).toBe('https://example.org/logo.png');
    expect(val(review, 'datePublished')).toBe('2026-01-05T10:00:00.000Z');

    // Recommended: itemReviewed, a Claim with its author, date and appearances.
    const claim = one(review, 'itemReviewed');
    expect(claim['@type']).toEqual([S('Claim')]);
    const speaker = one(claim, 'author');
    expect(speaker['@type']).toEqual([S('Person')]);
    expect(val(speaker, 'name')).toBe('Sergey Lavrov');
    expect(id(speaker, 'sameAs')).toBe('https://www.wikidata.org/wiki/Q131583');
    expect(val(claim, 'datePublished')).toBe('2022-06-30T00:00:00.000Z');

    const appearances = all(claim, 'appearance');
    expect(appearances.map((a) => id(a, 'url'))).toEqual([
      'https://mid.example/remarks/4186',
      'https://www.youtube.com/watch?v=abc123&t=90s',
    ]);
    const [first, second] = appearances;
    expect(first['@type']).toEqual([S('CreativeWork')]);
    expect(val(first, 'name')).toBe('Remarks after talks with Belarus');
    expect(val(first, 'datePublished')).toBe('2022-06-30T00:00:00.000Z');
    expect(val(one(first, 'publisher'), 'name')).toBe('Foreign Ministry');
    expect(val(one(first, 'locationCreated'), 'name')).toBe('Press conference, Minsk');
    expect(val(one(first, 'associatedMedia'), 'contentUrl')).toBe('https://video.example/remarks.mp4#t=754');
    expect(val(second, 'name')).toBe('Evening interview');
    // The earliest dated appearance is the first: the interview, before the press conference.
    expect(id(one(claim, 'firstAppearance'), 'url')).toBe('https://www.youtube.com/watch?v=abc123&t=90s');
  });

  it('compacts back to what the page carries: well-formed JSON-LD, nothing dropped or renamed', async () => {
    const review = claimReview(fc(), site, bounds)!;
    const expandedForm = await jsonld.expand(review as never, { documentLoader: documentLoader as never });
    const compacted = await jsonld.compact(expandedForm, CONTEXT as never, { documentLoader: documentLoader as never });
    const { '@context': _c, ...rest } = compacted as Record<string, unknown>;
    const { '@context': _r, ...original } = review;
    expect(rest).toEqual(original);
  });

  it('an organisation said it: the author is an Organization', async () => {
    const review = await expanded(
      claimReview(
        fc({ speaker: { id: 's2', name: 'Ministry of Defence', kind: 'organisation', sameAs: [] } }),
        site,
        bounds,
      )!,
    );
    const author = one(one(review, 'itemReviewed'), 'author');
    expect(author['@type']).toEqual([S('Organization')]);
    expect(val(author, 'name')).toBe('Ministry of Defence');
    expect(author[S('sameAs')]).toBeUndefined();
  });

  it('a fact-check published before provenance keeps its one appearance, without the internal title', async () => {
    const old = fc();
    const { venue: _v, mediaUrl: _m, mediaStartSeconds: _s, appearedIn: _a, ...claim } = old.snapshot.claim;
    const { appearances: _all, ...snapshot } = old.snapshot;
    const review = claimReview({ ...old, snapshot: { ...snapshot, claim } }, site, bounds)!;
    const appearance = (review.itemReviewed as { appearance: Record<string, unknown> }).appearance;
    expect(appearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://mid.example/remarks/4186',
      datePublished: '2022-06-30T00:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'Foreign Ministry' },
    });
    expect(JSON.stringify(review)).not.toContain('excerpt');
  });
});

describe('the fact-check page', () => {
  const html = factCheckPage(fc(), site, bounds);
  const meta = (attr: string, name: string) =>
    new RegExp(`<meta ${attr}="${name.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`).exec(html)?.[1];

  it('says when and where it was said, by its public name, and links the recording at its time', () => {
    expect(html).toContain('<time datetime="2022-06-30T00:00:00.000Z">30 Jun 2022</time>');
    expect(html).toContain('<span class="venue">Press conference, Minsk</span>');
    expect(html).toContain(
      'href="https://mid.example/remarks/4186" rel="noopener noreferrer">Remarks after talks with Belarus</a>',
    );
    expect(html).toContain(
      'href="https://video.example/remarks.mp4#t=754" rel="noopener noreferrer">recording at 12:34</a>',
    );
    expect(html).toContain('Evening interview');
    expect(html).not.toContain('climate and foreign policy excerpt');
  });

  it('carries share tags with the rating and conclusion, the logo as image, and a canonical link', () => {
    const url = 'https://checks.example.org/fact-checks/grain-exports-1';
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(meta('property', 'og:type')).toBe('article');
    expect(meta('property', 'og:title')).toBe('False: Grain exports did not grow');
    expect(meta('property', 'og:description')).toBe('Our rating: False. Customs figures show a fall of 3 percent.');
    expect(meta('property', 'og:url')).toBe(url);
    expect(meta('property', 'og:image')).toBe('https://example.org/logo.png');
    expect(meta('property', 'article:published_time')).toBe('2026-01-05T10:00:00.000Z');
    expect(meta('name', 'twitter:card')).toBe('summary');
    expect(meta('name', 'twitter:title')).toBe('False: Grain exports did not grow');
    expect(meta('name', 'twitter:image')).toBe('https://example.org/logo.png');
    expect([meta('name', 'twitter:label1'), meta('name', 'twitter:data1')]).toEqual(['Rating', 'False']);
  });
});
