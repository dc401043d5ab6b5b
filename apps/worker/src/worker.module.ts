import { Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@factdesk/config';
import { dataSourceOptions, REPOSITORIES, REPOSITORY_PROVIDERS } from '@factdesk/persistence';
import { createRedisClient, JobQueue, JobRunner, type RedisClient } from '@factdesk/queue';
import { HeartbeatService } from './heartbeat.service.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { InjectWorkerRedis, WORKER_CONFIG, WORKER_REDIS } from './worker-config.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/**
 * The worker process: job processors (one JobRunner) with PostgreSQL access, no HTTP server. On shutdown
 * the runner lets running jobs finish first (beforeApplicationShutdown); the queues and Redis close after.
 */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@InjectWorkerRedis() private readonly redis: RedisClient) {}

  onApplicationShutdown() {
    this.redis.disconnect();
  }

  static forRoot(config: AppConfig): DynamicModule {
    const logger = new Logger('Queues');
    const onError = (queue: string, err: Error) => logger.warn(`${queue}: ${err.message}`);
    const redis = { redisUrl: config.redisUrl, prefix: config.redisPrefix, onError };
    return {
      module: WorkerModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            databaseUrl: config.databaseUrl,
            poolSize: config.databasePoolSize,
            applicationName: 'factdesk-worker',
          }),
          retryAttempts: 0,
        }),
        IngestionModule,
        SourcesModule,
        WebhooksModule,
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: JobQueue, useFactory: () => new JobQueue({ ...redis, connection: 'worker' }) },
        { provide: JobRunner, useFactory: () => new JobRunner(redis) },
        {
          provide: WORKER_REDIS,
          useFactory: () =>
            createRedisClient(config.redisUrl, 'commands', (err) => logger.warn(`redis: ${err.message}`)),
        },
        HeartbeatService,
        ...REPOSITORY_PROVIDERS,
      ],
      exports: [WORKER_CONFIG, WORKER_REDIS, JobQueue, JobRunner, ...REPOSITORIES],
    };
  }
}
