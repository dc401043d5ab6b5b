import { loadConfig, type AppConfig } from '@factdesk/config';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { createTestRedisPrefix, type TestRedisPrefix } from './redis.js';

/** A database and a Redis prefix of a test file's own, and the configuration of a process that uses them. */
export interface TestEnvironment {
  database: TestDatabase;
  redis: TestRedisPrefix;
  /** Settings for a process on this database and prefix; `env` adds to or overrides the test defaults. */
  config(env?: Record<string, string>): AppConfig;
  /** Drops the database and clears the prefix. */
  close(): Promise<void>;
}

export async function createTestEnvironment(): Promise<TestEnvironment> {
  const database = await createTestDatabase();
  const redis = createTestRedisPrefix();
  return {
    database,
    redis,
    config: (env = {}) =>
      loadConfig(
        {
          NODE_ENV: 'test',
          DATABASE_URL: database.url,
          DATABASE_POOL_SIZE: '4',
          REDIS_URL: redis.url,
          REDIS_PREFIX: redis.prefix,
          // TEST_LOG_LEVEL=debug shows what the processes under test log.
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
          ...env,
        },
        false,
      ),
    async close() {
      await database.drop();
      await redis.clear();
    },
  };
}
