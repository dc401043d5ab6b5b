// `npm run bench`: every benchmark in turn — the claim-detection library, ingestion, the claims inbox API,
// the public API, the soak, and claim matching's MAP@5 — each writing its own section of
// docs/benchmarks.md, then the file's header: the machine, the date, the load average and what each run
// did. Exits non-zero when any benchmark failed or is missing. Not part of `npm test`.
//
// Options: --data DIR (the public data sets, ../shared/data), --only a,b / --skip a,b (benchmark names).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInstalled, fail, loadAverage, log, machine, root, writeBenchSection } from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '../shared/data') },
    only: { type: 'string' },
    skip: { type: 'string' },
  },
});
const data = resolve(opts.data);

/** Each benchmark: its npm script and the arguments it needs. */
const BENCHES = [
  // The library's bench only prints its figures: they are recorded here, in a section of their own.
  { script: 'bench:claims', what: 'claim-detection library: sentences/s', record: true },
  // Until done (claims in the inbox); linking them follows on its own queue, and its cost per claim is
  // eval:matching's (waiting for 1,000 documents' linking would take longer than every other bench together).
  { script: 'bench:ingest', what: 'documents through API, Redis, worker, PostgreSQL', args: ['--no-link-wait'] },
  { script: 'bench:claims-api', what: 'claims inbox p50/p99 with 100,000 claims', args: ['--data', data] },
  { script: 'bench:api', what: 'feed, page and 304 next to bare Fastify' },
  { script: 'bench:soak', what: '5,000 documents end to end, worker memory' },
  { script: 'eval:matching', what: 'claim matching MAP@5 (CheckThat! 2020 Task 2)', args: ['--data', data, '--write'] },
];
const names = (list) =>
  list
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];
const unknown = [...names(opts.only), ...names(opts.skip)].filter((n) => !BENCHES.some((b) => b.script === n));
if (unknown.length)
  fail(`unknown benchmark ${unknown.join(', ')}; they are ${BENCHES.map((b) => b.script).join(', ')}`);
const selected = BENCHES.filter(
  (b) => (!opts.only || names(opts.only).includes(b.script)) && !names(opts.skip).includes(b.script),
);

ensureInstalled();
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
const started = new Date();
const loadBefore = loadAverage();
const results = [];
for (const b of selected) {
  if (!scripts[b.script]) {
    log(`${b.script}: missing — package.json has no such script`);
    results.push({ ...b, outcome: 'missing: package.json has no such script', ok: false, seconds: 0 });
    continue;
  }
  log(`${b.script}: ${b.what}…`);
  const t0 = performance.now();
  // BENCH_DATA: where bench:ingest looks for the public debate sentences.
  const run = spawnSync('npm', ['run', '-s', b.script, ...(b.args ? ['--', ...b.args] : [])], {
    cwd: root,
    stdio: ['ignore', b.record ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, BENCH_DATA: data },
  });
  const seconds = Math.round((performance.now() - t0) / 1000);
  const ok = run.status === 0;
  if (b.record) {
    process.stdout.write(run.stdout ?? '');
    if (ok) {
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => `- ${l}`);
      writeBenchSection(
        b.script,
        `## Claim detection library (\`npm run ${b.script}\`)\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, one core, load average ${loadAverage()}:\n\n${lines.join('\n')}`,
      );
    }
  }
  results.push({ ...b, ok, seconds, outcome: ok ? 'ran' : `failed (exit ${run.status ?? run.signal})` });
  log(`${b.script}: ${ok ? 'done' : 'FAILED'} in ${seconds} s`);
}

const file = join(root, 'docs/benchmarks.md');
// The header sits under the title; each benchmark's own section is left as that benchmark wrote it.
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
if (!current.includes('<!-- bench:header:start -->')) {
  writeFileSync(
    file,
    current.replace(
      /^(# [^\n]*\n)?/,
      (title) => `${title || '# Benchmarks\n'}\n<!-- bench:header:start -->\n<!-- bench:header:end -->\n`,
    ),
  );
}
const minutes = Math.round((Date.now() - started.getTime()) / 60_000);
writeBenchSection(
  'bench:header',
  `Last \`npm run bench\`: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, ${minutes} min; load average (1 / 5 / 15 min)
${loadBefore} before, ${loadAverage()} after. The load generators share the machine with the servers they measure.

| benchmark | measures | this run | time |
| --- | --- | --- | ---: |
${results.map((r) => `| \`npm run ${r.script}\` | ${r.what} | ${r.ok ? 'ran (its section has the figures)' : `**${r.outcome}**`} | ${r.seconds} s |`).join('\n')}
${BENCHES.filter((b) => !selected.includes(b))
  .map((b) => `| \`npm run ${b.script}\` | ${b.what} | not run (--only/--skip) | — |`)
  .join('\n')}`.trimEnd(),
);
const failed = results.filter((r) => !r.ok);
log(
  `wrote docs/benchmarks.md's header; ${results.length - failed.length} of ${results.length} benchmarks ran${failed.length ? `; failed or missing: ${failed.map((r) => r.script).join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
