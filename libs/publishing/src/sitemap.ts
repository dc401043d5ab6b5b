import { speakerPath } from '@factdesk/domain';
import { escapeXml as x } from './escape.js';
import { factCheckUrl, type SiteInfo } from './model.js';

/** The protocol's limit per sitemap file (sitemaps.org): what the API lists at most. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapInput {
  factChecks: { slug: string; lastModified: Date }[];
  speakers: { id: string; name: string; lastModified: Date }[];
  /** The text pages with their last edit (null: never edited). */
  pages: { path: string; lastModified: Date | null }[];
}

/** /sitemap.xml (sitemaps.org 0.9): the index, every fact-check and speaker page with lastmod, the text pages. */
export function sitemapXml(input: SitemapInput, site: SiteInfo): string {
  const newest = input.factChecks.reduce<Date | null>((a, f) => (!a || f.lastModified > a ? f.lastModified : a), null);
  const entry = (loc: string, lastModified: Date | null) =>
    `<url><loc>${x(loc)}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ''}</url>`;
  const urls = [
    entry(`${site.baseUrl}/fact-checks`, newest),
    ...input.factChecks.map((f) => entry(factCheckUrl(site, f.slug), f.lastModified)),
    ...input.speakers.map((s) => entry(`${site.baseUrl}${speakerPath(s.name, s.id)}`, s.lastModified)),
    ...input.pages.map((p) => entry(`${site.baseUrl}${p.path}`, p.lastModified)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** /robots.txt: the public site is open to crawlers; the API and the newsroom's admin screens are not. */
export function robotsTxt(site: SiteInfo): string {
  return `User-agent: *
Allow: /
Disallow: /api/
Disallow: /admin

Sitemap: ${site.baseUrl}/sitemap.xml
`;
}
