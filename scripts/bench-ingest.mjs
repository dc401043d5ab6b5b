// `npm run bench:ingest [-- --documents 1000 --idle-samples 20 --submitters 8 --no-build --no-link-wait]`: documents through
// the real API, Redis, worker and PostgreSQL. Submits documents built from the two samples (and public debate
// sentences when ../shared/data is there), measures documents/s, sentences/s and the time from POST to
// `done` (p50/p95), the idle latency of a sample-sized document, the claim-detection library's own
// sentences/s on the same machine in the same run, and CPU seconds per document of the API, the worker
// and PostgreSQL (figures that do not depend on what else runs on the machine).
// Writes the figures to docs/benchmarks.md. Not part of `npm test`.
import {
  benchOptions,
  corpus,
  CORPUS_SQL,
  cpuSeconds,
  hasDebate,
  loadAverage,
  log,
  machine,
  percentile,
  prepare,
  samples,
  sleep,
  startPipeline,
  writeBenchSection,
  fail,
} from './bench-pipeline.mjs';

const options = benchOptions({ documents: 1000, idleSamples: 20, port: 3927 });
const libs = await prepare(options);
const { detectClaims } = libs.detection;
const texts = corpus(options.documents);

// The library alone, on one core, over the same documents: the ceiling the pipeline is measured against.
let librarySentences = 0;
const libCpu = cpuSeconds(process.pid);
const libStart = performance.now();
for (const text of texts) librarySentences += (await detectClaims(text)).sentences.length;
const librarySeconds = (performance.now() - libStart) / 1000;
const libraryRate = librarySentences / librarySeconds;
const libraryCpuPerDoc = ((cpuSeconds(process.pid) - libCpu) / texts.length) * 1000;
log(
  `library: ${librarySentences} sentences in ${librarySeconds.toFixed(1)} s = ${Math.round(libraryRate)} sentences/s on one core (${libraryCpuPerDoc.toFixed(1)} ms CPU per document)`,
);

const loadBefore = loadAverage();
const p = await startPipeline({ name: 'factdesk_bench_ingest', port: options.port }, libs);

// Idle latency: one sample-sized document at a time, from POST to done.
const idle = [];
for (let i = 0; i < options.idleSamples; i += 1) {
  const started = performance.now();
  const id = await p.submit(`${samples[i % samples.length]}\n\n(Idle copy ${i})`);
  for (;;) {
    const { rows } = await p.db.query('SELECT status FROM documents WHERE id = $1', [id]);
    if (rows[0].status === 'done') break;
    if (rows[0].status === 'failed') fail(`document ${id} failed`);
    await sleep(20);
  }
  idle.push(performance.now() - started);
}
if (idle.length)
  log(
    `idle: p50 ${Math.round(percentile(idle, 50))} ms, p95 ${Math.round(percentile(idle, 95))} ms from POST to done (sample-sized document)`,
  );

// Throughput: every document submitted by several clients at once, until all are done.
const cpuBefore = await p.cpu();
const loadStart = performance.now();
await p.submitAll(texts, options.submitters);
const submitSeconds = (performance.now() - loadStart) / 1000;
await p.waitDone(texts.length);
const totalSeconds = (performance.now() - loadStart) / 1000;
const cpuDone = await p.cpu();
log(
  `load: ${texts.length} documents done in ${totalSeconds.toFixed(1)} s (submitted in ${submitSeconds.toFixed(1)} s)${options.linkWait ? '; waiting for the claim-link queue…' : ''}`,
);
// Linking follows `done` on a queue of its own: how long until every claim is linked too, and what it costs.
if (options.linkWait) await p.waitLinked();
const linkedSeconds = options.linkWait ? (performance.now() - loadStart) / 1000 : null;
const cpuLinked = options.linkWait ? await p.cpu() : null;
const { rows: latency } = await p.db.query(
  `SELECT extract(epoch FROM completed_at - created_at) * 1000 AS ms FROM documents d WHERE ${CORPUS_SQL}`,
);
const ms = latency.map((r) => Number(r.ms));
const docsPerSecond = texts.length / totalSeconds;
const pipelineRate = librarySentences / totalSeconds;
const linkedRate = linkedSeconds && librarySentences / linkedSeconds;
const { rows: counts } = await p.db.query(
  'SELECT (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM claim_matches)::int AS links',
);
const perDoc = (from, to) =>
  Object.fromEntries(Object.keys(to).map((k) => [k, ((to[k] - from[k]) / texts.length) * 1000]));
const cpuToDone = perDoc(cpuBefore, cpuDone);
const cpuToLinked = cpuLinked && perDoc(cpuBefore, cpuLinked);
const cpuText = (c) =>
  c === null
    ? 'not measured (--no-link-wait)'
    : `API ${c.api.toFixed(1)} ms, worker ${c.worker.toFixed(1)} ms, PostgreSQL ${c.postgres.toFixed(1)} ms`;
const loadAfter = loadAverage();
log(
  `load: ${docsPerSecond.toFixed(1)} documents/s, ${Math.round(pipelineRate)} sentences/s (${Math.round((pipelineRate / libraryRate) * 100)}% of the library), p50 ${Math.round(percentile(ms, 50))} ms, p95 ${Math.round(percentile(ms, 95))} ms; ${counts[0].claims} claims`,
);
if (linkedSeconds)
  log(
    `linked: every claim linked after ${linkedSeconds.toFixed(1)} s (${Math.round(linkedRate)} sentences/s, ${Math.round((linkedRate / libraryRate) * 100)}% of the library); ${counts[0].links} links`,
  );
log(
  `CPU per document until done: ${cpuText(cpuToDone)}; until linked: ${cpuText(cpuToLinked)} (library alone ${libraryCpuPerDoc.toFixed(1)} ms); load average ${loadBefore} before, ${loadAfter} after`,
);
await p.stop();

const ratio = pipelineRate / libraryRate;
const idleP95 = percentile(idle, 95);
writeBenchSection(
  'bench:ingest',
  `
## Ingestion: documents through API, Redis, worker and PostgreSQL (\`npm run bench:ingest\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}: the built API and
one worker process (default settings) on the local PostgreSQL and Redis, ${options.submitters} clients submitting
${texts.length.toLocaleString('en')} documents (${librarySentences.toLocaleString('en')} sentences: the two samples cut to
different lengths${hasDebate ? ', and runs of 40 CheckThat! debate sentences' : ''}). The submitting clients, the API and PostgreSQL share the
cores with the worker. Load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after. CPU figures are
utime + stime from \`/proc/<pid>/stat\` of the API, the worker and the PostgreSQL backends of the benchmark's database
(Redis and the submitting clients are not counted), divided by the number of documents.

A document is \`done\` when its claims are written; linking them to similar claims and fact-checks runs
afterwards on the \`claim-link\` queue and, during a burst, waits until detection pauses (at most 2 minutes per
job). Before that change linking ran inside each detection job: 41 ms of the document's path and most of
PostgreSQL's 36 ms of CPU per document (300 documents, load average 1.3: API 5.8 ms, worker 16.5 ms,
PostgreSQL 35.8 ms); with the worker's detection concurrency of 2, jobs waited on the database rather than
computing.

| measure | figure | target |
| --- | ---: | --- |
| claim-detection library alone, one core, same documents | ${Math.round(libraryRate).toLocaleString('en')} sentences/s | — |
| end to end, POST → \`done\` (claims in the inbox) | ${docsPerSecond.toFixed(1)} documents/s, ${Math.round(pipelineRate).toLocaleString('en')} sentences/s (${Math.round(ratio * 100)}% of the library) | ≥ 50% ${ratio >= 0.5 ? '✓' : '✗'} |
| until every claim is also linked (\`claim-link\` queue empty) | ${linkedSeconds ? `${(texts.length / linkedSeconds).toFixed(1)} documents/s, ${Math.round(linkedRate).toLocaleString('en')} sentences/s (${Math.round((linkedRate / libraryRate) * 100)}% of the library)` : 'not measured (--no-link-wait)'} | — |
| POST → done under load | p50 ${Math.round(percentile(ms, 50)).toLocaleString('en')} ms, p95 ${Math.round(percentile(ms, 95)).toLocaleString('en')} ms | — |
| POST → done, sample-sized document, idle queue | ${idle.length ? `p50 ${Math.round(percentile(idle, 50))} ms, p95 ${Math.round(idleP95)} ms` : 'not measured'} | p95 < 1 s ${idle.length ? (idleP95 < 1000 ? '✓' : '✗') : ''} |
| CPU per document until done (does not depend on other load) | ${cpuText(cpuToDone)} | library alone ${libraryCpuPerDoc.toFixed(1)} ms |
| CPU per document until linked | ${cpuText(cpuToLinked)} | — |
`,
);
log('wrote docs/benchmarks.md');
process.exit(0);
