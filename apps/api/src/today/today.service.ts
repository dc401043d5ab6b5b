import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rankToday, TODAY, type TodayDto } from '@factdesk/domain';
import { listClaims } from '../claims/claims.query.js';

@Injectable()
export class TodayService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(since: Date, userId: string): Promise<TodayDto> {
    return today(this.db, since, userId);
  }
}

/**
 * The morning list: claims detected since a moment (24 hours ago by default), checked-before matches on
 * top, then by score, grouped by speaker and by source.
 */
export async function today(db: DataSource, since: Date, userId: string): Promise<TodayDto> {
  const page = await listClaims(
    db,
    {
      detectedSince: since.toISOString(),
      state: TODAY.states,
      checkworthy: true,
      sort: 'score',
      limit: TODAY.limit,
    },
    userId,
  );
  const docSources: { document_id: string; source_name: string | null }[] = page.items.length
    ? await db.query(
        `SELECT d.id AS document_id, s.name AS source_name FROM documents d LEFT JOIN monitored_sources s ON s.id = d.monitored_source_id WHERE d.id = ANY($1::uuid[])`,
        [[...new Set(page.items.flatMap((c) => (c.document ? [c.document.id] : [])))]],
      )
    : [];
  const sourceNames = new Map(docSources.map((d) => [d.document_id, d.source_name]));
  // The ranking and grouping are the domain's (libs/domain/src/today.ts).
  return rankToday(since, page.items, (c) => (c.document ? (sourceNames.get(c.document.id) ?? null) : null));
}
