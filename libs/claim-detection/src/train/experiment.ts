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
import { EMBEDDING_DIM } from '../encoder.js';
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
  /** Weight of the sentence-embedding group (0 or absent: no embedding). */
  gEmb?: number;
  /** Stacked (crossValidateStacked): the L2 of the residual on the base logit and the vector. */
  l2Emb?: number;
}

/** Append a sentence vector (unit length, times its group weight) as the dense features DIM … DIM+511. */
export function withEmbedding(x: Sparse, e: Float32Array | undefined, g: number): Sparse {
  if (!e || !(g > 0)) return x;
  let norm = 0;
  for (let j = 0; j < e.length; j++) norm += e[j] * e[j];
  const scale = g / Math.max(1e-12, Math.sqrt(norm));
  const idx = new Int32Array(x.idx.length + EMBEDDING_DIM);
  const val = new Float32Array(x.idx.length + EMBEDDING_DIM);
  idx.set(x.idx);
  val.set(x.val);
  for (let j = 0; j < EMBEDDING_DIM; j++) {
    idx[x.idx.length + j] = DIM + j;
    val[x.idx.length + j] = e[j] * scale;
  }
  return { idx, val };
}

/** Feature vectors of a candidate: its weighted groups, plus the embedding when it has one. */
export function vectors(groups: GroupedFeatures[], cand: Candidate, embeddings?: Float32Array[]): Sparse[] {
  return groups.map((g, i) => withEmbedding(combine(g, cand.features), embeddings?.[i], cand.gEmb ?? 0));
}

export const usesEmbedding = (c: Candidate): boolean => (c.gEmb ?? 0) > 0;

/** The embedding's part of the logit, w[DIM…] · x[DIM…] (x from withEmbedding). */
export function embeddingPart(w: ArrayLike<number>, x: Sparse): number {
  let s = 0;
  for (let i = 0; i < x.idx.length; i++) if (x.idx[i] >= DIM) s += w[x.idx[i]] * x.val[i];
  return s;
}

/**
 * Out-of-fold parts of an embedding candidate's logit, for the band policy (see bandPolicy): the logit without the
 * embedding (bias included), the embedding's part, and per fold the mean of the embedding's part over that fold's
 * training sentences and the sorted |part − mean| over them.
 */
export interface EmbeddingParts {
  partial: Float64Array;
  emb: Float64Array;
  foldMean: number[];
  foldAbsDev: Float64Array[];
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
  folds: number[];
  parts?: EmbeddingParts;
}

export function fit(xs: Sparse[], ys: number[], l2: number, dim = DIM, init?: LinearModel): LinearModel {
  return trainLogReg(xs, ys, { l2, positiveWeight: 'balanced', dim, maxIter: 150, tol: 1e-5, init });
}

export const dimOf = (c: Candidate): number => DIM + (usesEmbedding(c) ? EMBEDDING_DIM : 0);

/** Debate-grouped k-fold cross-validation of one candidate. */
export function crossValidate(
  examples: Example[],
  groups: GroupedFeatures[],
  cand: Candidate,
  k: number,
  embeddings?: Float32Array[],
): CvResult {
  const t0 = Date.now();
  const folds = groupFolds(examples, k);
  if (usesEmbedding(cand) && embeddings?.length !== examples.length) throw new Error('embeddings missing');
  const xs = vectors(groups, cand, embeddings);
  const ys = examples.map((e) => e.label);
  const oof = new Float64Array(examples.length);
  const parts: EmbeddingParts | undefined = usesEmbedding(cand)
    ? { partial: new Float64Array(xs.length), emb: new Float64Array(xs.length), foldMean: [], foldAbsDev: [] }
    : undefined;
  for (let f = 0; f < k; f++) {
    const trX: Sparse[] = [];
    const trY: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      if (folds[i] !== f) {
        trX.push(xs[i]);
        trY.push(ys[i]);
      }
    }
    const m = fit(trX, trY, cand.l2, dimOf(cand));
    for (let i = 0; i < xs.length; i++) if (folds[i] === f) oof[i] = sigmoid(dot(m.w, xs[i]) + m.b);
    if (parts) {
      const own: number[] = [];
      for (let i = 0; i < xs.length; i++) {
        const e = embeddingPart(m.w, xs[i]);
        if (folds[i] === f) {
          parts.emb[i] = e;
          parts.partial[i] = dot(m.w, xs[i]) + m.b - e;
        } else own.push(e);
      }
      const mean = own.reduce((a, b) => a + b, 0) / own.length;
      parts.foldMean.push(mean);
      parts.foldAbsDev.push(Float64Array.from(own, (e) => Math.abs(e - mean)).sort());
    }
  }
  return { ...summarise(cand, oof, ys, folds, k, t0), parts };
}

/** The q-quantile of sorted values. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const logit = (p: number) => Math.log(p / (1 - p));

export interface BandPolicyResult {
  quantile: number;
  /** Mean over folds of the band (logit) chosen on each fold's training sentences. */
  band: number;
  /** Share of held-out sentences inside the band (embedded). */
  share: number;
  pooled: Prf;
  foldF1: number[];
  meanF1: number;
}

/**
 * The band policy measured out of fold: a sentence is embedded only when its logit without the embedding plus the
 * mean embedding part lies within `band` of the threshold's logit, where the band is the q-quantile of
 * |embedding part − mean| over the fold's own training sentences; elsewhere it keeps partial + mean.
 */
export function bandPolicy(r: CvResult, ys: number[], q: number, threshold = r.threshold): BandPolicyResult {
  const p = r.parts!;
  const k = p.foldMean.length;
  const bands = p.foldAbsDev.map((d) => quantile(d, q));
  const t = logit(threshold);
  const scores = new Float64Array(ys.length);
  let inside = 0;
  for (let i = 0; i < ys.length; i++) {
    const f = r.folds[i];
    const approx = p.partial[i] + p.foldMean[f];
    const near = Math.abs(approx - t) < bands[f];
    if (near) inside++;
    scores[i] = sigmoid(near ? p.partial[i] + p.emb[i] : approx);
  }
  const foldF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < ys.length; i++)
      if (r.folds[i] === f) {
        s.push(scores[i]);
        y.push(ys[i]);
      }
    foldF1.push(prf(s, y, threshold).f1);
  }
  return {
    quantile: q,
    band: bands.reduce((a, b) => a + b, 0) / k,
    share: inside / ys.length,
    pooled: prf(scores, ys, threshold),
    foldF1,
    meanF1: foldF1.reduce((a, b) => a + b, 0) / k,
  };
}

export const describe = (c: Candidate): string =>
  `chars ${c.features.charMin}-${c.features.charMax}×${c.features.gChar} words×${c.features.gWord} pos×${c.features.gPos} struct×${c.features.gStruct}${usesEmbedding(c) ? ` embedding×${c.gEmb}${c.l2Emb !== undefined ? ` stacked (residual l2=${c.l2Emb})` : ' joint'}` : ''} l2=${c.l2}`;

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

/** Pooled and per-fold F1 of out-of-fold scores at the pooled best threshold. */
export function summarise(
  cand: Candidate,
  oof: Float64Array,
  ys: number[],
  folds: number[],
  k: number,
  t0: number,
): CvResult {
  const best = bestThreshold(oof, ys);
  const foldF1: number[] = [];
  for (let f = 0; f < k; f++) {
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < ys.length; i++)
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
    folds,
  };
}
