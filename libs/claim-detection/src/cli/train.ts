#!/usr/bin/env node
/**
 * Train the check-worthiness model: pick features, L2 and threshold by debate-grouped
 * cross-validation on CheckThat! 2024 train, refit on all of train, write model/checkworthiness.json.
 * Dev is reported, never used for choices.
 *
 *   npm run train:claims -- --data ../shared/data [--folds 5] [--quick] [--out <file>]
 *   npm run train:claims -- --data ../shared/data --l2 3e-5 --word 1 --pos 0.5 --struct 0.5 --embedding 1
 *       [--embeddings-cache /tmp/factdesk-emb] [--max-band-share 0.03]
 *     (a fixed configuration plus the sentence-embedding group, or several weights: --embedding 0,1;
 *      train and dev are embedded once into the cache, outside the repository)
 *   npm run train:claims -- --data ../shared/data --baselines   (only recompute the reasons' baselines of the
 *                                                                 shipped model, no refit)
 *
 * One script of ~320 lines on purpose: it runs top to bottom (load, search, refit, write) and its steps share the
 * loaded data; the reusable parts live in ../train.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDING_DIM, ENCODER_NAME } from '../encoder.js';
import { combine, DEFAULT_FEATURES, DIM, type FeatureConfig } from '../features.js';
import { MODEL_PATH, type ModelFile } from '../scorer.js';
import { fmt, loadDev, loadTrain, parseArgs, prf, requireData } from '../train/data.js';
import { cachedEmbeddings } from '../train/embeddings.js';
import { dot, sigmoid, type LinearModel } from '../train/logreg.js';
import {
  bandPolicy,
  baselines,
  crossValidate,
  describe,
  dimOf,
  embeddingPart,
  featurise,
  fit,
  quantile,
  usesEmbedding,
  vectors,
  type BandPolicyResult,
  type Candidate,
  type CvResult,
} from '../train/experiment.js';
import { crossValidateStacked, fitResidual } from '../train/stacked.js';

const args = parseArgs(process.argv.slice(2));
const root = requireData(args.data);
const k = Number(args.folds ?? 5);
const log = (s: string) => process.stderr.write(s + '\n');

const train = loadTrain(root);
const dev = loadDev(root);
log(
  `train: ${train.length} sentences after cleaning (${train.filter((e) => e.label).length} check-worthy), ${new Set(train.map((e) => e.debate)).size} debates; dev: ${dev.length}`,
);

let t = Date.now();
const base: FeatureConfig = { ...DEFAULT_FEATURES };
const gTrain = featurise(train, base);
const gDev = featurise(dev, base);
log(`features extracted in ${((Date.now() - t) / 1000).toFixed(1)} s`);

if (args.baselines) {
  const path = args.out ?? MODEL_PATH;
  const shipped = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;
  const buf = Buffer.from(shipped.weights, 'base64');
  const w = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  writeFileSync(
    path,
    JSON.stringify({
      ...shipped,
      ...baselines(
        train.map((e) => e.text),
        gTrain,
        w,
        shipped.features,
      ),
    }) + '\n',
  );
  console.log(`baselines written to ${path}`);
  process.exit(0);
}

const feat = (gWord: number, gPos: number, gStruct: number): FeatureConfig => ({
  ...base,
  gChar: 1,
  gWord,
  gPos,
  gStruct,
});
const grid: Candidate[] = [];
if (args.l2) {
  // Fixed configuration (no search): --l2 <x> [--word w] [--pos p] [--struct s] [--embedding g[,g2…]]
  const features = feat(Number(args.word ?? 0), Number(args.pos ?? 0.5), Number(args.struct ?? 0.5));
  for (const gEmb of (args.embedding ?? '0').split(',').map(Number))
    grid.push({ features, l2: Number(args.l2), ...(gEmb > 0 ? { gEmb } : {}) });
} else if (args.quick) {
  grid.push({ features: feat(0, 0.5, 0.5), l2: 1e-4 });
} else {
  // A first search (l2 3e-5..3e-4 × {chars, +pos/struct 0.5, +pos 0.7/struct 1, +words 0.5}) favoured the
  // smallest penalty and all groups on; this grid brackets that optimum.
  for (const f of [feat(0, 0, 0), feat(0, 0.5, 0.5), feat(0.5, 0.5, 0.5), feat(0.5, 0.7, 1)]) {
    for (const l2 of [1e-5, 3e-5, 1e-4]) grid.push({ features: f, l2 });
  }
}

// Sentence vectors (only when a candidate uses them), cached outside the repository.
const cache = args['embeddings-cache'] ?? '/tmp/factdesk-emb';
const eTrain = grid.some(usesEmbedding)
  ? await cachedEmbeddings(
      train.map((e) => e.text),
      cache,
      'train',
      log,
    )
  : undefined;
const eDev = grid.some(usesEmbedding)
  ? await cachedEmbeddings(
      dev.map((e) => e.text),
      cache,
      'dev',
      log,
    )
  : undefined;
const ys = train.map((e) => e.label);
// The band policy (scorer.ts): the largest band whose out-of-fold share of embedded sentences stays within budget.
const maxShare = Number(args['max-band-share'] ?? 0.03);
const QUANTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995];

const results: CvResult[] = [];
const policies = new Map<CvResult, BandPolicyResult[]>();
const report = (r: CvResult) => {
  log(
    `${describe(r.candidate)}  →  CV F1 ${r.pooledBest.f1.toFixed(3)} @${r.threshold} (fold mean ${r.meanF1.toFixed(3)}; @0.5 ${r.pooledAtHalf.f1.toFixed(3)})  ${r.seconds.toFixed(0)} s`,
  );
  if (!r.parts) return;
  const rows = QUANTILES.map((q) => bandPolicy(r, ys, q));
  policies.set(r, rows);
  for (const b of rows)
    log(
      `  band policy q ${b.quantile}: band ±${b.band.toFixed(3)} logit, ${(100 * b.share).toFixed(1)}% embedded → CV F1 ${b.pooled.f1.toFixed(3)} (fold mean ${b.meanF1.toFixed(3)})`,
    );
  const none = bandPolicy(r, ys, 0);
  log(`  never embedding (partial + mean): CV F1 ${none.pooled.f1.toFixed(3)} (fold mean ${none.meanF1.toFixed(3)})`);
  if (args['dump-parts'])
    writeFileSync(
      join(cache, `parts-${r.candidate.gEmb}-${r.candidate.l2Emb ?? 'joint'}.json`),
      JSON.stringify({
        threshold: r.threshold,
        folds: r.folds,
        ys,
        ...r.parts,
        foldAbsDev: r.parts.foldAbsDev.map((d) => [...d]),
        partial: [...r.parts.partial],
        emb: [...r.parts.emb],
      }),
    );
};
// Stacked (--stacked [--residual-l2 a,b,…]): the vector as a correction on top of the model without it.
const stacked = args.stacked && grid.length === 1 && usesEmbedding(grid[0]);
let baseLogits: Float64Array | undefined;
if (stacked) {
  const l2s = (args['residual-l2'] ?? '3e-5,1e-4,3e-4,1e-3').split(',').map(Number);
  const cv = crossValidateStacked(train, gTrain, grid[0], k, eTrain!, l2s, log);
  baseLogits = cv.baseLogits;
  for (const r of [cv.base, ...cv.stacked]) {
    results.push(r);
    report(r);
  }
} else
  for (const cand of grid) {
    const r = crossValidate(train, gTrain, cand, k, eTrain);
    results.push(r);
    report(r);
  }
// What detection does is the band policy: a stacked model is chosen by its F1 under the band within budget.
const policyOf = (r: CvResult) => {
  const rows = policies.get(r) ?? [];
  return [...rows].reverse().find((b) => b.share <= maxShare) ?? rows[0];
};
const criterion = (r: CvResult) => (stacked && r.parts ? policyOf(r)!.meanF1 : stacked ? -1 : r.meanF1);
const best = results.reduce((a, b) => (criterion(b) > criterion(a) ? b : a));
log(`\nchosen: ${describe(best.candidate)}, threshold ${best.threshold}`);
const bestPolicies = policies.get(best) ?? [];
const policy = policyOf(best);
const withoutEmbedding = results.filter((r) => !usesEmbedding(r.candidate));

t = Date.now();
const xs = vectors(gTrain, best.candidate, eTrain);
let model: LinearModel;
if (stacked) {
  // The base model on all of train, and the residual on its out-of-fold logits, folded into one linear model.
  const baseModel = fit(
    gTrain.map((g) => combine(g, best.candidate.features)),
    ys,
    best.candidate.l2,
  );
  const r = fitResidual(baseLogits!, eTrain!, ys, [...ys.keys()], best.candidate.gEmb!, best.candidate.l2Emb!);
  log(`residual: ${r.s.toFixed(3)} × base logit ${r.c >= 0 ? '+' : '−'} ${Math.abs(r.c).toFixed(3)} + vector part`);
  const w = new Float64Array(DIM + EMBEDDING_DIM);
  for (let j = 0; j < DIM; j++) w[j] = r.s * baseModel.w[j];
  w.set(r.wEmb, DIM);
  model = { w, b: r.s * baseModel.b + r.c };
} else model = fit(xs, ys, best.candidate.l2, dimOf(best.candidate));
log(`final fit in ${((Date.now() - t) / 1000).toFixed(1)} s`);
const devScores = vectors(gDev, best.candidate, eDev).map((x) => sigmoid(dot(model.w, x) + model.b));
const devPrf = prf(
  devScores,
  dev.map((e) => e.label),
  best.threshold,
);

const f32 = Float32Array.from(model.w.subarray(0, DIM));
// The embedding's part over train: its mean (added when a sentence is not embedded) and the band.
let embedding: ModelFile['embedding'];
if (usesEmbedding(best.candidate) && policy) {
  const parts = xs.map((x) => embeddingPart(model.w, x));
  const mean = parts.reduce((a, b) => a + b, 0) / parts.length;
  const band = quantile(Float64Array.from(parts, (e) => Math.abs(e - mean)).sort(), policy.quantile);
  embedding = {
    encoder: ENCODER_NAME,
    dim: EMBEDDING_DIM,
    group: best.candidate.gEmb!,
    weights: Buffer.from(Float32Array.from(model.w.subarray(DIM, DIM + EMBEDDING_DIM)).buffer).toString('base64'),
    mean,
    band,
    bandQuantile: policy.quantile,
  };
  log(
    `embedding part: mean ${mean.toFixed(3)}, band ±${band.toFixed(3)} (q ${policy.quantile} of |part − mean| over train)`,
  );
}
const out: ModelFile = {
  format: embedding ? 'factdesk-checkworthiness/2' : 'factdesk-checkworthiness/1',
  createdAt: new Date().toISOString(),
  features: best.candidate.features,
  dim: DIM,
  bias: model.b,
  threshold: best.threshold,
  weights: Buffer.from(f32.buffer).toString('base64'),
  ...(embedding ? { embedding } : {}),
  ...baselines(
    train.map((e) => e.text),
    gTrain,
    model.w,
    best.candidate.features,
  ),
  training: {
    data: 'CLEF CheckThat! 2024 Task 1 English train (ClaimBuster crowdsourced), debates from ClaimBuster metadata',
    sentences: train.length,
    positives: train.filter((e) => e.label).length,
    method: `class-balanced L2 logistic regression (L-BFGS) on hashed char n-grams, word n-grams, POS/mixed n-grams, structural features${embedding ? `, and the 512-d Universal Sentence Encoder lite vector${stacked ? ' as a stacked correction on the logit' : ''} (embedded only in the band around the threshold)` : ''}`,
    l2: best.candidate.l2,
    ...(stacked
      ? {
          stacked: {
            residualL2: best.candidate.l2Emb,
            how: "base model's 5-fold out-of-fold logits (grouped by debate) and the unit vector → class-balanced logistic residual, folded into the weights; CV nested",
          },
        }
      : {}),
    cv: {
      folds: k,
      grouping: 'debate',
      f1: round(best.pooledBest.f1),
      precision: round(best.pooledBest.precision),
      recall: round(best.pooledBest.recall),
      foldMeanF1: round(best.meanF1),
      foldF1: best.foldF1.map(round),
      ...(policy
        ? {
            bandPolicy: {
              quantile: policy.quantile,
              share: round(policy.share),
              f1: round(policy.pooled.f1),
              foldMeanF1: round(policy.meanF1),
              table: bestPolicies.map((b) => ({
                quantile: b.quantile,
                band: round(b.band),
                share: round(b.share),
                f1: round(b.pooled.f1),
                foldMeanF1: round(b.meanF1),
              })),
            },
          }
        : {}),
      ...(withoutEmbedding.length && embedding
        ? {
            withoutEmbedding: withoutEmbedding.map((r) => ({
              f1: round(r.pooledBest.f1),
              foldMeanF1: round(r.meanF1),
              threshold: r.threshold,
            })),
          }
        : {}),
    },
    dev: { f1: round(devPrf.f1), precision: round(devPrf.precision), recall: round(devPrf.recall) },
    search: results.map((r) => ({
      config: describe(r.candidate),
      cvF1: round(r.pooledBest.f1),
      foldMeanF1: round(r.meanF1),
      threshold: r.threshold,
    })),
  },
};
const path = args.out ?? MODEL_PATH;
writeFileSync(path, JSON.stringify(out) + '\n');
console.log(
  `CV (${k}-fold by debate) F1 ${best.pooledBest.f1.toFixed(3)} (fold mean ${best.meanF1.toFixed(3)}) at threshold ${best.threshold}`,
);
if (policy)
  console.log(
    `band policy (q ${policy.quantile}): ${(100 * policy.share).toFixed(1)}% of sentences embedded, CV F1 ${policy.pooled.f1.toFixed(3)} (fold mean ${policy.meanF1.toFixed(3)})`,
  );
console.log(`dev (reported only, every sentence embedded): ${fmt(devPrf)}`);
console.log(`model written to ${path}`);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
