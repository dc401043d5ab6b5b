import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { createRedisClient, type RedisClient } from '@factdesk/queue';
import { APP_CONFIG } from '../common/config.js';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

/** The API's own Redis connection (rate limits, health). Queues open their own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Redis');
        return createRedisClient(config.redisUrl, 'commands', (err) => logger.warn(`redis: ${err.message}`));
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
