import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '@factdesk/config';
import { beat, HEARTBEAT_INTERVAL_MS, redisOptions, retire } from '@factdesk/queue';
import { InjectWorkerConfig } from './worker-config.js';

/**
 * Announces this worker in Redis every few seconds, so /api/health can tell operators whether any
 * worker is running (documents would otherwise wait silently in the queue).
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly id = `${hostname()}:${process.pid}`;
  private readonly redis: Redis;
  private timer?: NodeJS.Timeout;

  constructor(@InjectWorkerConfig() private readonly config: AppConfig) {
    this.redis = new Redis(redisOptions(config.redisUrl, { maxRetriesPerRequest: 1 }));
    this.redis.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
  }

  async onApplicationBootstrap() {
    await this.announce();
    this.timer = setInterval(() => void this.announce(), HEARTBEAT_INTERVAL_MS);
  }

  private async announce() {
    try {
      await beat(this.redis, this.config.redisPrefix, this.id, { pid: process.pid, host: hostname(), startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString() });
    } catch (err) {
      this.logger.warn(`heartbeat failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await retire(this.redis, this.config.redisPrefix, this.id).catch(() => undefined);
    this.redis.disconnect();
  }
}
