// `npm run bench:compare-api -- --against DIR`: this checkout's API and another built checkout's (an older
// commit in a git worktree) side by side on bench:api's database (factdesk_bench: run `npm run bench:api`
// first), in alternating 3 s bursts with the order flipped each round, so the machine's drift falls on both
// alike. Prints, per target, the median requests/s and the median server CPU per 1,000 requests of each, and
// the median of the per-round ratios: how "no worse than before in the same run" is judged on a busy machine.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInstalled, fail, log, root, waitForUrl } from './lib.mjs';

const { values: opts } = parseArgs({
  options: { against: { type: 'string' }, rounds: { type: 'string', default: '6' } },
});
if (!opts.against)
  fail('--against DIR: a built checkout to compare with (git worktree add DIR <commit>; npm ci; npm run build)');
const other = resolve(opts.against);
if (!existsSync(join(other, 'apps/api/dist/main.js'))) fail(`${other} has no built API (apps/api/dist/main.js)`);
const ROUNDS = Number(opts.rounds);
ensureInstalled();
const { default: autocannon } = await import('autocannon');
const { loadConfig } = await import('@factdesk/config');
const { databaseUrlWithName } = await import('@factdesk/persistence');
const databaseUrl = databaseUrlWithName(loadConfig().databaseUrl, 'factdesk_bench');

const SERVERS = { before: { dir: other, port: 3931 }, now: { dir: root, port: 3932 } };
const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
for (const [name, s] of Object.entries(SERVERS)) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(s.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    REDIS_PREFIX: `factdesk-bench-${name}`,
    NODE_ENV: 'development',
    PUBLIC_BASE_URL: 'https://factcheck.example.org',
  };
  const child = spawn('node', ['apps/api/dist/main.js'], { cwd: s.dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  s.pid = child.pid;
}
for (const s of Object.values(SERVERS)) await waitForUrl(`http://127.0.0.1:${s.port}/api/health`, 180);

const ACCEPT = { 'accept-encoding': 'gzip, deflate, br' };
const feed = await (await fetch(`http://127.0.0.1:${SERVERS.now.port}/feed.json`)).json();
if (!feed.items?.length) fail('factdesk_bench has no published fact-checks: run `npm run bench:api` first');
const etag = (await fetch(`http://127.0.0.1:${SERVERS.now.port}/feed.json`, { headers: ACCEPT })).headers.get('etag');
const TARGETS = [
  { name: 'GET /feed.json', path: '/feed.json', headers: ACCEPT },
  { name: 'GET /fact-checks/:slug', path: `/fact-checks/${feed.items[0].url.split('/').pop()}`, headers: ACCEPT },
  { name: 'GET /feed.json (304)', path: '/feed.json', headers: { ...ACCEPT, 'if-none-match': etag } },
];

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}
function burst(server, target) {
  const before = cpuMs(server.pid);
  return new Promise((done, failed) =>
    autocannon(
      { url: `http://127.0.0.1:${server.port}${target.path}`, connections: 50, duration: 3, headers: target.headers },
      (err, r) =>
        err
          ? failed(err)
          : done({ rps: r.requests.average, cpuPerK: ((cpuMs(server.pid) - before) / r.requests.total) * 1000 }),
    ),
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const t of TARGETS) for (const s of Object.values(SERVERS)) await burst(s, t); // warm-up
const results = new Map(TARGETS.map((t) => [t.name, { before: [], now: [] }]));
for (let round = 0; round < ROUNDS; round++)
  for (const t of TARGETS)
    for (const name of round % 2 ? ['now', 'before'] : ['before', 'now'])
      results.get(t.name)[name].push(await burst(SERVERS[name], t));

log(`this checkout against ${other}, ${ROUNDS} rounds of 3 s per target and side:`);
for (const [name, { before, now }] of results) {
  const ratios = now.map((n, i) => n.rps / before[i].rps);
  const cpuBefore = median(before.map((b) => b.cpuPerK));
  const cpuNow = median(now.map((n) => n.cpuPerK));
  log(
    `${name}: ${Math.round(median(before.map((b) => b.rps)))} → ${Math.round(median(now.map((n) => n.rps)))} req/s ` +
      `(per-round ratio median ${median(ratios).toFixed(2)}); CPU per 1,000 requests ${cpuBefore.toFixed(0)} → ${cpuNow.toFixed(0)} ms`,
  );
}
process.exit(0);
