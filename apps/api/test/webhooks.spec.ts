import { WebhookDeliveryEntity, WebhookEntity } from '@factdesk/persistence';
import { openWebhookSecret, WEBHOOK_EVENTS } from '@factdesk/publishing';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let admin: string;
let editor: string;
beforeAll(async () => {
  // As in the worker's tests: the local receivers live on 127.0.0.1, allowed by this one setting.
  h = await startHarness({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
  admin = (await h.signIn('admin')).cookie;
  editor = (await h.signIn('editor')).cookie;
});
afterAll(() => h.close());

const create = (body: Record<string, unknown>, cookie = admin) =>
  h.request({ method: 'POST', url: '/api/webhooks', cookie, body });

describe('registering a webhook', () => {
  it('generates the secret, shows it once and stores it sealed', async () => {
    const res = await create({ url: 'http://127.0.0.1:9/hook', description: 'Partner CMS' });
    expect(res.statusCode).toBe(201);
    const hook = res.json();
    expect(hook).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      description: 'Partner CMS',
      enabled: true,
      events: [...WEBHOOK_EVENTS],
      deliveries: { pending: 0, succeeded: 0, failed: 0, cancelled: 0 },
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // Never again in an answer.
    for (const url of ['/api/webhooks', `/api/webhooks/${hook.id}`])
      expect((await h.request({ url, cookie: admin })).body).not.toContain(hook.secret.slice(6));
    const updated = await h.request({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      cookie: admin,
      body: { description: 'Renamed' },
    });
    expect(updated.json()).not.toHaveProperty('secret');

    // Not in the database in the clear, but recoverable with SESSION_SECRET (the worker signs with it).
    const row = await h.db.getRepository(WebhookEntity).findOneByOrFail({ id: hook.id });
    expect(row.secret).not.toContain(hook.secret.slice(6));
    expect(openWebhookSecret(row.secret, hook.id, h.config.sessionSecret)).toBe(hook.secret);
    // Nor in the audit log.
    const audit: { after: unknown }[] = await h.db.query(
      `SELECT after FROM audit_events WHERE entity_type = 'webhook' AND entity_id = $1`,
      [hook.id],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(hook.secret.slice(6));
  });

  it('rotates the secret: a new one, shown once, and the old one no longer stored', async () => {
    const hook = (await create({ url: 'http://127.0.0.1:9/rotate' })).json();
    const res = await h.request({ method: 'POST', url: `/api/webhooks/${hook.id}/rotate-secret`, cookie: admin });
    expect(res.statusCode).toBe(200);
    const rotated = res.json().secret as string;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(hook.secret);
    const row = await h.db.getRepository(WebhookEntity).findOneByOrFail({ id: hook.id });
    expect(openWebhookSecret(row.secret, hook.id, h.config.sessionSecret)).toBe(rotated);
  });

  it.each([
    ['a loopback address', 'http://127.0.0.2:8080/hook'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', 'http://10.1.2.3/hook'],
    ['IPv6 loopback', 'http://[::1]:8080/hook'],
    ['an IPv4-mapped metadata address', 'http://[::ffff:169.254.169.254]/'],
    ['the unspecified address', 'http://0.0.0.0:8080/'],
  ])('refuses %s with 400 naming the url field', async (_name, url) => {
    const res = await create({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      fields: [{ field: 'url', message: expect.stringMatching(/private, loopback, link-local or reserved/) }],
    });
    expect(await h.db.getRepository(WebhookEntity).countBy({ url })).toBe(0);
  });

  it('refuses the same addresses when the URL is changed later', async () => {
    const hook = (await create({ url: 'http://127.0.0.1:9/later' })).json();
    const res = await h.request({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      cookie: admin,
      body: { url: 'http://169.254.169.254/' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'url', message: expect.stringContaining('169.254.169.254') }]);
    expect((await h.request({ url: `/api/webhooks/${hook.id}`, cookie: admin })).json().url).toBe(
      'http://127.0.0.1:9/later',
    );
  });

  it.each([
    [{ url: 'ftp://example.org/hook' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{}, 'url'],
    [{ url: 'http://127.0.0.1:9/x', events: ['fact_check.deleted'] }, 'events'],
    [{ url: 'http://127.0.0.1:9/x', events: [] }, 'events'],
    [{ url: 'http://127.0.0.1:9/x', enabled: 'yes' }, 'enabled'],
    [{ url: 'http://127.0.0.1:9/x', secret: 'whsec_mine' }, 'secret'],
  ])('refuses %j with 400 on %s', async (body, field) => {
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('managing webhooks', () => {
  it('lists, disables, re-enables and deletes', async () => {
    const hook = (
      await create({ url: 'http://127.0.0.1:9/manage', events: ['fact_check.retracted'], enabled: false })
    ).json();
    expect(hook).toMatchObject({ enabled: false, events: ['fact_check.retracted'] });
    const list = (await h.request({ url: '/api/webhooks', cookie: admin })).json();
    expect(list.find((w: { id: string }) => w.id === hook.id)).toMatchObject({
      url: 'http://127.0.0.1:9/manage',
      enabled: false,
    });
    const enabled = await h.request({
      method: 'PATCH',
      url: `/api/webhooks/${hook.id}`,
      cookie: admin,
      body: { enabled: true, events: ['fact_check.published', 'fact_check.retracted'] },
    });
    expect(enabled.json()).toMatchObject({ enabled: true, events: ['fact_check.published', 'fact_check.retracted'] });
    expect((await h.request({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, cookie: admin })).statusCode).toBe(
      204,
    );
    expect((await h.request({ url: `/api/webhooks/${hook.id}`, cookie: admin })).statusCode).toBe(404);
    expect((await h.request({ url: `/api/webhooks/${hook.id}/deliveries`, cookie: admin })).statusCode).toBe(404);
    expect((await h.request({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, cookie: admin })).statusCode).toBe(
      404,
    );
  });

  it('is for admins only: editors and reviewers get 403, anonymous callers 401', async () => {
    const hook = (await create({ url: 'http://127.0.0.1:9/roles' })).json();
    const reviewer = (await h.signIn('reviewer')).cookie;
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks', { url: 'http://127.0.0.1:9/x' }],
      ['GET', `/api/webhooks/${hook.id}`],
      ['PATCH', `/api/webhooks/${hook.id}`, { enabled: false }],
      ['POST', `/api/webhooks/${hook.id}/rotate-secret`],
      ['GET', `/api/webhooks/${hook.id}/deliveries`],
      ['DELETE', `/api/webhooks/${hook.id}`],
    ];
    for (const [method, url, body] of calls) {
      expect((await h.request({ method, url, body })).statusCode).toBe(401);
      for (const cookie of [editor, reviewer]) {
        const res = await h.request({ method, url, cookie, body });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('whsec_');
      }
    }
    // Nothing changed.
    expect((await h.request({ url: `/api/webhooks/${hook.id}`, cookie: admin })).json()).toMatchObject({
      enabled: true,
    });
  });
});

describe('delivery log', () => {
  it('lists every attempt of each delivery, the payload only in the delivery itself, and counts by state', async () => {
    const hook = (await create({ url: 'http://127.0.0.1:9/log' })).json();
    const published = await h.data.publishedFactCheck({ headline: 'Logged' });
    const [event] = await h.db.query('SELECT id FROM publication_events WHERE fact_check_id = $1', [published.id]);
    const payload = JSON.stringify({ type: 'fact_check.published', data: { id: published.id } });
    const attempts = [
      {
        at: new Date().toISOString(),
        status: 503,
        error: 'The endpoint answered HTTP 503.',
        durationMs: 12,
        response: 'busy, try later',
      },
      { at: new Date().toISOString(), status: 204, error: null, durationMs: 8, response: null },
    ];
    const [delivery] = await h.db.getRepository(WebhookDeliveryEntity).save([
      {
        webhookId: hook.id,
        eventId: event.id,
        event: 'fact_check.published',
        factCheckId: published.id,
        payload,
        state: 'succeeded' as const,
        attempts,
        completedAt: new Date(),
      },
    ]);
    const [entry] = (await h.request({ url: `/api/webhooks/${hook.id}/deliveries`, cookie: admin })).json();
    expect(entry).toMatchObject({
      id: delivery.id,
      event: 'fact_check.published',
      state: 'succeeded',
      completedAt: expect.any(String),
    });
    expect(entry.attempts).toEqual(attempts);
    expect(entry).not.toHaveProperty('payload');
    const detail = (
      await h.request({ url: `/api/webhooks/${hook.id}/deliveries/${delivery.id}`, cookie: admin })
    ).json();
    expect(JSON.parse(detail.payload)).toMatchObject({ type: 'fact_check.published', data: { id: published.id } });
    expect((await h.request({ url: `/api/webhooks/${hook.id}`, cookie: admin })).json().deliveries).toEqual({
      pending: 0,
      succeeded: 1,
      failed: 0,
      cancelled: 0,
    });
  });
});
