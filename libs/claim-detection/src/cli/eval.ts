#!/usr/bin/env node
/**
 * Evaluate the shipped check-worthiness model.
 *   npm run eval:claims -- --data ../shared/data [--folds 5] [--no-cv]
 * Prints P/R/F1 of the check-worthy class on CheckThat! 2024 dev (shipped model, shipped threshold)
 * and a debate-grouped cross-validation on train with the shipped configuration (refitted per fold).
 */
import { readFileSync } from 'node:fs';
import { combine } from '../features.js';
import { MODEL_PATH, type ModelFile } from '../scorer.js';
import { scoreSentences } from '../detect.js';
import { fmt, loadDev, loadTrain, parseArgs, prf, requireData } from '../train/data.js';
import { crossValidate, describe, featurise } from '../train/experiment.js';

const args = parseArgs(process.argv.slice(2));
const root = requireData(args.data);
const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;
const l2 = Number((model.training as { l2?: number }).l2 ?? 1e-4);
const cand = { features: model.features, l2 };
console.log(`model: ${MODEL_PATH}\n  ${describe(cand)}, threshold ${model.threshold}, trained ${model.createdAt}`);

const dev = loadDev(root);
const t0 = Date.now();
const scores = scoreSentences(dev.map((e) => e.text)).map((s) => s.score);
const labels = dev.map((e) => e.label);
console.log(`\nCheckThat! 2024 dev (${dev.length} sentences; shares debates with train, so optimistic):`);
console.log(`  at threshold ${model.threshold}: ${fmt(prf(scores, labels, model.threshold))}`);
console.log(`  at 0.5:            ${fmt(prf(scores, labels, 0.5))}`);
console.log(`  scored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

if (!args['no-cv']) {
  const k = Number(args.folds ?? 5);
  const train = loadTrain(root);
  console.log(`\nDebate-grouped ${k}-fold cross-validation on train (${train.length} sentences, ${new Set(train.map((e) => e.debate)).size} debates), shipped configuration refitted per fold:`);
  const groups = featurise(train, model.features);
  const r = crossValidate(train, groups, cand, k);
  const ys = train.map((e) => e.label);
  console.log(`  at shipped threshold ${model.threshold}: ${fmt(prf(r.oof, ys, model.threshold))}`);
  console.log(`  best threshold on these folds (${r.threshold}): ${fmt(r.pooledBest)}`);
  console.log(`  per-fold F1 at ${r.threshold}: ${r.foldF1.map((f) => f.toFixed(3)).join(' ')} (mean ${r.meanF1.toFixed(3)})`);
  void combine;
}
