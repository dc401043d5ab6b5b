import { Module } from '@nestjs/common';
import { CommentsService } from './comments.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** Comments (routes in claims/comments.controller.ts) and notifications. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, CommentsService],
  exports: [NotificationsService, CommentsService],
})
export class CollaborationModule {}
