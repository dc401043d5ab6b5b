// `npm start` as a person runs it: in a terminal (a pty made by util-linux's `script`), on a database and
// Redis prefix of its own. It must ask nothing, show readable lines ending with the URLs and sign-ins,
// bring a killed worker back, and stop everything on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import {
  eventually,
  createTestDatabase,
  createTestRedisPrefix,
  type TestDatabase,
  type TestRedisPrefix,
} from '@factdesk/testing';
import { connectDb, sampleTexts, signInHeaders, submitTexts } from '../support/faults.js';
import { freePort, ROOT } from '../support/stack.js';

const ANSI = /\x1b\[[0-9;]*m/g; // eslint-disable-line no-control-regex -- the terminal's colour codes
const screenText = (raw: string) => raw.replace(ANSI, '').replace(/\r/g, '');
/** The screen's last lines, for a failure message: what the person would have seen. */
const screenTail = () => screenText(screen).split('\n').slice(-40).join('\n');

/** Processes of this test's system: node entry points whose environment names its Redis prefix. */
function systemPids(entry: string, prefix: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(entry)) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`REDIS_PREFIX=${prefix}`)) pids.push(+pid);
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

let database: TestDatabase;
let redis: TestRedisPrefix;
let terminal: ChildProcess;
let screen = '';
let baseUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedisPrefix();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    TERM: 'xterm-256color',
  };
  delete env.LOG_LEVEL;
  delete env.LOG_FORMAT;
  delete env.CI; // a person's terminal, not CI
  // `exec`: script runs the command through $SHELL, and dash (CI's /bin/sh) does not exec it itself; a shell
  // left in between dies of the Ctrl-C (exit 130) whatever start.mjs does, as no person's terminal would.
  terminal = spawn('script', ['-qefc', 'exec node scripts/start.mjs', '/dev/null'], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  terminal.stdout!.on('data', (d) => (screen += d));
  terminal.stderr!.on('data', (d) => (screen += d));
  await eventually(() => screenText(screen).includes('Press Ctrl-C to stop.'), {
    timeout: 240_000,
    interval: 250,
    message: 'the start banner',
  });
}, 250_000);

afterAll(async () => {
  if (terminal?.exitCode === null) terminal.kill('SIGKILL');
  for (const entry of ['apps/api/dist/main.js', 'apps/worker/dist/main.js'])
    for (const pid of systemPids(entry, redis.prefix)) process.kill(pid, 'SIGKILL');
  await database?.drop();
  await redis?.clear();
});

describe('npm start in a terminal', () => {
  it('asks nothing and shows readable lines that end with the URLs and sign-ins', () => {
    const text = screenText(screen);
    expect(text).not.toMatch(/share usage data|\? \(y\/n\)|Yes.*No/i);
    const lines = text.split('\n').filter((l) => l.trim());
    // Logs for a person: "[hh:mm:ss] LEVEL: process: message", never JSON lines or Nest's route table.
    expect(lines.filter((l) => l.trimStart().startsWith('{'))).toEqual([]);
    expect(text).not.toMatch(/Mapped \{/);
    expect(lines.some((l) => /^\[\d\d:\d\d:\d\d\] INFO: api: /.test(l))).toBe(true);
    const banner = lines.slice(lines.indexOf('Factdesk is running.'));
    expect(banner.length).toBeLessThanOrEqual(14);
    expect(banner.join('\n')).toContain(`Web app:      ${baseUrl}/`);
    expect(banner.join('\n')).toMatch(/editor\s+editor@demo\.factdesk/);
    expect(banner.at(-1)).toBe('Press Ctrl-C to stop.');
  });

  it('publishes a demo fact-check with provenance: on its page, the index, the speaker page and every feed', async () => {
    const text = screenText(screen);
    expect(text).toMatch(/demo fact-check: published at /);
    const slug = /demo fact-check: published at \S+\/fact-checks\/(\S+)/.exec(text)![1];
    const page = await (await fetch(`${baseUrl}/fact-checks/${slug}`)).text();
    expect(page).toContain('Demo: were 40 percent of the Union State programmes implemented within a year?');
    expect(page).toContain('Minsk, Belarus');
    expect(page).toContain('Sergey Lavrov’s comment for the Belarusian media after talks with Alexander Lukashenko');
    expect(page).toContain('recording at 1:35');
    expect(page).toContain('<script type="application/ld+json">');
    const headline = 'were 40 percent of the Union State programmes';
    for (const path of [
      '/fact-checks',
      '/feed.json',
      '/feed.atom',
      '/feed.rss',
      '/claimreview-feed.json',
      '/sitemap.xml',
    ]) {
      const body = await (await fetch(`${baseUrl}${path}`)).text();
      expect({ path, found: body.includes(path === '/sitemap.xml' ? slug : headline) }).toEqual({ path, found: true });
    }
    const speaker = /href="[^"]*(\/speakers\/[^"]+)"/.exec(page)![1];
    expect(await (await fetch(`${baseUrl}${speaker}`)).text()).toContain(headline);
  });

  it('brings a killed worker back, and the document in flight ends done', async () => {
    const [worker] = systemPids('apps/worker/dist/main.js', redis.prefix);
    expect(worker).toBeGreaterThan(0);
    const headers = await signInHeaders(baseUrl);
    const [answer] = await submitTexts(baseUrl, headers, sampleTexts(1, `start-spec ${Date.now()}`));
    process.kill(worker, 'SIGKILL');
    await eventually(() => /worker exited: killed by SIGKILL; restarting in \d+ s/.test(screenText(screen)), {
      timeout: 10_000,
      message: 'the restart line',
    }).catch((err) => {
      throw new Error(`${err.message}\n--- screen ---\n${screenTail()}`);
    });
    const restarted = await eventually(
      () => systemPids('apps/worker/dist/main.js', redis.prefix).find((p) => p !== worker) ?? null,
      { timeout: 30_000, message: 'a new worker' },
    );
    expect(restarted).not.toBe(worker);
    const db = await connectDb(database.url);
    try {
      await eventually(
        async () =>
          (await db.query('SELECT status FROM documents WHERE id = $1', [answer.body.document!.id])).rows[0]?.status ===
          'done',
        { timeout: 120_000, interval: 500, message: 'the document to be done' },
      );
    } finally {
      await db.end();
    }
  }, 180_000);

  it('stops every process on Ctrl-C', async () => {
    if (terminal.exitCode !== null)
      throw new Error(`npm start had already exited (${terminal.exitCode})\n--- screen ---\n${screenTail()}`);
    const exited = new Promise((resolve) => terminal.once('exit', (c) => resolve(c)));
    terminal.stdin!.write('\x03');
    const code = await Promise.race([
      exited,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`still running 45 s after Ctrl-C\n--- screen ---\n${screenTail()}`)), 45_000),
      ),
    ]);
    expect(code).toBe(0);
    expect(systemPids('apps/api/dist/main.js', redis.prefix)).toEqual([]);
    expect(systemPids('apps/worker/dist/main.js', redis.prefix)).toEqual([]);
  }, 60_000);
});
