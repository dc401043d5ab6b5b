// `npm run eval:matching -- --data ../shared/data`: measures the claim matching the worker uses
// (rankSimilarClaims in libs/persistence) on CLEF CheckThat! 2020 Task 2: MAP@5 of the verified claims
// ranked for each tweet, on the dev split (and train), in a scratch database of its own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInstalled, fail, log, run } from './lib.mjs';

const { values } = parseArgs({ options: { data: { type: 'string' }, split: { type: 'string', default: 'dev' }, threshold: { type: 'string', default: '0.35' } } });
const dir = values.data && join(values.data, 'claim-matching/checkthat2020_en');
if (!dir || !existsSync(join(dir, 'vclaims.jsonl'))) fail('usage: npm run eval:matching -- --data <dir with claim-matching/checkthat2020_en/{vclaims,dev,train}.jsonl> (e.g. ../shared/data)');

ensureInstalled();
run('npx', ['tsc', '-b', 'libs/persistence']);
const { createDataSource, databaseUrlWithName, dropDatabase, ensureDatabase, rankSimilarClaims, runMigrations } = await import('@factdesk/persistence');
const { loadConfig } = await import('@factdesk/config');

const read = (f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const vclaims = read('vclaims.jsonl');
const queries = read(`${values.split}.jsonl`);
// Tweets carry links, handles and a "— Name (@handle) date" signature that say nothing about the claim.
const clean = (t) => t.replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, ' ').replace(/—[^—]*$/s, ' ').replace(/#(\w+)/g, (_, h) => h.replace(/([a-z])([A-Z])/g, '$1 $2')).replace(/@/g, ' ');

const url = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_eval_matching');
await dropDatabase(url);
await ensureDatabase(url);
await runMigrations(url);
const db = createDataSource({ databaseUrl: url, poolSize: 2, applicationName: 'factdesk-eval-matching' });
await db.initialize();
try {
  const ids = new Map();
  for (let i = 0; i < vclaims.length; i += 1000) {
    const chunk = vclaims.slice(i, i + 1000);
    const rows = await db.query(`INSERT INTO claims (text, state) SELECT unnest($1::text[]), 'published' RETURNING id, text`, [chunk.map((v) => v.text)]);
    rows.forEach((r, j) => ids.set(r.id, chunk[j].id));
  }
  await db.query('ANALYZE claims');
  let sum = 0;
  const started = performance.now();
  for (const q of queries) {
    const ranked = (await rankSimilarClaims(db.manager, clean(q.text), { limit: 5, minSimilarity: Number(values.threshold) })).map((c) => ids.get(c.claimId));
    let hits = 0;
    let ap = 0;
    ranked.forEach((id, i) => {
      if (q.matches.includes(id)) {
        hits += 1;
        ap += hits / (i + 1);
      }
    });
    sum += ap / Math.min(q.matches.length, 5);
  }
  const ms = (performance.now() - started) / queries.length;
  log(`claim matching (trigram similarity >= ${values.threshold}) on CheckThat! 2020 Task 2 ${values.split}: MAP@5 ${(sum / queries.length).toFixed(4)} over ${queries.length} tweets against ${vclaims.length} verified claims (${ms.toFixed(1)} ms per query)`);
} finally {
  await db.destroy();
  await dropDatabase(url);
}
