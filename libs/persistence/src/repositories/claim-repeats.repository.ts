import type { DataSource, EntityManager } from 'typeorm';
import type { ClaimState } from '@factdesk/domain';

/** A claim and its cluster, as the repeat rules need them. */
export interface ClaimClusterFacts {
  id: string;
  text: string;
  state: ClaimState;
  /** Its cluster's first claim (itself when it heads one or is alone). */
  headId: string;
  /** The first claim has a live (published or corrected) fact-check. */
  headChecked: boolean;
  /** That fact-check's rating, when it has one. */
  headRating: string | null;
}

/** One repeat of a fact-checked claim, as Today lists it. */
export interface RepeatRow {
  claimId: string;
  text: string;
  state: ClaimState;
  speakerId: string | null;
  speakerName: string | null;
  documentId: string | null;
  documentTitle: string | null;
  headClaimId: string;
  similarity: number;
  joined: boolean;
  createdAt: Date;
  rating: string | null;
  factCheckSlug: string | null;
}

/**
 * claim_repeats: the only writer. A claim that repeats a cluster with a live fact-check is recorded once, in
 * the transaction that tells the editors, so however often the worker links it they hear of it once.
 */
export class ClaimRepeatsRepository {
  constructor(private readonly db: DataSource) {}

  /** The claims' texts, states and clusters, keyed by id (missing ids are gone). */
  async clusterFacts(ids: string[]): Promise<Map<string, ClaimClusterFacts>> {
    if (!ids.length) return new Map();
    const rows: ClaimClusterFacts[] = await this.db.query(
      `SELECT c.id, c.text, c.state, h.id AS "headId", f.id IS NOT NULL AS "headChecked", r.label AS "headRating"
       FROM claims c JOIN claims h ON h.id = COALESCE(c.duplicate_of_id, c.id)
       LEFT JOIN fact_checks f ON f.claim_id = h.id AND f.state <> 'retracted'
       LEFT JOIN ratings r ON r.id = f.rating_id
       WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Records that the claim repeats the cluster headed by `headClaimId`; true when it is news (not recorded
   * before). A proposal confirmed later (an editor's "duplicate of") becomes joined, and is not news again.
   */
  async record(
    tx: EntityManager,
    repeat: { claimId: string; headClaimId: string; similarity: number; joined: boolean },
  ): Promise<boolean> {
    const [row]: { inserted: boolean }[] = await tx.query(
      `INSERT INTO claim_repeats (claim_id, head_claim_id, similarity, joined) VALUES ($1, $2, $3, $4)
       ON CONFLICT (claim_id) DO UPDATE SET joined = claim_repeats.joined OR EXCLUDED.joined,
         head_claim_id = CASE WHEN EXCLUDED.joined THEN EXCLUDED.head_claim_id ELSE claim_repeats.head_claim_id END
       RETURNING xmax = 0 AS inserted`,
      [repeat.claimId, repeat.headClaimId, repeat.similarity, repeat.joined],
    );
    return row.inserted;
  }

  /** The claim is not a repeat after all (an editor split it from its cluster). */
  async forget(tx: EntityManager, claimId: string): Promise<void> {
    await tx.query('DELETE FROM claim_repeats WHERE claim_id = $1', [claimId]);
  }

  /** Repeats recorded since `since`, newest first, at most `limit`, with how many there are in all. */
  async since(since: Date, limit: number): Promise<{ rows: RepeatRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT c.id AS "claimId", c.text, c.state, c.speaker_id AS "speakerId", s.name AS "speakerName", c.document_id AS "documentId",
                d.title AS "documentTitle", cr.head_claim_id AS "headClaimId", cr.similarity, cr.joined,
                cr.created_at AS "createdAt", r.label AS rating, f.slug AS "factCheckSlug"
         FROM claim_repeats cr JOIN claims c ON c.id = cr.claim_id
         LEFT JOIN speakers s ON s.id = c.speaker_id LEFT JOIN documents d ON d.id = c.document_id
         LEFT JOIN fact_checks f ON f.claim_id = cr.head_claim_id AND f.state <> 'retracted'
         LEFT JOIN ratings r ON r.id = f.rating_id
         WHERE cr.created_at >= $1
         ORDER BY cr.created_at DESC, c.id LIMIT $2`,
        [since, limit],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM claim_repeats WHERE created_at >= $1`, [since]),
    ]);
    return { rows, total };
  }
}
