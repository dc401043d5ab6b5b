import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '@factdesk/domain';
import { AuditEventEntity } from '../entities/index.js';

export interface AuditRecord {
  /** Null for the system (the worker, a source poll). */
  actorId: string | null;
  /** One of libs/domain's AUDIT_ACTIONS: the names the web app shows. */
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** The claim this change belongs to, so it shows in the claim's history. */
  claimId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

/**
 * The only writer of audit_events. `record` takes the transaction of the change it records and has no
 * form without one: the change and its event commit together or not at all.
 */
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async record(tx: EntityManager, event: AuditRecord): Promise<void> {
    const events = tx.getRepository(AuditEventEntity);
    await events.save(
      events.create({
        actorId: event.actorId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        claimId: event.claimId ?? null,
        before: event.before ?? null,
        after: event.after ?? null,
        requestId: event.requestId ?? null,
      }),
    );
  }

  /** A claim's history, oldest first, with each event's actor. */
  forClaim(claimId: string): Promise<AuditEventEntity[]> {
    return this.db
      .getRepository(AuditEventEntity)
      .find({ where: { claimId }, relations: { actor: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
