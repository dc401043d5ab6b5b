import { bigrams, jaccard, names, numbers, overlap, termCounts, terms, trigrams } from './text.js';

/** Collection statistics BM25 and IDF weights need: document frequency of each stem over claim text + headline. */
export interface CorpusStats {
  docs: number;
  avgTextTerms: number;
  avgHeadlineTerms: number;
  df: Record<string, number>;
}

/** A claim that may say the same as the query: its text and, when it has a published fact-check, that headline. */
export interface Candidate {
  id: string;
  text: string;
  /** The headline of the claim's published fact-check; null for a claim that has none. */
  headline: string | null;
}

export const FEATURE_NAMES = [
  'bm25_both',
  'bm25_both_rel',
  'bm25_text',
  'bm25_headline',
  'cosine_text',
  'cosine_headline',
  'query_idf_covered',
  'text_idf_covered',
  'headline_idf_covered',
  'bigrams_shared',
  'numbers_shared',
  'numbers_covered',
  'names_shared',
  'trigram_text',
  'trigram_headline',
  'bm25_reciprocal_rank',
  'query_terms',
] as const;

interface Analysed {
  raw: string;
  terms: string[];
  counts: Map<string, number>;
}

const analyse = (raw: string): Analysed => {
  const t = terms(raw);
  return { raw, terms: t, counts: termCounts(t) };
};

/** Weights terms by rarity in the collection; a stem never seen counts as rare as a stem seen once. */
export class TermWeights {
  constructor(private readonly stats: CorpusStats) {}

  idf(term: string): number {
    const n = this.stats.df[term] ?? 1;
    return Math.log(1 + (this.stats.docs - n + 0.5) / (n + 0.5));
  }

  bm25(
    query: Iterable<string>,
    doc: Map<string, number>,
    length: number,
    avgLength: number,
    k1 = 1.2,
    b = 0.75,
  ): number {
    let s = 0;
    for (const t of query) {
      const f = doc.get(t);
      if (f) s += (this.idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * length) / avgLength));
    }
    return s;
  }

  cosine(a: Map<string, number>, b: Map<string, number>): number {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [t, f] of a) {
      const w = this.idf(t);
      na += (f * w) ** 2;
      const g = b.get(t);
      if (g) dot += f * g * w * w;
    }
    for (const [t, g] of b) nb += (g * this.idf(t)) ** 2;
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  /** Share of the IDF mass of `from`'s distinct terms that `to` contains. */
  covered(from: Iterable<string>, to: Map<string, number>): number {
    let all = 0;
    let got = 0;
    for (const t of new Set(from)) {
      const w = this.idf(t);
      all += w;
      if (to.has(t)) got += w;
    }
    return all ? got / all : 0;
  }
}

/**
 * One feature vector per candidate (FEATURE_NAMES order) for ranking them against `query`. A candidate
 * without a published fact-check stands in its own text as headline, so near-duplicates are scored on
 * the same footing as fact-checked claims.
 */
export function featureVectors(query: string, candidates: Candidate[], stats: CorpusStats): number[][] {
  const w = new TermWeights(stats);
  const q = analyse(query);
  const qTerms = [...q.counts.keys()];
  const qBigrams = bigrams(q.terms);
  const qNumbers = numbers(query);
  const qNames = names(query);
  const qTrigrams = trigrams(query);
  const avgBoth = stats.avgTextTerms + stats.avgHeadlineTerms;

  const rows = candidates.map((c) => {
    const text = analyse(c.text);
    const headline = analyse(c.headline ?? c.text);
    const both = termCounts([...text.terms, ...headline.terms]);
    const whole = `${c.text} ${c.headline ?? ''}`;
    const bm25Both = w.bm25(qTerms, both, text.terms.length + headline.terms.length, avgBoth);
    const sharedNumbers = overlap(qNumbers, numbers(whole));
    const candBigrams = new Set([...bigrams(text.terms), ...bigrams(headline.terms)]);
    return {
      bm25Both,
      rest: [
        w.bm25(qTerms, text.counts, text.terms.length, stats.avgTextTerms),
        w.bm25(qTerms, headline.counts, headline.terms.length, stats.avgHeadlineTerms),
        w.cosine(q.counts, text.counts),
        w.cosine(q.counts, headline.counts),
        w.covered(q.terms, both),
        w.covered(text.terms, q.counts),
        w.covered(headline.terms, q.counts),
        Math.log1p(overlap(qBigrams, candBigrams)),
        Math.log1p(sharedNumbers),
        qNumbers.size ? sharedNumbers / qNumbers.size : 0,
        Math.log1p(overlap(qNames, names(whole))),
        jaccard(qTrigrams, trigrams(c.text)),
        jaccard(qTrigrams, trigrams(c.headline ?? c.text)),
      ],
    };
  });
  // Where a candidate stands among the others by BM25 matters as well as its score. Ties share a rank (the
  // number of candidates strictly ahead), so the order the database returned candidates in cannot matter.
  const best = Math.max(0, ...rows.map((r) => r.bm25Both)) || 1;
  const sorted = rows.map((r) => r.bm25Both).sort((a, b) => b - a);
  const ahead = (x: number) => sorted.findIndex((y) => y <= x);
  return rows.map((r) => [
    r.bm25Both,
    r.bm25Both / best,
    ...r.rest,
    1 / (ahead(r.bm25Both) + 1),
    Math.log1p(q.terms.length),
  ]);
}

/** Statistics of a collection of candidates (the training script computes them once over the verified claims). */
export function corpusStats(docs: { text: string; headline: string | null }[], minDf = 2): CorpusStats {
  const df: Record<string, number> = {};
  let textTerms = 0;
  let headlineTerms = 0;
  for (const d of docs) {
    const t = terms(d.text);
    const h = terms(d.headline ?? d.text);
    textTerms += t.length;
    headlineTerms += h.length;
    for (const s of new Set([...t, ...h])) df[s] = (df[s] ?? 0) + 1;
  }
  // Stems seen once weigh about the same as unseen ones: leaving them out keeps the model file small.
  const kept: Record<string, number> = {};
  for (const s of Object.keys(df).sort()) if (df[s] >= minDf) kept[s] = df[s];
  return {
    docs: docs.length,
    avgTextTerms: textTerms / docs.length,
    avgHeadlineTerms: headlineTerms / docs.length,
    df: kept,
  };
}
