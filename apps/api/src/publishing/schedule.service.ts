import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decideSchedule, type PublicationScheduleDto, type ScheduleOperation } from '@factdesk/domain';
import { PublicationSchedulesRepository, type PublicationScheduleEntity, type UserEntity } from '@factdesk/persistence';
import { JobQueue, publicationJobFor, publicationJobId, QUEUE_NAMES } from '@factdesk/queue';
import { httpError } from '../common/errors.js';
import { person } from '../common/views.js';
import { WorkflowService } from '../workflow/workflow.service.js';

export function toScheduleDto(s: PublicationScheduleEntity): PublicationScheduleDto {
  return {
    claimId: s.claimId,
    publishAt: s.publishAt.toISOString(),
    version: s.version,
    scheduledBy: person(s.scheduledBy),
    scheduledAt: s.scheduledAt.toISOString(),
  };
}

/**
 * Scheduled publishing: the schedule is a row in PostgreSQL (written with its audit event under the claim's
 * lock), its firing a delayed BullMQ job that the worker runs through ClaimPublisher.publishScheduled. The job
 * is offered after the commit; if Redis cannot take it now, the worker's sweep queues it from the table.
 */
@Injectable()
export class ScheduleService {
  private readonly logger = new Logger(ScheduleService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowService,
    private readonly schedules: PublicationSchedulesRepository,
    private readonly jobs: JobQueue,
  ) {}

  async schedule(
    claimId: string,
    publishAt: string,
    user: UserEntity,
    requestId: string,
  ): Promise<PublicationScheduleDto> {
    const at = new Date(publishAt);
    const row = await this.db.transaction(async (m) => {
      await this.decide(m, claimId, 'schedule', user, at);
      return (await this.schedules.schedule(m, claimId, at, { actorId: user.id, requestId }))!;
    });
    await this.jobs.offer(publicationJobFor(row));
    return toScheduleDto(row);
  }

  async reschedule(
    claimId: string,
    publishAt: string,
    user: UserEntity,
    requestId: string,
  ): Promise<PublicationScheduleDto> {
    const at = new Date(publishAt);
    const { before, after } = await this.db.transaction(async (m) => {
      await this.decide(m, claimId, 'reschedule', user, at);
      return (await this.schedules.reschedule(m, claimId, at, { actorId: user.id, requestId }))!;
    });
    await this.jobs.offer(publicationJobFor(after));
    await this.dropJob(claimId, before.version);
    return toScheduleDto(after);
  }

  async cancel(claimId: string, user: UserEntity, requestId: string): Promise<void> {
    const ended = await this.db.transaction(async (m) => {
      await this.decide(m, claimId, 'cancel', user);
      return (await this.schedules.end(m, claimId, 'cancelled', { actorId: user.id, requestId }))!;
    });
    await this.dropJob(claimId, ended.version);
  }

  /** Locks the claim and applies libs/domain's rule; throws the refusal as an HTTP error. */
  private async decide(
    m: EntityManager,
    claimId: string,
    operation: ScheduleOperation,
    user: UserEntity,
    publishAt?: Date,
  ): Promise<void> {
    const { claim } = await this.workflow.lock(m, claimId);
    const pending = await this.schedules.pending(claimId, m);
    const d = decideSchedule({ operation, claim, pending: Boolean(pending), user, publishAt, now: new Date() });
    if (!d.ok)
      throw httpError(
        d.status,
        d.message,
        d.status === 400 ? { fields: [{ field: 'publishAt', message: d.message }] } : {},
      );
  }

  /**
   * Best effort: the job of a version that no longer stands leaves Redis. Should it stay (Redis away, or it is
   * running), it finds its version gone in PostgreSQL and publishes nothing.
   */
  private async dropJob(claimId: string, version: number): Promise<void> {
    await this.jobs
      .remove(QUEUE_NAMES.publication, publicationJobId(claimId, version))
      .catch((err) => this.logger.warn(`scheduled publication job not removed: ${(err as Error).message}`));
  }
}
