import type { EntityManager } from 'typeorm';
import { loadClaimMatcher, type Candidate, type ClaimMatcher } from '@factdesk/claim-matching';

export interface MatchCandidate {
  claimId: string;
  /** Calibrated probability (0–1) that the claim states the same claim, from the trained matcher. */
  similarity: number;
  hasFactCheck: boolean;
}

/** Candidates gathered per claim: the best by full-text rank over its rarest words, and the closest by trigram distance. */
export const MATCH_FULL_TEXT_CANDIDATES = 60;
export const MATCH_TRIGRAM_CANDIDATES = 20;
/** Links kept per claim, at most. */
export const MATCH_LINKS_PER_CLAIM = 5;

export interface MatchQuery {
  text: string;
  excludeClaimId: string | null;
  excludeDocumentId: string | null;
}

interface CandidateRow {
  q: number;
  id: string;
  text: string;
  headline: string | null;
  has_fact_check: boolean;
}

/**
 * Candidate claims for each query in one statement, each with the headline of its published fact-check
 * (the current version's), if any. Full text uses the GIN index on the claims' stored search_vector
 * with the query's rarest words OR-ed; trigram distance uses the GiST index, which catches reworded
 * near-duplicates that share few whole words. The training script gathers its candidates with this too.
 */
export async function findMatchCandidates(db: EntityManager, matcher: ClaimMatcher, queries: MatchQuery[]): Promise<Map<number, (Candidate & { hasFactCheck: boolean })[]>> {
  const rows: CandidateRow[] = await db.query(
    `WITH q AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS q(text, words, exclude_id, exclude_document_id, i)
     ), found AS (
       SELECT q.i, ft.id FROM q CROSS JOIN LATERAL (
         SELECT c.id FROM claims c,
                LATERAL (SELECT replace(plainto_tsquery('english', q.words)::text, '&', '|')::tsquery AS tsq) w
         WHERE c.search_vector @@ w.tsq
           AND (q.exclude_id IS NULL OR c.id <> q.exclude_id)
           AND (q.exclude_document_id IS NULL OR c.document_id IS DISTINCT FROM q.exclude_document_id)
         ORDER BY ts_rank(c.search_vector, w.tsq) DESC, c.id
         LIMIT $5
       ) ft
       UNION
       SELECT q.i, tg.id FROM q CROSS JOIN LATERAL (
         SELECT c.id FROM claims c
         WHERE (q.exclude_id IS NULL OR c.id <> q.exclude_id)
           AND (q.exclude_document_id IS NULL OR c.document_id IS DISTINCT FROM q.exclude_document_id)
         ORDER BY c.text <-> q.text
         LIMIT $6
       ) tg
     )
     SELECT found.i::int AS q, c.id, c.text, v.snapshot->>'headline' AS headline, f.id IS NOT NULL AS has_fact_check
     FROM found
     JOIN claims c ON c.id = found.id
     LEFT JOIN fact_checks f ON f.claim_id = c.id AND f.state <> 'retracted'
     LEFT JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = f.current_version`,
    [
      queries.map((q) => q.text),
      queries.map((q) => matcher.searchWords(q.text).join(' ')),
      queries.map((q) => q.excludeClaimId),
      queries.map((q) => q.excludeDocumentId),
      MATCH_FULL_TEXT_CANDIDATES,
      MATCH_TRIGRAM_CANDIDATES,
    ],
  );
  const byQuery = new Map<number, (Candidate & { hasFactCheck: boolean })[]>();
  for (const r of rows) {
    const list = byQuery.get(r.q - 1) ?? [];
    list.push({ id: r.id, text: r.text, headline: r.headline, hasFactCheck: r.has_fact_check });
    byQuery.set(r.q - 1, list);
  }
  return byQuery;
}

/** The candidates of each query ranked by the trained matcher, best first, at most `limit`, kept from `minSimilarity` up. */
async function rankQueries(db: EntityManager, queries: MatchQuery[], limit: number, minSimilarity?: number): Promise<MatchCandidate[][]> {
  const matcher = loadClaimMatcher();
  const min = minSimilarity ?? matcher.threshold;
  const candidates = await findMatchCandidates(db, matcher, queries);
  return queries.map((q, i) => {
    const list = candidates.get(i) ?? [];
    const factChecked = new Map(list.map((c) => [c.id, c.hasFactCheck]));
    return matcher
      .rank(q.text, list)
      .slice(0, limit)
      .filter((c) => c.probability >= min)
      .map((c) => ({ claimId: c.id, similarity: c.probability, hasFactCheck: factChecked.get(c.id)! }));
  });
}

/**
 * Claims that say the same as `text`, most likely first: candidates from PostgreSQL (full text and trigram
 * indexes, over claim text, with the headline of any published fact-check) re-ranked by the trained
 * matcher in @factdesk/claim-matching, kept from the model's threshold up (or `minSimilarity`, 0 keeps
 * the whole ranking). `npm run eval:matching` measures exactly this on CheckThat! 2020 Task 2.
 */
export async function rankSimilarClaims(
  db: EntityManager,
  text: string,
  options: { excludeClaimId?: string; excludeDocumentId?: string | null; limit?: number; minSimilarity?: number } = {},
): Promise<MatchCandidate[]> {
  const [ranked] = await rankQueries(db, [{ text, excludeClaimId: options.excludeClaimId ?? null, excludeDocumentId: options.excludeDocumentId ?? null }], options.limit ?? MATCH_LINKS_PER_CLAIM, options.minSimilarity);
  return ranked;
}

/**
 * Links each claim to near-duplicates in other documents and to earlier published fact-checks of the same
 * claim, with the ranking of rankSimilarClaims at the model's threshold: three round trips per call (the
 * claims, every claim's candidates in one statement, the links in one insert). Idempotent: links that
 * exist are left alone.
 */
export async function linkClaimMatches(db: EntityManager, claimIds: string[]): Promise<number> {
  if (!claimIds.length) return 0;
  const claims: { id: string; text: string; document_id: string | null }[] = await db.query(`SELECT id, text, document_id FROM claims WHERE id = ANY($1::uuid[])`, [claimIds]);
  const ranked = await rankQueries(
    db,
    claims.map((c) => ({ text: c.text, excludeClaimId: c.id, excludeDocumentId: c.document_id })),
    MATCH_LINKS_PER_CLAIM,
  );
  const links = claims.flatMap((c, i) => ranked[i].map((m) => ({ claimId: c.id, matchedClaimId: m.claimId, kind: m.hasFactCheck ? 'fact_check' : 'near_duplicate', similarity: m.similarity })));
  if (!links.length) return 0;
  const rows: unknown[] = await db.query(
    `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity)
     SELECT * FROM unnest($1::uuid[], $2::claim_match_kind[], $3::uuid[], $4::real[])
     ON CONFLICT (claim_id, kind, matched_claim_id) DO NOTHING
     RETURNING id`,
    [links.map((l) => l.claimId), links.map((l) => l.kind), links.map((l) => l.matchedClaimId), links.map((l) => l.similarity)],
  );
  return rows.length;
}
