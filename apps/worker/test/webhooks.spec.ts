import { jest } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Webhook } from 'standardwebhooks';
import { WebhookDeliveryEntity, WebhookEntity } from '@factdesk/persistence';
import { sealWebhookSecret, newWebhookSecret } from '@factdesk/publishing';
import { startHarness, type Harness } from '../../api/test/harness.js';
import { newsroom, type Newsroom } from '../../api/test/publish-flow.js';
import { WorkerModule } from '../src/worker.module.js';

/** A local HTTP endpoint that records what it receives and answers as told. */
interface Receiver {
  url: string;
  requests: { path: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

async function receiver(host: string, answer: (path: string, n: number, res: http.ServerResponse) => void): Promise<Receiver> {
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
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

jest.setTimeout(30_000);

let h: Harness;
let desk: Newsroom;
let admin: string;
// Two worker processes' worth: each has its own pool, LISTEN connection and BullMQ workers.
const workers: INestApplicationContext[] = [];
let endpoint: Receiver;
let forbidden: Receiver;

beforeAll(async () => {
  h = await startHarness({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_SECONDS: '0.2' });
  desk = await newsroom(h);
  admin = (await h.signIn('admin')).cookie;
  // A server on a refused address (127.0.0.2 is loopback, not allowed): it must never be reached.
  forbidden = await receiver('127.0.0.2', (_path, _n, res) => res.end('reached'));
  endpoint = await receiver('127.0.0.1', (path, n, res) => {
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    if (path === '/flaky') return n < 3 ? res.writeHead(503).end('busy, try later') : res.writeHead(204).end();
    if (path === '/redirect') return res.writeHead(302, { location: `${forbidden.url}/steal` }).end();
    if (path === '/down') return res.writeHead(500).end('x'.repeat(5_000));
    res.writeHead(404).end();
  });
  for (let i = 0; i < 2; i++) workers.push(await NestFactory.createApplicationContext(WorkerModule.forRoot(h.config), { logger: false }));
  await Promise.all(workers.map((w) => w.init()));
}, 30_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await endpoint?.close();
  await forbidden?.close();
  await h?.close();
});

async function register(path: string, body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const res = await h.request({ method: 'POST', url: '/api/webhooks', cookie: admin, body: { url: `${endpoint.url}${path}`, ...body } });
  if (res.statusCode !== 201) throw new Error(`register ${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Polls until every delivery of the webhook has settled (not a timing assertion: a bound on waiting). */
async function settled(webhookId: string, count: number): Promise<WebhookDeliveryEntity[]> {
  const repo = h.db.getRepository(WebhookDeliveryEntity);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await repo.find({ where: { webhookId }, order: { createdAt: 'ASC' } });
    if (rows.length >= count && rows.every((d) => d.state !== 'pending')) return rows;
    if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(rows.map((r) => [r.event, r.state, r.attempts.length]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const log = async (id: string) => (await h.request({ url: `/api/webhooks/${id}/deliveries`, cookie: admin })).json();

describe('webhook deliveries', () => {
  let ok: { id: string; secret: string };
  let flaky: { id: string; secret: string };
  let redirect: { id: string; secret: string };
  let retractOnly: { id: string; secret: string };
  let disabled: { id: string; secret: string };
  let published: { claimId: string; id: string; slug: string };

  beforeAll(async () => {
    ok = await register('/ok', { description: 'always fine' });
    flaky = await register('/flaky');
    redirect = await register('/redirect');
    retractOnly = await register('/ok', { events: ['fact_check.retracted'] });
    disabled = await register('/ok', { enabled: false });
    published = await desk.publish({ headline: 'Webhook test' });
  });

  it('signs each POST so the standardwebhooks package verifies it, with the delivery id as webhook-id', async () => {
    const [delivery] = await settled(ok.id, 1);
    expect(delivery).toMatchObject({ state: 'succeeded', event: 'fact_check.published', factCheckId: published.id });
    const received = endpoint.requests.filter((r) => r.headers['webhook-id'] === delivery.id);
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req.headers['content-type']).toBe('application/json');
    const payload = new Webhook(ok.secret).verify(req.body, req.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({ type: 'fact_check.published', data: { id: published.id, slug: published.slug, state: 'published', headline: 'Webhook test', url: `${h.config.site.baseUrl}/fact-checks/${published.slug}` } });
    expect(payload.data.claimReview).toMatchObject({ '@type': 'ClaimReview' });
    // Another endpoint's secret, or a changed body, does not verify.
    expect(() => new Webhook(flaky.secret).verify(req.body, req.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(ok.secret).verify(req.body.replace('Webhook test', 'Webhook TEST'), req.headers as Record<string, string>)).toThrow();
  });

  it('delivers one event once per webhook, though two workers listen', async () => {
    await settled(ok.id, 1);
    const rows: { webhook_id: string; n: number }[] = await h.db.query('SELECT webhook_id, count(*)::int AS n FROM webhook_deliveries WHERE fact_check_id = $1 GROUP BY webhook_id', [published.id]);
    // Subscribed, enabled webhooks only: not the retraction-only one, not the disabled one.
    expect(Object.fromEntries(rows.map((r) => [r.webhook_id, r.n]))).toEqual({ [ok.id]: 1, [flaky.id]: 1, [redirect.id]: 1 });
    expect(endpoint.requests.filter((r) => r.path === '/ok' && JSON.parse(r.body).data?.id === published.id)).toHaveLength(1);
    const [{ pending }] = await h.db.query('SELECT count(*)::int AS pending FROM publication_events WHERE dispatched_at IS NULL');
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
    const [entry] = await log(flaky.id);
    expect(entry).toMatchObject({ id: delivery.id, event: 'fact_check.published', state: 'succeeded', completedAt: expect.any(String) });
    expect(entry.attempts).toEqual([
      { at: expect.any(String), status: 503, error: 'The endpoint answered HTTP 503.', durationMs: expect.any(Number), response: 'busy, try later' },
      { at: expect.any(String), status: 503, error: 'The endpoint answered HTTP 503.', durationMs: expect.any(Number), response: 'busy, try later' },
      { at: expect.any(String), status: 204, error: null, durationMs: expect.any(Number), response: null },
    ]);
    expect(entry).not.toHaveProperty('payload');
    const detail = (await h.request({ url: `/api/webhooks/${flaky.id}/deliveries/${delivery.id}`, cookie: admin })).json();
    expect(JSON.parse(detail.payload)).toMatchObject({ type: 'fact_check.published', data: { id: published.id } });
    expect((await h.request({ url: `/api/webhooks/${flaky.id}`, cookie: admin })).json().deliveries).toEqual({ pending: 0, succeeded: 1, failed: 0, cancelled: 0 });
  });

  it('does not follow a redirect, even less to a refused address, and gives up after the last attempt', async () => {
    const [delivery] = await settled(redirect.id, 1);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    for (const a of delivery.attempts) expect(a.error).toMatch(/redirect/i);
    expect(forbidden.requests).toHaveLength(0);
  });

  it('reports corrections and retractions to the webhooks subscribed to them', async () => {
    await desk.correct(published.claimId, { note: 'We misstated the year of the figures.', conclusion: 'The official figures for 2029 show a rise.' });
    await desk.retract(published.claimId, 'The quoted interview was fabricated.');
    const okRows = await settled(ok.id, 3);
    expect(okRows.map((d) => d.event)).toEqual(['fact_check.published', 'fact_check.corrected', 'fact_check.retracted']);
    const bodies = okRows.map((d) => JSON.parse(d.payload));
    expect(bodies[1]).toMatchObject({ type: 'fact_check.corrected', data: { state: 'corrected', version: 2, note: 'We misstated the year of the figures.', conclusion: 'The official figures for 2029 show a rise.' } });
    expect(bodies[2]).toMatchObject({ type: 'fact_check.retracted', data: { state: 'retracted', note: 'The quoted interview was fabricated.', claimReview: null } });
    const [only] = await settled(retractOnly.id, 1);
    expect(only.event).toBe('fact_check.retracted');
    expect(await h.db.getRepository(WebhookDeliveryEntity).countBy({ webhookId: disabled.id })).toBe(0);
  });
});

describe('addresses checked when delivering', () => {
  it('never connects to a refused address, even when the stored URL points at one', async () => {
    // As if DNS had changed since registration: the row is written directly, past the API's check.
    const repo = h.db.getRepository(WebhookEntity);
    const [{ id: userId }] = await h.db.query(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
    const id = '00000000-0000-4000-8000-000000000001';
    await repo.insert({ id, url: `${forbidden.url}/hook`, description: 'rebound', events: ['fact_check.published'], secret: sealWebhookSecret(newWebhookSecret(), id, h.config.sessionSecret), active: true, createdById: userId });
    await desk.publish({ headline: 'Rebinding test' });
    const [delivery] = await settled(id, 1);
    expect(delivery.state).toBe('failed');
    // Not retried: another attempt cannot succeed.
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({ status: null, error: expect.stringMatching(/private, loopback, link-local or reserved/) });
    expect(forbidden.requests).toHaveLength(0);
  });

  it('keeps a short excerpt of a long error response', async () => {
    const down = await register('/down');
    await desk.publish({ headline: 'Excerpt test' });
    const [delivery] = await settled(down.id, 1);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(delivery.attempts[0].response!.length).toBeLessThanOrEqual(1_001);
  });
});
