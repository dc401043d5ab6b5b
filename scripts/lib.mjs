// Helpers shared by the project's scripts (start, test, migrate, seed, migration:generate, the benchmarks).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  process.stdout.write(`[factdesk] ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`[factdesk] ${message}\n`);
  process.exit(1);
}

/** Runs a command in the repository root, inheriting output; exits the script when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** npm install when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (npm install)…');
  // Not `npm ci`: the registry here lacks other platforms' optional builds that the lockfile lists.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Builds every project (Nx, cached); `quiet` prints Nx's output only when the build fails. */
export function build({ quiet = false } = {}) {
  log('building libraries, api, worker and web app…');
  const args = ['nx', 'run-many', '-t', 'build', '--outputStyle=static'];
  if (!quiet) return run('npx', args);
  const result = spawnSync('npx', args, { cwd: root, encoding: 'utf8', env: { ...process.env, NX_TUI: 'false' } });
  if (result.status !== 0) {
    process.stdout.write(result.stdout + result.stderr);
    fail(`the build failed (exit ${result.status ?? result.signal})`);
  }
}

/** Resolves once `url` answers 2xx; exits the script after `seconds`. */
export async function waitForUrl(url, seconds = 30) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`${url} did not answer within ${seconds} s`);
}

/** Replaces docs/benchmarks.md's `<!-- name:start -->…<!-- name:end -->` section (appends it when missing). */
export function writeBenchSection(name, body) {
  const file = join(root, 'docs/benchmarks.md');
  const section = `<!-- ${name}:start -->\n${body.trim()}\n<!-- ${name}:end -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  writeFileSync(
    file,
    marked.test(current) ? current.replace(marked, () => section) : `${current.trimEnd()}\n\n${section}\n`,
  );
}

/** "2 × AMD EPYC 7B13, 23.4 GiB, Node.js v20.20.2": the machine a figure was measured on. */
export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}`;
}

/** The 1 / 5 / 15 minute load averages, as printed next to figures measured on a shared machine. */
export function loadAverage() {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

/** Signs in as the demo editor; the session cookie (`name=value`), or null with the status when refused. */
export async function demoEditorCookie(base, password = process.env.DEMO_PASSWORD ?? 'factdesk-demo') {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@demo.factdesk', password }),
  });
  return login.ok ? { cookie: login.headers.get('set-cookie').split(';')[0] } : { cookie: null, status: login.status };
}
