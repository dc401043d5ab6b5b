// `npm run bench:ingest`: documents through the real API, Redis, worker and PostgreSQL. Submits documents
// built from the two samples (and public debate sentences when ../shared/data is there), measures
// documents/s, sentences/s and the time from POST to `done` (p50/p95), the idle latency of a sample-sized
// document, and the claim-detection library's own sentences/s on the same machine in the same run.
// Writes the figures to docs/benchmarks.md. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { build, ensureInstalled, fail, log, root } from './lib.mjs';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const IDLE_SAMPLES = Number(process.env.BENCH_IDLE_SAMPLES ?? 20);
const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 8);
const PORT = Number(process.env.BENCH_INGEST_PORT ?? 3927);
const DATA = process.env.BENCH_DATA ?? join(root, '../shared/data');

ensureInstalled();
build();
const { loadConfig } = await import('@factdesk/config');
const { databaseUrlWithName, dropDatabase, ensureDatabase, runMigrations } = await import('@factdesk/persistence');
const { detectClaims } = await import('@factdesk/claim-detection');
const { default: pg } = await import('pg');

// Realistic documents: a sample's paragraphs, or a run of public debate sentences, each made unique.
const samples = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'fixtures', f), 'utf8'));
const debate = existsSync(join(DATA, 'checkworthiness/checkthat2024_en/dev.jsonl'))
  ? readFileSync(join(DATA, 'checkworthiness/checkthat2024_en/dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text)
  : [];
function document(i) {
  if (debate.length && i % 2 === 1) {
    const start = (i * 37) % Math.max(1, debate.length - 60);
    return `Debate excerpt ${i}\n\n${debate.slice(start, start + 40).map((s) => `Speaker ${1 + (i % 3)}: ${s}`).join('\n\n')}`;
  }
  const text = samples[i % samples.length];
  const paragraphs = text.split('\n').filter(Boolean);
  const keep = paragraphs.slice(0, Math.max(4, Math.round(paragraphs.length * (0.4 + ((i * 7) % 6) / 10))));
  return `${keep.join('\n')}\n\n(Benchmark copy ${i})`;
}
const corpus = Array.from({ length: DOCUMENTS }, (_, i) => document(i));

// The library alone, on one core, over the same documents: the ceiling the pipeline is measured against.
let librarySentences = 0;
const libStart = performance.now();
for (const text of corpus) librarySentences += detectClaims(text).sentences.length;
const librarySeconds = (performance.now() - libStart) / 1000;
const libraryRate = librarySentences / librarySeconds;
log(`library: ${librarySentences} sentences in ${librarySeconds.toFixed(1)} s = ${Math.round(libraryRate)} sentences/s on one core`);

const databaseUrl = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_bench_ingest');
await dropDatabase(databaseUrl);
await ensureDatabase(databaseUrl);
await runMigrations(databaseUrl);
const env = { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', REDIS_PREFIX: `factdesk-bench-ingest-${process.pid}`, LOGIN_RATE_LIMIT_MAX: '1000' };
const children = [];
const start = (file) => {
  const child = spawn('node', [file], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  return child;
};
const stop = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
process.on('exit', stop);

const seed = spawn('node', ['apps/api/dist/cli/seed.js'], { cwd: root, env, stdio: 'ignore' });
if ((await new Promise((r) => seed.on('exit', r))) !== 0) fail('seeding the benchmark database failed');
start('apps/api/dist/main.js');
start('apps/worker/dist/main.js');
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i += 1) {
  if ((await fetch(`${base}/api/health`).then((r) => r.json(), () => null))?.workers) break;
  if (i > 300) fail('the API and worker did not come up');
  await new Promise((r) => setTimeout(r, 100));
}
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@demo.factdesk', password: env.DEMO_PASSWORD ?? 'factdesk-demo' }) });
const headers = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie').split(';')[0], origin: base };
const submit = async (text) => {
  const res = await fetch(`${base}/api/documents`, { method: 'POST', headers, body: JSON.stringify({ text }) });
  if (res.status !== 201) fail(`submission answered ${res.status}: ${await res.text()}`);
  return (await res.json()).document.id;
};

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const percentile = (values, p) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

// Idle latency: one sample-sized document at a time, from POST to done.
const idle = [];
for (let i = 0; i < IDLE_SAMPLES; i += 1) {
  const started = performance.now();
  const id = await submit(`${samples[i % samples.length]}\n\n(Idle copy ${i})`);
  for (;;) {
    const { rows } = await db.query('SELECT status FROM documents WHERE id = $1', [id]);
    if (rows[0].status === 'done') break;
    if (rows[0].status === 'failed') fail(`document ${id} failed`);
    await new Promise((r) => setTimeout(r, 20));
  }
  idle.push(performance.now() - started);
}
log(`idle: p50 ${Math.round(percentile([...idle], 50))} ms, p95 ${Math.round(percentile([...idle], 95))} ms from POST to done (sample-sized document)`);

// Throughput: every document submitted by several clients at once, until all are done.
const loadStart = performance.now();
let next = 0;
await Promise.all(Array.from({ length: SUBMITTERS }, async () => {
  while (next < corpus.length) await submit(corpus[next++]);
}));
const submitSeconds = (performance.now() - loadStart) / 1000;
for (;;) {
  const { rows } = await db.query(`SELECT count(*) FILTER (WHERE status IN ('done', 'failed'))::int AS finished, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM documents WHERE original_text LIKE '%(Benchmark copy%' OR original_text LIKE 'Debate excerpt%'`);
  if (rows[0].finished >= DOCUMENTS) {
    if (rows[0].failed) fail(`${rows[0].failed} documents failed`);
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
const totalSeconds = (performance.now() - loadStart) / 1000;
const { rows: latency } = await db.query(`SELECT extract(epoch FROM completed_at - created_at) * 1000 AS ms FROM documents WHERE original_text LIKE '%(Benchmark copy%' OR original_text LIKE 'Debate excerpt%'`);
const ms = latency.map((r) => Number(r.ms));
const docsPerSecond = DOCUMENTS / totalSeconds;
const pipelineRate = librarySentences / totalSeconds;
const { rows: claims } = await db.query('SELECT count(*)::int AS n FROM claims');
log(`load: ${DOCUMENTS} documents in ${totalSeconds.toFixed(1)} s (submitted in ${submitSeconds.toFixed(1)} s): ${docsPerSecond.toFixed(1)} documents/s, ${Math.round(pipelineRate)} sentences/s, p50 ${Math.round(percentile([...ms], 50))} ms, p95 ${Math.round(percentile([...ms], 95))} ms; ${claims[0].n} claims`);
await db.end();
stop();

const cpu = cpus();
const ratio = pipelineRate / libraryRate;
const idleP95 = percentile([...idle], 95);
const section = `<!-- bench:ingest:start -->
## Ingestion: documents through API, Redis, worker and PostgreSQL (\`npm run bench:ingest\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node.js ${process.version}: the built API and
one worker process (default settings: detection concurrency 1, fetch concurrency 4) on the local
PostgreSQL and Redis, ${SUBMITTERS} clients submitting ${DOCUMENTS.toLocaleString('en')} documents (${librarySentences.toLocaleString('en')} sentences: the two samples cut to
different lengths${debate.length ? ', and runs of 40 CheckThat! debate sentences' : ''}). The submitting clients, the API and PostgreSQL share the two cores with the worker.

| measure | figure | target |
| --- | ---: | --- |
| claim-detection library alone, one core, same documents | ${Math.round(libraryRate).toLocaleString('en')} sentences/s | — |
| end to end | ${docsPerSecond.toFixed(1)} documents/s, ${Math.round(pipelineRate).toLocaleString('en')} sentences/s (${Math.round(ratio * 100)}% of the library) | ≥ 50% ${ratio >= 0.5 ? '✓' : '✗'} |
| POST → done under load | p50 ${Math.round(percentile([...ms], 50)).toLocaleString('en')} ms, p95 ${Math.round(percentile([...ms], 95)).toLocaleString('en')} ms | — |
| POST → done, sample-sized document, idle queue | p50 ${Math.round(percentile([...idle], 50))} ms, p95 ${Math.round(idleP95)} ms | p95 < 1 s ${idleP95 < 1000 ? '✓' : '✗'} |
<!-- bench:ingest:end -->`;
const file = join(root, 'docs/benchmarks.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
writeFileSync(file, /<!-- bench:ingest:start -->[\s\S]*<!-- bench:ingest:end -->/.test(current) ? current.replace(/<!-- bench:ingest:start -->[\s\S]*<!-- bench:ingest:end -->/, section) : `${current.trimEnd()}\n\n${section}\n`);
log('wrote docs/benchmarks.md');
await dropDatabase(databaseUrl);
process.exit(0);
