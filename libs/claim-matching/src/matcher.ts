import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES, TermWeights, featureVectors, type Candidate, type CorpusStats } from './features.js';
import { terms, words } from './text.js';
import { linearScore } from './train.js';

/** On-disk format of the trained matcher (model/claim-matching.json, written by `npm run train:matching`). */
export interface MatcherModel {
  format: 'factdesk-claim-matching/1';
  features: string[];
  /** Feature standardisation, then a linear score. */
  mean: number[];
  scale: number[];
  weights: number[];
  /**
   * P(same claim) = sigmoid(w · [score, score − the query's best score] + bias), fitted on out-of-fold
   * rankings of the training split: a candidate well below the best one is unlikely another match.
   */
  calibration: { weights: number[]; bias: number };
  /** Links are kept from this probability up (chosen on the training split). */
  threshold: number;
  stats: CorpusStats;
  trainedOn: string;
  metrics: Record<string, number>;
}

export interface RankedCandidate {
  id: string;
  /** The ranker's linear score (comparable within one query). */
  score: number;
  /** Calibrated probability that the candidate states the same claim, 0–1. */
  probability: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export class ClaimMatcher {
  readonly threshold: number;
  private readonly weights: TermWeights;

  constructor(readonly model: MatcherModel) {
    if (model.format !== 'factdesk-claim-matching/1' || model.features.join() !== FEATURE_NAMES.join()) {
      throw new Error(`unsupported claim-matching model (format ${model.format}, features ${model.features.length})`);
    }
    this.threshold = model.threshold;
    this.weights = new TermWeights(model.stats);
  }

  /** Linear score of one feature vector. */
  score(features: number[]): number {
    return linearScore(this.model, features);
  }

  /** The candidates ranked against `query`, most likely the same claim first. */
  rank(query: string, candidates: Candidate[]): RankedCandidate[] {
    const vectors = featureVectors(query, candidates, this.model.stats);
    // Equal scores (the same claim stored twice) fall back to id order, so a ranking never depends on the order candidates came in.
    const scored = candidates
      .map((c, i) => ({ id: c.id, score: this.score(vectors[i]) }))
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
    const best = scored[0]?.score ?? 0;
    return scored.map((c) => ({ ...c, probability: this.probability(c.score, best) }));
  }

  /** Calibrated probability of a candidate scoring `score` where the query's best candidate scores `best`. */
  probability(score: number, best: number): number {
    const { weights, bias } = this.model.calibration;
    return sigmoid(weights[0] * score + weights[1] * (score - best) + bias);
  }

  /**
   * The query's rarest words (by the model's document frequencies), for the database's full-text search
   * that gathers candidates: common words would match most of the collection and say little.
   */
  searchWords(query: string, max = 12): string[] {
    const seen = new Map<string, number>();
    for (const w of words(query)) {
      const [t] = terms(w);
      if (t && !seen.has(w)) seen.set(w, this.weights.idf(t));
    }
    return [...seen.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, max)
      .map(([w]) => w);
  }
}

/** Where the shipped model lives: <package>/model/claim-matching.json (works from src/ and dist/). */
export const MATCHER_MODEL_PATH = fileURLToPath(new URL('../model/claim-matching.json', import.meta.url));

let shipped: ClaimMatcher | undefined;

/** The shipped matcher, read once per process. */
export function loadClaimMatcher(): ClaimMatcher {
  shipped ??= new ClaimMatcher(JSON.parse(readFileSync(MATCHER_MODEL_PATH, 'utf8')) as MatcherModel);
  return shipped;
}
