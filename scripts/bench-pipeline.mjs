// What bench:ingest and bench:soak share: their options, the corpus of realistic documents, a benchmark
// database with the built API and one worker on it, submission, waiting for documents to finish, CPU and
// memory of the processes (load-independent figures: the machine is often shared), and the docs section.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, demoEditorCookie, ensureInstalled, fail, log, root, waitForUrl } from './lib.mjs';

/**
 * `--documents N` and friends (each also readable from its BENCH_* variable), `--no-build` to run the
 * apps as last built, `--no-link-wait` to stop when documents are done without waiting for their linking. Defaults
 * are the issue's sizes.
 */
export function benchOptions(defaults) {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string' },
      'idle-samples': { type: 'string' },
      submitters: { type: 'string' },
      port: { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-link-wait': { type: 'boolean' },
    },
  });
  const number = (name, env, fallback) => {
    const value = Number(values[name] ?? process.env[env] ?? fallback);
    if (!Number.isInteger(value) || value < 0) fail(`--${name} must be a whole number`);
    return value;
  };
  return {
    documents: number('documents', 'BENCH_DOCUMENTS', defaults.documents),
    idleSamples: number('idle-samples', 'BENCH_IDLE_SAMPLES', defaults.idleSamples ?? 0),
    submitters: number('submitters', 'BENCH_SUBMITTERS', 8),
    port: number('port', 'BENCH_PORT', defaults.port),
    build: !values['no-build'],
    linkWait: !values['no-link-wait'],
  };
}

/** Installs and builds (unless told not to), then loads the libraries the benchmarks use. */
export async function prepare(options) {
  ensureInstalled();
  if (options.build) build();
  return {
    config: await import('@factdesk/config'),
    persistence: await import('@factdesk/persistence'),
    detection: await import('@factdesk/claim-detection'),
  };
}

export const samples = readdirSync(join(root, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(root, 'fixtures', f), 'utf8'));
const DATA = process.env.BENCH_DATA ?? join(root, '../shared/data');
const debate = existsSync(join(DATA, 'checkworthiness/checkthat2024_en/dev.jsonl'))
  ? readFileSync(join(DATA, 'checkworthiness/checkthat2024_en/dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).text)
  : [];
export const hasDebate = debate.length > 0;

/** Realistic documents, each unique: a sample's paragraphs cut to a length, or a run of 40 public debate sentences. */
export function corpus(count) {
  return Array.from({ length: count }, (_, i) => {
    if (debate.length && i % 2 === 1) {
      const start = (i * 37) % Math.max(1, debate.length - 60);
      return `Debate excerpt ${i}\n\n${debate
        .slice(start, start + 40)
        .map((s) => `Speaker ${1 + (i % 3)}: ${s}`)
        .join('\n\n')}`;
    }
    const paragraphs = samples[i % samples.length].split('\n').filter(Boolean);
    const keep = paragraphs.slice(0, Math.max(4, Math.round(paragraphs.length * (0.4 + ((i * 7) % 6) / 10))));
    return `${keep.join('\n')}\n\n(Benchmark copy ${i})`;
  });
}
/** Matches every document of corpus() in SQL (`d` is documents). */
export const CORPUS_SQL = `(d.original_text LIKE '%(Benchmark copy%' OR d.original_text LIKE 'Debate excerpt%')`;

export const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** utime + stime of a process, in seconds (Linux; USER_HZ is 100 here). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory of a process, in bytes. */
export function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * A fresh benchmark database, seeded, with the built API and one worker on it; signs in as the demo
 * editor. `stop()` ends both processes and drops the database.
 */
export async function startPipeline(
  { name, port, logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn', env: extraEnv = {}, workerArgs = [], onWorkerLine },
  { config, persistence },
) {
  const { default: pg } = await import('pg');
  const databaseUrl = persistence.databaseUrlWithName(config.loadConfig().databaseUrl, name);
  await persistence.dropDatabase(databaseUrl);
  await persistence.ensureDatabase(databaseUrl);
  await persistence.runMigrations(databaseUrl);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: logLevel,
    REDIS_PREFIX: `${name}-${process.pid}`,
    LOGIN_RATE_LIMIT_MAX: '1000',
    ...extraEnv,
  };
  const children = [];
  const spawnNode = (args, onLine) => {
    const child = spawn('node', args, { cwd: root, env, stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'] });
    if (onLine) {
      let rest = '';
      child.stdout.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) if (onLine(line) !== true) process.stdout.write(`${line}\n`);
      });
    }
    children.push(child);
    return child;
  };
  const kill = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.on('exit', kill);

  const seed = spawn('node', ['apps/api/dist/cli/seed.js'], { cwd: root, env, stdio: 'ignore' });
  if ((await new Promise((r) => seed.on('exit', r))) !== 0) fail('seeding the benchmark database failed');
  const api = spawnNode([
    ...(process.env.BENCH_API_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
    'apps/api/dist/main.js',
  ]);
  const worker = spawnNode(
    [
      ...(process.env.BENCH_WORKER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []),
      ...workerArgs,
      'apps/worker/dist/main.js',
    ],
    onWorkerLine,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForUrl(`${base}/api/health`);
  for (
    let i = 0;
    !(
      await fetch(`${base}/api/health`).then(
        (r) => r.json(),
        () => null,
      )
    )?.workers;
    i += 1
  ) {
    if (i > 300) fail('no worker announced itself');
    await sleep(100);
  }
  const login = await demoEditorCookie(base, env.DEMO_PASSWORD);
  if (!login.cookie) fail(`signing in as the demo editor answered ${login.status}`);
  const headers = { 'content-type': 'application/json', cookie: login.cookie, origin: base };
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { createRedisClient, JobQueue, QUEUE_NAMES, workerAnnouncements } = await import('@factdesk/queue');
  const redisUrl = env.REDIS_URL ?? config.loadConfig().redisUrl;
  const jobs = new JobQueue({ redisUrl, prefix: env.REDIS_PREFIX, connection: 'worker' });
  const redis = createRedisClient(redisUrl, 'commands');

  /** POSTs one text document; returns its id. */
  const submit = async (text) => {
    const res = await fetch(`${base}/api/documents`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    if (res.status !== 201) fail(`submission answered ${res.status}: ${await res.text()}`);
    return (await res.json()).document.id;
  };
  /** Submits every text with `submitters` clients at once; returns once all are accepted. */
  const submitAll = async (texts, submitters) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: submitters }, async () => {
        while (next < texts.length) await submit(texts[next++]);
      }),
    );
  };
  /** Waits until `count` documents of the corpus are done; fails on a failed one. `onTick` runs between checks. */
  const waitDone = async (count, onTick) => {
    for (;;) {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM documents d WHERE ${CORPUS_SQL}`,
      );
      if (rows[0].failed) fail(`${rows[0].failed} documents failed`);
      if (rows[0].done >= count) return;
      await onTick?.(rows[0].done);
      await sleep(200);
    }
  };
  /** Waits until no claim-linking job is waiting or running (linking follows `done`). */
  const waitLinked = async () => {
    for (;;) {
      const counts = await jobs.jobCounts(
        QUEUE_NAMES.claimLink,
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'failed',
      );
      if (counts.failed) fail(`${counts.failed} claim-linking jobs failed`);
      if (!counts.waiting && !counts.active && !counts.delayed && !counts.prioritized) return;
      await sleep(200);
    }
  };
  /** The worker's resident memory now, and its heap at its last heartbeat (every 10 s). */
  const workerMemory = async () => {
    const [announced] = await workerAnnouncements(redis, env.REDIS_PREFIX);
    return { rss: rssBytes(worker.pid), heapUsed: announced?.heapUsed ?? null, heapAt: announced?.at ?? null };
  };
  /** CPU seconds so far of the API, the worker, and the PostgreSQL backends serving the benchmark database. */
  const cpu = async () => {
    const { rows } = await db.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return {
      api: cpuSeconds(api.pid),
      worker: cpuSeconds(worker.pid),
      postgres: rows.reduce((sum, r) => sum + cpuSeconds(r.pid), 0),
    };
  };
  const stop = async () => {
    await db.end();
    kill();
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
    // The benchmark's queues and keys are its own (its prefix): none are left in the shared Redis.
    await jobs.close();
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      if ((cursor = next) === '0') break;
    }
    redis.disconnect();
    await persistence.dropDatabase(databaseUrl);
  };
  return { base, env, db, api, worker, submit, submitAll, waitDone, waitLinked, workerMemory, cpu, stop };
}

export { fail, log };
export { loadAverage, machine, writeBenchSection } from './lib.mjs';
