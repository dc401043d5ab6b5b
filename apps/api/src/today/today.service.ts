import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  TODAY,
  TODAY_SUBMITTED,
  TODAY_UNATTRIBUTED,
  todayClaimsFilter,
  type TodayDto,
  type TodayGroupDto,
} from '@factdesk/domain';
import { ClaimRepeatsRepository } from '@factdesk/persistence';
import { claimSummaries, listClaims } from '../claims/claims.query.js';

interface GroupRow {
  by: 'speaker' | 'source';
  key: string | null;
  name: string | null;
  id: string;
  count: number;
}

/**
 * The morning list: claims detected since a moment (24 hours ago by default). Nothing is counted or looked
 * for in a sample: totals, "checked before" and the groups' counts are over every claim of the window.
 */
@Injectable()
export class TodayService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repeats: ClaimRepeatsRepository,
  ) {}

  async list(since: Date, userId: string): Promise<TodayDto> {
    const filter = todayClaimsFilter(since.toISOString());
    const [page, checked, [{ total, checked_total }], groups, repeated] = await Promise.all([
      listClaims(this.db, { ...filter, limit: TODAY.pageSize }, userId),
      listClaims(this.db, { ...filter, checkedBefore: true, limit: TODAY.sectionLimit }, userId),
      this.counts(since),
      this.groups(since),
      this.repeats.since(since, TODAY.sectionLimit),
    ]);
    return {
      since: since.toISOString(),
      total,
      checkedBefore: checked.items,
      checkedBeforeTotal: checked_total,
      repeated: repeated.rows.map((r) => ({
        claim: {
          id: r.claimId,
          text: r.text,
          state: r.state,
          speaker: r.speakerId ? { id: r.speakerId, name: r.speakerName! } : null,
          document: r.documentId ? { id: r.documentId, title: r.documentTitle } : null,
        },
        joined: r.joined,
        similarity: r.similarity,
        at: r.createdAt.toISOString(),
        earlier: { claimId: r.headClaimId, slug: r.factCheckSlug, rating: r.rating },
      })),
      repeatedTotal: repeated.total,
      claims: page.items,
      nextCursor: page.nextCursor,
      ...groups,
    };
  }

  private counts(since: Date): Promise<{ total: number; checked_total: number }[]> {
    return this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM claim_matches cm
                JOIN fact_checks fc ON fc.claim_id = cm.matched_claim_id AND fc.state <> 'retracted'
                WHERE cm.claim_id = c.id AND cm.kind = 'fact_check'))::int AS checked_total
       FROM claims c WHERE c.created_at >= $1 AND c.state = ANY($2::claim_state[]) AND c.checkworthy`,
      [since, TODAY.states],
    );
  }

  /** Every speaker's and source's count in the window, groups by their best claim, each with its best claims. */
  private async groups(since: Date): Promise<Pick<TodayDto, 'bySpeaker' | 'bySource'>> {
    const rows: GroupRow[] = await this.db.query(
      `WITH w AS (
         SELECT c.id, c.score, c.speaker_id, s.name AS speaker_name, d.monitored_source_id, ms.name AS source_name
         FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id LEFT JOIN documents d ON d.id = c.document_id
         LEFT JOIN monitored_sources ms ON ms.id = d.monitored_source_id
         WHERE c.created_at >= $1 AND c.state = ANY($2::claim_state[]) AND c.checkworthy
       ), g AS (
         SELECT 'speaker' AS by, speaker_id::text AS key, speaker_name AS name, id, score FROM w
         UNION ALL SELECT 'source', monitored_source_id::text, source_name, id, score FROM w
       ), ranked AS (
         SELECT by, key, name, id, count(*) OVER grp::int AS count, max(score) OVER grp AS best,
                row_number() OVER (PARTITION BY by, key ORDER BY score DESC, id DESC) AS rn
         FROM g WINDOW grp AS (PARTITION BY by, key)
       )
       SELECT by, key, name, id, count FROM ranked WHERE rn <= $3
       ORDER BY by, best DESC, key NULLS LAST, rn`,
      [since, TODAY.states, TODAY.groupClaims],
    );
    const summaries = await claimSummaries(
      this.db,
      rows.map((r) => r.id),
    );
    const grouped = (by: GroupRow['by'], unnamed: string): TodayGroupDto[] => {
      const groups = new Map<string, TodayGroupDto>();
      for (const r of rows.filter((row) => row.by === by)) {
        const key = r.key ?? '';
        const group = groups.get(key) ?? { name: r.name ?? unnamed, id: r.key, count: r.count, claims: [] };
        const claim = summaries.get(r.id);
        if (claim) group.claims.push(claim);
        groups.set(key, group);
      }
      return [...groups.values()];
    };
    return { bySpeaker: grouped('speaker', TODAY_UNATTRIBUTED), bySource: grouped('source', TODAY_SUBMITTED) };
  }
}
