import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { eventually } from '@factdesk/testing';
import { JobQueue, QUEUE_NAMES } from '@factdesk/queue';
import { freePort, ROOT } from './stack.js';

/**
 * A TCP proxy the test owns, in front of a service (Redis here): `cut()` drops every connection and
 * refuses new ones, as an unreachable server would; `restore()` listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    if (server) return;
    server = createServer((client) => {
      const upstream = connect(targetPort, targetHost);
      track(client);
      track(upstream);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    if (!server) return;
    const closing = new Promise((r) => server!.close(r));
    server = null;
    for (const s of sockets) s.destroy();
    await closing;
  };
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}

/** Signs a demo user in over HTTP; the headers make cookie-authenticated writes from the app's own origin. */
export async function signInHeaders(
  baseUrl: string,
  who: 'admin' | 'editor' | 'reviewer' = 'editor',
): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@demo.factdesk`, password: 'factdesk-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in as ${who} answered ${res.status}: ${await res.text()}`);
  return { 'content-type': 'application/json', cookie: res.headers.get('set-cookie')!.split(';')[0], origin: baseUrl };
}

const SAMPLE_LINES = ['lavrov-minsk-2022-06-30.txt', 'memri-6998-lavrov-belarus-interview-2017.txt'].flatMap((f) =>
  readFileSync(join(ROOT, 'fixtures', f), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
);

/**
 * n distinct documents of a few kilobytes each: windows of eight lines over the two sample transcripts
 * (which hold many check-worthy claims), each ending with its own label.
 */
export function sampleTexts(n: number, label: string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const lines = Array.from({ length: 8 }, (_, k) => SAMPLE_LINES[(i * 5 + k) % SAMPLE_LINES.length]);
    return `${lines.join('\n\n')}\n\n(${label} copy ${i})`;
  });
}

/** Submits texts as documents (a few at a time) and returns the HTTP answers in order. */
export async function submitTexts(
  baseUrl: string,
  headers: Record<string, string>,
  texts: string[],
  parallel = 5,
): Promise<{ status: number; body: { document?: { id: string } } }[]> {
  const answers: { status: number; body: { document?: { id: string } } }[] = new Array(texts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < texts.length) {
        const i = next++;
        const res = await fetch(`${baseUrl}/api/documents`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ text: texts[i] }),
        });
        answers[i] = { status: res.status, body: await res.json() };
      }
    }),
  );
  return answers;
}

/** A connection of the test's own to its database. */
export async function connectDb(url: string): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: url, application_name: 'factdesk-fault-test' });
  await db.connect();
  return db;
}

export async function countDocuments(db: pg.Client, status: string): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM documents WHERE status = $1`, [status])).rows[0].n;
}

const bySpan = (a: string, b: string) => {
  const [as, ae] = a.split('-').map(Number);
  const [bs, be] = b.split('-').map(Number);
  return as - bs || ae - be;
};

/**
 * The check-worthy spans the built detection library finds in each text, as the worker would (a clean run).
 * It runs in a child process: the library is several times slower inside Jest's module sandbox.
 */
function librarySpans(texts: string[]): string[][] {
  const library = pathToFileURL(join(ROOT, 'libs/claim-detection/dist/index.js')).href;
  const script = `import { detectClaims } from ${JSON.stringify(library)};
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const spans = [];
  for (const t of JSON.parse(input)) spans.push((await detectClaims(t)).sentences.filter((s) => s.checkworthy).map((s) => s.start + '-' + s.end));
  process.stdout.write(JSON.stringify(spans));
});`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      input: JSON.stringify(texts),
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    }),
  );
}

/**
 * Every document's claims against what the detection library finds in its text (a clean run): the same
 * spans, each once. Returns a list of differences (empty when all match) so a failure names the documents.
 */
export async function claimDifferences(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.original_text AS text, coalesce(array_agg(c.start_offset || '-' || c.end_offset) FILTER (WHERE c.id IS NOT NULL), '{}') AS spans
     FROM documents d LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id`,
  );
  const docs = rows as { id: string; text: string; spans: string[] }[];
  const expected = librarySpans(docs.map((d) => d.text));
  const problems: string[] = [];
  docs.forEach((doc, i) => {
    const want = [...expected[i]].sort(bySpan);
    const got = [...doc.spans].sort(bySpan);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const missing = want.filter((w) => !got.includes(w));
      const extra = got.filter((g, j) => !want.includes(g) || got.indexOf(g) !== j);
      problems.push(
        `${doc.id}: ${doc.spans.length} claims stored, ${want.length} expected; missing ${missing.join(' ') || 'none'}; extra or twice ${extra.join(' ') || 'none'}`,
      );
    }
  });
  return problems;
}

/** The detection queue's jobs (any state) as BullMQ records them: which document, how often started, how it ended. */
export async function detectionJobs(
  env: Record<string, string>,
): Promise<{ documentId: string; attemptsStarted: number; attemptsMade: number; state: string }[]> {
  const queue = new JobQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, connection: 'worker' });
  try {
    const jobs = await queue.getJobs(QUEUE_NAMES.documentDetect, [
      'completed',
      'failed',
      'active',
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
    ]);
    return Promise.all(
      jobs.map(async (j) => ({
        documentId: j.data.documentId,
        attemptsStarted: j.attemptsStarted,
        attemptsMade: j.attemptsMade,
        state: await j.getState(),
      })),
    );
  } finally {
    await queue.close();
  }
}

/**
 * A redis-server of the test's own on a free port, without persistence: `stop()` then `start()` is a Redis
 * that restarted and lost every key (queued jobs, job schedulers), as one without AOF does.
 */
export interface OwnRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let server: ChildProcess | null = null;
  const alive = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (server) return;
      server = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--maxmemory-policy',
          'noeviction',
        ],
        { stdio: 'ignore' },
      );
      await eventually(alive, { timeout: 10_000, interval: 50, message: `redis-server on port ${port}` });
    },
    async stop() {
      if (!server || server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGKILL');
      await exited;
      server = null;
    },
  };
}
