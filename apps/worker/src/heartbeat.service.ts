import { hostname } from 'node:os';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { beat, HEARTBEAT_INTERVAL_MS, retire, type RedisClient } from '@factdesk/queue';
import { InjectWorkerConfig, InjectWorkerRedis } from './worker-config.js';

/**
 * Announces this worker in Redis every few seconds, so /api/health can tell operators whether any
 * worker is running (documents would otherwise wait silently in the queue).
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly id = `${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectWorkerConfig() private readonly config: AppConfig,
    @InjectWorkerRedis() private readonly redis: RedisClient,
  ) {}

  async onApplicationBootstrap() {
    await this.announce();
    this.timer = setInterval(() => void this.announce(), HEARTBEAT_INTERVAL_MS);
  }

  private async announce() {
    try {
      await beat(this.redis, this.config.redisPrefix, this.id, {
        pid: process.pid,
        host: hostname(),
        startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
      });
    } catch (err) {
      this.logger.warn(`heartbeat failed: ${(err as Error).message}`);
    }
  }

  /** Before the shared Redis client closes (onApplicationShutdown). */
  async beforeApplicationShutdown() {
    clearInterval(this.timer);
    await retire(this.redis, this.config.redisPrefix, this.id).catch(() => undefined);
  }
}
