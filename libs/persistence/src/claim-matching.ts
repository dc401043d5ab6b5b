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
 * same claim. Idempotent: links that exist are left as they are.
 */
export async function linkClaimMatches(db: EntityManager, claims: { id: string; text: string; documentId: string | null }[]): Promise<number> {
  let linked = 0;
  for (const claim of claims) {
    for (const c of await rankSimilarClaims(db, claim.text, { excludeClaimId: claim.id, excludeDocumentId: claim.documentId })) {
      const rows: unknown[] = await db.query(
        `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity) VALUES ($1, $2, $3, $4)
         ON CONFLICT (claim_id, kind, matched_claim_id) DO NOTHING RETURNING id`,
        [claim.id, c.hasFactCheck ? 'fact_check' : 'near_duplicate', c.claimId, c.similarity],
      );
      linked += rows.length;
    }
  }
  return linked;
}
