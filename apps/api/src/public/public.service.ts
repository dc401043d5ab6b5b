import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import {
  atomFeed,
  claimReviewDataFeed,
  factCheckPage,
  indexPage,
  indexQuery,
  jsonFeed,
  modifiedAt,
  movedPage,
  newestModification,
  notFoundPage,
  robotsTxt,
  rssFeed,
  SITEMAP_MAX_URLS,
  sitemapXml,
  sitePage,
  speakerPage,
  strongEtag,
  type FeedLinks,
  type IndexFilters,
  type ListPage,
  type PublicFactCheck,
  type SiteInfo,
} from '@factdesk/publishing';
import { parseSpeakerSlug, speakerSlug, SPEAKERS_PATH } from '@factdesk/domain';
import { InjectConfig } from '../common/config.js';
import { PublicCache, type CachedResponse } from './public-cache.js';
import { PublicReader } from './public-reader.js';
import { SITE_PAGES, type SitePageKey } from './site-pages.js';

export const INDEX_PAGE_SIZE = 20;
/** Speakers share the sitemap with fact-checks; fact-checks get what the speakers leave. */
const SITEMAP_SPEAKERS = 5_000;

export type Rendered = Omit<CachedResponse, 'storedAt'>;
export type FeedKind = 'json' | 'atom' | 'rss' | 'claimreview';

const TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  claimreview: 'application/ld+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

const FEED_PATHS: Record<FeedKind, string> = {
  json: '/feed.json',
  atom: '/feed.atom',
  rss: '/feed.rss',
  claimreview: '/claimreview-feed.json',
};

const latest = (...isos: (string | null)[]) => isos.reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);

/**
 * Builds public responses through the cache: an unchanged page or feed is served from memory with
 * no database query. Concurrent misses for one key share one build.
 */
@Injectable()
export class PublicService {
  private readonly site: SiteInfo;
  private readonly feedPageSize: number;
  private readonly building = new Map<string, Promise<Rendered>>();

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly cache: PublicCache,
    private readonly reader: PublicReader,
  ) {
    this.site = config.site;
    this.feedPageSize = config.site.feedPageSize;
  }

  async get(key: string, build: () => Promise<Rendered>, url?: string): Promise<Rendered> {
    const hit = this.cache.get(key);
    if (hit) {
      if (url) this.cache.remember(url, key);
      return hit;
    }
    const pending = this.building.get(key);
    if (pending) return pending;
    const generation = this.cache.begin();
    const promise = build()
      .then((rendered) => {
        this.cache.set(key, generation, rendered);
        if (url) this.cache.remember(url, key);
        return rendered;
      })
      .finally(() => this.building.delete(key));
    this.building.set(key, promise);
    return promise;
  }

  private respond(
    status: number,
    contentType: string,
    body: string,
    lastModified: string | null,
    headers?: Record<string, string>,
  ): Rendered {
    const buffer = Buffer.from(body, 'utf8');
    return { status, body: buffer, contentType, etag: strongEtag(buffer), lastModified, headers };
  }

  private movedTo(url: string): Rendered {
    return this.respond(301, TYPES.html, movedPage(this.site, url), null, { location: url });
  }

  notFound(path: string): Rendered {
    return this.respond(404, TYPES.html, notFoundPage(this.site, path), null);
  }

  async factCheck(slug: string): Promise<Rendered> {
    const [fc, facts] = await Promise.all([this.reader.bySlug(slug), this.reader.siteFacts()]);
    if (!fc) return this.notFound(`/fact-checks/${slug}`);
    return this.respond(
      200,
      TYPES.html,
      factCheckPage(fc, this.site, facts.bounds),
      latest(modifiedAt(fc), facts.ratingsChangedAt),
    );
  }

  async index(filters: IndexFilters, page: number): Promise<Rendered> {
    const [list, options, facts] = await Promise.all([
      this.reader.list(
        { q: filters.q, speakerId: filters.speaker, ratingSlug: filters.rating, from: filters.from, to: filters.to },
        page,
        INDEX_PAGE_SIZE,
      ),
      this.reader.filterOptions(),
      this.reader.siteFacts(),
    ]);
    if (page > list.pages) return this.notFound(`/fact-checks${indexQuery(filters, page)}`);
    return this.respond(
      200,
      TYPES.html,
      indexPage(list, filters, options, this.site),
      this.listModified(list, facts.ratingsChangedAt),
    );
  }

  /**
   * /speakers/:slug — found by the id prefix its slug ends with. A slug with an outdated name (a link made
   * before a rename or merge) redirects to the current one.
   */
  async speaker(slug: string, page: number): Promise<Rendered> {
    const query = page > 1 ? `?page=${page}` : '';
    const missing = () => this.notFound(`${SPEAKERS_PATH}/${slug}${query}`);
    const prefix = parseSpeakerSlug(slug);
    const speaker = prefix ? await this.reader.speaker(prefix) : null;
    if (!speaker) return missing();
    const current = speakerSlug(speaker.name, speaker.id);
    if (current !== slug) return this.movedTo(`${this.site.baseUrl}${SPEAKERS_PATH}/${current}${query}`);
    const [list, shares, facts] = await Promise.all([
      this.reader.list({ speakerId: speaker.id }, page, INDEX_PAGE_SIZE),
      this.reader.ratingDistribution(speaker.id),
      this.reader.siteFacts(),
    ]);
    if (page > list.pages) return missing();
    return this.respond(
      200,
      TYPES.html,
      speakerPage(speaker, shares, list, this.site),
      this.listModified(list, facts.ratingsChangedAt),
    );
  }

  async sitemap(): Promise<Rendered> {
    const [factChecks, speakers] = await this.reader.sitemap({
      factChecks: SITEMAP_MAX_URLS - SITEMAP_SPEAKERS - 10,
      speakers: SITEMAP_SPEAKERS,
    });
    const pages = await Promise.all(
      (Object.keys(SITE_PAGES) as SitePageKey[]).map(async (key) => {
        const stored = await this.reader.sitePage(key);
        return { path: SITE_PAGES[key].path, lastModified: stored ? new Date(stored.updatedAt) : null };
      }),
    );
    const newest = factChecks.reduce<Date | null>((a, f) => (!a || f.lastModified > a ? f.lastModified : a), null);
    return this.respond(
      200,
      TYPES.xml,
      sitemapXml({ factChecks, speakers, pages }, this.site),
      newest?.toISOString() ?? null,
    );
  }

  robots(): Promise<Rendered> {
    return Promise.resolve(this.respond(200, TYPES.text, robotsTxt(this.site), null));
  }

  async sitePage(key: SitePageKey): Promise<Rendered> {
    const stored = await this.reader.sitePage(key);
    const page = {
      path: SITE_PAGES[key].path,
      title: stored?.title ?? SITE_PAGES[key].title,
      body: stored?.body ?? SITE_PAGES[key].body,
      updatedAt: stored?.updatedAt ?? null,
    };
    return this.respond(200, TYPES.html, sitePage(page, this.site), page.updatedAt);
  }

  async feed(kind: FeedKind, page: number): Promise<Rendered> {
    const [list, facts] = await Promise.all([this.reader.list({}, page, this.feedPageSize), this.reader.siteFacts()]);
    if (page > list.pages) return this.notFound(`${FEED_PATHS[kind]}?page=${page}`);
    const links = this.feedLinks(kind);
    // RFC 8288 paging links for every feed; the formats that have their own carry them in-band too.
    const link = [
      `<${links.page(1)}>; rel="first"`,
      ...(page > 1 ? [`<${links.page(page - 1)}>; rel="prev"`] : []),
      ...(page < list.pages ? [`<${links.page(page + 1)}>; rel="next"`] : []),
      `<${links.page(list.pages)}>; rel="last"`,
    ].join(', ');
    const body =
      kind === 'json'
        ? JSON.stringify(jsonFeed(list, this.site, links))
        : kind === 'atom'
          ? atomFeed(list, this.site, links)
          : kind === 'rss'
            ? rssFeed(list, this.site, links)
            : JSON.stringify(claimReviewDataFeed(list, this.site, facts.bounds, links.page));
    // Feeds are public data that partners' web apps read cross-origin; nothing in them depends on cookies.
    return this.respond(
      200,
      TYPES[kind],
      body,
      this.listModified(list, kind === 'claimreview' ? facts.ratingsChangedAt : null),
      { link, 'access-control-allow-origin': '*' },
    );
  }

  private listModified(list: ListPage<PublicFactCheck>, also: string | null): string | null {
    return latest(list.items.length ? newestModification(list.items, list.items[0].publishedAt) : null, also);
  }

  private feedLinks(kind: FeedKind): FeedLinks {
    const base = `${this.site.baseUrl}${FEED_PATHS[kind]}`;
    return { page: (n) => (n > 1 ? `${base}?page=${n}` : base), home: `${this.site.baseUrl}/fact-checks` };
  }
}
