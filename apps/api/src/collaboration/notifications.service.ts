import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import type { NotificationListDto } from '@factdesk/domain';
import { NotificationEntity, UserEntity } from '@factdesk/persistence';
import { toNotificationDto } from '../editorial/views.js';

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  /** Notifies people of something that happened to a claim; the actor is never notified of their own act. */
  async notify(m: EntityManager, input: { userIds: string[]; kind: string; message: string; claimId: string | null; actorId: string | null }): Promise<void> {
    const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return;
    const repo = m.getRepository(NotificationEntity);
    await repo.insert(recipients.map((userId) => repo.create({ userId, kind: input.kind, message: input.message, claimId: input.claimId, actorId: input.actorId })));
  }

  /** Every active editor and admin: who hears about verdicts waiting for review. */
  async editorIds(m: EntityManager): Promise<string[]> {
    const rows = await m.getRepository(UserEntity).find({ select: { id: true }, where: { role: In(['editor', 'admin']), active: true } });
    return rows.map((r) => r.id);
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationListDto> {
    const [rows, unread] = await Promise.all([
      this.notifications.find({ where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) }, relations: { actor: true }, order: { createdAt: 'DESC' }, take: limit }),
      this.notifications.count({ where: { userId, readAt: IsNull() } }),
    ]);
    return { items: rows.map(toNotificationDto), unread };
  }

  /** Marks the given notifications (or all) of the user read; returns how many changed. */
  async markRead(userId: string, ids: string[] | undefined): Promise<number> {
    const result = await this.notifications.update({ userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
