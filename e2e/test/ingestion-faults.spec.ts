import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { detectClaims } from '@factdesk/claim-detection';
import { ROOT, runBuilt, startStack, type Proc, type Stack } from '../support/stack.js';

let stack: Stack;
let extraWorker: Proc | undefined;
beforeAll(async () => {
  stack = await startStack({ worker: true });
});
afterAll(async () => {
  if (extraWorker?.child.exitCode === null) {
    extraWorker.child.kill('SIGTERM');
    await extraWorker.exited;
  }
  await stack?.stop();
});

it('a worker killed mid-job and restarted leaves every document done, with exactly the claims of a clean run', async () => {
  const samples = ['lavrov-minsk-2022-06-30.txt', 'memri-6998-lavrov-belarus-interview-2017.txt'].map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
  const texts = Array.from({ length: 12 }, (_, i) => `${samples[i % 2]}\n\n(Fault test copy ${i})`);
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@demo.factdesk', password: 'factdesk-demo' }) });
  const headers = { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0], origin: stack.baseUrl };
  const ids: string[] = [];
  for (const text of texts) {
    const res = await fetch(`${stack.baseUrl}/api/documents`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    expect(res.status).toBe(201);
    ids.push((await res.json()).document.id);
  }
  const db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  try {
    // Kill the worker as soon as it has finished something, so it dies with work in hand.
    for (let i = 0; i < 300; i += 1) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM documents WHERE status = 'done'`);
      if (rows[0].n >= 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    stack.worker!.child.kill('SIGKILL');
    await stack.worker!.exited;
    const { rows: unfinished } = await db.query(`SELECT count(*)::int AS n FROM documents WHERE status <> 'done'`);
    expect(unfinished[0].n).toBeGreaterThan(0);

    extraWorker = runBuilt('apps/worker/dist/main.js', stack.env);
    // A job the killed worker held comes back when BullMQ notices it stalled (about 30 s).
    const deadline = Date.now() + 100_000;
    let done = 0;
    while (Date.now() < deadline && done < ids.length) {
      done = (await db.query(`SELECT count(*)::int AS n FROM documents WHERE status = 'done'`)).rows[0].n;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(done).toBe(ids.length);
    const { rows } = await db.query(`SELECT d.original_text AS text, count(c.id)::int AS claims FROM documents d LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id`);
    for (const row of rows) {
      expect(row.claims).toBe(detectClaims(row.text).sentences.filter((s) => s.checkworthy).length);
    }
  } finally {
    await db.end();
  }
}, 150_000);
