import { pino } from 'pino';
import type { Role } from '@factdesk/domain';
import type { UserEntity } from '@factdesk/persistence';
import {
  factories,
  startTestHttpApp,
  TEST_ORIGIN,
  type Factories,
  type StartOptions,
  type TestHttpApp,
  type TestResponse,
} from '@factdesk/testing';
import { createApp } from '../src/app.factory.js';
import { hashPassword } from '../src/auth/passwords.js';
import { SESSION_COOKIE } from '../src/auth/tokens.js';

export const ORIGIN = TEST_ORIGIN;

/** The real API (libs/testing's HTTP app harness) with the API's own ways in: users who can sign in. */
export interface Harness extends TestHttpApp {
  /** Rows to start from (libs/testing). */
  data: Factories;
  /** A user with a password they can sign in with. */
  createUser(
    role: Role,
    overrides?: Partial<{ email: string; password: string; active: boolean; name: string }>,
  ): Promise<{ user: UserEntity; email: string; password: string }>;
  /** A new user of the role, signed in: their session cookie. */
  signIn(role: Role): Promise<{ user: UserEntity; cookie: string }>;
  /** POST /api/documents as a browser's file form sends it. */
  upload(
    cookie: string,
    file: { name: string; bytes: Buffer; contentType: string },
    title?: string,
    /** Further form fields (sent before the file, as browsers do). */
    fields?: Record<string, string>,
  ): Promise<TestResponse>;
}

let counter = 0;

/** The API on a database and Redis prefix of the test file's own (or `options.environment`'s). */
export async function startHarness(env: Record<string, string> = {}, options: StartOptions = {}): Promise<Harness> {
  const app = await startTestHttpApp(
    (config) => createApp(config, pino({ level: config.logLevel })),
    // Tests sign in many times from one address; the limit itself is tested with its own setting.
    { ...options, env: { LOGIN_RATE_LIMIT_MAX: '10000', ...env } },
  );
  const data = factories(app.db);
  const harness: Harness = {
    ...app,
    data,
    async createUser(role, overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `${role}-${counter}-${Date.now()}@test.factdesk`;
      const password = overrides.password ?? `pw-${role}-${counter}-secret`;
      const user = await data.user({
        role,
        email,
        name: overrides.name ?? `Test ${role} ${counter}`,
        passwordHash: await hashPassword(password),
        active: overrides.active ?? true,
      });
      return { user, email, password };
    },
    async signIn(role) {
      const { user, email, password } = await harness.createUser(role);
      const res = await harness.request({ method: 'POST', url: '/api/auth/login', body: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      return { user, cookie: sessionCookie(res.headers) };
    },
    async upload(cookie, { name, bytes, contentType }, title = `Uploaded ${name}`, fields = {}) {
      const boundary = '----factdesk-test';
      const payload = Buffer.concat([
        ...Object.entries({ title, ...fields }).map(([k, v]) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { cookie, origin: ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      return { statusCode: res.statusCode, json: () => res.json(), headers: res.headers, body: res.body };
    },
  };
  return harness;
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookie(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : [raw];
  const found = all.find((c): c is string => typeof c === 'string' && c.startsWith(`${SESSION_COOKIE}=`));
  if (!found) throw new Error('no session cookie was set');
  return found.split(';')[0];
}
