import type { PublicFactCheck, SiteInfo } from './model.js';
import { atomFeed, jsonFeed, rssFeed } from './feeds.js';

const site: SiteInfo = {
  baseUrl: 'https://checks.example.org',
  publisherName: 'Desk <b>& Co</b>',
  publisherUrl: 'https://example.org',
  publisherLogoUrl: null,
  language: 'en',
};
const conclusion = 'Rated <b>false</b> & <img src=x onerror=alert(1)> "quoted" \'too\'';
const fc: PublicFactCheck = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'grain-exports',
  state: 'published',
  version: 1,
  publishedAt: '2026-01-05T10:00:00.000Z',
  retractedAt: null,
  corrections: [],
  snapshot: {
    claim: {
      id: '00000000-0000-4000-8000-000000000002',
      text: 'Grain exports grew by 12 percent.',
      saidAt: null,
      saidWhereUrl: null,
      documentTitle: null,
      documentUrl: null,
      outlet: null,
    },
    speaker: null,
    rating: null,
    headline: 'Grain exports',
    conclusion,
    analysis: 'Analysis.',
    sources: [],
    authors: [],
  },
};
const links = { page: (n: number) => `https://checks.example.org/feed?page=${n}`, home: 'https://checks.example.org' };
const page = { items: [fc], page: 1, pages: 1 };

const xmlText = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
const htmlText = (s: string) =>
  s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => xmlText(m[1]));

describe('feeds carry text that contains markup as text', () => {
  it('RSS <description> is HTML (readers render it): the conclusion is HTML-escaped inside the XML', () => {
    const [channel, item] = elements(rssFeed(page, site, links), 'description');
    // After XML parsing a reader holds HTML; that HTML has no tags, and as text it is the conclusion.
    expect(item).not.toMatch(/[<>]/);
    expect(htmlText(item)).toBe(conclusion);
    expect(channel).not.toMatch(/[<>]/);
    expect(htmlText(channel)).toContain('Desk <b>& Co</b>');
  });

  it('Atom says type="text" and JSON Feed puts it in summary (plain text): both carry the conclusion as given', () => {
    expect(elements(atomFeed(page, site, links), 'summary')).toEqual([conclusion]);
    expect((jsonFeed(page, site, links).items as { summary: string }[])[0].summary).toBe(conclusion);
  });
});
