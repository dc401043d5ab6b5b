import { factCheckPath, type CorrectableField, type FactCheckSnapshot, type FactCheckState } from '@factdesk/domain';

/** Who publishes: from configuration; the ClaimReview author and the feeds' author. */
export interface SiteInfo {
  /** Public origin (and optional path) of this site, without a trailing slash. */
  baseUrl: string;
  publisherName: string;
  publisherUrl: string;
  publisherLogoUrl: string | null;
  /** BCP 47 language of the fact-checks. */
  language: string;
}

export interface PublicCorrection {
  kind: 'correction' | 'retraction';
  note: string;
  /** What a correction changed, for its heading ("Corrected the analysis and sources"); none for a note alone. */
  fields?: readonly CorrectableField[];
  version: number;
  createdAt: string;
}

/** A fact-check as readers see it: the current snapshot and the public corrections log. */
export interface PublicFactCheck {
  id: string;
  slug: string;
  state: FactCheckState;
  version: number;
  publishedAt: string;
  retractedAt: string | null;
  snapshot: FactCheckSnapshot;
  /** Oldest first. */
  corrections: PublicCorrection[];
}

/** bestRating / worstRating of the scale's ordinal ratings, or null when it has none. */
export type RatingBounds = { best: number; worst: number } | null;

/** One page of a newest-first list. Pages are numbered from 1. */
export interface ListPage<T> {
  items: T[];
  page: number;
  /** Total number of pages (at least 1). */
  pages: number;
  /** Total number of items, where the list counted them. */
  total?: number;
}

export const factCheckUrl = (site: SiteInfo, slug: string) => `${site.baseUrl}${factCheckPath(slug)}`;

/**
 * The public "updated" time: the last correction or retraction, else publication. Internal row
 * updates (a speaker merge, say) do not count: readers were not shown anything new.
 */
export function modifiedAt(fc: PublicFactCheck): string {
  return fc.corrections.reduce((latest, c) => (c.createdAt > latest ? c.createdAt : latest), fc.publishedAt);
}

/** The newest modification among the items (for Last-Modified and the feeds' updated time). */
export function newestModification(items: PublicFactCheck[], fallback: string): string {
  return items.reduce((latest, fc) => {
    const m = modifiedAt(fc);
    return m > latest ? m : latest;
  }, fallback);
}
