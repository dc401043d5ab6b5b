import { Body, Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExcludeController, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import type { SitePageDto } from '@factdesk/domain';
import { notModified } from '@factdesk/publishing';
import { SitePageEntity } from '@factdesk/persistence';
import { CurrentPrincipal, Public, Roles, type AppRequest, type Principal } from '../common/access.js';
import { AuditService } from '../audit/audit.service.js';
import { FeedQuery, IndexQuery, parsePublicInput, SitePageBody, SitePageParam, SlugParam } from './dto.js';
import { PublicService, type FeedKind, type Rendered } from './public.service.js';
import { SITE_PAGES, type SitePageKey } from './site-pages.js';
import { entryHeaders, variantFor } from './public-wire.js';
import { FILLED, type FillRequest } from './public-fast-path.js';

/**
 * The public index's route. GET /api/fact-checks (staff) has the same path below the prefix, and Nest
 * excludes routes from the prefix by path alone, so app.factory rewrites GET /fact-checks to this.
 */
export const PUBLIC_INDEX_ROUTE = '_public/fact-checks';

/** Rewrites the public index's URL to its route (see PUBLIC_INDEX_ROUTE); any other URL stays. */
export function rewritePublicUrl(url: string): string {
  return url === '/fact-checks' || url.startsWith('/fact-checks?') ? `/${PUBLIC_INDEX_ROUTE}${url.slice('/fact-checks'.length)}` : url;
}

/** Paths served at the site root rather than under /api (app.factory excludes them from the prefix). */
export const PUBLIC_PATHS = [PUBLIC_INDEX_ROUTE, 'fact-checks/:slug', 'methodology', 'corrections-policy', 'feed.json', 'feed.atom', 'feed.rss', 'claimreview-feed.json'] as const;

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

/** The public site: fact-check pages, the index, the text pages and the four feeds. No sign-in. */
@ApiExcludeController()
@Controller()
@Public()
export class PublicController {
  constructor(private readonly pub: PublicService) {}

  @Get(PUBLIC_INDEX_ROUTE)
  async index(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    const q = parsePublicInput(IndexQuery, req.query);
    const page = q.page ?? 1;
    const filters = { speaker: q.speaker, rating: q.rating };
    const key = `/fact-checks?${filters.speaker ?? ''}&${filters.rating ?? ''}&${page}`;
    return send(req, reply, await this.pub.get(key, () => this.pub.index(filters, page), req.url));
  }

  @Get('fact-checks/:slug')
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
  methodology(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.sitePage('methodology', req, reply);
  }

  @Get('corrections-policy')
  correctionsPolicy(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.sitePage('corrections-policy', req, reply);
  }

  private async sitePage(key: SitePageKey, req: AppRequest, reply: FastifyReply) {
    return send(req, reply, await this.pub.get(SITE_PAGES[key].path, () => this.pub.sitePage(key), req.url));
  }

  @Get('feed.json')
  @FEED_HEADERS
  jsonFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('json', req, reply);
  }

  @Get('feed.atom')
  @FEED_HEADERS
  atomFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('atom', req, reply);
  }

  @Get('feed.rss')
  @FEED_HEADERS
  rssFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('rss', req, reply);
  }

  @Get('claimreview-feed.json')
  @FEED_HEADERS
  claimReviewFeed(@Req() req: AppRequest, @Res() reply: FastifyReply) {
    return this.feed('claimreview', req, reply);
  }

  private async feed(kind: FeedKind, req: AppRequest, reply: FastifyReply) {
    const page = parsePublicInput(FeedQuery, req.query).page ?? 1;
    return send(req, reply, await this.pub.get(`feed:${kind}:${page}`, () => this.pub.feed(kind, page), req.url));
  }
}

/** Admins edit the text of /methodology and /corrections-policy. */
@ApiTags('public site')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('site-pages')
export class SitePagesController {
  constructor(
    private readonly pub: PublicService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The editable public pages with their current text (defaults until edited)' })
  async list(): Promise<SitePageDto[]> {
    const stored = await this.db.getRepository(SitePageEntity).find();
    return Object.entries(SITE_PAGES).map(([key, d]) => {
      const s = stored.find((p) => p.key === key);
      return { key, path: d.path, title: s?.title ?? d.title, body: s?.body ?? d.body, updatedAt: s?.updatedAt.toISOString() ?? null, edited: !!s };
    });
  }

  @Put(':key')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the title and Markdown text of a public page; the page changes at once' })
  async put(@Param() { key }: SitePageParam, @Body() body: SitePageBody, @CurrentPrincipal() me: Principal, @Req() req: AppRequest): Promise<SitePageDto> {
    const saved = await this.db.transaction(async (m) => {
      const repo = m.getRepository(SitePageEntity);
      const before = await repo.findOneBy({ key });
      const page = await repo.save(repo.create({ key, title: body.title, body: body.body, updatedById: me.user.id }));
      await this.audit.record({ actorId: me.user.id, action: 'site_page.update', entityType: 'site_page', entityId: key, before: before ? { title: before.title, body: before.body } : null, after: { title: page.title, body: page.body }, requestId: req.id }, m);
      return page;
    });
    return { key, path: SITE_PAGES[key as SitePageKey].path, title: saved.title, body: saved.body, updatedAt: saved.updatedAt.toISOString(), edited: true };
  }
}
