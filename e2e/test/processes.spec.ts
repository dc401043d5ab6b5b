import { createTestDatabase, createTestRedisPrefix, type TestDatabase } from '@factdesk/testing';
import { freePort, runBuilt, waitForHealth } from '../support/stack.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const base = () => ({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: createTestRedisPrefix().prefix, LOG_LEVEL: 'warn' });

describe.each(['apps/api/dist/main.js', 'apps/worker/dist/main.js'])('%s', (entry) => {
  it('exits with one clear line when PostgreSQL cannot be reached', async () => {
    const p = runBuilt(entry, { ...base(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/factdesk' });
    expect((await p.exited).code).toBe(1);
    const lines = p.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/factdesk \(ECONNREFUSED\)\. Start it/);
  });

  it('exits with one clear line when Redis cannot be reached', async () => {
    const p = runBuilt(entry, { ...base(), REDIS_URL: 'redis://127.0.0.1:1' });
    expect((await p.exited).code).toBe(1);
    expect(p.output().trim()).toMatch(/^factdesk-(api|worker): cannot reach Redis at 127\.0\.0\.1:1 \(ECONNREFUSED\)\. Start it/);
  });

  it('exits with one clear line on bad configuration', async () => {
    const p = runBuilt(entry, { ...base(), NODE_ENV: 'production', REDIS_URL: 'http://nope' });
    expect((await p.exited).code).toBe(1);
    expect(p.output().trim()).toMatch(/^factdesk-(api|worker): invalid configuration: .*REDIS_URL must be a URL starting with redis:/);
  });
});

it('the API starts, answers, and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const api = runBuilt('apps/api/dist/main.js', { ...base(), PORT: String(port) });
  await waitForHealth(`http://127.0.0.1:${port}`, api);
  api.child.kill('SIGTERM');
  expect(await api.exited).toEqual({ code: 0, signal: null });
});

it('the worker starts, announces itself, and exits 0 on SIGTERM', async () => {
  const port = await freePort();
  const env = { ...base(), PORT: String(port) };
  const worker = runBuilt('apps/worker/dist/main.js', env);
  const api = runBuilt('apps/api/dist/main.js', env);
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, api);
    const deadline = Date.now() + 15_000;
    let workers = 0;
    while (Date.now() < deadline && workers === 0) {
      workers = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).workers;
      if (!workers) await new Promise((r) => setTimeout(r, 200));
    }
    expect(workers).toBe(1);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    // A cleanly stopped worker withdraws its announcement at once.
    expect((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).workers).toBe(0);
  } finally {
    api.child.kill('SIGTERM');
    await api.exited;
  }
});
