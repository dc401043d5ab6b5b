// `npm test`: install what is missing (npm packages, Debian's Chromium), build, type-check code and tests, lint, then run
// every test: the web app's unit tests, unit and integration tests (real PostgreSQL and Redis), then whole-system and
// browser tests. Ends with one summary line and a non-zero exit when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureInstalled, fail, log, root, run } from './lib.mjs';

process.env.TZ = 'UTC';
ensureInstalled();

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0)
    fail(`Chromium is missing at ${CHROMIUM}; install it: sudo apt-get install -y chromium`);
  log('installing Debian Chromium for the browser tests (apt-get)…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

build();
// Jest's swc transform strips types without checking them: the tests are type-checked with the code first.
log('type-checking code and tests (npm run typecheck)…');
run('npm', ['run', '--silent', 'typecheck']);
// The layout's rules (module boundaries, manifests) and the formatting hold, or nothing runs.
log('linting (npm run lint)…');
run('npm', ['run', '--silent', 'lint']);
// The tests need the real services: say which one is missing and how to start it, before any test runs.
const { exitWithReason } = await import('@factdesk/config');
const { checkRedis } = await import('@factdesk/queue');
const { checkPostgres } = await import('@factdesk/persistence');
await checkPostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').catch((err) =>
  exitWithReason('factdesk-test', err),
);
await checkRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').catch((err) =>
  exitWithReason('factdesk-test', err),
);

const reports = mkdtempSync(join(tmpdir(), 'factdesk-test-'));
const suites = [
  ['unit and integration', ['--config', 'jest.config.mjs'], join(reports, 'main.json')],
  ['whole-system and browser', ['--config', 'e2e/jest.config.mjs', '--runInBand'], join(reports, 'e2e.json')],
];
const extra = process.argv.slice(2);
let failedRun = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Adds a Jest-format JSON report (Jest's and Vitest's) to the totals; a missing report is a failure. */
function count(report) {
  if (!existsSync(report)) return void (totals.failed += 1);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

// The web app's own unit tests (Vitest in a DOM): its helpers and hooks, no services needed.
if (!extra.length) {
  log('running web unit tests…');
  const report = join(reports, 'web.json');
  const web = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--root',
      'apps/web',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (web.status !== 0) failedRun = true;
  count(report);
}
for (const [name, args, report] of suites) {
  log(`running ${name} tests…`);
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      ...args,
      '--ci',
      '--json',
      '--outputFile',
      report,
      ...extra,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) failedRun = true;
  count(report);
}
if (totals.passed === 0) failedRun = true;
process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedRun || totals.failed ? 1 : 0);
