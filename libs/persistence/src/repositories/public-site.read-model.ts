import type { DataSource } from 'typeorm';
import type { FactCheckSnapshot, FactCheckState, SpeakerKind } from '@factdesk/domain';

/** A fact-check row as the public site reads it: the current snapshot, without its corrections. */
export interface PublicFactCheckRow {
  id: string;
  slug: string;
  state: FactCheckState;
  version: number;
  published_at: Date;
  retracted_at: Date | null;
  snapshot: FactCheckSnapshot;
  /** The speaker as they are now (renamed, merged, given sameAs links), when the fact-check has one. */
  speaker: FactCheckSnapshot['speaker'];
}

export interface PublicListFilter {
  speakerId?: string;
  ratingSlug?: string;
  /** Words as readers type them (web search syntax: "a phrase", -not, or). */
  q?: string;
  /** Published on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Published on or before this day (YYYY-MM-DD, UTC). */
  to?: string;
}

export interface PublicSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  description: string | null;
  sameAs: string[];
}

export interface RatingCount {
  slug: string;
  label: string;
  colour: string;
  count: number;
}

export interface SitemapEntry {
  slug: string;
  lastModified: Date;
}

export interface SitemapSpeaker {
  id: string;
  name: string;
  lastModified: Date;
}

// Who said it is read live, not from the snapshot: a speaker's rename, merge, kind or sameAs links are
// editors' repairs of who the speaker is, not changes to the verdict (the speakers trigger clears the cache).
const SELECT = `SELECT f.id, f.slug, f.state, f.current_version AS version, f.published_at, f.retracted_at, v.snapshot,
    (SELECT json_build_object('id', s.id, 'name', s.name, 'kind', s.kind, 'sameAs', s.same_as)
     FROM speakers s WHERE s.id = f.speaker_id) AS speaker
  FROM fact_checks f JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = f.current_version`;

/**
 * What the public site reads: published fact-checks with search, filters and pages, speakers' scorecards and
 * the sitemap. Reads only (it writes no table); every value reaches SQL as a parameter.
 */
export class PublicSiteReadModel {
  constructor(private readonly db: DataSource) {}

  /** One fact-check by its slug, whatever its state (the page says when it was retracted). */
  bySlug(slug: string): Promise<PublicFactCheckRow[]> {
    return this.db.query(`${SELECT} WHERE f.slug = $1`, [slug]);
  }

  /**
   * One page (from 1) and the total: newest first, or by relevance when searching. The search matches the
   * current version's stored vector (GIN index); the other filters use the fact_checks indexes.
   */
  async page(
    filter: PublicListFilter,
    page: number,
    perPage: number,
  ): Promise<{ rows: PublicFactCheckRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.speakerId) where.push(`f.speaker_id = ${param(filter.speakerId)}`);
    if (filter.ratingSlug)
      where.push(`f.rating_id = (SELECT id FROM ratings WHERE slug = ${param(filter.ratingSlug)})`);
    if (filter.from) where.push(`f.published_at >= ${param(filter.from)}::date AT TIME ZONE 'UTC'`);
    if (filter.to) where.push(`f.published_at < (${param(filter.to)}::date + 1) AT TIME ZONE 'UTC'`);
    let order = 'f.published_at DESC, f.id DESC';
    if (filter.q) {
      const q = param(filter.q);
      where.push(`v.search_vector @@ websearch_to_tsquery('english', ${q})`);
      order = `ts_rank_cd(v.search_vector, websearch_to_tsquery('english', ${q})) DESC, ${order}`;
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    // Without a search the count needs no snapshot: it stays on fact_checks and its indexes.
    const countFrom = filter.q
      ? 'fact_checks f JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = f.current_version'
      : 'fact_checks f';
    const filterParams = [...params];
    const paging = `LIMIT ${param(perPage)} OFFSET ${param((page - 1) * perPage)}`;
    const [[{ total }], rows] = await Promise.all([
      this.db.query(`SELECT count(*)::int AS total FROM ${countFrom}${clause}`, filterParams),
      this.db.query(`${SELECT}${clause} ORDER BY ${order} ${paging}`, params) as Promise<PublicFactCheckRow[]>,
    ]);
    return { rows, total };
  }

  /**
   * The speaker whose id starts with these 8 hex digits and who has fact-checks, following merges to the
   * speaker that absorbed them; null when none or (improbably) several match. The prefix is a range of the
   * primary key, so the lookup is an index scan.
   */
  async speakerByIdPrefix(prefix: string): Promise<PublicSpeaker | null> {
    if (!/^[0-9a-f]{8}$/.test(prefix)) return null;
    const rows: (PublicSpeaker & { same_as: string[] })[] = await this.db.query(
      `WITH RECURSIVE hit AS (
         SELECT s.* FROM speakers s WHERE s.id BETWEEN $1::uuid AND $2::uuid
         UNION SELECT s.* FROM speakers s JOIN hit ON s.id = hit.merged_into_id
       )
       SELECT DISTINCT id, name, kind, description, same_as FROM hit
       WHERE merged_into_id IS NULL AND EXISTS (SELECT 1 FROM fact_checks f WHERE f.speaker_id = hit.id)`,
      [`${prefix}-0000-0000-0000-000000000000`, `${prefix}-ffff-ffff-ffff-ffffffffffff`],
    );
    if (rows.length !== 1) return null;
    const { same_as, ...s } = rows[0];
    return { id: s.id, name: s.name, kind: s.kind, description: s.description, sameAs: same_as };
  }

  /** How a speaker's standing fact-checks (retractions left out) fall on the scale, in scale order, zeros included. */
  ratingDistribution(speakerId: string): Promise<RatingCount[]> {
    return this.db.query(
      `SELECT r.slug, r.label, r.colour, count(f.id)::int AS count
         FROM ratings r
         LEFT JOIN fact_checks f ON f.rating_id = r.id AND f.speaker_id = $1 AND f.state <> 'retracted'
        GROUP BY r.id ORDER BY r.position, r.slug`,
      [speakerId],
    );
  }

  /** The speakers with fact-checks and the ratings, for the index's filters. */
  async filterOptions(): Promise<{
    speakers: { id: string; name: string }[];
    ratings: { slug: string; label: string }[];
  }> {
    const [speakers, ratings] = await Promise.all([
      this.db.query(
        'SELECT s.id, s.name FROM speakers s WHERE EXISTS (SELECT 1 FROM fact_checks f WHERE f.speaker_id = s.id) ORDER BY s.name, s.id',
      ),
      this.db.query('SELECT slug, label FROM ratings ORDER BY position, slug'),
    ]);
    return { speakers, ratings };
  }

  /** Every fact-check page with its last public change (publication, correction or retraction), newest first. */
  sitemapFactChecks(limit: number): Promise<SitemapEntry[]> {
    return this.db.query(
      `SELECT f.slug, GREATEST(f.published_at, COALESCE(f.retracted_at, f.published_at),
              COALESCE((SELECT max(c.created_at) FROM corrections c WHERE c.fact_check_id = f.id), f.published_at)) AS "lastModified"
         FROM fact_checks f ORDER BY f.published_at DESC, f.id DESC LIMIT $1`,
      [limit],
    );
  }

  /** Every speaker page: the unmerged speakers with fact-checks, and when their newest one was published. */
  sitemapSpeakers(limit: number): Promise<SitemapSpeaker[]> {
    return this.db.query(
      `SELECT s.id, s.name, max(f.published_at) AS "lastModified"
         FROM speakers s JOIN fact_checks f ON f.speaker_id = s.id
        WHERE s.merged_into_id IS NULL GROUP BY s.id ORDER BY max(f.published_at) DESC, s.id LIMIT $1`,
      [limit],
    );
  }
}
