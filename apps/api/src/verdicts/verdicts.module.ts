import { Module } from '@nestjs/common';
import { CollaborationModule } from '../collaboration/collaboration.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { VerdictsService } from './verdicts.service.js';

/** Verdicts: drafting, review and approval; the routes are `claims/:id/verdict` etc. (claims/verdict.controller.ts). */
@Module({
  imports: [WorkflowModule, CollaborationModule],
  providers: [VerdictsService],
  exports: [VerdictsService],
})
export class VerdictsModule {}
