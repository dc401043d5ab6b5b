import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '@factdesk/domain';
import { PublicationScheduleEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** Who makes the change and in which request (null: the system, e.g. the worker). */
export interface ScheduleActor {
  actorId: string | null;
  requestId: string | null;
}

/** A pending schedule as the worker's sweep needs it. */
export interface PendingSchedule {
  claimId: string;
  version: number;
  publishAt: Date;
}

/** The first row a statement's RETURNING gave (TypeORM answers an UPDATE with `[rows, count]`). */
async function returning<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T | null> {
  const result = await tx.query(sql, params);
  const rows = Array.isArray(result[0]) ? result[0] : result;
  return (rows[0] as T | undefined) ?? null;
}

/**
 * publication_schedules: the only writer. Every change is one conditional statement on the claim's row (the
 * caller holds the claim's lock) with its audit event in the caller's transaction; each returns null when the
 * row was not in the state the change needs, so a change the caller did not see coming does nothing.
 */
export class PublicationSchedulesRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  /** The claim's pending schedule with who set it, or null. */
  pending(claimId: string, tx: EntityManager = this.db.manager): Promise<PublicationScheduleEntity | null> {
    return tx
      .getRepository(PublicationScheduleEntity)
      .findOne({ where: { claimId, state: 'pending' }, relations: { scheduledBy: true } });
  }

  /** The claim's schedule row whatever its state (tests, the history). */
  ofClaim(claimId: string): Promise<PublicationScheduleEntity | null> {
    return this.db.getRepository(PublicationScheduleEntity).findOneBy({ claimId });
  }

  /** Every pending schedule, soonest first: what the worker's sweep makes sure has its job. */
  async allPending(): Promise<PendingSchedule[]> {
    return this.db.getRepository(PublicationScheduleEntity).find({
      select: { claimId: true, version: true, publishAt: true },
      where: { state: 'pending' },
      order: { publishAt: 'ASC' },
    });
  }

  /**
   * A new pending schedule (the claim's first, or one after an earlier fired, was cancelled or cleared):
   * the next version. Null when one is already pending.
   */
  async schedule(
    tx: EntityManager,
    claimId: string,
    publishAt: Date,
    actor: ScheduleActor & { actorId: string },
  ): Promise<PublicationScheduleEntity | null> {
    const row = await returning<{ version: number }>(
      tx,
      `INSERT INTO publication_schedules AS s (claim_id, state, publish_at, version, scheduled_by_id, scheduled_at)
       VALUES ($1, 'pending', $2, 1, $3, now())
       ON CONFLICT (claim_id) DO UPDATE
         SET state = 'pending', publish_at = EXCLUDED.publish_at, version = s.version + 1,
             scheduled_by_id = EXCLUDED.scheduled_by_id, scheduled_at = now(), ended_at = NULL, error = NULL,
             updated_at = now()
         WHERE s.state <> 'pending'
       RETURNING s.version`,
      [claimId, publishAt, actor.actorId],
    );
    if (!row) return null;
    await this.record(tx, 'publication.schedule', claimId, actor, null, { publishAt, version: row.version });
    return this.pending(claimId, tx);
  }

  /** Moves the pending schedule to another time: a new version, so the job queued for the old one does nothing. */
  async reschedule(
    tx: EntityManager,
    claimId: string,
    publishAt: Date,
    actor: ScheduleActor & { actorId: string },
  ): Promise<{ before: PendingSchedule; after: PublicationScheduleEntity } | null> {
    const row = await returning<{ oldPublishAt: Date; oldVersion: number; version: number }>(
      tx,
      `UPDATE publication_schedules s
       SET publish_at = $2, version = s.version + 1, scheduled_by_id = $3, scheduled_at = now(), updated_at = now()
       FROM publication_schedules old
       WHERE s.claim_id = $1 AND s.state = 'pending' AND old.claim_id = s.claim_id
       RETURNING old.publish_at AS "oldPublishAt", old.version AS "oldVersion", s.version`,
      [claimId, publishAt, actor.actorId],
    );
    if (!row) return null;
    const before = { claimId, version: row.oldVersion, publishAt: row.oldPublishAt };
    await this.record(
      tx,
      'publication.reschedule',
      claimId,
      actor,
      { publishAt: before.publishAt, version: before.version },
      { publishAt, version: row.version },
    );
    return { before, after: (await this.pending(claimId, tx))! };
  }

  /** Ends the pending schedule: cancelled by a person, or cleared because the claim left `approved` first. */
  async end(
    tx: EntityManager,
    claimId: string,
    how: 'cancelled' | 'cleared',
    actor: ScheduleActor,
    reason?: string,
  ): Promise<PendingSchedule | null> {
    const row = await returning<{ version: number; publishAt: Date }>(
      tx,
      `UPDATE publication_schedules SET state = $2, ended_at = now(), updated_at = now()
       WHERE claim_id = $1 AND state = 'pending'
       RETURNING version, publish_at AS "publishAt"`,
      [claimId, how],
    );
    if (!row) return null;
    await this.record(
      tx,
      how === 'cancelled' ? 'publication.cancel' : 'publication.clear',
      claimId,
      actor,
      { publishAt: row.publishAt, version: row.version },
      { state: how, ...(reason ? { reason } : {}) },
    );
    return { claimId, version: row.version, publishAt: row.publishAt };
  }

  /**
   * The exactly-once guard of a scheduled publication: marks the schedule published only if it is still
   * pending at exactly `version`, in the transaction that publishes. A duplicate job, a job of a version since
   * rescheduled or cancelled, or a second worker gets null (the row is locked by the first until it commits,
   * and then no longer pending) and must publish nothing. Answers who scheduled it.
   */
  async takeForPublishing(
    tx: EntityManager,
    claimId: string,
    version: number,
  ): Promise<{ scheduledById: string; publishAt: Date } | null> {
    const row = await returning<{ scheduledById: string; publishAt: Date }>(
      tx,
      `UPDATE publication_schedules SET state = 'published', ended_at = now(), updated_at = now()
       WHERE claim_id = $1 AND state = 'pending' AND version = $2
       RETURNING scheduled_by_id AS "scheduledById", publish_at AS "publishAt"`,
      [claimId, version],
    );
    return row;
  }

  /** The schedule fired but its publication was refused (the claim or its scheduler changed): why, kept. */
  async fail(tx: EntityManager, claimId: string, version: number, error: string): Promise<boolean> {
    const row = await returning<{ version: number }>(
      tx,
      `UPDATE publication_schedules SET state = 'failed', error = $3, ended_at = now(), updated_at = now()
       WHERE claim_id = $1 AND state = 'pending' AND version = $2 RETURNING version`,
      [claimId, version, error],
    );
    if (!row) return false;
    await this.record(tx, 'publication.fail', claimId, { actorId: null, requestId: null }, { version }, { error });
    return true;
  }

  private record(
    tx: EntityManager,
    action: AuditAction,
    claimId: string,
    actor: ScheduleActor,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(tx, {
      actorId: actor.actorId,
      action,
      entityType: 'publication_schedule',
      entityId: claimId,
      claimId,
      before,
      after,
      requestId: actor.requestId,
    });
  }
}
