import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { WebhookDeliveryEntity } from '@factdesk/persistence';
import { eventually } from '@factdesk/testing';
import { startWorker, type WorkerHarness } from './harness.js';

/** A local HTTP endpoint that records what it receives and answers as told. */
interface Receiver {
  url: string;
  requests: { path: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

async function receiver(
  host: string,
  answer: (path: string, n: number, res: http.ServerResponse) => void,
): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(req.url ?? '', requests.filter((r) => r.path === req.url).length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let w: WorkerHarness;
// Two worker processes' worth on one database: each has its own pool, LISTEN connection and BullMQ workers.
let second: WorkerHarness;
let endpoint: Receiver;
let forbidden: Receiver;

beforeAll(async () => {
  // A server on a refused address (127.0.0.2 is loopback, not allowed): it must never be reached.
  forbidden = await receiver('127.0.0.2', (_path, _n, res) => res.end('reached'));
  endpoint = await receiver('127.0.0.1', (path, n, res) => {
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    if (path === '/flaky') return n < 3 ? res.writeHead(503).end('busy, try later') : res.writeHead(204).end();
    if (path === '/redirect') return res.writeHead(302, { location: `${forbidden.url}/steal` }).end();
    if (path === '/down') return res.writeHead(500).end('x'.repeat(5_000));
    res.writeHead(404).end();
  });
  const env = { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_SECONDS: '0.2' };
  w = await startWorker(env);
  second = await startWorker(env, { environment: w.environment });
});

afterAll(async () => {
  await second?.close();
  await w?.close();
  await endpoint?.close();
  await forbidden?.close();
});

/** A webhook as an admin registers it (the API's side is apps/api/test/webhooks.spec.ts). */
const register = (path: string, o: { events?: string[]; active?: boolean; description?: string } = {}) =>
  w.data.webhook(w.config.sessionSecret, { url: `${endpoint.url}${path}`, ...o });

/** Every delivery of the webhook, once `count` exist and none is pending. */
function settled(webhookId: string, count: number): Promise<WebhookDeliveryEntity[]> {
  const repo = w.db.getRepository(WebhookDeliveryEntity);
  return eventually(
    async () => {
      const rows = await repo.find({ where: { webhookId }, order: { createdAt: 'ASC' } });
      return rows.length >= count && rows.every((d) => d.state !== 'pending') && rows;
    },
    { message: `${count} settled deliveries of webhook ${webhookId}` },
  );
}

describe('webhook deliveries', () => {
  let ok: { id: string; secret: string };
  let flaky: { id: string; secret: string };
  let redirect: { id: string; secret: string };
  let retractOnly: { id: string; secret: string };
  let disabled: { id: string; secret: string };
  let published: { id: string; slug: string };

  beforeAll(async () => {
    ok = await register('/ok', { description: 'always fine' });
    flaky = await register('/flaky');
    redirect = await register('/redirect');
    retractOnly = await register('/ok', { events: ['fact_check.retracted'] });
    disabled = await register('/ok', { active: false });
    published = await w.data.publishedFactCheck({ headline: 'Webhook test' });
  });

  it('signs each POST so the standardwebhooks package verifies it, with the delivery id as webhook-id', async () => {
    const [delivery] = await settled(ok.id, 1);
    expect(delivery).toMatchObject({ state: 'succeeded', event: 'fact_check.published', factCheckId: published.id });
    const received = endpoint.requests.filter((r) => r.headers['webhook-id'] === delivery.id);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req.headers['content-type']).toBe('application/json');
    const payload = new Webhook(ok.secret).verify(req.body, req.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({
      type: 'fact_check.published',
      data: {
        id: published.id,
        slug: published.slug,
        state: 'published',
        headline: 'Webhook test',
        url: `${w.config.site.baseUrl}/fact-checks/${published.slug}`,
      },
    });
    expect(payload.data.claimReview).toMatchObject({ '@type': 'ClaimReview' });
    // Another endpoint's secret, or a changed body, does not verify.
    expect(() => new Webhook(flaky.secret).verify(req.body, req.headers as Record<string, string>)).toThrow();
    expect(() =>
      new Webhook(ok.secret).verify(
        req.body.replace('Webhook test', 'Webhook TEST'),
        req.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it('delivers one event once per webhook, though two workers listen', async () => {
    await settled(ok.id, 1);
    const rows: { webhook_id: string; n: number }[] = await w.db.query(
      'SELECT webhook_id, count(*)::int AS n FROM webhook_deliveries WHERE fact_check_id = $1 GROUP BY webhook_id',
      [published.id],
    );
    // Subscribed, enabled webhooks only: not the retraction-only one, not the disabled one.
    expect(Object.fromEntries(rows.map((r) => [r.webhook_id, r.n]))).toEqual({
      [ok.id]: 1,
      [flaky.id]: 1,
      [redirect.id]: 1,
    });
    expect(
      endpoint.requests.filter((r) => r.path === '/ok' && JSON.parse(r.body).data?.id === published.id),
    ).toHaveLength(1);
    const [{ pending }] = await w.db.query(
      'SELECT count(*)::int AS pending FROM publication_events WHERE dispatched_at IS NULL',
    );
    expect(pending).toBe(0);
    expect(disabled.id).toBeDefined();
  });

  it('retries a failing endpoint with backoff until it succeeds, logging every attempt', async () => {
    const [delivery] = await settled(flaky.id, 1);
    expect(delivery.state).toBe('succeeded');
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 204]);
    const received = endpoint.requests.filter((r) => r.path === '/flaky');
    expect(received).toHaveLength(3);
    // Every attempt carries the same id (receivers deduplicate on it) and a valid signature of its own.
    for (const r of received) {
      expect(r.headers['webhook-id']).toBe(delivery.id);
      expect(() => new Webhook(flaky.secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    }
    expect(delivery.completedAt).not.toBeNull();
    expect(delivery.attempts).toEqual([
      expect.objectContaining({
        status: 503,
        error: 'The endpoint answered HTTP 503.',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({
        status: 503,
        error: 'The endpoint answered HTTP 503.',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({ status: 204, error: null, durationMs: expect.any(Number) }),
    ]);
    expect(JSON.parse(delivery.payload)).toMatchObject({ type: 'fact_check.published', data: { id: published.id } });
  });

  it('does not follow a redirect, even less to a refused address, and gives up after the last attempt', async () => {
    const [delivery] = await settled(redirect.id, 1);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    for (const a of delivery.attempts) expect(a.error).toMatch(/redirect/i);
    expect(forbidden.requests).toHaveLength(0);
  });

  it('reports corrections and retractions to the webhooks subscribed to them', async () => {
    await w.data.changeFactCheck(published.id, {
      kind: 'correction',
      note: 'We misstated the year of the figures.',
      conclusion: 'The official figures for 2029 show a rise.',
    });
    await w.data.changeFactCheck(published.id, { kind: 'retraction', note: 'The quoted interview was fabricated.' });
    const okRows = await settled(ok.id, 3);
    expect(okRows.map((d) => d.event)).toEqual([
      'fact_check.published',
      'fact_check.corrected',
      'fact_check.retracted',
    ]);
    const bodies = okRows.map((d) => JSON.parse(d.payload));
    expect(bodies[1]).toMatchObject({
      type: 'fact_check.corrected',
      data: {
        state: 'corrected',
        version: 2,
        note: 'We misstated the year of the figures.',
        conclusion: 'The official figures for 2029 show a rise.',
      },
    });
    expect(bodies[2]).toMatchObject({
      type: 'fact_check.retracted',
      data: { state: 'retracted', note: 'The quoted interview was fabricated.', claimReview: null },
    });
    const [only] = await settled(retractOnly.id, 1);
    expect(only.event).toBe('fact_check.retracted');
    expect(await w.db.getRepository(WebhookDeliveryEntity).countBy({ webhookId: disabled.id })).toBe(0);
  });
});

describe('addresses checked when delivering', () => {
  it('never connects to a refused address, even when the stored URL points at one', async () => {
    // As if DNS had changed since registration: the row is written directly, past the API's check.
    const { id } = await w.data.webhook(w.config.sessionSecret, {
      url: `${forbidden.url}/hook`,
      events: ['fact_check.published'],
    });
    await w.data.publishedFactCheck({ headline: 'Rebinding test' });
    const [delivery] = await settled(id, 1);
    expect(delivery.state).toBe('failed');
    // Not retried: another attempt cannot succeed.
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      status: null,
      error: expect.stringMatching(/private, loopback, link-local or reserved/),
    });
    expect(forbidden.requests).toHaveLength(0);
  });

  it('keeps a short excerpt of a long error response', async () => {
    const down = await register('/down');
    await w.data.publishedFactCheck({ headline: 'Excerpt test' });
    const [delivery] = await settled(down.id, 1);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(delivery.attempts[0].response!.length).toBeLessThanOrEqual(1_001);
  });
});
