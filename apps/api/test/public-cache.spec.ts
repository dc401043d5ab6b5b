import { jest } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { eventually } from '@factdesk/testing';
import { createApp } from '../src/app.factory.js';
import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

let h: Harness;
let desk: Newsroom;
beforeAll(async () => {
  h = await startHarness();
  desk = await newsroom(h);
});
afterAll(() => h.close());

const get = (url: string, headers: Record<string, string> = {}) => h.request({ url, headers });

/** A request over a real socket, as readers make them: cache hits are answered in front of Fastify, which inject skips. */
function overHttp(base: string, url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    rawPayload: Buffer;
    body: string;
  }>((resolve, reject) => {
    const req = httpRequest(`${base}${url}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        resolve({ statusCode: res.statusCode!, headers: res.headers, rawPayload, body: rawPayload.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
const PUBLIC_URLS = [
  '/fact-checks',
  '/feed.json',
  '/feed.atom',
  '/feed.rss',
  '/claimreview-feed.json',
  '/methodology',
  '/corrections-policy',
];

/** The URL's body once it passes the test, which must happen within a second: the promise to readers. */
async function within1s(request: () => Promise<{ body: string }>, test: (body: string) => boolean): Promise<string> {
  let body = '';
  await eventually(async () => test((body = (await request()).body)), {
    timeout: 1_000,
    interval: 10,
    message: () => `a change within a second:\n${body.slice(0, 300)}`,
  });
  return body;
}

describe('conditional requests', () => {
  let slug: string;
  beforeAll(async () => {
    slug = (await desk.publish({ headline: 'Cached page' })).slug;
  });

  it.each([...PUBLIC_URLS, 'page'])(
    '%s has a strong ETag, Last-Modified and Cache-Control, and answers 304 to either validator',
    async (path) => {
      const url = path === 'page' ? `/fact-checks/${slug}` : path;
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/); // strong: no W/
      expect(res.headers['cache-control']).toBe('public, no-cache');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
      const lastModified = res.headers['last-modified'] as string | undefined;
      if (path !== '/methodology' && path !== '/corrections-policy') {
        expect(new Date(lastModified!).toUTCString()).toBe(lastModified);
        expect((await get(url, { 'if-modified-since': lastModified! })).statusCode).toBe(304);
        expect(
          (await get(url, { 'if-modified-since': new Date(Date.parse(lastModified!) - 2_000).toUTCString() }))
            .statusCode,
        ).toBe(200);
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
        expect((await get(url, { 'if-none-match': '"stale"', 'if-modified-since': lastModified! })).statusCode).toBe(
          200,
        );
      }
    },
  );

  it('serves an unchanged page or feed without a database query', async () => {
    for (const url of [...PUBLIC_URLS, `/fact-checks/${slug}`]) await get(url);
    const spy = jest.spyOn(h.db, 'query');
    try {
      for (const url of [...PUBLIC_URLS, `/fact-checks/${slug}`]) {
        expect((await get(url)).statusCode).toBe(200);
        expect((await get(url, { 'if-none-match': '*' })).statusCode).toBe(304);
      }
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('serving from the cache', () => {
  let slug: string;
  beforeAll(async () => {
    slug = (await desk.publish({ headline: 'Served fast', analysis: 'A long analysis. '.repeat(200) })).slug;
  });
  let base: string;
  beforeAll(async () => {
    base = await h.listen();
  });
  const raw = (url: string, headers: Record<string, string> = {}) => overHttp(base, url, headers);
  const withoutRequestId = (headers: Record<string, unknown>) => {
    const { 'x-request-id': id, date: _date, connection: _c, 'keep-alive': _k, ...rest } = headers;
    expect(id).toEqual(expect.any(String));
    return rest;
  };

  it.each(['/feed.json', 'page', '/methodology'])(
    'answers a hit of %s with exactly the headers of the normal path, security headers included',
    async (path) => {
      const url = path === 'page' ? `/fact-checks/${slug}` : path;
      await desk.publish({ headline: `Clears the cache for ${path}` }); // the next request builds afresh
      await within1s(
        () => get('/feed.atom'),
        (b) => b.includes(`Clears the cache for ${path}`),
      );
      const first = await raw(url);
      const second = await raw(url, { 'x-request-id': 'hit-check-1' });
      expect(second.headers['x-request-id']).toBe('hit-check-1');
      expect(withoutRequestId(second.headers)).toEqual(withoutRequestId(first.headers));
      expect(second.headers['x-content-type-options']).toBe('nosniff');
      if (path === '/feed.json') {
        // Data for other sites' readers: nothing may load or frame it, anyone may read it.
        expect(second.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
        expect(second.headers['access-control-allow-origin']).toBe('*');
        expect(second.headers['cross-origin-resource-policy']).toBe('cross-origin');
        expect(second.headers).not.toHaveProperty('x-frame-options');
      } else {
        expect(second.headers['content-security-policy']).toContain("default-src 'self'");
        expect(second.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(second.headers['cross-origin-resource-policy']).toBe('same-origin');
        expect(second.headers).not.toHaveProperty('access-control-allow-origin');
      }
      expect(second.body).toBe(first.body);
      const notModified = await raw(url, { 'if-none-match': first.headers.etag as string });
      expect(notModified.statusCode).toBe(304);
      // RFC 9110 §15.4.5: validators and cache metadata only; the cached 200 keeps its other headers.
      expect(notModified.headers).toMatchObject({
        etag: first.headers.etag,
        'cache-control': first.headers['cache-control'],
      });
      expect(notModified.headers).not.toHaveProperty('content-type');
      expect(notModified.headers).not.toHaveProperty('content-security-policy');
    },
  );

  it('compresses for clients that accept it, with its own strong ETag per coding, the same content and Vary', async () => {
    const url = `/fact-checks/${slug}`;
    const plain = await raw(url);
    expect(plain.headers).not.toHaveProperty('content-encoding');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await raw(url, { 'accept-encoding': accept });
        expect(res.headers['content-encoding']).toBe(coding);
        expect(res.headers.vary).toBe('Accept-Encoding');
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
        expect(decode(res.rawPayload).toString('utf8')).toBe(plain.body);
        expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}-(br|gz)"$/);
        expect(res.headers.etag).not.toBe(plain.headers.etag);
        // Revalidation compares the representation the client would get.
        expect(
          (await raw(url, { 'accept-encoding': accept, 'if-none-match': res.headers.etag as string })).statusCode,
        ).toBe(304);
        expect(
          (await raw(url, { 'accept-encoding': accept, 'if-none-match': plain.headers.etag as string })).statusCode,
        ).toBe(200);
      }
    }
    expect((await raw(url, { 'accept-encoding': 'identity' })).headers).not.toHaveProperty('content-encoding');
    expect((await raw(url, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers).not.toHaveProperty('content-encoding');
  });

  it('answers HEAD from the cache with the headers and no body', async () => {
    const url = `/fact-checks/${slug}`;
    const full = await raw(url);
    await raw(url);
    const head = await overHttp(base, url, {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    expect(head.headers.etag).toBe(full.headers.etag);
  });

  it('logs no request lines at info, and one per request at debug (cache hits marked)', async () => {
    const lines: { msg: string; url?: string; level: number; reqId?: string; statusCode?: number; cached?: boolean }[] =
      [];
    const sink = new Writable({
      write: (chunk, _enc, cb) => (
        lines.push(
          ...chunk
            .toString()
            .trim()
            .split('\n')
            .map((l: string) => JSON.parse(l)),
        ),
        cb()
      ),
    });
    const logger = pino({ level: 'info' }, sink);
    const app = await createApp(h.config, logger);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    try {
      await overHttp(url, '/feed.rss', { 'x-request-id': 'first-rss' });
      await overHttp(url, '/feed.rss', { 'x-request-id': 'second-rss' });
      const hit = await overHttp(url, '/feed.rss', { 'x-request-id': 'third-rss' });
      expect(hit.headers['x-request-id']).toBe('third-rss');
      await overHttp(url, '/api/health', { 'x-request-id': 'health-1' });
      // Request lines are for debugging: a person's terminal at info shows none of them.
      expect(lines.filter((l) => l.msg === 'request completed' || l.msg === 'incoming request')).toEqual([]);
      logger.level = 'debug';
      await overHttp(url, '/feed.rss', { 'x-request-id': 'fourth-rss' });
      expect(lines.at(-1)).toMatchObject({
        level: 20,
        msg: 'request completed',
        reqId: 'fourth-rss',
        url: '/feed.rss',
        statusCode: 200,
        cached: true,
      });
      await overHttp(url, '/api/health', { 'x-request-id': 'health-2' });
      const requests = lines.filter((l) => l.msg === 'request completed');
      expect(requests.map((l) => l.reqId)).toEqual(['fourth-rss', 'health-2']);
      expect(requests[1]).toMatchObject({ level: 20, url: '/api/health', statusCode: 200 });
      expect(requests[1].cached).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('invalidation', () => {
  it('shows a publication, a correction and a retraction on the page and in all four feeds within a second', async () => {
    const feeds = ['/feed.json', '/feed.atom', '/feed.rss', '/claimreview-feed.json'];
    for (const url of [...feeds, '/fact-checks']) await get(url); // warm the cache
    const fc = await desk.publish({ headline: 'Freshly published claim check' });
    for (const url of [...feeds, '/fact-checks', `/fact-checks/${fc.slug}`])
      await within1s(
        () => get(url),
        (b) => b.includes('Freshly published claim check'),
      );

    const etag = (await get(`/fact-checks/${fc.slug}`)).headers.etag as string;
    await desk.correct(fc.claimId, { note: 'We misread the table.', conclusion: 'Corrected conclusion text.' });
    const page = await within1s(
      () => get(`/fact-checks/${fc.slug}`),
      (b) => b.includes('Corrected conclusion text.'),
    );
    expect(page).toContain('We misread the table.');
    expect(page).toMatch(/Corrected, updated <time/);
    expect((await get(`/fact-checks/${fc.slug}`, { 'if-none-match': etag })).statusCode).toBe(200);
    for (const url of feeds)
      await within1s(
        () => get(url),
        (b) => b.includes('Corrected conclusion text.'),
      );

    await desk.retract(fc.claimId, 'The quote was misattributed.');
    const retracted = await within1s(
      () => get(`/fact-checks/${fc.slug}`),
      (b) => b.includes('The quote was misattributed.'),
    );
    expect(retracted).toContain('<h1>Retracted: Freshly published claim check</h1>');
    expect(retracted).not.toContain('application/ld+json'); // a retracted verdict is no longer offered as a review
    await within1s(
      () => get('/feed.json'),
      (b) => b.includes('Retracted: Freshly published claim check'),
    );
    await within1s(
      () => get('/feed.atom'),
      (b) => b.includes('Retracted: Freshly published claim check'),
    );
    await within1s(
      () => get('/feed.rss'),
      (b) => b.includes('Retracted: Freshly published claim check'),
    );
    await within1s(
      () => get('/claimreview-feed.json'),
      (b) => !b.includes('Freshly published claim check'),
    );
  });

  it('reaches every API process sharing the database', async () => {
    const other = await createApp(h.config, pino({ level: 'silent' }));
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
    try {
      const getOther = async (url: string) => ({ body: (await other.inject({ method: 'GET', url })).body });
      await getOther('/feed.json');
      const fc = await desk.publish({ headline: 'Seen by the second process' });
      await within1s(
        () => getOther('/feed.json'),
        (b) => b.includes('Seen by the second process'),
      );
      await desk.retract(fc.claimId, 'Withdrawn for the second process.');
      await within1s(
        () => getOther(`/fact-checks/${fc.slug}`),
        (b) => b.includes('Withdrawn for the second process.'),
      );
    } finally {
      await other.close();
    }
  });

  it('changes the methodology page when an admin edits it, with sanitised Markdown', async () => {
    const admin = await h.signIn('admin');
    const before = await get('/methodology');
    expect(before.body).toContain('<h1>Methodology</h1>');
    const res = await h.request({
      method: 'PUT',
      url: '/api/site-pages/methodology',
      cookie: admin.cookie,
      body: { title: 'How we work', body: '## Ratings\nWe rate <script>x()</script> *carefully*.' },
    });
    expect(res.statusCode).toBe(200);
    const after = await within1s(
      () => get('/methodology'),
      (b) => b.includes('<h1>How we work</h1>'),
    );
    expect(after).toContain('<em>carefully</em>');
    expect(after).not.toContain('<script>x()');
    expect((await get('/methodology', { 'if-none-match': before.headers.etag as string })).statusCode).toBe(200);
    expect(
      (
        await h.request({
          method: 'PUT',
          url: '/api/site-pages/about',
          cookie: admin.cookie,
          body: { title: 'x', body: 'y' },
        })
      ).statusCode,
    ).toBe(400);
    const editor = await h.signIn('editor');
    expect(
      (
        await h.request({
          method: 'PUT',
          url: '/api/site-pages/methodology',
          cookie: editor.cookie,
          body: { title: 'x', body: 'y' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the index', () => {
  it('lists newest first, filters by speaker and rating, and pages', async () => {
    const a = await desk.publish({ speaker: 'Index Speaker A', rating: 'true', headline: 'Index check A' });
    await desk.publish({ speaker: 'Index Speaker B', rating: 'false', headline: 'Index check B' });
    const all = await within1s(
      () => get('/fact-checks'),
      (b) => b.includes('Index check B'),
    );
    expect(all.indexOf('Index check B')).toBeLessThan(all.indexOf('Index check A'));
    const speakerId = (await h.db.query('SELECT speaker_id FROM fact_checks WHERE id = $1', [a.id]))[0].speaker_id;
    const bySpeaker = (await get(`/fact-checks?speaker=${speakerId}`)).body;
    expect(bySpeaker).toContain('Index check A');
    expect(bySpeaker).not.toContain('Index check B');
    expect(bySpeaker).toContain(`<option value="${speakerId}" selected>Index Speaker A</option>`);
    const byRating = (await get('/fact-checks?rating=true')).body;
    expect(byRating).toContain('Index check A');
    expect(byRating).not.toContain('Index check B');
    expect((await get('/fact-checks?speaker=not-a-uuid')).statusCode).toBe(400);
    expect((await get('/fact-checks?page=500')).statusCode).toBe(404);
    expect((await get('/fact-checks')).body).toMatch(/Page 1 of \d+/);
  });

  it('takes precedence over the web app for public paths, and leaves /api alone', async () => {
    expect((await get('/fact-checks')).headers['content-type']).toBe('text/html; charset=utf-8');
    const staff = await h.signIn('reviewer');
    const api = await h.request({ url: '/api/fact-checks', cookie: staff.cookie });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toHaveProperty('items');
  });
});
