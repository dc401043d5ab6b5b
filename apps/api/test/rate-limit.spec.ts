import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ LOGIN_RATE_LIMIT_MAX: '3', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '600' });
});
afterAll(() => h.close());

it('limits sign-in attempts per address, with Retry-After, even for the right password', async () => {
  const { email, password } = await h.createUser('editor');
  const statuses: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    statuses.push(
      (await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password: 'wrong-password' } }))
        .statusCode,
    );
  }
  expect(statuses).toEqual([401, 401, 401]);
  const limited = await h.request({ method: 'POST', url: '/api/auth/login', body: { email, password } });
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toMatchObject({
    statusCode: 429,
    error: 'Too Many Requests',
    requestId: limited.headers['x-request-id'],
  });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // Other routes are not limited by it.
  expect((await h.request({ url: '/api/health' })).statusCode).toBe(200);
});
