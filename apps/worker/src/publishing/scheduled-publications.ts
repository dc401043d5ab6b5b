import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ClaimPublisher, PublicationSchedulesRepository } from '@factdesk/persistence';
import { JobQueue, JobRunner, postpone, publicationJobFor, QUEUE_NAMES, type QueuedJob } from '@factdesk/queue';

/**
 * Scheduled publications: each pending schedule (publication_schedules, written by the API) has one delayed
 * job on the `publication` queue, id `publish-<claim>-v<version>`. Running it publishes through
 * ClaimPublisher.publishScheduled, the same publish step as an editor's Publish, guarded in PostgreSQL so it
 * happens once: a duplicate job, a second worker or the job of a version since moved or cancelled publishes
 * nothing. Delayed jobs live in Redis and so outlast a worker's restart; the sweep (on start and with the
 * maintenance job) queues again the job of any pending schedule that lost it (Redis lost its data, or was away
 * when the API scheduled it).
 */
@Injectable()
export class ScheduledPublications implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledPublications.name);

  constructor(
    private readonly publisher: ClaimPublisher,
    private readonly schedules: PublicationSchedulesRepository,
    private readonly jobs: JobQueue,
    private readonly runner: JobRunner,
  ) {}

  async onApplicationBootstrap() {
    this.runner.run(QUEUE_NAMES.publication, (job, token) => this.fire(job, token), { concurrency: 2 });
    await this.sweep().catch((err) =>
      this.logger.warn(`scheduled publications not swept at start: ${(err as Error).message}`),
    );
  }

  /** One delayed job's run. */
  async fire(job: QueuedJob<'publication'>, token?: string): Promise<void> {
    const { claimId, version } = job.data;
    const outcome = await this.publisher.publishScheduled(claimId, version);
    // A job that ran before its time (clocks apart) waits for it without spending an attempt.
    if (outcome.kind === 'early') await postpone(job, token, outcome.waitMs);
    this.logger.log({ msg: 'scheduled publication', claimId, version, outcome: outcome.kind, ...outcome });
  }

  /**
   * Queues the job of every pending schedule. A job still in Redis has the same id, so it is not queued twice;
   * only lost ones come back (an overdue one runs at once). Answers how many schedules are pending.
   */
  async sweep(): Promise<number> {
    const pending = await this.schedules.allPending();
    if (pending.length) await this.jobs.addBulk(pending.map((s) => publicationJobFor(s)));
    return pending.length;
  }
}
