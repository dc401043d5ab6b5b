import { ClaimMatchEntity, DocumentEntity } from '@factdesk/persistence';
import { eventually, publishDeskEvents } from '@factdesk/testing';
import { startHarness, type Harness } from './harness.js';

// What the API does with a submission; what the worker then does with it is apps/worker/test/ingestion.spec.ts.
let h: Harness;
let editor: Awaited<ReturnType<Harness['signIn']>>;

beforeAll(async () => {
  h = await startHarness({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', DOCUMENT_MAX_BYTES: String(512 * 1024) });
  editor = await h.signIn('editor');
});
afterAll(() => h?.close());

const submit = (body: unknown) => h.request({ method: 'POST', url: '/api/documents', cookie: editor.cookie, body });

describe('submitting documents', () => {
  it('stores a pasted text as queued, and the same content again as the same document', async () => {
    const text = 'Minister Ivanov: Unemployment fell to 3 percent in 2023, the lowest rate in 30 years.';
    const first = await submit({ text });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ duplicate: false, document: { status: 'queued', format: 'text' } });
    const again = await submit({ text: `${text}\n\n` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, document: { id: first.json().document.id } });
    expect(await h.db.getRepository(DocumentEntity).countBy({ id: first.json().document.id })).toBe(1);
  });

  it('refuses URLs to private, loopback and metadata addresses at submission', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://127.0.0.3:9/',
      'http://[::1]/',
      'file:///etc/passwd',
    ]) {
      const res = await submit({ url });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('url');
    }
  });

  it('answers oversized, unsupported and unreadable files with 413, 415 and 422, storing nothing', async () => {
    const before = await h.db.getRepository(DocumentEntity).count();
    const file = (name: string, bytes: Buffer, contentType: string) =>
      h.upload(editor.cookie, { name, bytes, contentType });
    expect((await file('big.txt', Buffer.alloc(600 * 1024, 'a'), 'text/plain')).statusCode).toBe(413);
    expect((await file('tool.exe', Buffer.from('MZ...'), 'application/octet-stream')).statusCode).toBe(415);
    expect((await file('bad.txt', Buffer.from([0x41, 0xc3, 0x28]), 'text/plain')).statusCode).toBe(422);
    expect((await file('nul.txt', Buffer.from([0x41, 0, 0x42]), 'text/plain')).statusCode).toBe(422);
    expect((await submit({ text: 'x'.repeat(600 * 1024) })).statusCode).toBe(413);
    expect((await submit({ text: '   ' })).statusCode).toBe(400);
    expect((await submit({ text: 'a', url: 'http://example.org' })).statusCode).toBe(400);
    expect(await h.db.getRepository(DocumentEntity).count()).toBe(before);
  });

  it('keeps the uploaded bytes under the base name of the file', async () => {
    const res = await h.upload(editor.cookie, {
      name: '../../etc/pass wd.pdf',
      bytes: Buffer.from('%PDF-1.4\n% base name\n'),
      contentType: 'application/pdf',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toMatchObject({
      status: 'queued',
      format: 'pdf',
      title: 'Uploaded ../../etc/pass wd.pdf',
    });
    const stored = await h.db.getRepository(DocumentEntity).findOneByOrFail({ id: res.json().document.id });
    expect(stored.rawFileName).toBe('pass wd.pdf');
  });

  it('queues a failed document again on retry, as a new attempt', async () => {
    const doc = await h.data.document(
      { url: 'http://127.0.0.1:9/gone' },
      { status: 'failed', error: 'The address answered 404.' },
    );
    const retried = await h.request({ method: 'POST', url: `/api/documents/${doc.id}/retry`, cookie: editor.cookie });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 1, error: null });
  });
});

describe('nothing is lost', () => {
  it('accepts documents while Redis is unreachable, leaving them queued for the sweep', async () => {
    const offline = await startHarness({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const { cookie } = await offline.signIn('editor');
      const res = await offline.request({
        method: 'POST',
        url: '/api/documents',
        cookie,
        body: { text: 'Minister Petrov: Inflation reached 7 percent in 2023.' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().document.status).toBe('queued');
      expect(
        await offline.db.getRepository(DocumentEntity).findOneByOrFail({ id: res.json().document.id }),
      ).toMatchObject({ status: 'queued', attempts: 0 });
    } finally {
      await offline.close();
    }
  });
});

describe('checked before', () => {
  it('lists a claim with the earlier fact-check it was linked to', async () => {
    const old = await h.data.publishedFactCheck({ text: 'NATO carried out five expansion waves.' });
    const doc = await h.data.document({ text: 'Lavrov: NATO carried out five expansion waves.' }, { status: 'done' });
    const claim = await h.data.claim({ text: 'NATO carried out five expansion waves.', documentId: doc.id });
    await h.db
      .getRepository(ClaimMatchEntity)
      .insert({ claimId: claim.id, kind: 'fact_check', matchedClaimId: old.claim.id, similarity: 0.93 });
    const listed = (await h.request({ url: `/api/claims?documentId=${doc.id}`, cookie: editor.cookie })).json();
    expect(listed.items.find((c: { id: string }) => c.id === claim.id).checkedBefore).toMatchObject({
      slug: old.slug,
    });
  });
});

describe('progress on the event stream', () => {
  it("relays the worker's events to signed-in users", async () => {
    const base = await h.listen();
    const abort = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: { cookie: editor.cookie }, signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let received = '';
    const reading = (async () => {
      while (!/event: claims/.test(received)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += Buffer.from(value).toString();
      }
    })();
    try {
      const documentId = '00000000-0000-4000-8000-0000000000e1';
      // Published until the stream shows them: the stream subscribes to Redis as it opens.
      await eventually(
        async () => {
          await publishDeskEvents(h.config.redisPrefix, [
            { type: 'document', documentId, status: 'done', progress: 100, error: null },
            { type: 'claims', documentId, count: 2, checkworthy: 2 },
          ]);
          return /event: claims/.test(received);
        },
        { interval: 100, message: 'the events on the stream' },
      );
      expect(received).toMatch(/event: document/);
      expect(received).toContain(documentId);
    } finally {
      abort.abort();
      await reading.catch(() => undefined);
    }
  });
});

describe('the documents list, more than a page', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 130; i++)
      await h.data.document(
        { text: `Transcript of debate ${i}: the minister said exports rose by ${i} percent.` },
        { title: `Budget debate ${i}`, status: i % 10 === 0 ? 'failed' : 'done' },
      );
  });
  const list = async (query: string) => {
    const res = await h.request({ url: `/api/documents?${query}`, cookie: editor.cookie });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const count = async (where: string, params: unknown[] = []) =>
    (await h.db.query(`SELECT count(*)::int AS n FROM documents WHERE ${where}`, params))[0].n;

  it('counts every document, as the database does, and pages through them all, each once', async () => {
    const seen: string[] = [];
    let page = await list('limit=50');
    expect(page.total).toBe(await count('true'));
    expect(page.total).toBeGreaterThan(100);
    for (;;) {
      seen.push(...page.items.map((d: { id: string }) => d.id));
      if (!page.nextCursor) break;
      page = await list(`limit=50&cursor=${encodeURIComponent(page.nextCursor)}`);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(await count('true'));
  });

  it('counts what a search and a status filter match, not the page', async () => {
    const search = await list('q=Budget%20debate%201&limit=5');
    expect(search.items).toHaveLength(5);
    expect(search.total).toBe(await count("title ILIKE '%Budget debate 1%'"));
    expect(search.total).toBe(42); // 1, 10–19, 100–130
    const failed = await list('status=failed&q=Budget');
    expect(failed.total).toBe(13);
    expect(failed.items.every((d: { status: string }) => d.status === 'failed')).toBe(true);
  });
});
