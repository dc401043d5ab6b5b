import type { RedisClient as Redis } from './connection.js';

/** How often a worker announces itself, and how long an announcement lasts without renewal. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_TTL_SECONDS = 30;

const keyPrefix = (prefix: string) => `${prefix}:workers:`;

/** Announces a live worker process, with its memory (what a soak test watches); the key expires on its own if the process dies. */
export async function beat(
  redis: Redis,
  prefix: string,
  workerId: string,
  info: Record<string, unknown>,
): Promise<void> {
  const { rss, heapUsed } = process.memoryUsage();
  await redis.set(
    `${keyPrefix(prefix)}${workerId}`,
    JSON.stringify({ ...info, rss, heapUsed, at: new Date().toISOString() }),
    'EX',
    HEARTBEAT_TTL_SECONDS,
  );
}

/** What live workers last announced. */
export async function workerAnnouncements(redis: Redis, prefix: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix(prefix)}*`, 'COUNT', 100);
    for (const value of keys.length ? await redis.mget(...keys) : [])
      if (value) found.push(JSON.parse(value) as Record<string, unknown>);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

export async function retire(redis: Redis, prefix: string, workerId: string): Promise<void> {
  await redis.del(`${keyPrefix(prefix)}${workerId}`);
}

/** Worker processes that announced themselves within the TTL. */
export async function liveWorkers(redis: Redis, prefix: string): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix(prefix)}*`, 'COUNT', 100);
    count += keys.length;
    cursor = next;
  } while (cursor !== '0');
  return count;
}
