#!/usr/bin/env node
/**
 * Train the check-worthiness model: pick features, L2 and threshold by debate-grouped
 * cross-validation on CheckThat! 2024 train, refit on all of train, write model/checkworthiness.json.
 * Dev is reported, never used for choices.
 *
 *   npm run train:claims -- --data ../shared/data [--folds 5] [--quick] [--out <file>]
 *   npm run train:claims -- --data ../shared/data --baselines   (only recompute the reasons' baselines of the
 *                                                                 shipped model, no refit)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_FEATURES, DIM, combine, type FeatureConfig } from '../features.js';
import { MODEL_PATH, type ModelFile } from '../scorer.js';
import { fmt, loadDev, loadTrain, parseArgs, prf, requireData } from '../train/data.js';
import { dot, sigmoid } from '../train/logreg.js';
import {
  baselines,
  crossValidate,
  describe,
  featurise,
  fit,
  type Candidate,
  type CvResult,
} from '../train/experiment.js';

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
  // Fixed configuration (no search): --l2 <x> [--word w] [--pos p] [--struct s]
  grid.push({
    features: feat(Number(args.word ?? 0), Number(args.pos ?? 0.5), Number(args.struct ?? 0.5)),
    l2: Number(args.l2),
  });
} else if (args.quick) {
  grid.push({ features: feat(0, 0.5, 0.5), l2: 1e-4 });
} else {
  // A first search (l2 3e-5..3e-4 × {chars, +pos/struct 0.5, +pos 0.7/struct 1, +words 0.5}) favoured the
  // smallest penalty and all groups on; this grid brackets that optimum.
  for (const f of [feat(0, 0, 0), feat(0, 0.5, 0.5), feat(0.5, 0.5, 0.5), feat(0.5, 0.7, 1)]) {
    for (const l2 of [1e-5, 3e-5, 1e-4]) grid.push({ features: f, l2 });
  }
}

const results: CvResult[] = [];
for (const cand of grid) {
  const r = crossValidate(train, gTrain, cand, k);
  results.push(r);
  log(
    `${describe(cand)}  →  CV F1 ${r.pooledBest.f1.toFixed(3)} @${r.threshold} (fold mean ${r.meanF1.toFixed(3)}; @0.5 ${r.pooledAtHalf.f1.toFixed(3)})  ${r.seconds.toFixed(0)} s`,
  );
}
const best = results.reduce((a, b) => (b.meanF1 > a.meanF1 ? b : a));
log(`\nchosen: ${describe(best.candidate)}, threshold ${best.threshold}`);

t = Date.now();
const xs = gTrain.map((g) => combine(g, best.candidate.features));
const model = fit(
  xs,
  train.map((e) => e.label),
  best.candidate.l2,
);
log(`final fit in ${((Date.now() - t) / 1000).toFixed(1)} s`);
const devScores = gDev.map((g) => sigmoid(dot(model.w, combine(g, best.candidate.features)) + model.b));
const devPrf = prf(
  devScores,
  dev.map((e) => e.label),
  best.threshold,
);

const f32 = Float32Array.from(model.w);
const out: ModelFile = {
  format: 'factdesk-checkworthiness/1',
  createdAt: new Date().toISOString(),
  features: best.candidate.features,
  dim: DIM,
  bias: model.b,
  threshold: best.threshold,
  weights: Buffer.from(f32.buffer).toString('base64'),
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
    method:
      'class-balanced L2 logistic regression (L-BFGS) on hashed char n-grams, POS/mixed n-grams, structural features',
    l2: best.candidate.l2,
    cv: {
      folds: k,
      grouping: 'debate',
      f1: round(best.pooledBest.f1),
      precision: round(best.pooledBest.precision),
      recall: round(best.pooledBest.recall),
      foldMeanF1: round(best.meanF1),
      foldF1: best.foldF1.map(round),
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
console.log(`dev (reported only): ${fmt(devPrf)}`);
console.log(`model written to ${path}`);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
