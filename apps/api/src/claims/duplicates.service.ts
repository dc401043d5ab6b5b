import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ClaimsRepository, type UserEntity } from '@factdesk/persistence';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { httpError } from '../common/errors.js';
import { excerpt } from '../common/views.js';
import { WorkflowService } from '../workflow/workflow.service.js';

/**
 * Claim clusters (issue 19): an editor says a claim repeats another ("duplicate of") or is not the same
 * claim after all. A cluster is checked once, through its first claim; a repeat of a claim already checked
 * tells the editors, with the rating it got, so the desk can answer the same day.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly workflow: WorkflowService,
    private readonly notifications: NotificationsService,
  ) {}

  markDuplicate(id: string, of: string, user: UserEntity, requestId: string): Promise<void> {
    return this.db.transaction(async (m) => {
      const locked = await this.workflow.lock(m, id);
      const head = await this.claims.clusterHead(m, of);
      if (!head) throw new NotFoundException('There is no claim with that id to mark this one a duplicate of.');
      if (head.id === id) throw httpError(409, 'A claim cannot be a duplicate of itself or of its own cluster.');
      await this.workflow.apply(m, locked, {
        action: 'mark_duplicate',
        actor: user,
        input: { originalId: head.id },
        requestId,
      });
      const rating = await this.claims.liveRating(m, head.id);
      if (rating === undefined) return;
      await this.notifications.notify(m, {
        userIds: await this.notifications.editorIds(m),
        kind: 'repeated',
        message: `Repeated: “${excerpt(locked.claim.text)}” repeats a claim already checked${rating ? ` (rated ${rating})` : ''}.`,
        claimId: id,
        actorId: user.id,
      });
    });
  }

  async notDuplicate(id: string, user: UserEntity, requestId: string): Promise<void> {
    await this.workflow.transition(id, { action: 'not_duplicate', actor: user, requestId });
  }
}
