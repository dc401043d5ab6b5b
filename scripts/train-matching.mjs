// `npm run train:matching -- --data ../shared/data`: trains the claim matcher's re-ranker
// (libs/claim-matching/model/claim-matching.json) on the CheckThat! 2020 Task 2 train split. Candidates
// come from the same PostgreSQL search the worker uses (scratch database); the L2 strength is chosen by
// 5-fold cross-validation on train, and the link threshold from out-of-fold predictions. dev is not used.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureInstalled, log, run } from './lib.mjs';
import { loadVerifiedClaims, readCheckThat, sameClaim, tweetAsClaim } from './matching-data.mjs';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'min-precision': { type: 'string', default: '0.9' },
    folds: { type: 'string', default: '5' },
  },
});
const { vclaims, train } = readCheckThat(values.data, 'train:matching');

ensureInstalled();
run('npx', ['tsc', '-b', 'libs/claim-matching']);
const persistence = await import('@factdesk/persistence');
const { loadConfig } = await import('@factdesk/config');
const cm = await import('@factdesk/claim-matching');

const stats = cm.corpusStats(vclaims.map((v) => ({ text: v.text, headline: v.title })));
const blank = {
  mean: cm.FEATURE_NAMES.map(() => 0),
  scale: cm.FEATURE_NAMES.map(() => 1),
  weights: cm.FEATURE_NAMES.map(() => 0),
};
const base = {
  format: 'factdesk-claim-matching/1',
  features: [...cm.FEATURE_NAMES],
  ...blank,
  calibration: { weights: [1, 0], bias: 0 },
  threshold: 0.5,
  stats,
};
// Candidate search needs only the statistics (which words are rare), not the weights being trained.
const searcher = new cm.ClaimMatcher({ ...base, trainedOn: '', metrics: {} });
const copiesOf = sameClaim(vclaims);

const data = await loadVerifiedClaims(persistence, loadConfig(), 'factdesk_train_matching', vclaims);
const groups = [];
let found = 0;
let relevantTotal = 0;
try {
  for (let i = 0; i < train.length; i += 50) {
    const batch = train.slice(i, i + 50);
    const texts = batch.map((q) => tweetAsClaim(q.text));
    const candidates = await new persistence.ClaimMatchesRepository(data.db).candidates(
      texts.map((text) => ({ text, words: searcher.searchWords(text), excludeClaimId: null, excludeDocumentId: null })),
    );
    batch.forEach((q, j) => {
      const list = candidates.get(j) ?? [];
      const ids = list.map((c) => data.ids.get(c.id));
      relevantTotal += q.matches.length;
      found += q.matches.filter((m) => copiesOf([m]).some((id) => ids.includes(id))).length;
      const same = copiesOf(q.matches);
      groups.push({
        ids,
        uuids: list.map((c) => c.id),
        relevantIds: q.matches,
        same,
        features: cm.featureVectors(texts[j], list, stats),
        relevant: ids.map((id) => same.includes(id)),
      });
    });
  }
} finally {
  await data.close();
}
log(
  `candidates: ${(groups.reduce((s, g) => s + g.ids.length, 0) / groups.length).toFixed(1)} per tweet, holding ${((100 * found) / relevantTotal).toFixed(1)}% of the true matches (or a copy)`,
);

const folds = Number(values.folds);
log(
  `BM25 alone over these candidates: MAP@5 ${cm
    .meanAveragePrecision(
      groups.map((g) => ({
        ranked: g.ids
          .map((id, k) => [id, g.features[k][0]])
          .sort((a, b) => b[1] - a[1])
          .map(([id]) => id),
        relevant: g.relevantIds,
      })),
    )
    .toFixed(4)}`,
);
// Ties broken as ClaimMatcher.rank breaks them (by claim uuid).
const rankOf = (model, g) =>
  g.ids
    .map((id, k) => ({ id, uuid: g.uuids[k], score: cm.linearScore(model, g.features[k]) }))
    .sort((a, b) => b.score - a.score || (a.uuid < b.uuid ? -1 : 1));
function crossValidate(l2) {
  const out = [];
  for (let f = 0; f < folds; f++) {
    const model = cm.fitRanker(
      groups.filter((_, i) => i % folds !== f),
      { l2 },
    );
    groups.forEach((g, i) => i % folds === f && (out[i] = rankOf(model, g)));
  }
  return {
    out,
    map: cm.meanAveragePrecision(out.map((r, i) => ({ ranked: r.map((c) => c.id), relevant: groups[i].relevantIds }))),
  };
}
let best;
for (const l2 of [0.001, 0.01, 0.1]) {
  const cv = crossValidate(l2);
  log(`L2 ${l2}: cross-validated MAP@5 on train ${cv.map.toFixed(4)}`);
  if (!best || cv.map > best.map) best = { ...cv, l2 };
}
const model = cm.fitRanker(groups, { l2: best.l2 });
const trainMap = cm.meanAveragePrecision(
  groups.map((g) => ({ ranked: rankOf(model, g).map((c) => c.id), relevant: g.relevantIds })),
);

// Calibrate and pick the threshold on out-of-fold rankings (the candidates a link could be made to: each top 5).
const top = best.out.flatMap((r, i) =>
  r.slice(0, 5).map((c) => ({ x: [c.score, c.score - r[0].score], relevant: groups[i].same.includes(c.id) })),
);
const calibration = cm.fitLogistic(
  top.map((t) => t.x),
  top.map((t) => t.relevant),
);
const calibrated = new cm.ClaimMatcher({ ...base, calibration, trainedOn: '', metrics: {} });
const outOfFold = best.out.map((r, i) => ({
  ranked: r.map((c) => ({ id: c.id, probability: calibrated.probability(c.score, r[0].score) })),
  relevant: groups[i].same,
}));
for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const pr = cm.linkPrecisionRecall(outOfFold, t);
  log(`  at ${t}: precision ${pr.precision.toFixed(3)}, recall ${pr.recall.toFixed(3)} (${pr.kept} links)`);
}
const minPrecision = Number(values['min-precision']);
const threshold = cm.chooseThreshold(outOfFold, minPrecision);
const kept = cm.linkPrecisionRecall(outOfFold, threshold);
log(
  `L2 ${best.l2}: MAP@5 cross-validated ${best.map.toFixed(4)}, on train itself ${trainMap.toFixed(4)}; threshold ${threshold.toFixed(3)} keeps links at precision ${kept.precision.toFixed(3)}, recall ${kept.recall.toFixed(3)} (out of fold)`,
);

const round = (xs) => xs.map((x) => Number(x.toPrecision(6)));
const file = {
  ...base,
  mean: round(model.mean),
  scale: round(model.scale),
  weights: round(model.weights),
  calibration: { weights: round(calibration.weights), bias: Number(calibration.bias.toPrecision(6)) },
  threshold: Number(threshold.toPrecision(4)),
  trainedOn: `CLEF CheckThat! 2020 Task 2 English, train split (${train.length} tweets) against ${vclaims.length} verified claims`,
  metrics: {
    l2: best.l2,
    cvMap5Train: Number(best.map.toFixed(4)),
    map5TrainItself: Number(trainMap.toFixed(4)),
    candidateRecallTrain: Number((found / relevantTotal).toFixed(4)),
    minPrecision,
    thresholdPrecisionTrainCv: Number(kept.precision.toFixed(4)),
    thresholdRecallTrainCv: Number(kept.recall.toFixed(4)),
  },
};
writeFileSync(cm.MATCHER_MODEL_PATH.replace('/dist/../', '/'), `${JSON.stringify(file)}\n`);
log(`wrote ${cm.MATCHER_MODEL_PATH}`);
