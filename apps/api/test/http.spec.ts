import SwaggerParser from '@apidevtools/swagger-parser';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('API conventions', () => {
  it('answers bad JSON with 400 in the one error shape', async () => {
    const res = await h.request({ method: 'POST', url: '/api/auth/login', body: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof res.json().requestId).toBe('string');
  });

  it('refuses bodies over the limit with 413 and non-JSON bodies with 415', async () => {
    const big = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: JSON.stringify({ email: 'a'.repeat(1_100_000), password: 'x' }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('Payload Too Large');
    const text = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      body: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await h.request({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('gives answers sent outside Nest (the JSON 404, the queue dashboard) the one error shape with the request id', async () => {
    const reviewer = await h.signIn('reviewer');
    const answers = [
      await h.request({ url: '/api/no-such-thing' }),
      await h.request({ url: '/admin/queues' }),
      await h.request({ url: '/admin/queues', cookie: reviewer.cookie }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([404, 401, 403]);
    for (const r of answers) {
      expect(r.json()).toEqual({
        statusCode: r.statusCode,
        error: expect.any(String),
        message: expect.any(String),
        requestId: r.headers['x-request-id'],
      });
    }
  });

  it('sends security headers and a request id on every response, keeping a valid incoming one', async () => {
    const res = await h.request({ url: '/api/no-such-thing', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    for (const r of [res, await h.request({ url: '/api/health' })]) {
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    const forged = await h.request({ url: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(forged.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('reports PostgreSQL and Redis in /api/health', async () => {
    const res = await h.request({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', postgres: { ok: true }, redis: { ok: true }, workers: 0 });
  });

  it('publishes an OpenAPI 3 document that a standard validator accepts', async () => {
    const res = await h.request({ url: '/api/docs-json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/users', '/api/health']),
    );
    const ui = await h.request({ url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('health when a dependency is down', () => {
  it('answers 503 and names Redis when it cannot be reached', async () => {
    const down = await startHarness({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await down.request({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'degraded', postgres: { ok: true }, redis: { ok: false } });
    } finally {
      await down.close();
    }
  });
});
