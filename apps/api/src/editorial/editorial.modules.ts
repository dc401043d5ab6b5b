import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from '@factdesk/persistence';
import { AssignmentsController } from '../assignments/assignments.controller.js';
import { AssignmentsService } from '../assignments/assignments.service.js';
import { ClaimsController } from '../claims/claims.controller.js';
import { ClaimsService } from '../claims/claims.service.js';
import { CollaborationController } from '../collaboration/collaboration.controller.js';
import { CommentsService } from '../collaboration/comments.service.js';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { PublishingController } from '../publishing/publishing.controller.js';
import { PublishingService } from '../publishing/publishing.service.js';
import { RatingsModule } from '../ratings/ratings.module.js';
import { SpeakersController } from '../speakers/speakers.controller.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import { StatsModule } from '../stats/stats.module.js';
import { VerdictsController } from '../verdicts/verdicts.controller.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { TriageController } from '../workflow/triage.controller.js';
import { WorkflowService } from '../workflow/workflow.service.js';

@Module({ providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}

@Module({ controllers: [SpeakersController], providers: [SpeakersService], exports: [SpeakersService] })
export class SpeakersModule {}

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [CollaborationController],
  providers: [NotificationsService, CommentsService],
  exports: [NotificationsService],
})
export class CollaborationModule {}

@Module({ imports: [WorkflowModule, SpeakersModule], controllers: [ClaimsController, TriageController], providers: [ClaimsService] })
export class ClaimsModule {}

@Module({ imports: [WorkflowModule, CollaborationModule], controllers: [AssignmentsController], providers: [AssignmentsService] })
export class AssignmentsModule {}

@Module({ imports: [WorkflowModule, CollaborationModule], controllers: [VerdictsController], providers: [VerdictsService], exports: [VerdictsService] })
export class VerdictsModule {}

@Module({ imports: [WorkflowModule, VerdictsModule], controllers: [PublishingController], providers: [PublishingService] })
export class PublishingModule {}

/** The newsroom's editorial work: everything between "a claim exists" and "a fact-check is published". */
export const EDITORIAL_MODULES = [WorkflowModule, SpeakersModule, CollaborationModule, ClaimsModule, AssignmentsModule, VerdictsModule, PublishingModule, RatingsModule, StatsModule];
