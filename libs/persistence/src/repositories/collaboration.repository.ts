import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { AssignmentEntity, ClaimEntity, CommentEntity, NotificationEntity, UserEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

export interface NewNotification {
  userIds: string[];
  kind: string;
  message: string;
  claimId: string | null;
  actorId: string | null;
}

/** comments and notifications: the only writer of both. A comment commits with its audit event and its notifications. */
export class CollaborationRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** A claim's comments, oldest first, with their authors; null when there is no such claim. */
  async comments(claimId: string): Promise<CommentEntity[] | null> {
    if (!(await this.db.getRepository(ClaimEntity).existsBy({ id: claimId }))) return null;
    return this.db
      .getRepository(CommentEntity)
      .find({ where: { claimId }, relations: { author: true }, order: { createdAt: 'ASC' } });
  }

  /** A claim's requests for changes (comments naming the verdict version they were about), oldest first. */
  reviewComments(claimId: string): Promise<CommentEntity[]> {
    return this.db.getRepository(CommentEntity).find({
      where: { claimId, verdictVersion: Not(IsNull()) },
      relations: { author: true },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Adds a comment with its audit event, in one transaction. `check` sees the claim's assignments (who may
   * comment is the caller's rule) and answers whom to notify, or throws to refuse. Null when there is no such claim.
   */
  async addComment(
    input: { claimId: string; author: UserEntity; body: string; requestId: string },
    check: (assignments: Pick<AssignmentEntity, 'assigneeId' | 'assignedById' | 'state'>[]) => {
      notify: string[];
      message: string;
    },
  ): Promise<CommentEntity | null> {
    const { claimId, author, body } = input;
    return this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(ClaimEntity).existsBy({ id: claimId }))) return null;
      const assignments = await tx
        .getRepository(AssignmentEntity)
        .find({ where: { claimId }, select: { assigneeId: true, assignedById: true, state: true } });
      const { notify, message } = check(assignments);
      const repo = tx.getRepository(CommentEntity);
      const saved = await repo.save(repo.create({ claimId, authorId: author.id, body }));
      await this.audit.record(tx, {
        actorId: author.id,
        action: 'comment.create',
        entityType: 'comment',
        entityId: saved.id,
        claimId,
        after: { body },
        requestId: input.requestId,
      });
      await this.notify(tx, { userIds: notify, kind: 'comment', message, claimId, actorId: author.id });
      return { ...saved, author };
    });
  }

  /** A reviewer's comment on a verdict sent back, inside the transition's `tx`, with its audit event. */
  async addReviewComment(
    tx: EntityManager,
    input: { claimId: string; authorId: string; body: string; verdictVersion: number; requestId: string },
  ): Promise<CommentEntity> {
    const { claimId, authorId, body, verdictVersion } = input;
    const repo = tx.getRepository(CommentEntity);
    const saved = await repo.save(repo.create({ claimId, authorId, body, verdictVersion }));
    await this.audit.record(tx, {
      actorId: authorId,
      action: 'comment.create',
      entityType: 'comment',
      entityId: saved.id,
      claimId,
      after: { body, verdictVersion },
      requestId: input.requestId,
    });
    return saved;
  }

  /** Notifies people inside `tx` (the change they hear of); the actor is never notified of their own act. */
  async notify(tx: EntityManager, input: NewNotification): Promise<void> {
    const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return;
    const repo = tx.getRepository(NotificationEntity);
    await repo.insert(
      recipients.map((userId) =>
        repo.create({
          userId,
          kind: input.kind,
          message: input.message,
          claimId: input.claimId,
          actorId: input.actorId,
        }),
      ),
    );
  }

  /** Every active editor and admin: who hears about verdicts waiting for review. */
  async editorIds(tx: EntityManager): Promise<string[]> {
    const rows = await tx
      .getRepository(UserEntity)
      .find({ select: { id: true }, where: { role: In(['editor', 'admin']), active: true } });
    return rows.map((r) => r.id);
  }

  /** A user's notifications, newest first (unread only if asked), and how many are unread. */
  async notifications(
    userId: string,
    unreadOnly: boolean,
    limit: number,
  ): Promise<{ rows: NotificationEntity[]; unread: number }> {
    const repo = this.db.getRepository(NotificationEntity);
    const [rows, unread] = await Promise.all([
      repo.find({
        where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
        relations: { actor: true },
        order: { createdAt: 'DESC' },
        take: limit,
      }),
      repo.count({ where: { userId, readAt: IsNull() } }),
    ]);
    return { rows, unread };
  }

  /** Marks the given notifications (or all) of the user read; answers how many changed. */
  async markRead(userId: string, ids: string[] | undefined): Promise<number> {
    const result = await this.db
      .getRepository(NotificationEntity)
      .update({ userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
