import type { CandidateQuery, ClaimMatchesRepository } from '@factdesk/persistence';
import { loadClaimMatcher } from './matcher.js';

export interface MatchCandidate {
  claimId: string;
  /** Calibrated probability (0–1) that the claim states the same claim, from the trained matcher. */
  similarity: number;
  hasFactCheck: boolean;
  /** The candidate's words, to tell a repeat of the same words from a reworded one. */
  text: string;
}

/** A claim's links as linkClaimMatches kept them (existing ones included), best first. */
export interface ClaimLinks {
  claimId: string;
  text: string;
  matches: MatchCandidate[];
}

/** Links kept per claim, at most. */
export const MATCH_LINKS_PER_CLAIM = 5;

type Query = Omit<CandidateQuery, 'words'>;

/** The candidates of each query ranked by the trained matcher, best first, at most `limit`, kept from `minSimilarity` up. */
async function rankQueries(
  matches: ClaimMatchesRepository,
  queries: Query[],
  limit: number,
  minSimilarity?: number,
): Promise<MatchCandidate[][]> {
  const matcher = loadClaimMatcher();
  const min = minSimilarity ?? matcher.threshold;
  const candidates = await matches.candidates(queries.map((q) => ({ ...q, words: matcher.searchWords(q.text) })));
  return queries.map((q, i) => {
    const list = candidates.get(i) ?? [];
    const byId = new Map(list.map((c) => [c.id, c]));
    return matcher
      .rank(q.text, list)
      .slice(0, limit)
      .filter((c) => c.probability >= min)
      .map((c) => ({
        claimId: c.id,
        similarity: c.probability,
        hasFactCheck: byId.get(c.id)!.hasFactCheck,
        text: byId.get(c.id)!.text,
      }));
  });
}

/**
 * Claims that say the same as `text`, most likely first: candidates from PostgreSQL (full text and trigram
 * indexes, over claim text, with the headline of any published fact-check) re-ranked by the trained
 * matcher, kept from the model's threshold up (or `minSimilarity`, 0 keeps the whole ranking).
 * `npm run eval:matching` measures exactly this on CheckThat! 2020 Task 2.
 */
export async function rankSimilarClaims(
  matches: ClaimMatchesRepository,
  text: string,
  options: { excludeClaimId?: string; excludeDocumentId?: string | null; limit?: number; minSimilarity?: number } = {},
): Promise<MatchCandidate[]> {
  const [ranked] = await rankQueries(
    matches,
    [{ text, excludeClaimId: options.excludeClaimId ?? null, excludeDocumentId: options.excludeDocumentId ?? null }],
    options.limit ?? MATCH_LINKS_PER_CLAIM,
    options.minSimilarity,
  );
  return ranked;
}

/**
 * Links each claim to near-duplicates in other documents and to earlier published fact-checks of the same
 * claim, with the ranking of rankSimilarClaims at the model's threshold: three round trips per call (the
 * claims, every claim's candidates in one statement, the links in one insert). Idempotent: links that
 * exist are left alone. Answers how many links were new, and every claim's ranking (for repeat alerts).
 */
export async function linkClaimMatches(
  matches: ClaimMatchesRepository,
  claimIds: string[],
): Promise<{ inserted: number; links: ClaimLinks[] }> {
  if (!claimIds.length) return { inserted: 0, links: [] };
  const claims = await matches.claims(claimIds);
  const ranked = await rankQueries(
    matches,
    claims.map((c) => ({ text: c.text, excludeClaimId: c.id, excludeDocumentId: c.documentId })),
    MATCH_LINKS_PER_CLAIM,
  );
  const inserted = await matches.insert(
    claims.flatMap((c, i) =>
      ranked[i].map((m) => ({
        claimId: c.id,
        matchedClaimId: m.claimId,
        kind: m.hasFactCheck ? ('fact_check' as const) : ('near_duplicate' as const),
        similarity: m.similarity,
      })),
    ),
  );
  return { inserted, links: claims.map((c, i) => ({ claimId: c.id, text: c.text, matches: ranked[i] })) };
}
