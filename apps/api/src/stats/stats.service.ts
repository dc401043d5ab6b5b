import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLAIM_STATES, type ClaimState, type StatsDto } from '@factdesk/domain';

/** Weeks of publishing history the overview shows. */
const WEEKS = 12;

@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overview(): Promise<StatsDto> {
    const [states, overdue, weekly, ratings, speakers] = await Promise.all([
      this.db.query(`SELECT state, count(*)::int AS n FROM claims GROUP BY state`) as Promise<
        { state: ClaimState; n: number }[]
      >,
      this.db.query(`SELECT count(*)::int AS n FROM assignments WHERE state = 'active' AND due_at < now()`) as Promise<
        { n: number }[]
      >,
      this.db.query(
        `SELECT to_char(w.week, 'IYYY-"W"IW') AS week, count(f.id)::int AS count
         FROM generate_series(date_trunc('week', now()) - make_interval(weeks => $1 - 1), date_trunc('week', now()), interval '1 week') AS w(week)
         LEFT JOIN fact_checks f ON date_trunc('week', f.published_at) = w.week
         GROUP BY w.week ORDER BY w.week`,
        [WEEKS],
      ) as Promise<{ week: string; count: number }[]>,
      this.db.query(
        `SELECT r.slug AS rating, r.label, r.colour, count(f.id)::int AS count
         FROM ratings r LEFT JOIN fact_checks f ON f.rating_id = r.id AND f.state <> 'retracted'
         GROUP BY r.id ORDER BY r.position`,
      ) as Promise<StatsDto['ratings']>,
      // The balance report: how often each speaker was checked, and with which ratings.
      this.db.query(
        `SELECT s.id, s.name, count(*)::int AS checked, jsonb_object_agg(coalesce(r.slug, 'unrated'), n) AS ratings
         FROM (SELECT f.speaker_id, f.rating_id, count(*)::int AS n FROM fact_checks f WHERE f.state <> 'retracted' AND f.speaker_id IS NOT NULL GROUP BY 1, 2) x
         JOIN speakers s ON s.id = x.speaker_id LEFT JOIN ratings r ON r.id = x.rating_id
         GROUP BY s.id ORDER BY sum(x.n) DESC, s.name LIMIT 50`,
      ) as Promise<{ id: string; name: string; checked: number; ratings: Record<string, number> }[]>,
    ]);
    const claimsByState = Object.fromEntries(CLAIM_STATES.map((s) => [s, 0])) as Record<ClaimState, number>;
    for (const row of states) claimsByState[row.state] = row.n;
    return {
      claimsByState,
      overdueAssignments: overdue[0].n,
      publishedPerWeek: weekly,
      ratings,
      speakers: speakers.map((s) => ({
        speaker: { id: s.id, name: s.name },
        checked: Object.values(s.ratings).reduce((a, b) => a + b, 0),
        ratings: s.ratings,
      })),
    };
  }
}
