import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWorker, type WorkerHarness } from './harness.js';

/*
 * Hostile documents the API accepts, through the worker (issue 9, Security): each ends `done` or `failed`
 * with a reason a person can read — no hang, no job retried for ever. The page server is the test's own, on
 * 127.0.0.2, the only address the configuration allows.
 */
const ENV = { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.2', DOCUMENT_MAX_BYTES: String(2 * 1024 * 1024) };

let w: WorkerHarness;
let site: Server;
let siteUrl: string;
/** Requests that reached a server on 127.0.0.1, which no fetch may reach. */
let forbidden: Server;
let forbiddenPort: number;
const forbiddenHits: string[] = [];

beforeAll(async () => {
  w = await startWorker(ENV);
  forbidden = createServer((req, res) => {
    forbiddenHits.push(req.url!);
    res.end('<html><body><p>Internal: the admin password is hunter2.</p></body></html>');
  });
  await new Promise<void>((r) => forbidden.listen(0, '127.0.0.1', r));
  forbiddenPort = (forbidden.address() as AddressInfo).port;
  site = createServer((req, res) => {
    const to: Record<string, string> = {
      '/to-localhost': `http://localhost:${forbiddenPort}/secret`,
      '/to-hex-loopback': `http://0x7f000001:${forbiddenPort}/secret`,
      '/to-mapped-loopback': `http://[::ffff:127.0.0.1]:${forbiddenPort}/secret`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    };
    if (to[req.url!]) res.writeHead(302, { location: to[req.url!] }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
  siteUrl = `http://127.0.0.2:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await w?.close();
  site.closeAllConnections();
  forbidden.closeAllConnections();
  await new Promise((r) => site.close(r));
  await new Promise((r) => forbidden.close(r));
}, 180_000);

it('processes a 1 MB transcript on a single line to its claims', async () => {
  // A long session's transcript with its line breaks lost: mostly talk, a check-worthy statement in forty.
  const talk = [
    'The weather was pleasant that afternoon.',
    'Thank you, colleagues, for coming today.',
    'We had a frank and friendly conversation.',
    'Let me now turn to the next question.',
  ];
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 1024 * 1024; i++)
    text += `${i % 40 === 0 ? `Minister Ivanov said wheat exports grew by ${i % 97} percent in ${1900 + (i % 120)}.` : talk[i % 4]} `;
  text = text.trim();
  expect(text).not.toContain('\n');
  const doc = await w.settled((await w.submit({ text }, { title: 'One line, one megabyte' })).id, 180_000);
  expect({ status: doc.status, error: doc.error }).toEqual({ status: 'done', error: null });
  expect(doc.claims.length).toBeGreaterThan(500);
  for (const claim of doc.claims.slice(0, 50)) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
}, 240_000);

it('fails a ZIP named .docx, and a PDF that is only a header, with a reason and no claims', async () => {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0x41)]);
  for (const [name, bytes, contentType, format] of [
    ['report.docx', zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['report.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf', 'pdf'],
  ] as const) {
    // Stored as the API stores an upload it recognised by its bytes and name (tested in apps/api).
    const doc = await w.settled((await w.submit({ file: { name, bytes, contentType, format } })).id, 60_000);
    expect({ name, status: doc.status, claims: doc.claims.length }).toEqual({ name, status: 'failed', claims: 0 });
    expect(doc.error).toMatch(/could not be read|not a valid|corrupt|unreadable/i);
  }
});

it.each(['/to-localhost', '/to-hex-loopback', '/to-mapped-loopback', '/to-metadata'])(
  'fails a page that redirects %s, without ever reaching it',
  async (path) => {
    const doc = await w.settled((await w.submit({ url: `${siteUrl}${path}` })).id, 60_000);
    expect({ status: doc.status, claims: doc.claims.length }).toEqual({ status: 'failed', claims: 0 });
    expect(doc.error).toMatch(/private, loopback, link-local or reserved/);
    expect(forbiddenHits).toEqual([]);
  },
);
