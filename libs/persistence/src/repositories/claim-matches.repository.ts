import type { DataSource } from 'typeorm';

/** Candidates gathered per claim: the best by full-text rank over its rarest words, and the closest by trigram distance. */
export const MATCH_FULL_TEXT_CANDIDATES = 60;
export const MATCH_TRIGRAM_CANDIDATES = 20;

/** One claim to find candidates for; `words` are the words to search by (the matcher picks its rarest). */
export interface CandidateQuery {
  text: string;
  words: string[];
  excludeClaimId: string | null;
  excludeDocumentId: string | null;
}

/** A stored claim that may say the same, with the headline of its published fact-check, if any. */
export interface StoredCandidate {
  id: string;
  text: string;
  headline: string | null;
  hasFactCheck: boolean;
}

export interface NewClaimMatch {
  claimId: string;
  matchedClaimId: string;
  kind: 'fact_check' | 'near_duplicate';
  similarity: number;
}

interface CandidateRow {
  q: number;
  id: string;
  text: string;
  headline: string | null;
  has_fact_check: boolean;
}

/**
 * The claim_matches table and the candidate query behind it. Ranking candidates and deciding links is
 * @factdesk/claim-matching's (it loads the trained model); this is only what PostgreSQL answers and stores.
 */
export class ClaimMatchesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Candidate claims for each query in one statement, each with the headline of its published fact-check
   * (the current version's), if any, keyed by the query's index. Full text uses the GIN index on the
   * claims' stored search_vector with the query's words OR-ed; trigram distance uses the GiST index, which
   * catches reworded near-duplicates that share few whole words. The training script gathers its
   * candidates with this too.
   */
  async candidates(queries: CandidateQuery[]): Promise<Map<number, StoredCandidate[]>> {
    const rows: CandidateRow[] = await this.db.query(
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
        queries.map((q) => q.words.join(' ')),
        queries.map((q) => q.excludeClaimId),
        queries.map((q) => q.excludeDocumentId),
        MATCH_FULL_TEXT_CANDIDATES,
        MATCH_TRIGRAM_CANDIDATES,
      ],
    );
    const byQuery = new Map<number, StoredCandidate[]>();
    for (const r of rows) {
      const list = byQuery.get(r.q - 1) ?? [];
      list.push({ id: r.id, text: r.text, headline: r.headline, hasFactCheck: r.has_fact_check });
      byQuery.set(r.q - 1, list);
    }
    return byQuery;
  }

  /** The claims to link: their text and document. */
  claims(ids: string[]): Promise<{ id: string; text: string; documentId: string | null }[]> {
    return this.db.query(`SELECT id, text, document_id AS "documentId" FROM claims WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Stores links in one statement; links that exist are left alone. Answers how many were new. */
  async insert(links: NewClaimMatch[]): Promise<number> {
    if (!links.length) return 0;
    const rows: unknown[] = await this.db.query(
      `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity)
       SELECT * FROM unnest($1::uuid[], $2::claim_match_kind[], $3::uuid[], $4::real[])
       ON CONFLICT (claim_id, kind, matched_claim_id) DO NOTHING
       RETURNING id`,
      [
        links.map((l) => l.claimId),
        links.map((l) => l.kind),
        links.map((l) => l.matchedClaimId),
        links.map((l) => l.similarity),
      ],
    );
    return rows.length;
  }
}
