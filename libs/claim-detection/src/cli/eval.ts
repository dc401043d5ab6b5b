#!/usr/bin/env node
/**
 * Evaluate the shipped check-worthiness model.
 *   npm run eval:claims -- --data ../shared/data [--folds 5] [--no-cv] [--embeddings-cache /tmp/factdesk-emb]
 * Prints P/R/F1 of the check-worthy class on CheckThat! 2024 dev (shipped model, shipped threshold)
 * and a debate-grouped cross-validation on train with the shipped configuration (refitted per fold). With a
 * sentence-vector model the CV embeds train (cached outside the repository; about 10 minutes the first time) and
 * reports the full model and the band policy the detector applies (only sentences near the threshold embedded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultScorer, MODEL_PATH, prepare, ROLE_PENALTY, type ModelFile } from '../scorer.js';
import { scoreAll, scoreSentences } from '../detect.js';
import { fmt, loadDev, loadTrain, parseArgs, prf, requireData } from '../train/data.js';
import { cachedEmbeddings } from '../train/embeddings.js';
import { bandPolicy, crossValidate, describe, featurise, type Candidate } from '../train/experiment.js';
import { crossValidateStacked } from '../train/stacked.js';
import { askingRoles, averagePrecision, loadTranscripts, TRANSCRIPTS } from '../train/ranking.js';

const args = parseArgs(process.argv.slice(2));
const root = requireData(args.data);
const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;
const l2 = Number((model.training as { l2?: number }).l2 ?? 1e-4);
const residualL2 = (model.training as { stacked?: { residualL2: number } }).stacked?.residualL2;
const cand: Candidate = {
  features: model.features,
  l2,
  ...(model.embedding ? { gEmb: model.embedding.group } : {}),
  ...(residualL2 !== undefined ? { l2Emb: residualL2 } : {}),
};
console.log(`model: ${MODEL_PATH}\n  ${describe(cand)}, threshold ${model.threshold}, trained ${model.createdAt}`);

const dev = loadDev(root);
const t0 = Date.now();
const scores = (await scoreSentences(dev.map((e) => e.text))).map((s) => s.score);
const labels = dev.map((e) => e.label);
console.log(`\nCheckThat! 2024 dev (${dev.length} sentences; shares debates with train, so optimistic):`);
console.log(`  at threshold ${model.threshold}: ${fmt(prf(scores, labels, model.threshold))}`);
console.log(`  at 0.5:            ${fmt(prf(scores, labels, 0.5))}`);
console.log(`  scored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

if (!args['no-cv']) {
  const k = Number(args.folds ?? 5);
  const train = loadTrain(root);
  console.log(
    `\nDebate-grouped ${k}-fold cross-validation on train (${train.length} sentences, ${new Set(train.map((e) => e.debate)).size} debates), shipped configuration refitted per fold:`,
  );
  const groups = featurise(train, model.features);
  const embeddings = model.embedding
    ? await cachedEmbeddings(
        train.map((e) => e.text),
        args['embeddings-cache'] ?? '/tmp/factdesk-emb',
        'train',
        (s) => process.stderr.write(s + '\n'),
      )
    : undefined;
  const stacked = (model.training as { stacked?: { residualL2: number } }).stacked;
  const stackedCv = stacked ? crossValidateStacked(train, groups, cand, k, embeddings!, [stacked.residualL2]) : null;
  if (stackedCv)
    // Nested: the residual of each outer fold is fitted on inner out-of-fold base logits (see crossValidateStacked).
    console.log(
      `  the model without the vector (base): best threshold ${stackedCv.base.threshold}: ${fmt(stackedCv.base.pooledBest)} (fold mean ${stackedCv.base.meanF1.toFixed(3)})`,
    );
  const r = stackedCv ? stackedCv.stacked[0] : crossValidate(train, groups, cand, k, embeddings);
  const ys = train.map((e) => e.label);
  const full = model.embedding ? ' (every sentence embedded)' : '';
  console.log(`  at shipped threshold ${model.threshold}${full}: ${fmt(prf(r.oof, ys, model.threshold))}`);
  console.log(`  best threshold on these folds (${r.threshold}): ${fmt(r.pooledBest)}`);
  console.log(
    `  per-fold F1 at ${r.threshold}: ${r.foldF1.map((f) => f.toFixed(3)).join(' ')} (mean ${r.meanF1.toFixed(3)})`,
  );
  if (model.embedding) {
    const b = bandPolicy(r, ys, model.embedding.bandQuantile, model.threshold);
    console.log(
      `  band policy as shipped (q ${model.embedding.bandQuantile}, band ±${b.band.toFixed(3)} logit per fold): ${(100 * b.share).toFixed(1)}% embedded, ${fmt(b.pooled)} (fold mean ${b.meanF1.toFixed(3)})`,
    );
    const none = bandPolicy(r, ys, 0, model.threshold);
    console.log(`  never embedding (partial + mean part): ${fmt(none.pooled)}`);
  }
}

// Ranking on whole transcripts (CheckThat! 2019 Task 1): each line's text scored directly (no document structure),
// lines of each debate ranked by score, mean average precision over debates (the 2019 task's metric).
const transcripts = loadTranscripts(root);
if (!transcripts) console.log(`\nCheckThat! 2019 transcripts: skipped (no ${join(root, TRANSCRIPTS)})`);
else {
  const scorer = defaultScorer();
  const rows: string[] = [];
  const ap = { text: [] as number[], role: [] as number[] };
  for (const [debate, lines] of [...transcripts.entries()].sort()) {
    const roles = askingRoles(lines);
    const inputs = lines.map((l) => prepare(l.text));
    // As detection scores them: the sentences near the threshold embedded (band policy).
    const plain = (await scoreAll(scorer, inputs, scorer.threshold)).map((o) => o.score);
    const withRole = (
      await scoreAll(
        scorer,
        inputs.map((i, n) => ({ ...i, speakerRole: roles.get(lines[n].speaker) })),
        scorer.threshold,
      )
    ).map((o) => o.score);
    const labels = lines.map((l) => l.label);
    const a = averagePrecision(plain, labels);
    const b = averagePrecision(withRole, labels);
    ap.text.push(a);
    ap.role.push(b);
    rows.push(
      `  ${debate.padEnd(28)} ${String(lines.length).padStart(5)} lines ${String(labels.filter(Boolean).length).padStart(4)} checked  AP ${a.toFixed(3)}  with roles ${b.toFixed(3)}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  console.log(`\nCheckThat! 2019 Task 1 transcripts (${transcripts.size} debates; lines' texts scored directly):`);
  console.log(rows.join('\n'));
  console.log(`  MAP (text only): ${mean(ap.text).toFixed(3)}`);
  console.log(
    `  MAP (moderator/questioner lines lowered by ROLE_PENALTY ${ROLE_PENALTY}): ${mean(ap.role).toFixed(3)}`,
  );
}
