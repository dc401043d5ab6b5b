import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { indexQuery, notModified } from '@factdesk/publishing';
import { Public, type AppRequest } from '../common/access.js';
import {
  FeedQuery,
  FieldValidationException,
  IndexQuery,
  parsePublicInput,
  SlugParam,
  SpeakerSlugParam,
} from './dto.js';
import { PublicService, type FeedKind, type Rendered } from './public.service.js';
import { SITE_PAGES, type SitePageKey } from './site-pages.js';
import { entryHeaders, variantFor } from './public-wire.js';
import { FILLED, type FillRequest } from './public-fast-path.js';
import { Returns } from '../common/responses.js';
import { PUBLIC_INDEX_ROUTE, PUBLIC_SPEAKER_ROUTE } from './public-paths.js';

/**
 * Writes a rendered response, or 304 when the request's validators match (PublicFastPath answers
 * cache hits with the same headers, built once). The body goes in the best coding the client
 * accepts, compressed once per cached entry.
 */
export function send(req: { headers: AppRequest['headers'] }, reply: FastifyReply, r: Rendered): FastifyReply {
  const v = variantFor(r, req.headers['accept-encoding']);
  const unchanged = r.status === 200 && notModified(req.headers, v.etag, r.lastModified);
  reply.headers(entryHeaders(r, v, unchanged));
  (reply.request as FillRequest)[FILLED] = r;
  if (unchanged) return reply.code(304).send();
  return reply.code(r.status).send(v.body);
}

/**
 * Feeds are data, not documents: the headers that guard a page a browser renders (COOP, frame and
 * XSS options, referrer policy, …) do nothing for them, so they get the set OWASP's REST Security Cheat
 * Sheet gives for API responses — nosniff, a CSP that lets nothing load or frame, HSTS where cookies are
 * secure — and may be read cross-origin (CORP cross-origin, with `access-control-allow-origin: *` from
 * PublicService).
 */
const FEED_HEADERS = RouteConfig({
  helmet: {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  },
});

/**
 * The public site: fact-check pages, the index and search, speaker pages, the text pages, the four feeds,
 * the sitemap and robots.txt. No sign-in.
 */
@ApiExcludeController()
@Controller()
@Public()
export class PublicController {
  constructor(private readonly pub: PublicService) {}

  @Get(PUBLIC_INDEX_ROUTE)
  @Returns.media('text/html')
  async index(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    const q = parsePublicInput(IndexQuery, req.query);
    const page = q.page ?? 1;
    const filters = { q: q.q, speaker: q.speaker, rating: q.rating, from: q.from, to: q.to };
    if (filters.from && filters.to && filters.from > filters.to)
      throw new FieldValidationException([{ field: 'to', message: 'must not be before from' }]);
    const key = `/fact-checks${indexQuery(filters, page)}`;
    return send(req, reply, await this.pub.get(key, () => this.pub.index(filters, page), req.url));
  }

  @Get(PUBLIC_SPEAKER_ROUTE)
  @Returns.media('text/html')
  async speaker(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    const page = parsePublicInput(FeedQuery, req.query).page ?? 1;
    let slug: string;
    try {
      slug = parsePublicInput(SpeakerSlugParam, req.params).slug;
    } catch {
      return send(req, reply, this.pub.notFound('/fact-checks'));
    }
    const key = `/speakers/${slug}?${page}`;
    return send(req, reply, await this.pub.get(key, () => this.pub.speaker(slug, page), req.url));
  }

  @Get('sitemap.xml')
  @Returns.media('application/xml')
  @FEED_HEADERS
  async sitemap(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return send(req, reply, await this.pub.get('sitemap', () => this.pub.sitemap(), req.url));
  }

  @Get('robots.txt')
  @Returns.media('text/plain')
  @FEED_HEADERS
  async robots(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return send(req, reply, await this.pub.get('robots', () => this.pub.robots(), req.url));
  }

  @Get('fact-checks/:slug')
  @Returns.media('text/html')
  async factCheck(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    let slug: string;
    try {
      slug = parsePublicInput(SlugParam, req.params).slug;
    } catch {
      return send(req, reply, this.pub.notFound('/fact-checks'));
    }
    return send(req, reply, await this.pub.get(`/fact-checks/${slug}`, () => this.pub.factCheck(slug), req.url));
  }

  @Get('methodology')
  @Returns.media('text/html')
  methodology(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.sitePage('methodology', req, reply);
  }

  @Get('corrections-policy')
  @Returns.media('text/html')
  correctionsPolicy(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.sitePage('corrections-policy', req, reply);
  }

  private async sitePage(key: SitePageKey, req: AppRequest, reply: FastifyReply) {
    return send(req, reply, await this.pub.get(SITE_PAGES[key].path, () => this.pub.sitePage(key), req.url));
  }

  @Get('feed.json')
  @Returns.media('application/feed+json')
  @FEED_HEADERS
  jsonFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('json', req, reply);
  }

  @Get('feed.atom')
  @Returns.media('application/atom+xml')
  @FEED_HEADERS
  atomFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('atom', req, reply);
  }

  @Get('feed.rss')
  @Returns.media('application/rss+xml')
  @FEED_HEADERS
  rssFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('rss', req, reply);
  }

  @Get('claimreview-feed.json')
  @Returns.media('application/json')
  @FEED_HEADERS
  claimReviewFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('claimreview', req, reply);
  }

  private async feed(kind: FeedKind, req: AppRequest, reply: FastifyReply) {
    const page = parsePublicInput(FeedQuery, req.query).page ?? 1;
    return send(req, reply, await this.pub.get(`feed:${kind}:${page}`, () => this.pub.feed(kind, page), req.url));
  }
}
