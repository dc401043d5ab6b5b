import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisOptions } from '@factdesk/queue';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedisPrefix {
  prefix: string;
  url: string;
  /** Deletes every key under the prefix. */
  clear(): Promise<void>;
}

/** A key prefix of the caller's own on the shared Redis, so test files never see each other's keys. */
export function createTestRedisPrefix(): TestRedisPrefix {
  const prefix = `fdtest:${randomBytes(5).toString('hex')}`;
  return {
    prefix,
    url: TEST_REDIS_URL,
    clear: async () => {
      const redis = new Redis(redisOptions(TEST_REDIS_URL));
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
