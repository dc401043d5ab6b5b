import { mediaLinkAt, type PublicAppearance } from '@factdesk/domain';
import { safeHttpUrl } from './escape.js';
import {
  factCheckUrl,
  modifiedAt,
  type ListPage,
  type PublicFactCheck,
  type RatingBounds,
  type SiteInfo,
} from './model.js';

/** Google shows claimReviewed as a short summary; longer claims are cut at a word boundary. */
export const CLAIM_REVIEWED_MAX = 300;

export function shortClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The publishing organisation, with a stable @id so every ClaimReview and feed points at one node. */
export function publisherNode(site: SiteInfo): Record<string, unknown> {
  return {
    '@type': 'Organization',
    '@id': `${site.baseUrl}/#publisher`,
    name: site.publisherName,
    url: site.publisherUrl,
    ...(site.publisherLogoUrl ? { logo: { '@type': 'ImageObject', url: site.publisherLogoUrl } } : {}),
  };
}

/**
 * Every known appearance of the fact-check's claim, its own first. Snapshots from before provenance hold only
 * the claim's date and address (and the document's title, which is internal and never shown).
 */
export function appearancesOf(fc: PublicFactCheck): PublicAppearance[] {
  const { claim } = fc.snapshot;
  if (fc.snapshot.appearances?.length) return fc.snapshot.appearances;
  return [
    {
      saidAt: claim.saidAt,
      venue: claim.venue ?? null,
      sourceUrl: claim.saidWhereUrl,
      mediaUrl: claim.mediaUrl ?? null,
      mediaStartSeconds: claim.mediaStartSeconds ?? null,
      appearedIn: claim.appearedIn ?? null,
      outlet: claim.outlet,
    },
  ];
}

/** A recording's address at the appearance's time, if it has a recording with an http(s) address. */
export const mediaLinkOf = (a: PublicAppearance) => (a.mediaUrl ? mediaLinkAt(a.mediaUrl, a.mediaStartSeconds) : null);

/**
 * One appearance as a schema.org CreativeWork: the original's address (or the recording's, at its time, when
 * there is no original), its public name, when it was said, its publisher, where, and the recording. Null
 * without an address: Google reads an appearance by its url.
 */
function appearanceNode(a: PublicAppearance): Record<string, unknown> | null {
  const url = safeHttpUrl(a.sourceUrl);
  const media = mediaLinkOf(a);
  if (!url && !media) return null;
  return {
    '@type': 'CreativeWork',
    url: url ?? media,
    ...(a.appearedIn ? { name: a.appearedIn } : {}),
    ...(a.saidAt ? { datePublished: a.saidAt } : {}),
    ...(a.outlet ? { publisher: { '@type': 'Organization', name: a.outlet } } : {}),
    ...(a.venue ? { locationCreated: { '@type': 'Place', name: a.venue } } : {}),
    ...(url && media ? { associatedMedia: { '@type': 'MediaObject', contentUrl: media } } : {}),
  };
}

/**
 * A schema.org ClaimReview following Google's fact-check structured-data rules: claimReviewed,
 * reviewRating (alternateName always; ratingValue/bestRating/worstRating only for ordinal ratings),
 * url on this site, the organisation as author, datePublished, and itemReviewed as a Claim with its
 * author (sameAs when known), when it was said and where it appeared. Null when the fact-check is
 * retracted or has no rating: a withdrawn or unrated verdict must not be offered as a review.
 */
export function claimReview(
  fc: PublicFactCheck,
  site: SiteInfo,
  bounds: RatingBounds,
  withContext = true,
): Record<string, unknown> | null {
  const { snapshot: s } = fc;
  if (fc.state === 'retracted' || !s.rating) return null;
  const url = factCheckUrl(site, fc.slug);
  const ordinal = s.rating.value !== null && bounds !== null;
  const speakerSameAs = (s.speaker?.sameAs ?? []).map(safeHttpUrl).filter((u): u is string => u !== null);
  const appearances = appearancesOf(fc);
  const nodes = appearances.map(appearanceNode).filter((n): n is Record<string, unknown> => n !== null);
  // The earliest dated appearance is where the claim entered public discourse.
  const dated = appearances
    .map((a) => ({ a, node: appearanceNode(a) }))
    .filter((x) => x.node && x.a.saidAt)
    .sort((x, y) => x.a.saidAt!.localeCompare(y.a.saidAt!));
  const said = s.claim.saidAt ?? dated[0]?.a.saidAt ?? null;
  const claim: Record<string, unknown> = {
    '@type': 'Claim',
    '@id': `${url}#claim`,
    ...(s.speaker
      ? {
          author: {
            '@type': s.speaker.kind === 'organisation' ? 'Organization' : 'Person',
            name: s.speaker.name,
            ...(speakerSameAs.length ? { sameAs: speakerSameAs.length === 1 ? speakerSameAs[0] : speakerSameAs } : {}),
          },
        }
      : {}),
    ...(said ? { datePublished: said } : {}),
    ...(nodes.length ? { appearance: nodes.length === 1 ? nodes[0] : nodes } : {}),
    ...(dated.length && nodes.length > 1 ? { firstAppearance: dated[0].node } : {}),
  };
  return {
    ...(withContext ? { '@context': 'https://schema.org' } : {}),
    '@type': 'ClaimReview',
    '@id': `${url}#claim-review`,
    url,
    headline: s.headline,
    claimReviewed: shortClaim(s.claim.text),
    datePublished: fc.publishedAt,
    dateModified: modifiedAt(fc),
    inLanguage: site.language,
    author: publisherNode(site),
    reviewRating: {
      '@type': 'Rating',
      alternateName: s.rating.label,
      name: s.rating.label,
      ...(ordinal ? { ratingValue: s.rating.value, bestRating: bounds!.best, worstRating: bounds!.worst } : {}),
      ...(s.conclusion ? { ratingExplanation: s.conclusion } : {}),
    },
    itemReviewed: claim,
  };
}

/**
 * A schema.org DataFeed whose items are the ClaimReviews (the shape Google's fact-check feed
 * ingestion reads). Retracted fact-checks leave it; paging follows the other feeds.
 */
export function claimReviewDataFeed(
  page: ListPage<PublicFactCheck>,
  site: SiteInfo,
  bounds: RatingBounds,
  pageUrl: (page: number) => string,
): Record<string, unknown> {
  const reviews = page.items
    .map((fc) => claimReview(fc, site, bounds, false))
    .filter((r): r is Record<string, unknown> => r !== null);
  const modified = page.items.reduce((latest, fc) => (modifiedAt(fc) > latest ? modifiedAt(fc) : latest), '');
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    '@id': pageUrl(page.page),
    url: pageUrl(page.page),
    name: `${site.publisherName}: fact-checks (ClaimReview)`,
    inLanguage: site.language,
    publisher: publisherNode(site),
    ...(modified ? { dateModified: modified } : {}),
    // Paging is in the HTTP Link header (rel="next"): DataFeed has no property for it.
    dataFeedElement: reviews.map((review) => ({
      '@type': 'DataFeedItem',
      dateModified: review.dateModified,
      item: review,
    })),
  };
}
