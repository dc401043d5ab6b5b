// Helpers shared by the project's scripts (start, test, migrate, seed, migration:generate).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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

export function build() {
  log('building libraries, api, worker and web app…');
  run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']);
}
