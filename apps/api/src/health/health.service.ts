import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { HealthDto } from '@factdesk/domain';
import type { AppConfig } from '@factdesk/config';
import { liveWorkers, type RedisClient } from '@factdesk/queue';
import { InjectConfig } from '../common/config.js';
import { InjectRedis } from '../redis/redis.module.js';

const TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<HealthDto['postgres']> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: RedisClient,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthDto> {
    const [postgres, redis] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres.ok && redis.ok;
    // No live worker is worth knowing but does not make the API itself unhealthy.
    const workers = redis.ok ? await liveWorkers(this.redis, this.config.redisPrefix).catch(() => null) : null;
    return {
      status: ok ? 'ok' : 'degraded',
      postgres,
      redis,
      workers,
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
