import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@factdesk/config';
import { dataSourceOptions, REPOSITORIES, REPOSITORY_PROVIDERS } from '@factdesk/persistence';
import { APP_CONFIG } from '../common/config.js';
import { DatabaseChanges } from './database-changes.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({
          databaseUrl: config.databaseUrl,
          poolSize: config.databasePoolSize,
          applicationName: 'factdesk-api',
          // The API's queries are short and many run at once: starting parallel workers took longer than a whole
          // inbox query, and under concurrent requests they only compete for the same cores.
          sessionSettings: { max_parallel_workers_per_gather: 0 },
        }),
        // Fail fast at start-up; main.ts has already checked the server is reachable.
        retryAttempts: 0,
      }),
    }),
  ],
  providers: [DatabaseChanges, ...REPOSITORY_PROVIDERS],
  exports: [DatabaseChanges, ...REPOSITORIES],
})
export class DatabaseModule {}
