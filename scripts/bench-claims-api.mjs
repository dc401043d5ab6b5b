// `npm run bench:claims-api`: p50/p99 and requests/s of GET /api/claims — every filter, search and sort the
// inbox offers, and a deep keyset page — with 100,000 claims in a database of its own (factdesk_bench_claims),
// signed in as an editor, 10 concurrent connections (autocannon) against the built API. Target: p99 under
// 50 ms for each. Claim texts come from the samples in fixtures/ and, when present, the check-worthiness
// sentences in ../shared/data (read at bench time, never stored in the repository). Writes the table to
// docs/benchmarks.md. Not part of `npm test`. One file (~410 lines): the seeding, the cases and the report belong to
// this benchmark alone.
//
// Options: --claims N (100000), --duration S per case (5), --connections N (10), --port P (3937),
// --data DIR (../shared/data), --only SUBSTRING (cases whose name contains it; docs left alone), --reuse
// (keep the seeded database of a previous run when it holds as many claims).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  demoEditorCookie,
  ensureInstalled,
  fail,
  loadAverage,
  log,
  machine,
  root,
  run,
  waitForUrl,
  writeBenchSection,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    claims: { type: 'string', default: process.env.BENCH_CLAIMS ?? '100000' },
    duration: { type: 'string', default: process.env.BENCH_DURATION_SECONDS ?? '5' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3937' },
    data: { type: 'string', default: join(root, '../shared/data') },
    only: { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
});
const CLAIMS = Number(opts.claims);
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const PORT = Number(opts.port);
const TARGET_P99_MS = 50;
/** Claims per state, for the report (set once the database is seeded). */
let seededSummary = '';
if (!(CLAIMS >= 1000) || !(DURATION > 0) || !(CONNECTIONS > 0))
  fail('usage: npm run bench:claims-api -- [--claims N≥1000] [--duration seconds] [--connections N]');

ensureInstalled();
run('npx', ['tsc', '-b', 'apps/api']);
const { loadConfig } = await import('@factdesk/config');
const { databaseUrlWithName, dropDatabase, ensureDatabase, runMigrations } = await import('@factdesk/persistence');
const { default: autocannon } = await import('autocannon');
const { default: pg } = await import('pg');

const databaseUrl = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_bench_claims');
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_URL: databaseUrl,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  REDIS_PREFIX: 'factdesk-bench-claims',
};
const db = new pg.Client({ connectionString: databaseUrl });

if (!(opts.reuse && (await seededClaims()) === CLAIMS)) {
  log(`seeding ${CLAIMS.toLocaleString('en')} claims into ${databaseUrl.replace(/\/\/[^@]*@/, '//')}…`);
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  // The rating scale and the demo users, as `npm run seed` makes them: the bench signs in as the demo editor.
  const seeded = spawnSync('node', ['apps/api/dist/cli/seed.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (seeded.status !== 0) fail('seeding the rating scale and demo users failed');
  await db.connect();
  const started = performance.now();
  await seed(sentences());
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  await runMigrations(databaseUrl); // a database seeded before the latest migrations gets their indexes
  await db.connect();
  log(`reusing the ${CLAIMS.toLocaleString('en')} claims already in factdesk_bench_claims`);
}

const api = spawn('node', ['apps/api/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
api.on('exit', (code) => code && code !== 143 && fail(`the API exited with ${code}`));
process.on('exit', () => api.kill('SIGTERM'));
const base = `http://127.0.0.1:${PORT}`;
await waitForUrl(`${base}/api/health`);
const login = await demoEditorCookie(base, env.DEMO_PASSWORD);
if (!login.cookie) fail(`signing in as the demo editor answered ${login.status}`);
const headers = { cookie: login.cookie };

const cases = await benchCases();
const selected = cases.filter((c) => !opts.only || c.name.includes(opts.only));
const loadBefore = loadAverage();
const results = [];
for (const c of selected) {
  const url = `${base}/api/claims?${new URLSearchParams({ limit: '50', ...c.params })}`;
  // Correct before fast: every case must answer 200 with a page (and, where the case says so, not an empty one).
  const check = await fetch(url, { headers });
  const page = check.ok ? await check.json() : null;
  if (!page) fail(`${c.name}: ${check.status} ${await check.text()}`);
  await cannon(url, 1); // warm-up: JIT, plan cache, buffers
  const r = await cannon(url, DURATION);
  if (r.non2xx || r.errors || r.timeouts)
    fail(`${c.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts`);
  results.push({
    ...c,
    rows: page.items.length,
    more: !!page.nextCursor,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
  });
  log(
    `${c.name}: ${page.items.length}${page.nextCursor ? '+' : ''} rows, ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
  );
}
const loadAfter = loadAverage();
await db.end();

const missed = results.filter((r) => r.p99 >= TARGET_P99_MS);
// A partial run (--only) is for investigating: it leaves the recorded table alone.
if (opts.only) {
  log(
    `--only: docs/benchmarks.md left as it was${missed.length ? `; p99 ≥ ${TARGET_P99_MS} ms: ${missed.map((m) => m.name).join(', ')}` : ''}`,
  );
  process.exit(0);
}
// Ids shortened and cursors left out: the case's name says whose they are.
const query = (params) =>
  (Object.keys(params).length
    ? Object.entries(params)
        .map(([k, v]) => `${k}=${k === 'cursor' ? '…' : v.replace(/^([0-9a-f]{8})-[0-9a-f-]{27}$/, '$1…')}`)
        .join('&')
    : '(none)'
  ).replace(/\|/g, '\\|');
writeBenchSection(
  'bench:claims-api',
  `## Claims inbox: list, filters, search and sorts (\`npm run bench:claims-api\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}: ${CLAIMS.toLocaleString('en')} claims in PostgreSQL
(${seededSummary}), the built API (one process, \`LOG_LEVEL=warn\`), signed in as an editor,
GET /api/claims with \`limit=50\` as the web app asks, ${CONNECTIONS} connections for ${DURATION} s per case (autocannon, after
a 1 s warm-up); the load generator shares the machine with the API and PostgreSQL. Load average (1 / 5 / 15 min)
${loadBefore} before, ${loadAfter} after. Target: p99 under ${TARGET_P99_MS} ms for every case — ${missed.length ? `**missed by ${missed.length} of ${results.length}**` : `met by all ${results.length}`}.

| case | query (besides \`limit=50\`) | rows | requests/s | p50 ms | p99 ms | p99 < ${TARGET_P99_MS} ms |
| --- | --- | ---: | ---: | ---: | ---: | --- |
${results.map((r) => `| ${r.name} | \`${query(r.params)}\` | ${r.rows}${r.more ? '+' : ''} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.p99 < TARGET_P99_MS ? '✓' : '✗'} |`).join('\n')}

"rows" is the size of the page answered (+ when there is a next page). How a page is served
(apps/api/src/claims/claims.query.ts): the filters and the sort pick the page's ids first, read in order off
an index where one matches — (score, id), (created_at, id), (coalesce(said_at, created_at), id), (state, …, id),
(coalesce(due_at, infinity), id), and (assignee_id, score or due date, id) over the claims' trigger-kept copy of
their active assignment — and only those rows are decorated with speaker, document, assignee and "checked before";
a search sorted by relevance ranks its 500 newest matches; statements without speaker, date, score or search
values run prepared (one generic plan per connection); sessions come from the API's memory; no parallel workers.`,
);
log(
  `wrote docs/benchmarks.md${missed.length ? `; p99 ≥ ${TARGET_P99_MS} ms: ${missed.map((m) => m.name).join(', ')}` : ''}`,
);
process.exit(0);

function cannon(url, duration) {
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

async function seededClaims() {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return Number((await probe.query('SELECT count(*) FROM claims')).rows[0].count);
  } catch {
    return -1;
  } finally {
    await probe.end().catch(() => {});
  }
}

/** Sentences to make claims of: the samples' sentences, and the public check-worthiness sentences when present. */
function sentences() {
  const out = new Set();
  for (const f of readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt'))) {
    for (const s of readFileSync(join(root, 'fixtures', f), 'utf8').split(/(?<=[.!?])\s+/))
      out.add(s.replace(/^[^:\n]{1,40}:\s*/, '').trim());
  }
  const dir = join(opts.data, 'checkworthiness');
  if (existsSync(dir)) {
    for (const sub of readdirSync(dir)) {
      for (const f of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.jsonl'))) {
        for (const line of readFileSync(join(dir, sub, f), 'utf8').split('\n'))
          if (line) out.add(JSON.parse(line).text.trim());
      }
    }
  } else log(`${dir} not found: claim texts come from the samples only`);
  const list = [...out].filter((s) => s.length >= 20 && s.length <= 600);
  log(`${list.length.toLocaleString('en')} distinct sentences to draw claim texts from`);
  return list;
}

/**
 * Set-based: a few INSERT … SELECT statements over generate_series and the sentence list. Claims come in
 * documents of ~50 (5% entered by hand), from 300 speakers of very different output, with states spread
 * over the workflow, active assignments (some to the editor who signs in) with due dates, verdicts,
 * fact-checks for published claims, and "checked before" links to them.
 */
async function seed(texts) {
  const documents = Math.ceil(CLAIMS / 50);
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO users (email, name, role, password_hash) SELECT 'reviewer' || g || '@bench.factdesk', 'Reviewer ' || g, 'reviewer', 'x' FROM generate_series(1, 20) g`,
  );
  await db.query(`INSERT INTO speakers (name) SELECT 'Speaker ' || g FROM generate_series(1, 300) g`);
  await db.query(
    `INSERT INTO documents (title, outlet, format, original_text, content_hash, status, progress, created_at, completed_at)
     SELECT 'Transcript ' || g, 'Outlet ' || (g % 12), 'text', 'Transcript ' || g, md5(g::text) || md5('d' || g), 'done', 100, t, t
     FROM generate_series(1, $1) g, LATERAL (SELECT now() - interval '365 days' * (1 - g::float / $1)) AS x(t)`,
    [documents],
  );
  await db.query('CREATE TEMP TABLE pool (i int PRIMARY KEY, text text) ON COMMIT DROP');
  await db.query('INSERT INTO pool SELECT i - 1, t FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i)', [texts]);
  await db.query(
    'CREATE TEMP TABLE ids ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY created_at) AS n, id, created_at FROM documents',
  );
  await db.query(
    'CREATE TEMP TABLE people ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM users',
  );
  await db.query(
    'CREATE TEMP TABLE voices ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY name) - 1 AS n, id FROM speakers',
  );
  const editor = (await db.query(`SELECT id FROM users WHERE email = 'editor@demo.factdesk'`)).rows[0].id;
  // r: a uniform draw per claim deciding its state; the rest drawn independently.
  await db.query(
    `INSERT INTO claims (document_id, text, speaker_id, start_offset, end_offset, said_at, score, checkworthy, reasons, claim_type, state, dismissal_reason, created_by_id, created_at, updated_at)
     SELECT CASE WHEN manual THEN NULL ELSE d.id END, p.text, v.id,
            CASE WHEN manual THEN NULL ELSE g * 10 END, CASE WHEN manual THEN NULL ELSE g * 10 + length(p.text) END,
            CASE WHEN random() < 0.1 THEN NULL ELSE created - interval '1 hour' * (random() * 72) END,
            score, score >= 0.5,
            CASE WHEN score >= 0.5 THEN '["Contains a number","Names a statistic"]'::jsonb ELSE '["Opinion words"]'::jsonb END,
            (enum_range(NULL::claim_type))[1 + floor(random() * 9)::int],
            state, CASE WHEN state = 'dismissed' THEN 'Not check-worthy' END,
            CASE WHEN manual THEN $3::uuid END, created, created
     FROM (SELECT g, random() < 0.05 AS manual, power(random(), 0.7)::real AS score, random() AS r,
                  1 + (g - 1) / 50 AS doc, floor(300 * power(random(), 3))::int AS voice
           FROM generate_series(1, $1) g) x
     JOIN ids d ON d.n = x.doc
     JOIN voices v ON v.n = x.voice
     JOIN pool p ON p.i = (g * 7919) % $2
     CROSS JOIN LATERAL (SELECT d.created_at + interval '1 millisecond' * (g % 50) AS created,
       (CASE WHEN r < 0.45 THEN 'detected' WHEN r < 0.60 THEN 'dismissed' WHEN r < 0.68 THEN 'accepted'
             WHEN r < 0.74 THEN 'assigned' WHEN r < 0.79 THEN 'in_progress' WHEN r < 0.81 THEN 'changes_requested'
             WHEN r < 0.85 THEN 'in_review' WHEN r < 0.87 THEN 'approved' WHEN r < 0.97 THEN 'published'
             WHEN r < 0.99 THEN 'corrected' ELSE 'retracted' END)::claim_state AS state) s`,
    [CLAIMS, texts.length, editor],
  );
  // Each speaker's part in each document, as detection records it: one voice in ten moderates (the busiest
  // among them, as debate moderators are), so "To triage" leaves their lines out.
  await db.query(
    `INSERT INTO document_speakers (document_id, speaker_id, detected_role)
     SELECT DISTINCT c.document_id, c.speaker_id, (CASE WHEN v.n % 10 = 0 THEN 'moderator' ELSE 'participant' END)::speaker_role
     FROM claims c JOIN voices v ON v.id = c.speaker_id WHERE c.document_id IS NOT NULL`,
  );
  // Assignments: active for claims being worked on, completed for those past review; one in 21 to the editor.
  await db.query(
    `INSERT INTO assignments (claim_id, assignee_id, assigned_by_id, due_at, state, created_at, ended_at)
     SELECT c.id, u.id, $1, CASE WHEN random() < 0.8 THEN c.created_at + interval '1 day' * (1 + random() * 14) END,
            a.state, c.created_at + interval '1 hour', CASE WHEN a.state = 'completed' THEN c.created_at + interval '3 days' END
     FROM claims c
     CROSS JOIN LATERAL (SELECT (CASE WHEN c.state IN ('assigned', 'in_progress', 'changes_requested', 'in_review') THEN 'active' ELSE 'completed' END)::assignment_state AS state,
                                floor(random() * 21)::int AS who) a
     JOIN people u ON u.n = a.who
     WHERE c.state IN ('assigned', 'in_progress', 'changes_requested', 'in_review', 'approved', 'published', 'corrected', 'retracted')`,
    [editor],
  );
  await db.query(
    `INSERT INTO verdicts (claim_id, author_id, version, state, rating_id, headline, conclusion, analysis, submitted_at, created_at, updated_at)
     SELECT c.id, a.assignee_id, 1,
            (CASE c.state WHEN 'in_progress' THEN 'draft' WHEN 'changes_requested' THEN 'changes_requested' WHEN 'in_review' THEN 'submitted'
                          WHEN 'approved' THEN 'approved' ELSE 'published' END)::verdict_state,
            (SELECT id FROM ratings ORDER BY position OFFSET abs(hashtext(c.id::text)) % 6 LIMIT 1),
            'What the figures say', 'The official statistics tell a different story.', 'Analysis.', c.created_at + interval '2 days', c.created_at, c.created_at
     FROM claims c JOIN assignments a ON a.claim_id = c.id
     WHERE c.state IN ('in_progress', 'changes_requested', 'in_review', 'approved', 'published', 'corrected', 'retracted')`,
  );
  await db.query(
    `INSERT INTO fact_checks (claim_id, slug, state, current_version, speaker_id, rating_id, published_at, published_by_id, retracted_at)
     SELECT c.id, 'check-' || row_number() OVER (ORDER BY c.created_at, c.id),
            (CASE c.state WHEN 'published' THEN 'published' WHEN 'corrected' THEN 'corrected' ELSE 'retracted' END)::fact_check_state,
            CASE WHEN c.state = 'corrected' THEN 2 ELSE 1 END, c.speaker_id, v.rating_id, c.created_at + interval '4 days', $1,
            CASE WHEN c.state = 'retracted' THEN c.created_at + interval '9 days' END
     FROM claims c JOIN verdicts v ON v.claim_id = c.id
     WHERE c.state IN ('published', 'corrected', 'retracted')`,
    [editor],
  );
  await db.query('UPDATE publication_events SET dispatched_at = now()');
  // One claim in 20 was checked before: linked to a published fact-check's claim.
  await db.query(
    `INSERT INTO claim_matches (claim_id, kind, matched_claim_id, similarity)
     SELECT c.id, 'fact_check', f.claim_id, (0.5 + random() * 0.5)::real
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM claims WHERE random() < 0.05) c
     JOIN (SELECT claim_id, row_number() OVER (ORDER BY claim_id) - 1 AS n, count(*) OVER () AS total FROM fact_checks) f ON f.n = c.n % f.total`,
  );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
}

/** The cases: the inbox's views, each filter alone, each sort, searches, and deep keyset pages. */
async function benchCases() {
  const one = async (sql, params = []) => (await db.query(sql, params)).rows[0];
  const counts = await db.query('SELECT state, count(*)::int AS n FROM claims GROUP BY state ORDER BY state');
  seededSummary = counts.rows.map((r) => `${r.state} ${r.n.toLocaleString('en')}`).join(', ');
  const busiest = await one(
    'SELECT speaker_id AS id, count(*)::int AS n FROM claims GROUP BY speaker_id ORDER BY n DESC LIMIT 1',
  );
  const quiet = await one(
    'SELECT speaker_id AS id, count(*)::int AS n FROM claims GROUP BY speaker_id ORDER BY n, speaker_id LIMIT 1 OFFSET 150',
  );
  const document = await one(
    'SELECT document_id AS id FROM claims WHERE document_id IS NOT NULL GROUP BY document_id ORDER BY count(*) DESC, document_id LIMIT 1',
  );
  const reviewer = await one(
    `SELECT assignee_id AS id FROM assignments a JOIN users u ON u.id = a.assignee_id WHERE a.state = 'active' AND u.role = 'reviewer' GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const month = await one(
    `SELECT to_char(now() - interval '120 days', 'YYYY-MM-DD') AS since, to_char(now() - interval '90 days', 'YYYY-MM-DD') AS before`,
  );
  // Search words: one frequent in the texts, one rare; and the row halfway down each main order, for deep pages.
  const frequent = await one(
    `SELECT word FROM ts_stat($$SELECT to_tsvector('english', text) FROM claims$$) AS s(word, ndoc, nentry) WHERE length(word) > 3 ORDER BY ndoc DESC LIMIT 1 OFFSET 5`,
  );
  const rare = await one(
    `SELECT word FROM ts_stat($$SELECT to_tsvector('english', text) FROM claims$$) AS s(word, ndoc, nentry) WHERE length(word) > 5 AND ndoc BETWEEN 20 AND 60 ORDER BY word LIMIT 1`,
  );
  // The API's cursor: base64url of [sort, the sort key as PostgreSQL prints it, id] (apps/api/src/claims/claims.query.ts).
  const cursorAt = async (sort, key, dir, where = 'true') => {
    const row = await one(
      `SELECT (${key})::text AS key, c.id FROM claims c WHERE ${where} ORDER BY ${key} ${dir}, c.id ${dir} OFFSET $1 LIMIT 1`,
      [Math.floor(CLAIMS / 2)],
    );
    return Buffer.from(JSON.stringify([sort, row.key, row.id])).toString('base64url');
  };
  const detectedDeep = await one(
    `SELECT (c.score)::text AS key, c.id FROM claims c WHERE state = 'detected' ORDER BY score DESC, id DESC OFFSET $1 LIMIT 1`,
    [Math.floor(CLAIMS / 5)],
  );
  const since24h = new Date(Date.now() - 24 * 3600_000).toISOString();
  const since30d = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
  return [
    // The inbox's views (apps/web/src/features/claims/InboxPage.tsx), default sort by score.
    // What the inbox's "To triage" sends: moderators', interviewers' and questioners' lines left out.
    { name: 'view: to triage', params: { state: 'detected', checkworthy: 'true', askers: 'exclude' } },
    { name: 'view: to triage, askers included', params: { state: 'detected', checkworthy: 'true' } },
    { name: 'view: accepted', params: { state: 'accepted' } },
    { name: 'view: mine', params: { assignee: 'me', state: 'assigned,in_progress,changes_requested,in_review' } },
    { name: 'view: in progress', params: { state: 'assigned,in_progress,changes_requested' } },
    { name: 'view: in review', params: { state: 'in_review' } },
    { name: 'view: all (newest)', params: { sort: 'newest' } },
    // Each sort over every claim.
    { name: 'sort: score (default)', params: {} },
    { name: 'sort: oldest', params: { sort: 'oldest' } },
    { name: 'sort: said', params: { sort: 'said' } },
    { name: 'sort: due', params: { sort: 'due' } },
    // Each filter alone.
    { name: 'filter: state detected', params: { state: 'detected' } },
    { name: 'filter: state published,corrected', params: { state: 'published,corrected' } },
    { name: `filter: busiest speaker (${busiest.n.toLocaleString('en')} claims)`, params: { speakerId: busiest.id } },
    { name: `filter: a quiet speaker (${quiet.n} claims)`, params: { speakerId: quiet.id } },
    { name: 'filter: document', params: { documentId: document.id } },
    { name: 'filter: assignee me', params: { assignee: 'me' } },
    { name: 'filter: assignee (a reviewer)', params: { assignee: reviewer.id } },
    { name: 'filter: unassigned', params: { assignee: 'none' } },
    { name: 'filter: score ≥ 0.75', params: { minScore: '0.75' } },
    { name: 'filter: type quantity', params: { type: 'quantity' } },
    { name: 'filter: check-worthy', params: { checkworthy: 'true' } },
    { name: 'filter: said in a month', params: { saidFrom: month.since, saidTo: month.before } },
    { name: 'filter: detected in the last 24 h', params: { detectedSince: since24h } },
    { name: 'filter: detected in the last 30 days', params: { detectedSince: since30d } },
    // Combinations the inbox makes.
    {
      name: 'combo: mine by due date',
      params: { assignee: 'me', state: 'assigned,in_progress,changes_requested,in_review', sort: 'due' },
    },
    { name: 'combo: to triage, newest', params: { state: 'detected', checkworthy: 'true', sort: 'newest' } },
    { name: 'combo: busiest speaker, newest', params: { speakerId: busiest.id, sort: 'newest' } },
    { name: 'combo: type quantity, score ≥ 0.75, said', params: { type: 'quantity', minScore: '0.75', sort: 'said' } },
    // Full-text search.
    { name: `search: frequent word "${frequent.word}" (relevance)`, params: { q: frequent.word } },
    { name: `search: rare word "${rare.word}" (relevance)`, params: { q: rare.word } },
    { name: 'search: two words (relevance)', params: { q: 'unemployment rate' } },
    { name: 'search: phrase and exclusion', params: { q: '"health care" -insurance' } },
    { name: `search: "${frequent.word}", newest`, params: { q: frequent.word, sort: 'newest' } },
    { name: `search: "${frequent.word}", score`, params: { q: frequent.word, sort: 'score' } },
    {
      name: `search: "${frequent.word}", to triage`,
      params: { q: frequent.word, state: 'detected', checkworthy: 'true' },
    },
    // Deep keyset pages: the row halfway down.
    { name: 'deep page: score, halfway', params: { cursor: await cursorAt('score', 'c.score', 'DESC') } },
    {
      name: 'deep page: newest, halfway',
      params: { sort: 'newest', cursor: await cursorAt('newest', 'c.created_at', 'DESC') },
    },
    {
      name: 'deep page: said, halfway',
      params: { sort: 'said', cursor: await cursorAt('said', 'coalesce(c.said_at, c.created_at)', 'DESC') },
    },
    {
      name: 'deep page: state detected by score',
      params: {
        state: 'detected',
        cursor: Buffer.from(JSON.stringify(['score', detectedDeep.key, detectedDeep.id])).toString('base64url'),
      },
    },
  ];
}
