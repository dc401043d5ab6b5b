import { Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import type { DeskEventDto } from '@factdesk/domain';
import { eventsChannel, type RedisClient } from '@factdesk/queue';
import { InjectWorkerConfig, InjectWorkerRedis } from '../worker-config.js';

/** Tells signed-in users what the worker is doing (the API relays these over server-sent events). Best effort. */
@Injectable()
export class EventsPublisher {
  private readonly logger = new Logger(EventsPublisher.name);
  private readonly channel: string;

  constructor(
    @InjectWorkerConfig() config: AppConfig,
    @InjectWorkerRedis() private readonly redis: RedisClient,
  ) {
    this.channel = eventsChannel(config.redisPrefix);
  }

  /** Several events go out in one write. */
  publish(...events: DeskEventDto[]): void {
    const batch = this.redis.pipeline();
    for (const event of events) batch.publish(this.channel, JSON.stringify(event));
    batch.exec().catch((err) => this.logger.warn(`event not sent: ${(err as Error).message}`));
  }
}
