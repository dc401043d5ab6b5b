import { Module, type DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@factdesk/config';
import { dataSourceOptions } from '@factdesk/persistence';
import { HeartbeatService } from './heartbeat.service.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { WORKER_CONFIG } from './worker-config.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { bullConnection, DEFAULT_JOB_OPTIONS } from '@factdesk/queue';

/** The worker process: BullMQ processors with PostgreSQL access, no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, applicationName: 'factdesk-worker' }),
          retryAttempts: 0,
        }),
        BullModule.forRoot({ connection: bullConnection(config.redisUrl), prefix: config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        IngestionModule,
        SourcesModule,
        WebhooksModule,
      ],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, HeartbeatService],
      exports: [WORKER_CONFIG],
    };
  }
}
