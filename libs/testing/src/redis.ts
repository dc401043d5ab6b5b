import { randomBytes } from 'node:crypto';
import type { DeskEventDto } from '@factdesk/domain';
import { createRedisClient, eventsChannel } from '@factdesk/queue';

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
      const redis = createRedisClient(TEST_REDIS_URL, 'commands');
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

export interface DeskEventLog {
  /** Every event seen on the channel so far, parsed. */
  events: DeskEventDto[];
  close(): void;
}

/** Listens to the worker's events on a prefix (what the API relays to browsers); resolves once subscribed. */
export async function listenToDeskEvents(prefix: string, url = TEST_REDIS_URL): Promise<DeskEventLog> {
  const redis = createRedisClient(url, 'subscriber');
  const events: DeskEventDto[] = [];
  redis.on('message', (_channel, message: string) => events.push(JSON.parse(message)));
  await redis.subscribe(eventsChannel(prefix));
  return { events, close: () => redis.disconnect() };
}

/** Publishes events as the worker does, for tests of what the API relays. */
export async function publishDeskEvents(prefix: string, events: DeskEventDto[], url = TEST_REDIS_URL): Promise<void> {
  const redis = createRedisClient(url, 'commands');
  try {
    for (const event of events) await redis.publish(eventsChannel(prefix), JSON.stringify(event));
  } finally {
    redis.disconnect();
  }
}
