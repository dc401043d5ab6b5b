// `npm run eval:repeats -- --data ../shared/data [--write]`: repeated claims in whole debate transcripts
// (CLEF CheckThat! 2019 Task 1, English: 19 debates and speeches, their check-worthy sentences as annotated).
// Counts the repeats the worker joins on its own (the same words, libs/domain claimTextKey), within a debate
// and across debates, and the repeats libs/domain repeatOnArrival proposes across debates (the matcher from
// REPEAT_ALERT_SIMILARITY up, both claims of REPEAT_MIN_WORDS or more) as if every other debate's claim had
// been checked; prints each proposal for a person to judge (the data has
// no labels for "same claim"). --write puts the figures in docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInstalled, fail, log, run, writeBenchSection } from './lib.mjs';

const { values } = parseArgs({ options: { data: { type: 'string' }, write: { type: 'boolean', default: false } } });
if (!values.data) fail('usage: npm run eval:repeats -- --data ../shared/data [--write]');
const dir = join(values.data, 'transcripts/checkthat2019_en');
const sentences = ['train.jsonl', 'dev.jsonl'].flatMap((f) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l)),
);
const claims = sentences.filter((s) => s.label === 1);
const debates = [...new Set(sentences.map((s) => s.debate))];

ensureInstalled();
run('npx', ['tsc', '-b', 'libs/claim-matching']);
const persistence = await import('@factdesk/persistence');
const { loadConfig } = await import('@factdesk/config');
const { rankSimilarClaims } = await import('@factdesk/claim-matching');
const { claimTextKey, REPEAT_ALERT_SIMILARITY, REPEAT_MIN_WORDS, repeatOnArrival, contentWordCount } =
  await import('@factdesk/domain');

// The same words: what joins a cluster without the matcher.
const byKey = new Map();
for (const c of claims) byKey.set(claimTextKey(c.text), [...(byKey.get(claimTextKey(c.text)) ?? []), c]);
const repeated = [...byKey.values()].filter((g) => g.length > 1);
const within = repeated.filter((g) => new Set(g.map((c) => c.debate)).size < g.length).length;
const across = repeated.filter((g) => new Set(g.map((c) => c.debate)).size > 1).length;
const joined = repeated.reduce((n, g) => n + g.length - 1, 0);

// The matcher, across debates: each debate a document, each check-worthy sentence a claim of it.
const { createDataSource, databaseUrlWithName, dropDatabase, ensureDatabase, runMigrations } = persistence;
const url = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_eval_repeats');
await dropDatabase(url);
await ensureDatabase(url);
await runMigrations(url);
const db = createDataSource({ databaseUrl: url, poolSize: 2, applicationName: 'eval-repeats' });
await db.initialize();
const proposals = [];
let ms;
try {
  const docs = await db.query(
    `INSERT INTO documents (title, format, content_hash, status)
     SELECT d, 'text', md5(d) || md5(d), 'done' FROM unnest($1::text[]) AS d RETURNING id, title`,
    [debates],
  );
  const docOf = new Map(docs.map((d) => [d.title, d.id]));
  const rows = await db.query(
    `INSERT INTO claims (text, document_id) SELECT * FROM unnest($1::text[], $2::uuid[]) RETURNING id, text, document_id`,
    [claims.map((c) => c.text), claims.map((c) => docOf.get(c.debate))],
  );
  await db.query('VACUUM ANALYZE');
  const debateOf = new Map(docs.map((d) => [d.id, d.title]));
  const textOf = new Map(rows.map((r) => [r.id, r]));
  const matches = new persistence.ClaimMatchesRepository(db);
  const started = performance.now();
  for (const r of rows) {
    // The worker's ranking (its five links), decided by the worker's rule as if every other claim were checked.
    const ranked = await rankSimilarClaims(matches, r.text, { excludeClaimId: r.id, excludeDocumentId: r.document_id });
    const decision = repeatOnArrival({
      state: 'detected',
      words: contentWordCount(r.text),
      duplicateOf: null,
      links: ranked.map((m) => ({
        headId: m.claimId,
        sameText: claimTextKey(m.text) === claimTextKey(r.text),
        similarity: m.similarity,
        headChecked: true,
        words: contentWordCount(m.text),
      })),
    });
    const best = decision.alert && !decision.join && ranked.find((m) => m.claimId === decision.alert.headId);
    if (best)
      proposals.push({
        similarity: best.similarity,
        claim: r.text,
        debate: debateOf.get(r.document_id),
        match: best.text,
        matchDebate: debateOf.get(textOf.get(best.claimId).document_id),
      });
  }
  ms = (performance.now() - started) / rows.length;
} finally {
  await db.destroy();
  await dropDatabase(url);
}
// A pair proposed both ways is one repeat.
const pairs = new Map(proposals.map((p) => [[p.claim, p.match].sort().join('\u0000'), p]));
log(
  `repeats in CheckThat! 2019 transcripts: ${claims.length} check-worthy sentences in ${debates.length} debates; ` +
    `same words: ${repeated.length} groups (${within} within a debate, ${across} across debates), ${joined} claims joined; ` +
    `proposals across debates (≥ ${REPEAT_ALERT_SIMILARITY}, ≥ ${REPEAT_MIN_WORDS} words): ${proposals.length} claims, ${pairs.size} pairs; ${ms.toFixed(1)} ms per claim`,
);
for (const p of [...pairs.values()].sort((a, b) => b.similarity - a.similarity))
  log(`  ${p.similarity.toFixed(3)}  [${p.debate}] ${p.claim}\n         [${p.matchDebate}] ${p.match}`);

if (values.write) {
  writeBenchSection(
    'eval:repeats',
    `
Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run eval:repeats -- --data ../shared/data --write\`:
the ${claims.length} sentences annotated check-worthy in CLEF CheckThat! 2019 Task 1 (English, ${debates.length} debates and
speeches, train and dev), each debate a document.

| what | count |
| --- | ---: |
| groups of the same words (joined without the matcher) | ${repeated.length} |
| … within one debate | ${within} |
| … across debates | ${across} |
| claims that join a cluster on their own | ${joined} |
| claims proposed as a repeat of another debate's claim (matcher ≥ ${REPEAT_ALERT_SIMILARITY}, both ≥ ${REPEAT_MIN_WORDS} words) | ${proposals.length} |
| distinct pairs proposed | ${pairs.size} |

${ms.toFixed(1)} ms per claim for the proposal search (rankSimilarClaims against the other debates' claims).
The data has no labels for "the same claim", so the proposals' precision here is a person's reading of the
printed pairs (see the note below the table when one was made); on CheckThat! 2020 Task 2, where such labels exist,
eval:matching reports it.
`,
  );
  log('wrote docs/benchmarks.md');
}
