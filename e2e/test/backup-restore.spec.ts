import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { databaseUrlWithName } from '@factdesk/persistence';
import { freePort, ROOT, runBuilt, startStack, waitForHealth, type Proc, type Stack } from '../support/stack.js';
import { waitForDocument } from '../support/web.js';

// The backup and restore procedure of docs/operations.md, run as written: pg_dump of a working
// install, pg_restore into a fresh database, the migrate command, and the app on the restored copy.
const exec = promisify(execFile);

let stack: Stack;
let restoredApi: Proc | undefined;
let restoredUrl: string | undefined;
const dir = mkdtempSync(join(tmpdir(), 'factdesk-backup-'));

beforeAll(async () => {
  stack = await startStack({ worker: true });
});
afterAll(async () => {
  if (restoredApi?.child.exitCode === null) {
    restoredApi.child.kill('SIGTERM');
    await restoredApi.exited;
  }
  if (restoredUrl)
    await exec('dropdb', [
      '--if-exists',
      '--force',
      '--maintenance-db',
      databaseUrlWithName(restoredUrl, 'postgres'),
      new URL(restoredUrl).pathname.slice(1),
    ]).catch(() => undefined);
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function session(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'factdesk-demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

function client(baseUrl: string, cookie: string) {
  return async (method: string, path: string, body?: unknown, expected = [200, 201]) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

it('a dump restored into a fresh database runs the app with every document, claim, fact-check, session and audit event', async () => {
  const editor = client(stack.baseUrl, await session(stack.baseUrl, 'editor@demo.factdesk'));
  const reviewerCookie = await session(stack.baseUrl, 'reviewer@demo.factdesk');
  const reviewer = client(stack.baseUrl, reviewerCookie);

  // A working install: an ingested sample and a published fact-check.
  const text = readFileSync(join(ROOT, 'fixtures/lavrov-minsk-2022-06-30.txt'), 'utf8');
  const { document } = await editor('POST', '/api/documents', { text, title: 'Backup test' });
  await waitForDocument(() => editor('GET', `/api/documents/${document.id}`));
  const me = await reviewer('GET', '/api/me');
  const rating = (await editor('GET', '/api/ratings')).find((r: { slug: string }) => r.slug === 'false');
  const claim = await editor('POST', '/api/claims', {
    text: 'The bridge cost twice its budget.',
    speakerName: 'A Minister',
  });
  const url = `/api/claims/${claim.id}`;
  await editor('PUT', `${url}/assignment`, { assigneeId: me.user.id });
  await reviewer('PUT', `${url}/verdict`, {
    version: 0,
    ratingId: rating.id,
    headline: 'The bridge did not cost twice its budget',
    conclusion: 'The audit office puts the overrun at 12%.',
    analysis: 'The **audit** says otherwise.',
    sources: [
      {
        url: 'https://audit.example.org/bridge',
        title: 'Audit report',
        publisher: 'Audit Office',
        kind: 'primary',
        quote: 'overrun of 12%',
      },
    ],
  });
  await reviewer('POST', `${url}/submit`);
  await editor('POST', `${url}/approve`);
  const factCheck = await editor('POST', `${url}/publish`);

  const live = new pg.Client({ connectionString: stack.database.url });
  await live.connect();
  const counts = async (c: pg.Client) =>
    (
      await c.query(`SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM claims)::int AS claims,
                           (SELECT count(*) FROM fact_checks)::int AS fact_checks, (SELECT count(*) FROM audit_events)::int AS audit_events,
                           (SELECT count(*) FROM sessions)::int AS sessions`)
    ).rows[0];
  const before = await counts(live);
  await live.end();
  expect(before.claims).toBeGreaterThan(1);

  // Backup while the app runs (pg_dump reads one consistent snapshot), then restore into a new database.
  const dump = join(dir, 'factdesk.dump');
  await exec('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, stack.database.url]);
  restoredUrl = databaseUrlWithName(stack.database.url, `${stack.database.name}_restored`);
  await exec('createdb', [
    '--maintenance-db',
    databaseUrlWithName(restoredUrl, 'postgres'),
    new URL(restoredUrl).pathname.slice(1),
  ]);
  await exec('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dump]);

  const env = { ...stack.env, DATABASE_URL: restoredUrl, PORT: String(await freePort()) };
  const migrate = runBuilt('apps/api/dist/cli/migrate.js', env);
  expect((await migrate.exited).code).toBe(0);

  const restored = new pg.Client({ connectionString: restoredUrl });
  await restored.connect();
  try {
    expect(await counts(restored)).toEqual(before);
    // The append-only rule of the audit log came back with the schema.
    await expect(restored.query('DELETE FROM audit_events')).rejects.toThrow(/append-only|not allowed|cannot/i);
  } finally {
    await restored.end();
  }

  restoredApi = runBuilt('apps/api/dist/main.js', env);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(baseUrl, restoredApi);
  // A session signed in before the backup still works: sessions live in PostgreSQL, keyed by SESSION_SECRET.
  const again = client(baseUrl, reviewerCookie);
  expect((await again('GET', '/api/me')).user.email).toBe('reviewer@demo.factdesk');
  const page = await fetch(`${baseUrl}/fact-checks/${factCheck.slug}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('The bridge did not cost twice its budget');
  const restoredEditor = client(baseUrl, await session(baseUrl, 'editor@demo.factdesk'));
  const doc = await restoredEditor('GET', `/api/documents/${document.id}`);
  expect(doc.status).toBe('done');
  expect(doc.claims.length).toBeGreaterThan(0);
  // New writes work on the restored copy (sequences and triggers restored).
  const added = await restoredEditor('POST', '/api/claims', {
    text: 'Written after the restore.',
    speakerName: 'A Minister',
  });
  expect(await restoredEditor('GET', `/api/claims/${added.id}/history`)).toEqual([
    expect.objectContaining({ action: expect.any(String) }),
  ]);
}, 180_000);
