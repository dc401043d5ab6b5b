import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import type { TestDatabase } from './databases.js';
import { createTestEnvironment, type TestEnvironment } from './environment.js';
import type { TestRedisPrefix } from './redis.js';

export interface StartOptions {
  /** Settings for this process, over the test defaults. */
  env?: Record<string, string>;
  /** Another process's database and prefix, to share them (the caller closes it); else one of its own. */
  environment?: TestEnvironment;
}

export interface TestResponse {
  statusCode: number;
  json: () => any;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface TestRequest {
  method?: string;
  url: string;
  cookie?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A Nest process under test: its configuration, its database connection and its environment. */
export interface TestProcess<A extends INestApplicationContext> {
  app: A;
  config: AppConfig;
  db: DataSource;
  environment: TestEnvironment;
  /** The environment's database and Redis prefix. */
  database: TestDatabase;
  redis: TestRedisPrefix;
  close(): Promise<void>;
}

export interface TestHttpApp extends TestProcess<NestFastifyApplication> {
  /** A request through Fastify's inject: no port, no network. */
  request(options: TestRequest): Promise<TestResponse>;
  /** The app on a real port, for what inject cannot do (streams); the base URL. */
  listen(): Promise<string>;
}

/** The Origin the app's own pages send, so writes pass the cross-site check. */
export const TEST_ORIGIN = 'http://127.0.0.1:3000';

async function startProcess<A extends INestApplicationContext>(
  create: (config: AppConfig) => Promise<A>,
  { env, environment }: StartOptions,
): Promise<TestProcess<A>> {
  const own = !environment;
  const e = environment ?? (await createTestEnvironment());
  const config = e.config(env);
  let app: A;
  try {
    app = await create(config);
    await app.init();
  } catch (err) {
    if (own) await e.close();
    throw err;
  }
  return {
    app,
    config,
    db: app.get(DataSource),
    environment: e,
    database: e.database,
    redis: e.redis,
    async close() {
      await app.close();
      if (own) await e.close();
    },
  };
}

/** A background process (the worker) on a database and Redis prefix of the test's own, or shared. */
export function startTestService<A extends INestApplicationContext>(
  create: (config: AppConfig) => Promise<A>,
  options: StartOptions = {},
): Promise<TestProcess<A>> {
  return startProcess(create, options);
}

/** An HTTP app (the API) on a database and Redis prefix of the test's own, driven through Fastify's inject. */
export async function startTestHttpApp(
  create: (config: AppConfig) => Promise<NestFastifyApplication>,
  options: StartOptions = {},
): Promise<TestHttpApp> {
  const p = await startProcess(create, options);
  await p.app.getHttpAdapter().getInstance().ready();
  let listening: Promise<string> | undefined;
  return {
    ...p,
    async request({ method = 'GET', url, cookie, token, body, headers = {} }) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (token) h.authorization = `Bearer ${token}`;
      // Browsers send Origin on writes; tests behave like the app's own pages unless they say otherwise.
      if (method !== 'GET' && !('origin' in h) && cookie) h.origin = TEST_ORIGIN;
      if (body !== undefined) h['content-type'] ??= 'application/json';
      const res = await p.app.inject({
        method: method as 'GET',
        url,
        headers: h,
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { statusCode: res.statusCode, json: () => res.json(), headers: res.headers, body: res.body };
    },
    listen() {
      listening ??= p.app
        .listen({ port: 0, host: '127.0.0.1' })
        .then(() => p.app.getUrl().then((u) => u.replace('[::1]', '127.0.0.1')));
      return listening;
    },
  };
}
