import { inheritProvenance, type Provenance, type PublicAppearance } from '@factdesk/domain';
import type { ClaimEntity, DocumentEntity } from '../entities/index.js';

// Provenance as the claims and documents tables hold it (libs/domain provenance.ts has the rules).

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** What an editor set on the claim itself (`said_at` and `said_where_url` are its own date and original's URL). */
export function claimOwnProvenance(
  c: Pick<ClaimEntity, 'saidAt' | 'saidWhereUrl' | 'venue' | 'mediaUrl' | 'mediaStartSeconds' | 'appearedIn'>,
): Provenance {
  return {
    saidAt: iso(c.saidAt),
    venue: c.venue,
    sourceUrl: c.saidWhereUrl,
    mediaUrl: c.mediaUrl,
    mediaStartSeconds: c.mediaStartSeconds,
    appearedIn: c.appearedIn,
  };
}

/** A document's provenance as taken at intake; its publication date stands in for a date said it lacks. */
export function documentProvenance(
  d: Pick<
    DocumentEntity,
    'saidAt' | 'publishedAt' | 'sourceUrl' | 'venue' | 'mediaUrl' | 'mediaStartSeconds' | 'appearedIn'
  >,
): Provenance {
  return {
    saidAt: iso(d.saidAt ?? d.publishedAt),
    venue: d.venue,
    sourceUrl: d.sourceUrl,
    mediaUrl: d.mediaUrl,
    mediaStartSeconds: d.mediaStartSeconds,
    appearedIn: d.appearedIn,
  };
}

/** The columns a cluster's appearance reads (claims `c`, documents `d`), as two JSON objects and the outlet. */
export const APPEARANCE_COLUMNS = `
  json_build_object('saidAt', c.said_at, 'venue', c.venue, 'sourceUrl', c.said_where_url, 'mediaUrl', c.media_url,
                    'mediaStartSeconds', c.media_start_seconds, 'appearedIn', c.appeared_in) AS "ownProvenance",
  CASE WHEN d.id IS NOT NULL THEN
    json_build_object('saidAt', coalesce(d.said_at, d.published_at), 'venue', d.venue, 'sourceUrl', d.source_url,
                      'mediaUrl', d.media_url, 'mediaStartSeconds', d.media_start_seconds, 'appearedIn', d.appeared_in)
  END AS "documentProvenance",
  d.outlet AS "outlet"`;

export interface AppearanceColumns {
  ownProvenance: Provenance;
  documentProvenance: Provenance | null;
  outlet: string | null;
}

/** One appearance as it stands: the claim's own over its document's, dates as ISO strings. */
export function appearanceOf(row: AppearanceColumns): PublicAppearance {
  const fix = (p: Provenance | null) => (p ? { ...p, saidAt: iso(p.saidAt) } : null);
  return { ...inheritProvenance(fix(row.ownProvenance)!, fix(row.documentProvenance)), outlet: row.outlet };
}
