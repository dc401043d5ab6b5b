import { DocumentEntity } from '@factdesk/persistence';
import { createRedisClient, liveWorkers } from '@factdesk/queue';
import { deepHtml, docx, docxBomb, eventually, pdfPageTreeBomb } from '@factdesk/testing';
import { startWorker, type WorkerHarness } from './harness.js';

/*
 * Hostile documents through the whole worker (issue 15, "Extraction has no limits"): each fails at once — no
 * retry — with the limit it crossed in words a person reads, while the worker stays responsive, keeps its
 * heartbeat and processes the next document. The nesting limit is raised here so that one page (2,000 levels,
 * about a minute of Readability) is stopped by the deadline instead.
 */
const ENV = {
  DOCUMENT_MAX_BYTES: String(4 * 1024 * 1024),
  EXTRACTION_TIMEOUT_SECONDS: '5',
  EXTRACTION_MAX_HTML_DEPTH: '5000',
};
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const STATEMENT = 'Minister Ivanov said wheat exports grew by 40 percent in 2021, the largest rise since 1990.';

let w: WorkerHarness;
beforeAll(async () => {
  w = await startWorker(ENV);
});
afterAll(() => w?.close(), 60_000);

type Format = 'pdf' | 'docx' | 'html';
const submit = (name: string, bytes: Buffer, contentType: string, format: Format) =>
  w.submit({ file: { name, bytes, contentType, format } });

/** Waits for `done` or `failed`, keeping every reason the document showed on the way (a retry leaves one). */
async function settled(id: string): Promise<{ doc: DocumentEntity; reasons: string[] }> {
  const reasons = new Set<string>();
  const repo = w.db.getRepository(DocumentEntity);
  const doc = await eventually(
    async () => {
      const row = await repo.findOneByOrFail({ id });
      if (row.error) reasons.add(row.error);
      return row.status === 'done' || row.status === 'failed' ? row : null;
    },
    { timeout: 90_000, interval: 100, message: () => `document ${id} to leave the pipeline` },
  );
  return { doc, reasons: [...reasons] };
}

/** The longest this process's event loop (the worker's) waited while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 20);
  try {
    return { result: await work(), stallMs };
  } finally {
    clearInterval(tick);
  }
}

describe('hostile documents through the worker', () => {
  it.each([
    ['a .docx zip bomb', 'bomb.docx', () => docxBomb(10_000_000), DOCX, 'docx', 'The file unpacks to more than 50 MB.'],
    [
      'a PDF page-tree bomb',
      'bomb.pdf',
      () => pdfPageTreeBomb(20),
      'application/pdf',
      'pdf',
      'The PDF has more than 2,000 pages.',
    ],
    [
      'a page nested 200,000 deep',
      'deep.html',
      () => deepHtml(200_000, 'b'),
      'text/html',
      'html',
      'The page nests deeper than 5,000 levels.',
    ],
    [
      'a page that takes a minute',
      'slow.html',
      () => deepHtml(2000),
      'text/html',
      'html',
      'Extraction took longer than 5 s.',
    ],
  ] as const)(
    'fails %s at once with the reason, and the worker stays responsive',
    async (_kind, name, build, type, format, reason) => {
      const stored = await submit(name, build(), type, format);
      const { result, stallMs } = await longestStall(() => settled(stored.id));
      expect({ status: result.doc.status, error: result.doc.error }).toEqual({ status: 'failed', error: reason });
      // One attempt: a retry would have shown "Attempt 1 failed (…); retrying." on the way.
      expect(result.reasons).toEqual([reason]);
      // Job locks, heartbeats and webhook deliveries run on this event loop: it never waited long.
      expect(stallMs).toBeLessThan(1500);
    },
    120_000,
  );

  it('is alive, announcing itself and processing the next document after hostile ones', async () => {
    const hostile = [
      // Not the files above: the same content again would be the same document.
      await submit('bomb.docx', docxBomb(10_000_001), DOCX, 'docx'),
      await submit('slow.html', deepHtml(2001), 'text/html', 'html'),
    ];
    const next = await submit('statement.docx', docx(`<w:p><w:r><w:t>${STATEMENT}</w:t></w:r></w:p>`), DOCX, 'docx');
    const [bomb, slow] = await Promise.all(hostile.map((d) => settled(d.id)));
    expect([bomb.doc.status, slow.doc.status]).toEqual(['failed', 'failed']);
    const doc = await w.settled(next.id, 90_000);
    expect({ status: doc.status, error: doc.error, text: doc.text }).toEqual({
      status: 'done',
      error: null,
      text: STATEMENT,
    });
    expect(doc.claims.map((c) => c.text)).toEqual([STATEMENT]);
    // What /api/health counts: the worker's heartbeat is in Redis.
    const redis = createRedisClient(w.config.redisUrl, 'commands');
    try {
      expect(await liveWorkers(redis, w.config.redisPrefix)).toBe(1);
    } finally {
      redis.disconnect();
    }
  }, 180_000);
});
