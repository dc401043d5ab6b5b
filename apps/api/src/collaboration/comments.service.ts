import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { roleAllowed, type CommentDto } from '@factdesk/domain';
import { AssignmentEntity, ClaimEntity, CommentEntity, type UserEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { excerpt, toCommentDto } from '../editorial/views.js';
import { NotificationsService } from './notifications.service.js';

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(claimId: string): Promise<CommentDto[]> {
    if (!(await this.db.getRepository(ClaimEntity).existsBy({ id: claimId }))) throw new NotFoundException('No such claim.');
    const rows = await this.db.getRepository(CommentEntity).find({ where: { claimId }, relations: { author: true }, order: { createdAt: 'ASC' } });
    return rows.map(toCommentDto);
  }

  /** Editors comment on any claim; a reviewer on claims they are or were assigned. The others on the claim hear of it. */
  async create(claimId: string, body: string, user: UserEntity, requestId: string): Promise<CommentDto> {
    return this.db.transaction(async (m) => {
      const claim = await m.getRepository(ClaimEntity).findOneBy({ id: claimId });
      if (!claim) throw new NotFoundException('No such claim.');
      const assignees = (await m.getRepository(AssignmentEntity).find({ where: { claimId }, select: { assigneeId: true, assignedById: true, state: true } }));
      if (!roleAllowed(user.role, ['editor']) && !assignees.some((a) => a.assigneeId === user.id)) {
        throw new ForbiddenException('Reviewers can comment on the claims assigned to them.');
      }
      const repo = m.getRepository(CommentEntity);
      const saved = await repo.save(repo.create({ claimId, authorId: user.id, body }));
      await this.audit.record({ actorId: user.id, action: 'comment.create', entityType: 'comment', entityId: saved.id, claimId, after: { body }, requestId }, m);
      const active = assignees.find((a) => a.state === 'active');
      const audience = active ? [active.assigneeId, active.assignedById] : [];
      await this.notifications.notify(m, { userIds: audience, kind: 'comment', message: `${user.name} commented: ${excerpt(body)}`, claimId, actorId: user.id });
      return toCommentDto({ ...saved, author: user });
    });
  }
}
