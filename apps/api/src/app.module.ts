import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { APP_CONFIG } from './common/config.js';
import { ApiExceptionFilter, validationExceptionFactory } from './common/errors.js';
import { DatabaseModule } from './database/database.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { EDITORIAL_MODULES } from './editorial/editorial.modules.js';
import { EventsModule } from './events/events.controller.js';
import { QueuesModule } from './queues/queues.service.js';
import { SourcesModule } from './sources/sources.module.js';
import { HealthModule } from './health/health.controller.js';
import { PublicModule } from './public/public.module.js';
import { RedisModule } from './redis/redis.module.js';
import { UsersModule } from './users/users.module.js';
import { WebhooksModule } from './webhooks/webhooks.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, RedisModule, AuditModule, AuthModule, UsersModule, HealthModule, ...EDITORIAL_MODULES, QueuesModule, DocumentsModule, EventsModule, SourcesModule, PublicModule, WebhooksModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            stopAtFirstError: true,
            exceptionFactory: validationExceptionFactory,
          }),
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
