// `npm run bench:soak [-- --documents 5000 --submitters 8 --no-build]`: a long run of documents through the
// real API, Redis, worker and PostgreSQL. Checks that every document ends `done` with exactly the claims the
// claim-detection library finds in its text (none lost, none twice), and that the worker's memory does not
// grow: its live heap — measured through the worker's inspector (loopback), right after a full collection it
// asks for, once every tenth of the run — over the second fifth of the run (after a fifth to warm up) against the
// last fifth; more than 20% growth fails. Resident memory is reported beside it. Writes the figures to docs/benchmarks.md; exits 1 on a failed
// check. Not part of `npm test`.
import {
  benchOptions,
  corpus,
  CORPUS_SQL,
  fail,
  hasDebate,
  loadAverage,
  log,
  machine,
  prepare,
  startPipeline,
  writeBenchSection,
} from './bench-pipeline.mjs';

const MAX_GROWTH = 0.2;
const options = benchOptions({ documents: 5000, port: 3928 });
if (options.documents < 50) fail('--documents must be at least 50 (a fifth to warm up, two fifths to compare)');
const libs = await prepare(options);
const { detectClaims } = libs.detection;
const texts = corpus(options.documents);

// What a clean run produces: the library itself on each text (the worker stores exactly the check-worthy sentences).
const expected = new Map();
for (const text of texts) expected.set(text, (await detectClaims(text)).sentences.filter((s) => s.checkworthy).length);
const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
log(`expected: ${expectedTotal} claims in ${texts.length} documents (the detection library on each text)`);

const loadBefore = loadAverage();
if (typeof WebSocket !== 'function')
  fail(
    "bench:soak talks to the worker's inspector over a WebSocket: run it as `npm run bench:soak` (node --experimental-websocket)",
  );
// What a leak grows is the heap that survives a full collection; between collections the heap (and RSS) also
// holds garbage, so they swing with when V8 chooses to collect. V8 collects on its own schedule (a run can have
// too few full collections to compare), so the soak asks for one through the inspector once every tenth of the
// run and reads the heap right after it.
const INSPECT_PORT = options.port + 100;
const p = await startPipeline(
  { name: 'factdesk_bench_soak', port: options.port, workerArgs: [`--inspect=127.0.0.1:${INSPECT_PORT}`] },
  libs,
);
const inspector = await inspectorSession(INSPECT_PORT);
const liveHeaps = [];
let nextTenth = 1;
const started = performance.now();
// Memory sampled about once a second with how far the run is; heap figures come with the worker's heartbeat.
const samples = [];
let lastSample = 0;
const sample = async (done) => {
  if (done >= (nextTenth * texts.length) / 10) {
    nextTenth = Math.floor((10 * done) / texts.length) + 1;
    await inspector.send('HeapProfiler.collectGarbage');
    liveHeaps.push({ done, live: (await inspector.send('Runtime.getHeapUsage')).usedSize });
  }
  if (performance.now() - lastSample < 1000) return;
  lastSample = performance.now();
  samples.push({ done, ...(await p.workerMemory()) });
};
const submitting = p.submitAll(texts, options.submitters);
await p.waitDone(texts.length, sample);
await submitting;
await sample(texts.length); // the last tenth's reading
const seconds = (performance.now() - started) / 1000;
const loadAfter = loadAverage();

// Every document once, done, with exactly the library's claims.
const { rows } = await p.db.query(
  `SELECT d.original_text AS text, d.status, count(c.id)::int AS claims FROM documents d LEFT JOIN claims c ON c.document_id = d.id WHERE ${CORPUS_SQL} GROUP BY d.id`,
);
const found = rows.reduce((sum, r) => sum + r.claims, 0);
const wrong = rows.filter((r) => r.status !== 'done' || r.claims !== expected.get(r.text));
const problems = [];
if (rows.length !== texts.length) problems.push(`${rows.length} documents stored for ${texts.length} submitted`);
if (wrong.length)
  problems.push(
    `${wrong.length} documents not done or with other claims than the library finds (first: ${wrong[0].status}, ${wrong[0].claims} claims for ${expected.get(wrong[0].text)})`,
  );
if (found !== expectedTotal) problems.push(`${found} claims stored, ${expectedTotal} expected`);

// The worker's memory after warm-up (the second fifth of the run) against the end (the last fifth): means over
// many samples, as the heap's collections make single readings swing by 10–15%.
const tenth = texts.length / 10;
const window = (from, to) => samples.filter((s) => s.done >= from && s.done <= to);
const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const warm = window(2 * tenth, 4 * tenth);
const end = window(8 * tenth, texts.length);
const rssWarm = mean(warm.map((s) => s.rss));
const rssEnd = mean(end.map((s) => s.rss));
// Heartbeats land every 10 s: the nearest ones to each window.
const heapOf = (list) =>
  mean([...new Map(list.filter((s) => s.heapUsed !== null).map((s) => [s.heapAt, s.heapUsed])).values()]);
const heapWarm = heapOf(warm);
const heapEnd = heapOf(end);
const rssGrowth = rssWarm && rssEnd ? rssEnd / rssWarm - 1 : null;
const liveIn = (from, to) => liveHeaps.filter((c) => c.done >= from && c.done <= to).map((c) => c.live);
const liveWarm = mean(liveIn(2 * tenth, 4 * tenth));
const liveEnd = mean(liveIn(8 * tenth, texts.length));
const growth = liveWarm && liveEnd ? liveEnd / liveWarm - 1 : null;
if (growth === null) problems.push(`too few heap readings to compare (${liveHeaps.length} in the run)`);
else if (growth > MAX_GROWTH)
  problems.push(`worker memory grew ${Math.round(growth * 100)}% (more than ${MAX_GROWTH * 100}%)`);

const trend = Array.from({ length: 10 }, (_, i) => mean(window(i * tenth, (i + 1) * tenth).map((s) => s.rss)));
const pct = (g) => (g === null ? 'n/a' : `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`);
const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MB`);
log(
  `soak: ${texts.length} documents in ${seconds.toFixed(0)} s (${(texts.length / seconds).toFixed(1)} documents/s); ${found} claims stored, ${expectedTotal} expected`,
);
log(`worker RSS by tenth of the run: ${trend.map(mb).join(', ')}`);
log(
  `worker memory: live heap after a full collection ${mb(liveWarm)} after warm-up, ${mb(liveEnd)} at the end (${pct(growth)}; ${liveHeaps.length} readings); RSS ${mb(rssWarm)} → ${mb(rssEnd)} (${pct(rssGrowth)}); heap at heartbeats ${mb(heapWarm)} → ${mb(heapEnd)}; load average ${loadBefore} before, ${loadAfter} after`,
);
inspector.close();
await p.stop();

writeBenchSection(
  'bench:soak',
  `
## Soak: ${texts.length.toLocaleString('en')} documents end to end (\`npm run bench:soak\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}: the built API and one worker process
(default settings) on the local PostgreSQL and Redis, ${options.submitters} clients submitting ${texts.length.toLocaleString('en')} documents (the two samples cut
to different lengths${hasDebate ? ', and runs of 40 CheckThat! debate sentences' : ''}) as fast as the API takes them. Load average (1 / 5 / 15 min)
${loadBefore} before, ${loadAfter} after. The memory check is the worker's live heap: what survives a full
collection, read through the worker's inspector (loopback) right after asking it for one, once every tenth of the run
(${liveHeaps.length} readings: ${liveHeaps.map((h) => mb(h.live)).join(', ')}), averaged over the second fifth of
the run (after a fifth to warm up) and over the last fifth. A leak grows that; the resident set and the heap between
collections also hold garbage and swing with when V8 collects, so they are shown beside it: RSS from
\`/proc/<pid>/status\` every second, heap from the worker's heartbeat, over the same windows. RSS by tenth of the run:
${trend.map(mb).join(', ')}. The run ends when every document is \`done\` (its claims written);
linking of the last documents may still be under way then (\`npm run bench:ingest\` reports how long linking takes).

| check | figure | target |
| --- | ---: | --- |
| documents done | ${rows.filter((r) => r.status === 'done').length.toLocaleString('en')} of ${texts.length.toLocaleString('en')} in ${seconds.toFixed(0)} s (${(texts.length / seconds).toFixed(1)} documents/s) | all ${rows.length === texts.length && !wrong.length ? '✓' : '✗'} |
| claims stored | ${found.toLocaleString('en')} (detection library on the same texts: ${expectedTotal.toLocaleString('en')}; documents with other counts: ${wrong.length}) | equal ${found === expectedTotal && !wrong.length ? '✓' : '✗'} |
| worker live heap after a full collection, after warm-up → end | ${mb(liveWarm)} → ${mb(liveEnd)} (${pct(growth)}) | ≤ +${MAX_GROWTH * 100}% ${growth !== null && growth <= MAX_GROWTH ? '✓' : '✗'} |
| worker RSS, after warm-up → end | ${mb(rssWarm)} → ${mb(rssEnd)} (${pct(rssGrowth)}) | — |
| worker heap at heartbeats, after warm-up → end | ${mb(heapWarm)} → ${mb(heapEnd)} | — |
`,
);
log('wrote docs/benchmarks.md');
if (problems.length) fail(`soak failed: ${problems.join('; ')}`);
log('soak passed');
process.exit(0);

/** A Chrome DevTools Protocol session with the worker's inspector: send(method, params) resolves with the result. */
async function inspectorSession(port) {
  let targets;
  for (let i = 0; !targets; i += 1) {
    targets = await fetch(`http://127.0.0.1:${port}/json/list`).then(
      (r) => r.json(),
      () => null,
    );
    if (!targets && i > 100) fail(`the worker's inspector did not answer on port ${port}`);
    if (!targets) await new Promise((r) => setTimeout(r, 100));
  }
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error("could not open the worker inspector's WebSocket")), {
      once: true,
    });
  });
  let nextId = 1;
  const pending = new Map();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}
