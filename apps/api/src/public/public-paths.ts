// Where the public site lives: read by the controller, the app factory (global prefix, URL rewrite) and the
// fast path in front of Fastify, so it stands apart from all three.

/**
 * Public routes whose paths staff routes share below the prefix (GET /api/fact-checks, PATCH
 * /api/speakers/:id): Nest excludes routes from the prefix by path alone, for every method, so these are
 * declared under SHADOW and app.factory rewrites their public URLs to it (see rewritePublicUrl).
 */
const SHADOW = '/_public';
export const PUBLIC_INDEX_ROUTE = '_public/fact-checks';
export const PUBLIC_SPEAKER_ROUTE = '_public/speakers/:slug';

/** Rewrites the public index's and speaker pages' URLs to their routes; any other URL stays. */
export function rewritePublicUrl(url: string): string {
  return url === '/fact-checks' || url.startsWith('/fact-checks?') || url.startsWith('/speakers/')
    ? `${SHADOW}${url}`
    : url;
}

/** The path clients call for a route declared under SHADOW, or null for any other route. */
export const shadowedPath = (routePath: string): string | null =>
  routePath.startsWith(`${SHADOW}/`) ? routePath.slice(SHADOW.length) : null;

/** Paths served at the site root rather than under /api (app.factory excludes them from the prefix). */
export const PUBLIC_PATHS = [
  PUBLIC_INDEX_ROUTE,
  PUBLIC_SPEAKER_ROUTE,
  'fact-checks/:slug',
  'methodology',
  'corrections-policy',
  'feed.json',
  'feed.atom',
  'feed.rss',
  'claimreview-feed.json',
  'sitemap.xml',
  'robots.txt',
] as const;
