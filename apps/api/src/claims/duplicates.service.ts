import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { repeatAlertMessage } from '@factdesk/domain';
import { ClaimRepeatsRepository, ClaimsRepository, type UserEntity } from '@factdesk/persistence';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { httpError } from '../common/errors.js';
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
    private readonly repeats: ClaimRepeatsRepository,
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
      // Told once: a claim the worker already reported as a likely repeat is not announced again.
      const news = await this.repeats.record(m, { claimId: id, headClaimId: head.id, similarity: 1, joined: true });
      if (!news) return;
      await this.notifications.notify(m, {
        userIds: await this.notifications.editorIds(m),
        kind: 'repeated',
        message: repeatAlertMessage(locked.claim.text, rating, true),
        claimId: id,
        actorId: user.id,
      });
    });
  }

  notDuplicate(id: string, user: UserEntity, requestId: string): Promise<void> {
    return this.db.transaction(async (m) => {
      const locked = await this.workflow.lock(m, id);
      await this.workflow.apply(m, locked, { action: 'not_duplicate', actor: user, requestId });
      // Not a repeat after all: Today's "repeated" section no longer lists it.
      await this.repeats.forget(m, id);
    });
  }
}
