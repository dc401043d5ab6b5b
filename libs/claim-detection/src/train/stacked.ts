import { combine, type GroupedFeatures, type Sparse } from '../features.js';
import { EMBEDDING_DIM } from '../encoder.js';
import { groupFolds, type Example } from './data.js';
import { dot, sigmoid, trainLogReg } from './logreg.js';
import { fit, summarise, type Candidate, type CvResult, type EmbeddingParts } from './experiment.js';

/**
 * The sentence vector as a correction on top of a model without it (stacking). A joint fit gives the vector a large
 * part of the logit (standard deviation 1.7 on CheckThat! train), so the logit without it decides badly and the band
 * policy would have to embed most sentences. Here the model without the vector is fitted as usual, and a second
 * logistic regression learns z = s · z_base + g · w_e · e / |e| + c from the base model's out-of-fold logits (grouped
 * by debate, as everywhere) and the vectors. Folded back (w ← s · w_base, b ← s · b_base + c), it is a linear model
 * of the same form as a joint one: its logit without the vector is the base model's, rescaled.
 */
export interface Residual {
  s: number;
  c: number;
  /** Weights of the unit vector times its group weight (the scorer multiplies by the group weight). */
  wEmb: Float64Array;
}

function residualInputs(z: ArrayLike<number>, embeddings: Float32Array[], rows: number[], g: number): Sparse[] {
  return rows.map((i) => {
    const e = embeddings[i];
    let norm = 0;
    for (let j = 0; j < e.length; j++) norm += e[j] * e[j];
    const scale = g / Math.max(1e-12, Math.sqrt(norm));
    const idx = new Int32Array(1 + EMBEDDING_DIM);
    const val = new Float32Array(1 + EMBEDDING_DIM);
    idx[0] = 0;
    val[0] = z[i];
    for (let j = 0; j < EMBEDDING_DIM; j++) {
      idx[1 + j] = 1 + j;
      val[1 + j] = e[j] * scale;
    }
    return { idx, val };
  });
}

export function fitResidual(
  z: ArrayLike<number>,
  embeddings: Float32Array[],
  ys: number[],
  rows: number[],
  g: number,
  l2: number,
): Residual {
  const m = trainLogReg(
    residualInputs(z, embeddings, rows, g),
    rows.map((i) => ys[i]),
    { l2, positiveWeight: 'balanced', dim: 1 + EMBEDDING_DIM, maxIter: 300, tol: 1e-7 },
  );
  return { s: m.w[0], c: m.b, wEmb: m.w.slice(1) };
}

/** The vector's part of the logit for sentence i: g · wEmb · e / |e|. */
export function residualPart(r: Residual, e: Float32Array, g: number): number {
  let s = 0;
  let norm = 0;
  for (let j = 0; j < e.length; j++) {
    s += r.wEmb[j] * e[j];
    norm += e[j] * e[j];
  }
  return (g * s) / Math.max(1e-12, Math.sqrt(norm));
}

export interface StackedCv {
  /** The base model (no vector), plainly cross-validated. */
  base: CvResult;
  /** Base out-of-fold logits over all of train (the final residual is fitted on them). */
  baseLogits: Float64Array;
  /** Per residual L2: the stacked model, with the parts the band policy needs. */
  stacked: CvResult[];
}

/**
 * Nested, debate-grouped cross-validation of the stacked model: for each outer fold, the residual is fitted on
 * base logits that are out-of-fold within the outer training folds (an inner CV over the same debate folds), and
 * evaluated on the outer fold's sentences scored by the base model fitted on all outer training folds.
 * k outer + k·(k−1) inner base fits; the residual fits (513 parameters) are cheap, so several L2 values are tried.
 */
export function crossValidateStacked(
  examples: Example[],
  groups: GroupedFeatures[],
  cand: Candidate,
  k: number,
  embeddings: Float32Array[],
  l2s: number[],
  log: (s: string) => void = () => undefined,
): StackedCv {
  const t0 = Date.now();
  const g = cand.gEmb ?? 1;
  const folds = groupFolds(examples, k);
  const xs = groups.map((gr) => combine(gr, cand.features));
  const ys = examples.map((e) => e.label);
  const n = xs.length;
  const fitOn = (keep: (i: number) => boolean) => {
    const trX: Sparse[] = [];
    const trY: number[] = [];
    for (let i = 0; i < n; i++)
      if (keep(i)) {
        trX.push(xs[i]);
        trY.push(ys[i]);
      }
    return fit(trX, trY, cand.l2);
  };
  // Outer base fits: the base model's plain CV, and the logits the outer folds are scored with.
  const baseLogits = new Float64Array(n);
  for (let f = 0; f < k; f++) {
    const m = fitOn((i) => folds[i] !== f);
    for (let i = 0; i < n; i++) if (folds[i] === f) baseLogits[i] = dot(m.w, xs[i]) + m.b;
    log(`  base fold ${f + 1}/${k} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const base = summarise({ ...cand, gEmb: undefined }, Float64Array.from(baseLogits, sigmoid), ys, folds, k, t0);
  // Inner base fits: for outer fold f, logits of each other fold h from a base model fitted on the folds ≠ f, h.
  const inner = Array.from({ length: k }, () => new Float64Array(n));
  for (let f = 0; f < k; f++)
    for (let h = 0; h < k; h++) {
      if (h === f) continue;
      const m = fitOn((i) => folds[i] !== f && folds[i] !== h);
      for (let i = 0; i < n; i++) if (folds[i] === h) inner[f][i] = dot(m.w, xs[i]) + m.b;
      log(`  inner fold ${f + 1}.${h + 1} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  const stacked = l2s.map((l2) => {
    const oof = new Float64Array(n);
    const parts: EmbeddingParts = {
      partial: new Float64Array(n),
      emb: new Float64Array(n),
      foldMean: [],
      foldAbsDev: [],
    };
    for (let f = 0; f < k; f++) {
      const rows = [...Array(n).keys()].filter((i) => folds[i] !== f);
      const r = fitResidual(inner[f], embeddings, ys, rows, g, l2);
      const own = rows.map((i) => residualPart(r, embeddings[i], g));
      const mean = own.reduce((a, b) => a + b, 0) / own.length;
      parts.foldMean.push(mean);
      parts.foldAbsDev.push(Float64Array.from(own, (e) => Math.abs(e - mean)).sort());
      for (let i = 0; i < n; i++)
        if (folds[i] === f) {
          parts.partial[i] = r.s * baseLogits[i] + r.c;
          parts.emb[i] = residualPart(r, embeddings[i], g);
          oof[i] = sigmoid(parts.partial[i] + parts.emb[i]);
        }
    }
    return { ...summarise({ ...cand, gEmb: g, l2Emb: l2 } as Candidate, oof, ys, folds, k, t0), parts };
  });
  return { base, baseLogits, stacked };
}
