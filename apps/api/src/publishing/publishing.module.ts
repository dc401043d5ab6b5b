import { Module } from '@nestjs/common';
import { PublicModule } from '../public/public.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { FactChecksController } from './fact-checks.controller.js';
import { PublishingService } from './publishing.service.js';
import { ScheduleService } from './schedule.service.js';

/**
 * Fact-checks: publish, schedule, correct and retract (routes in claims/publishing.controller.ts and
 * claims/schedule.controller.ts) and the staff list.
 */
@Module({
  imports: [WorkflowModule, VerdictsModule, PublicModule],
  controllers: [FactChecksController],
  providers: [PublishingService, ScheduleService],
  exports: [PublishingService, ScheduleService],
})
export class PublishingModule {}
