import { findEntities } from '../entities.js';
import {
  CHUNK,
  combine,
  extractGrouped,
  DIM,
  type FeatureConfig,
  type GroupedFeatures,
  type Sparse,
} from '../features.js';
import { analyse } from '../nlp.js';
import { bestThreshold, groupFolds, prf, type Example, type Prf } from './data.js';
import { dot, sigmoid, trainLogReg, type LinearModel } from './logreg.js';

/** Extract every feature group once (all groups on), so configs only re-weight. */
export function featurise(examples: Example[], cfg: FeatureConfig): GroupedFeatures[] {
  const all: FeatureConfig = { ...cfg, gChar: 1, gWord: 1, gPos: 1, gStruct: 1 };
  return examples.map((e) => {
    const a = analyse(e.text);
    return extractGrouped(a, findEntities(a), all);
  });
}

export interface Candidate {
  features: FeatureConfig;
  l2: number;
}

export interface CvResult {
  candidate: Candidate;
  /** Pooled out-of-fold scores. */
  oof: Float64Array;
  threshold: number;
  pooledBest: Prf;
  pooledAtHalf: Prf;
  /** Per-fold F1 at the chosen threshold. */
  foldF1: number[];
  meanF1: number;
  seconds: number;
}

export function fit(xs: Sparse[], ys: number[], l2: number, init?: LinearModel): LinearModel {
  return trainLogReg(xs, ys, { l2, positiveWeight: 'balanced', dim: DIM, maxIter: 150, tol: 1e-5, init });
}

/** Debate-grouped k-fold cross-validation of one candidate. */
export function crossValidate(examples: Example[], groups: GroupedFeatures[], cand: Candidate, k: number): CvResult {
  const t0 = Date.now();
  const folds = groupFolds(examples, k);
  const xs = groups.map((g) => combine(g, cand.features));
  const ys = examples.map((e) => e.label);
  const oof = new Float64Array(examples.length);
  for (let f = 0; f < k; f++) {
    const trX: Sparse[] = [];
    const trY: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      if (folds[i] !== f) {
        trX.push(xs[i]);
        trY.push(ys[i]);
      }
    }
    const m = fit(trX, trY, cand.l2);
    for (let i = 0; i < xs.length; i++) if (folds[i] === f) oof[i] = sigmoid(dot(m.w, xs[i]) + m.b);
  }
  const best = bestThreshold(oof, ys);
  const foldF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < xs.length; i++)
      if (folds[i] === f) {
        s.push(oof[i]);
        y.push(ys[i]);
      }
    foldF1.push(prf(s, y, best.threshold).f1);
  }
  return {
    candidate: cand,
    oof,
    threshold: best.threshold,
    pooledBest: prf(oof, ys, best.threshold),
    pooledAtHalf: prf(oof, ys, 0.5),
    foldF1,
    meanF1: foldF1.reduce((a, b) => a + b, 0) / k,
    seconds: (Date.now() - t0) / 1000,
  };
}

export const describe = (c: Candidate): string =>
  `chars ${c.features.charMin}-${c.features.charMax}×${c.features.gChar} words×${c.features.gWord} pos×${c.features.gPos} struct×${c.features.gStruct} l2=${c.l2}`;

/**
 * What reasons are measured against, over the training data: the mean value of each named structural feature, the
 * mean contribution of the character and word n-grams per word, and the mean contribution of the POS n-grams.
 */
export function baselines(
  texts: string[],
  groups: GroupedFeatures[],
  w: ArrayLike<number>,
  cfg: FeatureConfig,
): { wordingBaseline: number; wordBaseline: number; namedBaseline: Record<string, number> } {
  const sums = new Map<string, number>();
  let pos = 0;
  let words = 0;
  let chunks = 0;
  const part = (s: Sparse, gw: number) => (gw > 0 ? dot(w, s) * gw : 0);
  for (let n = 0; n < groups.length; n++) {
    const g = groups[n];
    for (let i = 0; i < g.struct.idx.length; i++) {
      const name = g.named[i][0];
      sums.set(name, (sums.get(name) ?? 0) + g.struct.val[i]);
    }
    pos += part(g.pos, cfg.gPos);
    words += part(g.char, cfg.gChar) + part(g.word, cfg.gWord);
    chunks += texts[n].match(CHUNK)?.length ?? 0;
  }
  const namedBaseline: Record<string, number> = {};
  for (const [k, v] of [...sums.entries()].sort((a, b) => a[0].localeCompare(b[0])))
    namedBaseline[k] = Math.round((v / groups.length) * 1e5) / 1e5;
  return { wordingBaseline: pos / groups.length, wordBaseline: words / Math.max(1, chunks), namedBaseline };
}
