import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@factdesk/config';
import type { Role } from '@factdesk/domain';
import { UserEntity } from '@factdesk/persistence';
import { createTestDatabase, createTestRedisPrefix, type TestDatabase, type TestRedisPrefix } from '@factdesk/testing';
import { createApp } from '../src/app.factory.js';
import { hashPassword } from '../src/auth/passwords.js';
import { SESSION_COOKIE } from '../src/auth/tokens.js';

export const ORIGIN = 'http://127.0.0.1:3000';

export interface Harness {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  database: TestDatabase;
  redis: TestRedisPrefix;
  request(options: { method?: string; url: string; cookie?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{
    statusCode: number;
    json: () => any;
    headers: Record<string, string | string[] | number | undefined>;
    body: string;
  }>;
  createUser(role: Role, overrides?: Partial<{ email: string; password: string; active: boolean; name: string }>): Promise<{ user: UserEntity; email: string; password: string }>;
  signIn(role: Role): Promise<{ user: UserEntity; cookie: string }>;
  /** The app on a real port, for what inject cannot do (streams). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** The real API on a database and a Redis prefix of the test file's own, driven through Fastify's inject. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const redis = createTestRedisPrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests sign in many times from one address; the limit itself is tested with its own setting.
    LOGIN_RATE_LIMIT_MAX: '10000',
    ...env,
  });
  const app = await createApp(config, pino({ level: config.logLevel }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);

  let listening: Promise<string> | undefined;
  const harness: Harness = {
    app,
    config,
    db,
    database,
    redis,
    async request({ method = 'GET', url, cookie, token, body, headers = {} }) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (token) h.authorization = `Bearer ${token}`;
      // Browsers send Origin on writes; tests behave like the app's own pages unless they say otherwise.
      if (method !== 'GET' && !('origin' in h) && cookie) h.origin = ORIGIN;
      if (body !== undefined) h['content-type'] ??= 'application/json';
      const res = await app.inject({ method: method as 'GET', url, headers: h, payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      return { statusCode: res.statusCode, json: () => res.json(), headers: res.headers, body: res.body };
    },
    async createUser(role, overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `${role}-${counter}-${Date.now()}@test.factdesk`;
      const password = overrides.password ?? `pw-${role}-${counter}-secret`;
      const repo = db.getRepository(UserEntity);
      const user = await repo.save(
        repo.create({ email, name: overrides.name ?? `Test ${role} ${counter}`, role, passwordHash: await hashPassword(password), active: overrides.active ?? true }),
      );
      return { user, email, password };
    },
    async signIn(role) {
      const { user, email, password } = await harness.createUser(role);
      const res = await harness.request({ method: 'POST', url: '/api/auth/login', body: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      return { user, cookie: sessionCookie(res.headers) };
    },
    async listen() {
      if (!listening) listening = app.listen({ port: 0, host: '127.0.0.1' }).then(() => app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1')));
      return listening;
    },
    async close() {
      await app.close();
      await database.drop();
      await redis.clear();
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
