import type { EntityManager } from 'typeorm';

export interface MatchCandidate {
  claimId: string;
  /** Trigram similarity, 0–1. */
  similarity: number;
  hasFactCheck: boolean;
}

/** How alike two claims must be (trigram similarity) to be linked as saying the same thing. */
export const MATCH_MIN_SIMILARITY = 0.35;

/**
 * Claims that say the same as `text`, most alike first: the closest claims by trigram distance, found
 * through the GiST trigram index (which stops after the closest few rather than scoring every claim),
 * kept when at least `minSimilarity` alike. The worker links with this; `npm run eval:matching`
 * measures exactly this ranking (MAP@5) on CheckThat! 2020 Task 2.
 */
export async function rankSimilarClaims(
  db: EntityManager,
  text: string,
  options: { excludeClaimId?: string; excludeDocumentId?: string | null; limit?: number; minSimilarity?: number } = {},
): Promise<MatchCandidate[]> {
  const rows: { id: string; similarity: number; has_fact_check: boolean }[] = await db.query(
    `SELECT c.id, similarity(c.text, $1) AS similarity,
            EXISTS (SELECT 1 FROM fact_checks f WHERE f.claim_id = c.id AND f.state <> 'retracted') AS has_fact_check
     FROM claims c
     WHERE ($2::uuid IS NULL OR c.id <> $2::uuid) AND ($3::uuid IS NULL OR c.document_id IS DISTINCT FROM $3::uuid)
     ORDER BY c.text <-> $1
     LIMIT $4`,
    [text, options.excludeClaimId ?? null, options.excludeDocumentId ?? null, options.limit ?? 5],
  );
  const min = options.minSimilarity ?? MATCH_MIN_SIMILARITY;
  return rows.filter((r) => Number(r.similarity) >= min).map((r) => ({ claimId: r.id, similarity: Number(r.similarity), hasFactCheck: r.has_fact_check }));
}

/**
 * Links each claim to its near-duplicates in other documents and to earlier published fact-checks of the
 * same claim, with the ranking of rankSimilarClaims, in one statement for all the claims (one round
 * trip per document, not one per claim and candidate). Idempotent: links that exist are left alone.
 */
export async function linkClaimMatches(db: EntityManager, claimIds: string[]): Promise<number> {
  if (!claimIds.length) return 0;
  const rows: unknown[] = await db.query(
    `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity)
     SELECT n.id,
            CASE WHEN EXISTS (SELECT 1 FROM fact_checks f WHERE f.claim_id = m.id AND f.state <> 'retracted') THEN 'fact_check'::claim_match_kind ELSE 'near_duplicate'::claim_match_kind END,
            m.id, m.similarity
     FROM claims n
     CROSS JOIN LATERAL (
       SELECT c.id, similarity(c.text, n.text) AS similarity
       FROM claims c
       WHERE c.id <> n.id AND c.document_id IS DISTINCT FROM n.document_id
       ORDER BY c.text <-> n.text
       LIMIT 5
     ) m
     WHERE n.id = ANY($1::uuid[]) AND m.similarity >= $2
     ON CONFLICT (claim_id, kind, matched_claim_id) DO NOTHING
     RETURNING id`,
    [claimIds, MATCH_MIN_SIMILARITY],
  );
  return rows.length;
}
