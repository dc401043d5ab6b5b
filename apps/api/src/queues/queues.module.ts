import { Global, Logger, Module } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { JobQueue } from '@factdesk/queue';
import { APP_CONFIG } from '../common/config.js';

/**
 * The API's JobQueue (libs/queue): producers for every queue the worker consumes, and what the queue
 * dashboard shows. Fails fast while Redis is away: every caller has a fallback (the worker's sweep).
 */
@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('JobQueue');
        return new JobQueue({
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          connection: 'producer',
          onError: (queue, err) => logger.warn(`queue ${queue}: ${err.message}`),
        });
      },
    },
  ],
  exports: [JobQueue],
})
export class QueuesModule {}
