import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { describeAddress, REMEDIES, UnreachableServiceError } from '@factdesk/config';

/** A Redis client made here; apps hold it by this type and never import ioredis themselves. */
export type RedisClient = Redis;

/**
 * The connection policy, one per way a process talks to Redis:
 * - `producer`: the API's queues. Fails fast instead of buffering while Redis is away, because every
 *   caller has a fallback (the worker's sweep re-enqueues what could not be queued).
 * - `worker`: BullMQ workers and the queues the worker process adds to from inside jobs. Blocking
 *   commands need `maxRetriesPerRequest: null`; commands wait through a Redis restart.
 * - `commands`: short commands of one's own (heartbeats, locks, rate limits, health): one retry, then an error.
 * - `subscriber`: a pub/sub connection, which can do nothing else; it reconnects and resubscribes by itself.
 */
export type RedisRole = 'producer' | 'worker' | 'commands' | 'subscriber';

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  producer: { enableOfflineQueue: false, maxRetriesPerRequest: 1 },
  worker: { maxRetriesPerRequest: null },
  commands: { maxRetriesPerRequest: 1 },
  subscriber: { maxRetriesPerRequest: null },
};

/** ioredis options for a Redis URL and a role. */
export function connectionOptions(redisUrl: string, role: RedisRole): RedisOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    ...ROLE_OPTIONS[role],
  };
}

/** BullMQ types its connection options apart from ioredis's; the same policy in its shape. */
export function bullConnection(redisUrl: string, role: 'producer' | 'worker'): BullRedisOptions {
  return connectionOptions(redisUrl, role) as BullRedisOptions;
}

/** The one way to make a Redis client. Errors go to `onError` (ioredis reconnects by itself). */
export function createRedisClient(redisUrl: string, role: RedisRole, onError?: (err: Error) => void): RedisClient {
  const client = new Redis(connectionOptions(redisUrl, role));
  client.on('error', onError ?? (() => undefined));
  return client;
}

/** Throws UnreachableServiceError unless Redis answers PING at the configured address. */
export async function checkRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis({
    ...connectionOptions(redisUrl, 'commands'),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: { code?: string; message?: string } | undefined;
  client.on('error', (err) => (lastError = err)); // names the cause; connect() only says "Connection is closed"
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const e = lastError ?? (err as { code?: string; message?: string });
    throw new UnreachableServiceError(
      'Redis',
      describeAddress(redisUrl),
      e.code ?? e.message ?? String(err),
      REMEDIES.redis,
    );
  } finally {
    client.disconnect();
  }
}
