// `npm start`: install what is missing, build, migrate, seed, then run the API (which serves the
// web app) and the worker until Ctrl-C, restarting either if it dies. Prints the URLs and the demo
// sign-ins last, once healthy.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, demoEditorCookie, ensureInstalled, fail, log, root, run } from './lib.mjs';
import { supervise } from './supervise.mjs';
import { publishDemo } from './demo-publish.mjs';

ensureInstalled();
build({ quiet: true });

const { exitWithReason, loadConfigOrExit } = await import('@factdesk/config');
const { checkRedis } = await import('@factdesk/queue');
const config = loadConfigOrExit('factdesk');
await checkRedis(config.redisUrl).catch((err) => exitWithReason('factdesk', err));
run('node', ['apps/api/dist/cli/migrate.js']);

const seeded = await new Promise((resolve) => {
  const child = spawn('node', ['apps/api/dist/cli/seed.js'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : fail('seeding failed')));
});

// The API and the worker run supervised: one that exits unexpectedly is restarted (see supervise.mjs).
const system = supervise(
  [
    { name: 'api', file: 'apps/api/dist/main.js' },
    { name: 'worker', file: 'apps/worker/dist/main.js' },
  ],
  { cwd: root, env: process.env, log, onFatal: (code) => process.exit(code) },
);
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  system.stop().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
const deadline = Date.now() + 60_000;
while (Date.now() < deadline && !stopping) {
  const ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 300));
}
// Demo data: the two sample documents with where and when they were said (fixtures/samples.json), ingested
// through the API like any other (the same content twice is one document, so restarting does not duplicate
// them); then one demo fact-check published from a sample claim. Demo users exist only outside production.
const samples = JSON.parse(readFileSync(join(root, 'fixtures', 'samples.json'), 'utf8'));
async function ingestSamples() {
  const { cookie, status } = await demoEditorCookie(base, seeded.demoPassword);
  if (!cookie) return log(`demo documents skipped: the demo editor could not sign in (${status})`);
  for (const file of readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt'))) {
    const { demo, ...provenance } = samples[file] ?? {};
    const res = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({ text: readFileSync(join(root, 'fixtures', file), 'utf8'), ...provenance }),
    });
    const body = await res.json();
    log(
      `demo document ${file}: ${res.status === 200 ? 'already ingested' : res.ok ? 'submitted' : `refused (${body.message})`}`,
    );
    if (demo && res.ok && process.env.NODE_ENV !== 'production')
      await publishDemo({ base, password: seeded.demoPassword, documentId: body.document.id, sample: samples[file] })
        .then((what) => log(`demo fact-check: ${what}`))
        .catch((err) => log(`demo fact-check skipped: ${err.message}`));
  }
}
if (!stopping && seeded.demoUsers.length && process.env.NODE_ENV !== 'production')
  await ingestSamples().catch((err) => log(`demo documents skipped: ${err.message}`));

if (!stopping) {
  const lines = [
    '',
    'Factdesk is running.',
    `  Web app:      ${base}/`,
    `  API docs:     ${base}/api/docs`,
    `  Health:       ${base}/api/health`,
    `  Queues:       ${base}/admin/queues (editors and admins)`,
    `  Public site:  ${base}/fact-checks  (feeds: /feed.json, /feed.atom, /feed.rss, /claimreview-feed.json)`,
  ];
  if (seeded.demoUsers.length) {
    lines.push('  Demo sign-ins (password: ' + seeded.demoPassword + '):');
    for (const u of seeded.demoUsers)
      lines.push(
        `    ${u.role.padEnd(9)} ${u.email}${u.created ? '' : '  (existing account: its password is unchanged)'}`,
      );
  }
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
