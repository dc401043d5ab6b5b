import { escapeHtml, escapeXml } from './escape.js';
import { httpDate } from './http-cache.js';
import { factCheckItemHtml } from './html.js';
import {
  factCheckUrl,
  modifiedAt,
  newestModification,
  type ListPage,
  type PublicFactCheck,
  type SiteInfo,
} from './model.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Stable across domain moves and slug changes: readers never see an item twice. */
export const itemId = (fc: PublicFactCheck) => `urn:uuid:${fc.id}`;

/** Retracted items stay in the feeds, marked, so readers who saw them learn of the retraction. */
export function itemTitle(fc: PublicFactCheck): string {
  const rating = fc.snapshot.rating ? ` — ${fc.snapshot.rating.label}` : '';
  return `${fc.state === 'retracted' ? 'Retracted: ' : ''}${fc.snapshot.headline}${rating}`;
}

export interface FeedLinks {
  /** This feed's URL for a page number (page 1 has no query). */
  page: (page: number) => string;
  /** The human-readable index. */
  home: string;
}

const feedTitle = (site: SiteInfo) => `${site.publisherName} fact-checks`;

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); paging by next_url. */
export function jsonFeed(page: ListPage<PublicFactCheck>, site: SiteInfo, links: FeedLinks): Record<string, unknown> {
  return {
    version: JSON_FEED_VERSION,
    title: feedTitle(site),
    home_page_url: links.home,
    feed_url: links.page(page.page),
    description: `Fact-checks published by ${site.publisherName}, newest first, with corrections and retractions.`,
    language: site.language,
    ...(site.publisherLogoUrl ? { icon: site.publisherLogoUrl } : {}),
    authors: [{ name: site.publisherName, url: site.publisherUrl }],
    ...(page.page < page.pages ? { next_url: links.page(page.page + 1) } : {}),
    items: page.items.map((fc) => ({
      id: itemId(fc),
      url: factCheckUrl(site, fc.slug),
      title: itemTitle(fc),
      content_html: factCheckItemHtml(fc),
      summary: fc.snapshot.conclusion,
      date_published: fc.publishedAt,
      date_modified: modifiedAt(fc),
      authors: fc.snapshot.authors.length
        ? fc.snapshot.authors.map((a) => ({ name: a.name }))
        : [{ name: site.publisherName, url: site.publisherUrl }],
      tags: fc.snapshot.rating ? [fc.snapshot.rating.label] : [],
      language: site.language,
    })),
  };
}

const pagingLinks = (page: ListPage<unknown>, links: FeedLinks, type: string, el: string) =>
  [
    `<${el} rel="self" type="${type}" href="${escapeXml(links.page(page.page))}"/>`,
    `<${el} rel="first" href="${escapeXml(links.page(1))}"/>`,
    page.page > 1 ? `<${el} rel="previous" href="${escapeXml(links.page(page.page - 1))}"/>` : '',
    page.page < page.pages ? `<${el} rel="next" href="${escapeXml(links.page(page.page + 1))}"/>` : '',
    `<${el} rel="last" href="${escapeXml(links.page(page.pages))}"/>`,
  ].filter(Boolean);

/** Atom (RFC 4287), paged as RFC 5005 §3 describes: every page has the same feed id. */
export function atomFeed(page: ListPage<PublicFactCheck>, site: SiteInfo, links: FeedLinks): string {
  const t = (s: string) => escapeXml(s);
  const entries = page.items.map((fc) => {
    const authors = fc.snapshot.authors.length
      ? fc.snapshot.authors.map((a) => `<author><name>${t(a.name)}</name></author>`).join('')
      : '';
    const category = fc.snapshot.rating
      ? `<category term="${t(fc.snapshot.rating.slug)}" label="${t(fc.snapshot.rating.label)}"/>`
      : '';
    return [
      '<entry>',
      `<id>${itemId(fc)}</id>`,
      `<title type="text">${t(itemTitle(fc))}</title>`,
      `<link rel="alternate" type="text/html" href="${t(factCheckUrl(site, fc.slug))}"/>`,
      `<published>${fc.publishedAt}</published>`,
      `<updated>${modifiedAt(fc)}</updated>`,
      authors,
      category,
      `<summary type="text">${t(fc.snapshot.conclusion)}</summary>`,
      `<content type="html">${t(factCheckItemHtml(fc))}</content>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${t(site.language)}">`,
    `<id>${t(links.page(1))}</id>`,
    `<title type="text">${t(feedTitle(site))}</title>`,
    `<subtitle type="text">Fact-checks published by ${t(site.publisherName)}, newest first, with corrections and retractions.</subtitle>`,
    `<updated>${newestModification(page.items, EPOCH)}</updated>`,
    `<author><name>${t(site.publisherName)}</name><uri>${t(site.publisherUrl)}</uri></author>`,
    `<link rel="alternate" type="text/html" href="${t(links.home)}"/>`,
    ...pagingLinks(page, links, 'application/atom+xml', 'link'),
    site.publisherLogoUrl ? `<logo>${t(site.publisherLogoUrl)}</logo>` : '',
    `<generator>Factdesk</generator>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** RSS 2.0 (https://www.rssboard.org/rss-specification): the conclusion as description, the whole fact-check as content:encoded, atom:link for self and paging. */
export function rssFeed(page: ListPage<PublicFactCheck>, site: SiteInfo, links: FeedLinks): string {
  const t = (s: string) => escapeXml(s);
  // Readers treat <description> as HTML: text goes in escaped as HTML first, then as XML (as Atom's type="text").
  const html = (s: string) => escapeXml(escapeHtml(s));
  const items = page.items.map((fc) =>
    [
      '<item>',
      `<title>${t(itemTitle(fc))}</title>`,
      `<link>${t(factCheckUrl(site, fc.slug))}</link>`,
      `<guid isPermaLink="false">${itemId(fc)}</guid>`,
      `<pubDate>${httpDate(fc.publishedAt)}</pubDate>`,
      fc.snapshot.rating ? `<category>${t(fc.snapshot.rating.label)}</category>` : '',
      `<description>${html(fc.snapshot.conclusion)}</description>`,
      `<content:encoded>${t(factCheckItemHtml(fc))}</content:encoded>`,
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    `<title>${t(feedTitle(site))}</title>`,
    `<link>${t(links.home)}</link>`,
    `<description>${html(`Fact-checks published by ${site.publisherName}, newest first, with corrections and retractions.`)}</description>`,
    `<language>${t(site.language)}</language>`,
    `<lastBuildDate>${httpDate(newestModification(page.items, EPOCH))}</lastBuildDate>`,
    `<docs>https://www.rssboard.org/rss-specification</docs>`,
    `<generator>Factdesk</generator>`,
    ...pagingLinks(page, links, 'application/rss+xml', 'atom:link'),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
