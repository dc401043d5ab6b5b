import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationListDto } from '@factdesk/domain';
import { CollaborationRepository, type NewNotification } from '@factdesk/persistence';
import { toNotificationDto } from '../common/views.js';

@Injectable()
export class NotificationsService {
  constructor(private readonly collaboration: CollaborationRepository) {}

  /** Notifies people of something that happened to a claim, inside that change's transaction; never the actor. */
  notify(m: EntityManager, input: NewNotification): Promise<void> {
    return this.collaboration.notify(m, input);
  }

  /** Every active editor and admin: who hears about verdicts waiting for review. */
  editorIds(m: EntityManager): Promise<string[]> {
    return this.collaboration.editorIds(m);
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationListDto> {
    const { rows, unread } = await this.collaboration.notifications(userId, unreadOnly, limit);
    return { items: rows.map(toNotificationDto), unread };
  }

  /** Marks the given notifications (or all) of the user read; returns how many changed. */
  markRead(userId: string, ids: string[] | undefined): Promise<number> {
    return this.collaboration.markRead(userId, ids);
  }
}
