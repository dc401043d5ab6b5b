import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  createTestRedisPrefix,
  eventually,
  type TestDatabase,
  type TestRedisPrefix,
} from '@factdesk/testing';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs one of the built entry points (apps/api/dist/main.js, …) with the given environment. */
export function runBuilt(entry: string, env: Record<string, string>): Proc {
  const file = join(ROOT, entry);
  if (!existsSync(file)) throw new Error(`${entry} is not built: run the build first (npm test does)`);
  const child = spawn(process.execPath, [file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => out, exited };
}

/** Stops a process a test started (SIGTERM, then SIGKILL if it hangs), whatever state the test left it in. */
export async function stopProc(proc: Proc | null | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 20_000);
  await proc.exited;
  clearTimeout(timer);
}

export async function waitForHealth(baseUrl: string, proc: Proc, timeoutMs = 30_000): Promise<void> {
  let exited = false;
  await eventually(
    async () => {
      // A process that exited will not become healthy: stop waiting (the error names it).
      if (proc.child.exitCode !== null) return (exited = true);
      return fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeout: timeoutMs, interval: 200, message: () => `a healthy answer from ${baseUrl}:\n${proc.output()}` },
  );
  if (exited) throw new Error(`process exited early:\n${proc.output()}`);
}

export interface Stack {
  baseUrl: string;
  env: Record<string, string>;
  database: TestDatabase;
  redis: TestRedisPrefix;
  api: Proc;
  worker: Proc | null;
  stop(): Promise<void>;
}

/**
 * The built API (serving the built web app) and optionally the worker, on a database and Redis prefix of their own, with demo data.
 * env: extra variables for the seed, API and worker (e.g. OUTBOUND_ALLOW_ADDRESSES for loopback test servers).
 */
export async function startStack(options: { worker?: boolean; env?: Record<string, string> } = {}): Promise<Stack> {
  const database = await createTestDatabase();
  const redis = createTestRedisPrefix();
  const port = await freePort();
  const env = {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const seed = runBuilt('apps/api/dist/cli/seed.js', env);
  const seeded = await seed.exited;
  if (seeded.code !== 0) throw new Error(`seeding failed:\n${seed.output()}`);
  const api = runBuilt('apps/api/dist/main.js', env);
  const worker = options.worker ? runBuilt('apps/worker/dist/main.js', env) : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, api);
  return {
    baseUrl,
    env,
    database,
    redis,
    api,
    worker,
    async stop() {
      await Promise.all([stopProc(api), stopProc(worker)]);
      await database.drop();
      await redis.clear();
    },
  };
}
