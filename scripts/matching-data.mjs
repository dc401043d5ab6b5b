// Shared by eval:matching and train:matching: CLEF CheckThat! 2020 Task 2 (English) loaded into a scratch
// database as the product stores it, so both run the same candidate search the worker runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from './lib.mjs';

const DATA_DIR = 'claim-matching/checkthat2020_en';

/** The data set's files: {vclaims, train, dev}; exits with a usage line when `data` does not hold them. */
export function readCheckThat(data, script) {
  const dir = data && join(data, DATA_DIR);
  if (!dir || !['vclaims', 'train', 'dev'].every((f) => existsSync(join(dir, `${f}.jsonl`)))) {
    fail(`usage: npm run ${script} -- --data <dir with ${DATA_DIR}/{vclaims,train,dev}.jsonl> (e.g. ../shared/data)`);
  }
  const read = (f) =>
    readFileSync(join(dir, `${f}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  return { vclaims: read('vclaims'), train: read('train'), dev: read('dev') };
}

/**
 * A tweet as a claim: links, the trailing "(@handle) Month d, yyyy" and the "@" of mentions say nothing about
 * the claim and are dropped; the author's name stays (who said it is part of the claim, as a claim's
 * speaker is in the product); hashtags are split into words (#DefundTheCBC → Defund The CBC).
 */
export const tweetAsClaim = (t) =>
  t
    .replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, ' ')
    .replace(/\(@\w+\)\s*\w+ \d+, \d{4}\s*$/s, ' ')
    .replace(/#(\w+)/g, (_, h) => h.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/@/g, ' ');

/**
 * The verified claims in a fixed pseudo-random order. Every true match of train and dev is among verified
 * claims 0–999 and the rest are distractors, some of them copies of a true match with other quote marks:
 * loaded in id order, the table's physical order (which breaks ties under LIMIT) would tell true matches
 * from their copies.
 */
function shuffled(items) {
  let seed = 20200914;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A fresh database `name` holding each verified claim as a claim with a published fact-check whose headline
 * is the Snopes article title. Returns the data source and a map claim uuid → verified claim id.
 */
export async function loadVerifiedClaims(persistence, config, name, verified) {
  const vclaims = shuffled(verified);
  const { createDataSource, databaseUrlWithName, dropDatabase, ensureDatabase, runMigrations } = persistence;
  const url = databaseUrlWithName(config.databaseUrl, name);
  await dropDatabase(url);
  await ensureDatabase(url);
  await runMigrations(url);
  const db = createDataSource({ databaseUrl: url, poolSize: 2, applicationName: name });
  await db.initialize();
  const [user] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('eval@factdesk.invalid', 'Eval', 'admin', 'x') RETURNING id`,
  );
  const ids = new Map();
  for (let i = 0; i < vclaims.length; i += 1000) {
    const chunk = vclaims.slice(i, i + 1000);
    const rows = await db.query(
      `INSERT INTO claims (text, state) SELECT unnest($1::text[]), 'published' RETURNING id`,
      [chunk.map((v) => v.text)],
    );
    rows.forEach((r, j) => ids.set(r.id, chunk[j].id));
    await db.query(
      `WITH fc AS (
         INSERT INTO fact_checks (claim_id, slug, published_at, published_by_id)
         SELECT c, 'vclaim-' || v, now(), $3 FROM unnest($1::uuid[], $2::text[]) AS t(c, v)
         RETURNING id, claim_id
       )
       INSERT INTO fact_check_versions (fact_check_id, version, verdict_version, snapshot, created_by_id)
       SELECT fc.id, 1, 1, jsonb_build_object('headline', t.headline), $3
       FROM fc JOIN unnest($1::uuid[], $4::text[]) AS t(c, headline) ON t.c = fc.claim_id`,
      [rows.map((r) => r.id), chunk.map((v) => v.id), user.id, chunk.map((v) => v.title)],
    );
  }
  // As autovacuum would on a live database: merges the full-text index's pending list and gathers statistics.
  await db.query('VACUUM ANALYZE');
  return {
    db,
    ids,
    async close() {
      await db.destroy();
      await dropDatabase(url);
    },
  };
}

/**
 * For each verified claim, the ids of the verified claims with the same text but for punctuation and case
 * (the collection holds 184 such groups, e.g. a claim stored once with "double" and once with 'single'
 * quotes). Linking a tweet to such a copy of its true match is right for a newsroom, but the official
 * labels name one copy only: training, calibration and the precision/recall of kept links count every copy,
 * MAP@5 keeps the official labels.
 */
export function sameClaim(vclaims) {
  const key = (t) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const groups = new Map();
  for (const v of vclaims) groups.set(key(v.text), [...(groups.get(key(v.text)) ?? []), v.id]);
  const textOf = new Map(vclaims.map((v) => [v.id, v.text]));
  return (ids) => [...new Set(ids.flatMap((id) => groups.get(key(textOf.get(id) ?? '')) ?? [id]))];
}
