import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { AuthModule } from './auth/auth.module.js';
import { APP_CONFIG } from './common/config.js';
import { ApiExceptionFilter, validationExceptionFactory } from './common/errors.js';
import { DatabaseModule } from './database/database.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { CollaborationModule } from './collaboration/collaboration.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { PublicModule } from './public/public.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { RatingsModule } from './ratings/ratings.module.js';
import { RedisModule } from './redis/redis.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { StatsModule } from './stats/stats.module.js';
import { TodayModule } from './today/today.module.js';
import { UsersModule } from './users/users.module.js';
import { VerdictsModule } from './verdicts/verdicts.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        RedisModule,
        AuthModule,
        UsersModule,
        HealthModule,
        // The newsroom's editorial work: everything between "a claim exists" and "a fact-check is published".
        WorkflowModule,
        SpeakersModule,
        CollaborationModule,
        ClaimsModule,
        AssignmentsModule,
        VerdictsModule,
        PublishingModule,
        RatingsModule,
        StatsModule,
        QueuesModule,
        DocumentsModule,
        EventsModule,
        SourcesModule,
        TodayModule,
        PublicModule,
        WebhooksModule,
      ],
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
