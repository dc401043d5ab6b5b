import type { EntityManager } from 'typeorm';

export interface MatchCandidate {
  claimId: string;
  /** Full-text relevance of the candidate to the query text. */
  rank: number;
  /** Trigram similarity, 0–1: what a link's strength is reported as. */
  similarity: number;
  hasFactCheck: boolean;
}

/**
 * Claims that say the same as `text`: candidates share stemmed words (an OR of the text's lexemes, so a
 * paraphrase still qualifies), ranked by full-text relevance; each carries its trigram similarity.
 * `npm run eval:matching` measures exactly this ranking (MAP@5) on the CheckThat! 2020 claim-matching data.
 */
export async function rankSimilarClaims(
  m: EntityManager,
  text: string,
  options: { excludeClaimId?: string; excludeDocumentId?: string | null; limit?: number; onlyFactChecked?: boolean } = {},
): Promise<MatchCandidate[]> {
  const rows: { id: string; rank: number; similarity: number; has_fact_check: boolean }[] = await m.query(
    `WITH q AS (
       SELECT to_tsquery('english', coalesce(nullif(array_to_string(tsvector_to_array(to_tsvector('english', $1)), ' | '), ''), '__none__')) AS q
     )
     SELECT c.id, ts_rank(to_tsvector('english', c.text), q.q) AS rank, similarity(c.text, $1) AS similarity,
            EXISTS (SELECT 1 FROM fact_checks f WHERE f.claim_id = c.id AND f.state <> 'retracted') AS has_fact_check
     FROM claims c, q
     WHERE to_tsvector('english', c.text) @@ q.q
       AND ($2::uuid IS NULL OR c.id <> $2::uuid)
       AND ($3::uuid IS NULL OR c.document_id IS DISTINCT FROM $3::uuid)
       AND (NOT $5::boolean OR EXISTS (SELECT 1 FROM fact_checks f WHERE f.claim_id = c.id AND f.state <> 'retracted'))
     ORDER BY rank DESC, c.id
     LIMIT $4`,
    [text, options.excludeClaimId ?? null, options.excludeDocumentId ?? null, options.limit ?? 5, options.onlyFactChecked ?? false],
  );
  return rows.map((r) => ({ claimId: r.id, rank: Number(r.rank), similarity: Number(r.similarity), hasFactCheck: r.has_fact_check }));
}

/** How alike two claims must be (trigram similarity) to be linked as saying the same thing. */
export const MATCH_MIN_SIMILARITY = 0.35;

/**
 * Links each claim to its near-duplicates in other documents and to earlier published fact-checks of the
 * same claim. Idempotent: links that exist are left as they are.
 */
export async function linkClaimMatches(m: EntityManager, claims: { id: string; text: string; documentId: string | null }[]): Promise<number> {
  let linked = 0;
  for (const claim of claims) {
    const candidates = (await rankSimilarClaims(m, claim.text, { excludeClaimId: claim.id, excludeDocumentId: claim.documentId, limit: 5 })).filter((c) => c.similarity >= MATCH_MIN_SIMILARITY);
    for (const c of candidates) {
      const result: unknown[] = await m.query(
        `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity) VALUES ($1, $2, $3, $4)
         ON CONFLICT (claim_id, kind, matched_claim_id) DO NOTHING RETURNING id`,
        [claim.id, c.hasFactCheck ? 'fact_check' : 'near_duplicate', c.claimId, c.similarity],
      );
      linked += result.length;
    }
  }
  return linked;
}
