import { parseFeed } from '@rowanmanning/feed-parser';
import { parseHTML } from 'linkedom';

/** One thing a monitored source lists: an article to ingest. */
export interface SourceItem {
  /** GUID when the feed gives one, else the canonical URL: what makes an item "seen". */
  key: string;
  url: string;
  title: string | null;
  publishedAt: string | null;
}

export class UnreadableSourceError extends Error {}

/** A URL without fragment and tracking parameters, so the same article is recognised however it is linked. */
export function canonicalUrl(raw: string, base?: string): string | null {
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    for (const param of [...url.searchParams.keys()])
      if (/^(utm_|fbclid$|gclid$|mc_)/i.test(param)) url.searchParams.delete(param);
    return url.toString();
  } catch {
    return null;
  }
}

const iso = (d: unknown) =>
  d instanceof Date && !Number.isNaN(d.getTime())
    ? d.toISOString()
    : typeof d === 'string' && !Number.isNaN(Date.parse(d))
      ? new Date(d).toISOString()
      : null;

/** Items of an RSS, Atom or JSON Feed document, newest first as the feed lists them. */
export function feedItems(body: string, feedUrl: string): SourceItem[] {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    let json: {
      items?: { id?: string; url?: string; external_url?: string; title?: string; date_published?: string }[];
    };
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new UnreadableSourceError('The feed is not valid JSON.');
    }
    if (!Array.isArray(json.items)) throw new UnreadableSourceError('The JSON document is not a JSON Feed (no items).');
    return json.items.flatMap((item) => {
      const url = canonicalUrl(item.url ?? item.external_url ?? '', feedUrl);
      return url
        ? [
            {
              key: item.id ? `id:${item.id}` : url,
              url,
              title: item.title ?? null,
              publishedAt: iso(item.date_published),
            },
          ]
        : [];
    });
  }
  let feed;
  try {
    feed = parseFeed(body);
  } catch (err) {
    throw new UnreadableSourceError(`The feed could not be read: ${(err as Error).message}`);
  }
  return feed.items.flatMap((item) => {
    const url = canonicalUrl(item.url ?? '', feedUrl);
    return url
      ? [
          {
            key: item.id ? `id:${item.id}` : url,
            url,
            title: item.title ?? null,
            publishedAt: iso(item.published ?? item.updated),
          },
        ]
      : [];
  });
}

/**
 * Article links on a listing page (a ministry's "transcripts" page): links on the same site, inside the
 * page's main content when it marks one, that look like articles (a path with some depth), not navigation.
 */
export function listingItems(html: string, pageUrl: string): SourceItem[] {
  const { document } = parseHTML(html);
  const scope = document.querySelector('main, [role=main], article') ?? document.body;
  if (!scope) return [];
  const host = new URL(pageUrl).host;
  const seen = new Set<string>();
  const items: SourceItem[] = [];
  for (const a of [...scope.querySelectorAll('a[href]')]) {
    if (a.closest('nav, header, footer, aside')) continue;
    const url = canonicalUrl(a.getAttribute('href') ?? '', pageUrl);
    if (!url || seen.has(url) || url === canonicalUrl(pageUrl)) continue;
    const parsed = new URL(url);
    const depth = parsed.pathname.split('/').filter(Boolean).length;
    if (parsed.host !== host || depth < 2) continue;
    seen.add(url);
    const title = a.textContent?.replace(/\s+/g, ' ').trim() || null;
    items.push({ key: url, url, title, publishedAt: null });
  }
  return items;
}
