import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertFetchableUrl, isRefusedAddress } from './addresses.js';
import { OutboundRequestError } from './errors.js';
import { safeFetch } from './safe-fetch.js';

let server: Server;
let base: string;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const url = new URL(req.url!, 'http://x');
    switch (url.pathname) {
      case '/ok':
        res.end('hello');
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/to-other-loopback':
        res.writeHead(302, { location: `http://127.0.0.2:${port}/ok` }).end();
        return;
      case '/to-metadata':
        res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      case '/see-other':
        res.writeHead(303, { location: '/ok' }).end();
        return;
      case '/big':
        res.end(Buffer.alloc(2048, 'a'));
        return;
      case '/slow':
        setTimeout(() => res.end('late'), 2000);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const refused = (p: Promise<unknown>, code = 'refused_address') => expect(p).rejects.toMatchObject({ code });

describe('address rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.5', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    // IPv6 forms that embed an IPv4 address are judged as that address.
    ['::7f00:1', true],
    ['::127.0.0.1', true],
    ['::a9fe:a9fe', true],
    ['::a00:1', true],
    ['::ffff:a9fe:a9fe', true],
    ['::ffff:0:7f00:1', true],
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::10.0.0.1', true],
    ['2002:7f00:1::', true],
    ['2002:a9fe:a9fe::1', true],
    ['2002:c0a8:101::1', true],
    ['::808:808', false],
    ['64:ff9b::808:808', false],
    ['2002:808:808::1', false],
    // Other special ranges stay refused: Teredo, local-use NAT64, documentation, discard.
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['64:ff9b:1::808:808', true],
    ['2001:db8::1', true],
    ['100::1', true],
    ['8.8.8.8', false],
    ['2606:4700:4700::1111', false],
  ])('%s refused: %s', (address, expected) => {
    expect(isRefusedAddress(address)).toBe(expected);
  });

  it('refuses loopback, private, link-local and metadata URLs before anything is queued', async () => {
    await refused(assertFetchableUrl('http://127.0.0.1/'));
    await refused(assertFetchableUrl('http://localhost:8080/x'));
    await refused(assertFetchableUrl('http://[::1]/'));
    await refused(assertFetchableUrl('http://[::7f00:1]/'));
    await refused(assertFetchableUrl('http://[::a9fe:a9fe]/latest/meta-data/'));
    await refused(assertFetchableUrl('http://[64:ff9b::a9fe:a9fe]/'));
    await refused(assertFetchableUrl('http://169.254.169.254/latest/meta-data/'));
    await refused(assertFetchableUrl('http://10.0.0.1/'));
    await refused(assertFetchableUrl('ftp://example.org/'), 'bad_url');
    await refused(assertFetchableUrl('file:///etc/passwd'), 'bad_url');
    await refused(assertFetchableUrl('not a url'), 'bad_url');
    await expect(assertFetchableUrl('http://localhost:8080/x', { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});

describe('safeFetch', () => {
  it('refuses to connect to loopback by default, by address or by name', async () => {
    const before = hits.length;
    await refused(safeFetch(`${base}/ok`));
    await refused(safeFetch(`http://localhost:${port}/ok`));
    expect(hits.length).toBe(before);
  });

  it('fetches when the policy allows the address', async () => {
    const res = await safeFetch(`${base}/ok`, { allowAddresses: ['127.0.0.1'] });
    expect(res).toMatchObject({ status: 200, redirects: 0 });
    expect(res.body.toString()).toBe('hello');
  });

  it('checks every redirect hop: a redirect to another loopback or metadata address is refused', async () => {
    await refused(safeFetch(`${base}/to-other-loopback`, { allowAddresses: ['127.0.0.1'] }));
    await refused(safeFetch(`${base}/to-metadata`, { allowAddresses: ['127.0.0.1'] }));
  });

  it('bounds redirects, time and size', async () => {
    await refused(safeFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }), 'too_many_redirects');
    await refused(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 1024 }), 'too_large');
    await refused(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }), 'timeout');
  });

  it('turns a POST into a GET on 303', async () => {
    const res = await safeFetch(`${base}/see-other`, { allowPrivate: true, method: 'POST', body: 'x' });
    expect(res).toMatchObject({ status: 200, redirects: 1, url: `${base}/ok` });
    expect(hits.slice(-2)).toEqual(['POST /see-other', 'GET /ok']);
  });

  it('reports an unreachable address as a network error', async () => {
    const error = await safeFetch('http://127.0.0.1:1/', { allowPrivate: true }).catch((e) => e);
    expect(error).toBeInstanceOf(OutboundRequestError);
    expect(error.code).toBe('network');
  });
});

describe('a server the test owns on 127.0.0.2, the only address the policy allows', () => {
  // The redirect targets are on 127.0.0.1 (the first server): reachable, but not allowed. If a hop got
  // through, that server would log the request.
  let relay: Server;
  let relayBase: string;
  const policy = { allowAddresses: ['127.0.0.2'] };
  const targets = () => ({
    '/to-localhost': `http://localhost:${port}/ok`,
    '/to-hex': `http://0x7f000001:${port}/ok`,
    '/to-decimal': `http://2130706433:${port}/ok`,
    '/to-octal': `http://0177.0.0.1:${port}/ok`,
    '/to-short': `http://127.1:${port}/ok`,
    '/to-mapped-v6': `http://[::ffff:127.0.0.1]:${port}/ok`,
    '/to-compatible-v6': `http://[::7f00:1]:${port}/ok`,
    '/to-compatible-metadata': 'http://[::a9fe:a9fe]/latest/meta-data/',
    '/to-nat64-loopback': `http://[64:ff9b::7f00:1]:${port}/ok`,
    '/to-6to4-loopback': `http://[2002:7f00:1::]:${port}/ok`,
    '/to-metadata': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    '/to-mapped-metadata': 'http://[::ffff:169.254.169.254]/latest/meta-data/',
    '/to-private': 'http://10.0.0.1/',
    '/to-file': 'file:///etc/passwd',
  });

  beforeAll(async () => {
    relay = createServer((req, res) => {
      if (req.url === '/ok') return res.end('relay');
      const to = (targets() as Record<string, string>)[req.url!];
      res.writeHead(to ? 302 : 404, to ? { location: to } : {}).end();
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.2', r));
    relayBase = `http://127.0.0.2:${(relay.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => relay.close(r)));

  it('is reachable itself', async () => {
    expect((await safeFetch(`${relayBase}/ok`, policy)).body.toString()).toBe('relay');
  });

  it.each(Object.keys(targets()))(
    'refuses a redirect %s, whatever way the address is written, and never connects to it',
    async (path) => {
      const before = hits.length;
      const error = await safeFetch(`${relayBase}${path}`, policy).catch((e) => e);
      expect(error).toBeInstanceOf(OutboundRequestError);
      expect(error.code).toBe(path === '/to-file' ? 'bad_url' : 'refused_address');
      expect(hits.length).toBe(before);
    },
  );

  it('refuses, before anything is queued, a name that resolves to a refused address (localhost), however it is written', async () => {
    for (const url of [`http://localhost:${port}/`, `http://LocalHost/`])
      await refused(assertFetchableUrl(url, policy));
    // With a trailing dot this machine's resolver finds nothing: refused as unknown, still not fetched.
    await refused(assertFetchableUrl('http://localhost./', policy), 'bad_url');
    await expect(assertFetchableUrl(`${relayBase}/ok`, policy)).resolves.toBeInstanceOf(URL);
  });
});
