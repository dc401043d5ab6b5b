import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@factdesk/config';
import { dataSourceOptions } from '@factdesk/persistence';
import { APP_CONFIG } from '../common/config.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, applicationName: 'factdesk-api' }),
        // Fail fast at start-up; main.ts has already checked the server is reachable.
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
