import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '@factdesk/config';
import type { DeskEventDto } from '@factdesk/domain';
import { eventsChannel, redisOptions } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';

/** Tells signed-in users what the worker is doing (the API relays these over server-sent events). Best effort. */
@Injectable()
export class EventsPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventsPublisher.name);
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@InjectWorkerConfig() config: AppConfig) {
    this.redis = new Redis(redisOptions(config.redisUrl, { maxRetriesPerRequest: 1 }));
    this.redis.on('error', (err) => this.logger.warn(`events: ${err.message}`));
    this.channel = eventsChannel(config.redisPrefix);
  }

  /** Several events go out in one write. */
  publish(...events: DeskEventDto[]): void {
    const batch = this.redis.pipeline();
    for (const event of events) batch.publish(this.channel, JSON.stringify(event));
    batch.exec().catch((err) => this.logger.warn(`event not sent: ${(err as Error).message}`));
  }

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
