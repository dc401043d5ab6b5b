import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ordinalBounds, type FactCheckSnapshot, type FactCheckState } from '@factdesk/domain';
import type { ListPage, PublicCorrection, PublicFactCheck, RatingBounds } from '@factdesk/publishing';

interface Row {
  id: string;
  slug: string;
  state: FactCheckState;
  version: number;
  published_at: Date;
  retracted_at: Date | null;
  snapshot: FactCheckSnapshot;
}

export interface ListFilter {
  speakerId?: string;
  ratingSlug?: string;
}

/** Site-wide facts a page depends on besides its own fact-checks: the rating scale's bounds and when it last changed. */
export interface SiteFacts {
  bounds: RatingBounds;
  ratingsChangedAt: string | null;
}

/** Reads what the public may see, in as few queries as it can: rows, their current snapshots and corrections. */
@Injectable()
export class PublicReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private static readonly SELECT = `SELECT f.id, f.slug, f.state, f.current_version AS version, f.published_at, f.retracted_at, v.snapshot
    FROM fact_checks f JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = f.current_version`;

  private async withCorrections(rows: Row[]): Promise<PublicFactCheck[]> {
    if (!rows.length) return [];
    const corrections: { fact_check_id: string; kind: PublicCorrection['kind']; note: string; version: number; created_at: Date }[] = await this.db.query(
      'SELECT fact_check_id, kind, note, version, created_at FROM corrections WHERE fact_check_id = ANY($1) ORDER BY created_at, id',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      state: r.state,
      version: r.version,
      publishedAt: r.published_at.toISOString(),
      retractedAt: r.retracted_at?.toISOString() ?? null,
      snapshot: r.snapshot,
      corrections: corrections.filter((c) => c.fact_check_id === r.id).map((c) => ({ kind: c.kind, note: c.note, version: c.version, createdAt: c.created_at.toISOString() })),
    }));
  }

  async bySlug(slug: string): Promise<PublicFactCheck | null> {
    const rows: Row[] = await this.db.query(`${PublicReader.SELECT} WHERE f.slug = $1`, [slug]);
    return (await this.withCorrections(rows))[0] ?? null;
  }

  /** Newest first; page numbers from 1. A page past the end comes back empty with the true page count. */
  async list(filter: ListFilter, page: number, perPage: number): Promise<ListPage<PublicFactCheck>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.speakerId) {
      params.push(filter.speakerId);
      where.push(`f.speaker_id = $${params.length}`);
    }
    if (filter.ratingSlug) {
      params.push(filter.ratingSlug);
      where.push(`f.rating_id = (SELECT id FROM ratings WHERE slug = $${params.length})`);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM fact_checks f${clause}`, params);
    const rows: Row[] = await this.db.query(`${PublicReader.SELECT}${clause} ORDER BY f.published_at DESC, f.id DESC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`, params);
    return { items: await this.withCorrections(rows), page, pages: Math.max(1, Math.ceil(count / perPage)) };
  }

  async siteFacts(): Promise<SiteFacts> {
    const ratings: { value: number | null; updated_at: Date }[] = await this.db.query('SELECT value, updated_at FROM ratings');
    const changed = ratings.reduce<Date | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null);
    return { bounds: ordinalBounds(ratings), ratingsChangedAt: changed?.toISOString() ?? null };
  }

  async filterOptions(): Promise<{ speakers: { id: string; name: string }[]; ratings: { slug: string; label: string }[] }> {
    const [speakers, ratings] = await Promise.all([
      this.db.query('SELECT s.id, s.name FROM speakers s WHERE EXISTS (SELECT 1 FROM fact_checks f WHERE f.speaker_id = s.id) ORDER BY s.name, s.id'),
      this.db.query('SELECT slug, label FROM ratings ORDER BY position, slug'),
    ]);
    return { speakers, ratings };
  }

  async sitePage(key: string): Promise<{ title: string; body: string; updatedAt: string } | null> {
    const rows: { title: string; body: string; updated_at: Date }[] = await this.db.query('SELECT title, body, updated_at FROM site_pages WHERE key = $1', [key]);
    return rows[0] ? { title: rows[0].title, body: rows[0].body, updatedAt: rows[0].updated_at.toISOString() } : null;
  }
}
