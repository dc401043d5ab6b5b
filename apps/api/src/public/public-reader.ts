import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ordinalBounds } from '@factdesk/domain';
import {
  PublicSiteReadModel,
  type PublicFactCheckRow as Row,
  type PublicListFilter,
  type PublicSpeaker,
  type RatingCount,
  type SitemapEntry,
  type SitemapSpeaker,
} from '@factdesk/persistence';
import type { ListPage, PublicCorrection, PublicFactCheck, RatingBounds } from '@factdesk/publishing';

/** Site-wide facts a page depends on besides its own fact-checks: the rating scale's bounds and when it last changed. */
export interface SiteFacts {
  bounds: RatingBounds;
  ratingsChangedAt: string | null;
}

/** Reads what the public may see, in as few queries as it can: rows, their current snapshots and corrections. */
@Injectable()
export class PublicReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly site: PublicSiteReadModel,
  ) {}

  private async withCorrections(rows: Row[]): Promise<PublicFactCheck[]> {
    if (!rows.length) return [];
    const corrections: {
      fact_check_id: string;
      kind: PublicCorrection['kind'];
      note: string;
      fields: PublicCorrection['fields'];
      version: number;
      created_at: Date;
    }[] = await this.db.query(
      'SELECT fact_check_id, kind, note, fields, version, created_at FROM corrections WHERE fact_check_id = ANY($1) ORDER BY created_at, id',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      state: r.state,
      version: r.version,
      publishedAt: r.published_at.toISOString(),
      retractedAt: r.retracted_at?.toISOString() ?? null,
      snapshot: r.snapshot.speaker && r.speaker ? { ...r.snapshot, speaker: r.speaker } : r.snapshot,
      corrections: corrections
        .filter((c) => c.fact_check_id === r.id)
        .map((c) => ({
          kind: c.kind,
          note: c.note,
          fields: c.fields,
          version: c.version,
          createdAt: c.created_at.toISOString(),
        })),
    }));
  }

  async bySlug(slug: string): Promise<PublicFactCheck | null> {
    return (await this.withCorrections(await this.site.bySlug(slug)))[0] ?? null;
  }

  /**
   * Newest first (by relevance when searching); page numbers from 1. A page past the end comes back empty
   * with the true page count.
   */
  async list(filter: PublicListFilter, page: number, perPage: number): Promise<ListPage<PublicFactCheck>> {
    const { rows, total } = await this.site.page(filter, page, perPage);
    return { items: await this.withCorrections(rows), page, pages: Math.max(1, Math.ceil(total / perPage)), total };
  }

  speaker(idPrefix: string): Promise<PublicSpeaker | null> {
    return this.site.speakerByIdPrefix(idPrefix);
  }

  ratingDistribution(speakerId: string): Promise<RatingCount[]> {
    return this.site.ratingDistribution(speakerId);
  }

  sitemap(limits: { factChecks: number; speakers: number }): Promise<[SitemapEntry[], SitemapSpeaker[]]> {
    return Promise.all([this.site.sitemapFactChecks(limits.factChecks), this.site.sitemapSpeakers(limits.speakers)]);
  }

  async siteFacts(): Promise<SiteFacts> {
    const ratings: { value: number | null; updated_at: Date }[] = await this.db.query(
      'SELECT value, updated_at FROM ratings',
    );
    const changed = ratings.reduce<Date | null>(
      (latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest),
      null,
    );
    return { bounds: ordinalBounds(ratings), ratingsChangedAt: changed?.toISOString() ?? null };
  }

  filterOptions(): ReturnType<PublicSiteReadModel['filterOptions']> {
    return this.site.filterOptions();
  }

  async sitePage(key: string): Promise<{ title: string; body: string; updatedAt: string } | null> {
    const rows: { title: string; body: string; updated_at: Date }[] = await this.db.query(
      'SELECT title, body, updated_at FROM site_pages WHERE key = $1',
      [key],
    );
    return rows[0] ? { title: rows[0].title, body: rows[0].body, updatedAt: rows[0].updated_at.toISOString() } : null;
  }
}
