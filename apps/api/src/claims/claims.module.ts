import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module.js';
import { CollaborationModule } from '../collaboration/collaboration.module.js';
import { PublishingModule } from '../publishing/publishing.module.js';
import { SpeakersModule } from '../speakers/speakers.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { ClaimAssignmentController } from './assignment.controller.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';
import { DuplicatesService } from './duplicates.service.js';
import { CommentsController } from './comments.controller.js';
import { ClaimPublishingController } from './publishing.controller.js';
import { ClaimScheduleController } from './schedule.controller.js';
import { ClaimProvenanceController } from './provenance.controller.js';
import { ClaimProvenanceService } from './provenance.service.js';
import { TriageController } from './triage.controller.js';
import { VerdictController } from './verdict.controller.js';

/**
 * Every route under `/api/claims`, one controller per concern; the work behind them stays in the service
 * of its area (workflow, assignments, verdicts, collaboration, publishing).
 */
@Module({
  imports: [WorkflowModule, SpeakersModule, AssignmentsModule, VerdictsModule, CollaborationModule, PublishingModule],
  controllers: [
    ClaimsController,
    TriageController,
    ClaimAssignmentController,
    VerdictController,
    CommentsController,
    ClaimPublishingController,
    ClaimScheduleController,
    ClaimProvenanceController,
  ],
  providers: [ClaimsService, DuplicatesService, ClaimProvenanceService],
})
export class ClaimsModule {}
