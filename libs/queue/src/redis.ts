import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { describeAddress, REMEDIES, UnreachableServiceError } from '@factdesk/config';

/**
 * Connection options for BullMQ and the API's own use. maxRetriesPerRequest must be null for BullMQ's
 * blocking connections; commands wait for a reconnect instead of failing while Redis restarts.
 */
export function redisOptions(redisUrl: string, extra: RedisOptions = {}): RedisOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    ...extra,
  };
}

/** Throws UnreachableServiceError unless Redis answers PING at the configured address. */
export async function checkRedis(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis({
    ...redisOptions(redisUrl),
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
    throw new UnreachableServiceError('Redis', describeAddress(redisUrl), e.code ?? e.message ?? String(err), REMEDIES.redis);
  } finally {
    client.disconnect();
  }
}

/** BullMQ's connection settings for a Redis URL (BullMQ types its options apart from ioredis's). */
export function bullConnection(redisUrl: string): BullRedisOptions {
  const { host, port, username, password, db, tls } = redisOptions(redisUrl);
  return { host, port, username, password, db, tls, maxRetriesPerRequest: null };
}
