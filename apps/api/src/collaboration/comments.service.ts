import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { roleAllowed, type CommentDto } from '@factdesk/domain';
import { CollaborationRepository, type UserEntity } from '@factdesk/persistence';
import { excerpt, toCommentDto } from '../common/views.js';

@Injectable()
export class CommentsService {
  constructor(private readonly collaboration: CollaborationRepository) {}

  async list(claimId: string): Promise<CommentDto[]> {
    const rows = await this.collaboration.comments(claimId);
    if (!rows) throw new NotFoundException('No such claim.');
    return rows.map(toCommentDto);
  }

  /** Editors comment on any claim; a reviewer on claims they are or were assigned. The others on the claim hear of it. */
  async create(claimId: string, body: string, user: UserEntity, requestId: string): Promise<CommentDto> {
    const saved = await this.collaboration.addComment({ claimId, author: user, body, requestId }, (assignees) => {
      if (!roleAllowed(user.role, ['editor']) && !assignees.some((a) => a.assigneeId === user.id)) {
        throw new ForbiddenException('Reviewers can comment on the claims assigned to them.');
      }
      const active = assignees.find((a) => a.state === 'active');
      return {
        notify: active ? [active.assigneeId, active.assignedById] : [],
        message: `${user.name} commented: ${excerpt(body)}`,
      };
    });
    if (!saved) throw new NotFoundException('No such claim.');
    return toCommentDto(saved);
  }
}
