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
 * Claims that say the same as `text`, most alike first: those at least `minSimilarity` alike by trigram
 * similarity, found through the trigram index (`%`) rather than by ranking every claim. The worker links
 * with this; `npm run eval:matching` measures exactly this ranking (MAP@5) on CheckThat! 2020 Task 2.
 * Runs in a transaction of its own to scope the threshold setting.
 */
export async function rankSimilarClaims(
  db: EntityManager,
  text: string,
  options: { excludeClaimId?: string; excludeDocumentId?: string | null; limit?: number; minSimilarity?: number } = {},
): Promise<MatchCandidate[]> {
  return db.transaction(async (m) => {
    await m.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(options.minSimilarity ?? MATCH_MIN_SIMILARITY)]);
    const rows: { id: string; similarity: number; has_fact_check: boolean }[] = await m.query(
      `SELECT c.id, similarity(c.text, $1) AS similarity,
              EXISTS (SELECT 1 FROM fact_checks f WHERE f.claim_id = c.id AND f.state <> 'retracted') AS has_fact_check
       FROM claims c
       WHERE c.text % $1 AND ($2::uuid IS NULL OR c.id <> $2::uuid) AND ($3::uuid IS NULL OR c.document_id IS DISTINCT FROM $3::uuid)
       ORDER BY similarity(c.text, $1) DESC, c.id
       LIMIT $4`,
      [text, options.excludeClaimId ?? null, options.excludeDocumentId ?? null, options.limit ?? 5],
    );
    return rows.map((r) => ({ claimId: r.id, similarity: Number(r.similarity), hasFactCheck: r.has_fact_check }));
  });
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
