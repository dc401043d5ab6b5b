import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { DocumentsRepository } from '@factdesk/persistence';
import {
  claimLinkJobFor,
  claimLinkNextJobFor,
  detectJobFor,
  documentJobFor,
  JobQueue,
  JobRunner,
  QUEUE_NAMES,
  sweepSchedule,
  UnrecoverableError,
  type QueuedJob,
} from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';
import { ScheduledPublications } from '../publishing/scheduled-publications.js';
import { SourcePoller } from '../sources/source-poller.service.js';
import { describeFailure, DocumentPipeline } from './pipeline.service.js';

/** Linking waits until this process has had no detection for this long… */
const LINK_QUIET_MS = 250;
/** …but never longer than this after its job was queued, so a steady stream of documents does not starve it. */
const LINK_MAX_DEFER_MS = 120_000;

/**
 * The ingestion processors: fetching/extraction (I/O-bound, several at once), detection (CPU-bound) and
 * linking of the new claims to similar claims (database-bound, after the document is done) on queues of their own, plus the sweep that re-enqueues documents whose jobs were lost
 * (Redis was down when they were submitted, or Redis lost its data), keeps the sources' poll
 * schedules in line with the sources and queues again the lost jobs of scheduled publications.
 */
@Injectable()
export class IngestionWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionWorkers.name);
  /** Detection jobs running in this process, and when the last one ended. */
  private detecting = 0;
  private lastDetectionAt = 0;
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @InjectWorkerConfig() private readonly config: AppConfig,
    private readonly documents: DocumentsRepository,
    private readonly pipeline: DocumentPipeline,
    private readonly sources: SourcePoller,
    private readonly publications: ScheduledPublications,
    private readonly jobs: JobQueue,
    private readonly runner: JobRunner,
  ) {}

  async onApplicationBootstrap() {
    const onFailed = (job: QueuedJob<'document-fetch' | 'document-detect'>, err: Error, final: boolean) =>
      this.onFailed(job, err, final);
    this.runner.run(
      QUEUE_NAMES.documentFetch,
      async (job) => {
        await job.updateProgress(10);
        const doc = await this.pipeline.fetchAndExtract(job.data.documentId);
        if (doc) await this.jobs.add(detectJobFor(doc));
      },
      { concurrency: this.config.worker.fetchConcurrency, onFailed },
    );
    this.runner.run(
      QUEUE_NAMES.documentDetect,
      async (job) => {
        this.detecting += 1;
        try {
          const doc = await this.pipeline.detect(job.data.documentId);
          // Queued on every run, even one that inserted nothing: a run that died between its commit and this line
          // is followed by one that links. The job id makes it one linking job per detection.
          if (doc) await this.jobs.add(claimLinkJobFor(doc));
        } finally {
          this.detecting -= 1;
          this.lastDetectionAt = Date.now();
        }
      },
      { concurrency: this.config.worker.detectConcurrency, onFailed },
    );
    // A failed link leaves the document done with its claims; BullMQ retries it, and the dashboard shows it.
    this.runner.run(
      QUEUE_NAMES.claimLink,
      async (job) => {
        await this.quietMoment(job.timestamp);
        const { next } = await this.pipeline.link(job.data.documentId, job.data.after ?? null);
        if (next) await this.jobs.add(claimLinkNextJobFor(job.data.documentId, job.data.chain ?? job.id!, next));
      },
      { concurrency: 1 },
    );
    this.runner.run(
      QUEUE_NAMES.maintenance,
      async () => {
        await this.sweep();
        await this.sources.reconcileSchedules();
        await this.publications.sweep();
      },
      { concurrency: 1 },
    );
    // One schedule however many workers run: the scheduler id makes it so.
    await this.jobs.upsertSchedule(sweepSchedule(this.config.worker.sweepIntervalMs));
    // A Redis that restarted without its data lost the schedule along with the jobs the sweep exists to
    // recover: each worker puts it back when it finds it gone.
    this.scheduleCheck = setInterval(() => {
      this.restoreLostSweepSchedule().catch((err) =>
        this.logger.warn(`sweep schedule check: ${(err as Error).message}`),
      );
    }, this.config.worker.sweepIntervalMs);
    this.logger.log({
      msg: 'ingestion workers ready',
      fetchConcurrency: this.config.worker.fetchConcurrency,
      detectConcurrency: this.config.worker.detectConcurrency,
    });
  }

  /**
   * Claims in the inbox come before links between them: during a burst of documents, linking (database-heavy)
   * waits until this process's detection pauses, for at most LINK_MAX_DEFER_MS after the link was queued.
   */
  private async quietMoment(queuedAt: number): Promise<void> {
    while (
      !this.runner.closing &&
      Date.now() - queuedAt < LINK_MAX_DEFER_MS &&
      (this.detecting > 0 || Date.now() - this.lastDetectionAt < LINK_QUIET_MS)
    ) {
      await new Promise((r) => setTimeout(r, LINK_QUIET_MS));
    }
  }

  private async onFailed(job: QueuedJob<'document-fetch' | 'document-detect'>, err: Error, final: boolean) {
    try {
      if (final)
        await this.pipeline.markFailed(
          job.data.documentId,
          err instanceof UnrecoverableError ? err.message : describeFailure(err),
        );
      else await this.pipeline.noteRetry(job.data.documentId, job.attemptsMade, err.message);
    } catch (e) {
      this.logger.error({
        msg: 'could not record a failure',
        documentId: job.data.documentId,
        err: (e as Error).message,
      });
    }
  }

  /**
   * Re-enqueues documents that have waited too long in a working state. Their job ids are derived from the
   * work, so a job that still exists is not added twice: only lost work is queued again.
   */
  async sweep(): Promise<number> {
    const stale = await this.documents.stale(this.config.worker.sweepStaleMs);
    await this.jobs.addBulk(stale.map((doc) => documentJobFor(doc)));
    if (stale.length) this.logger.log({ msg: 'sweep re-enqueued documents', count: stale.length });
    return stale.length;
  }

  private async restoreLostSweepSchedule(): Promise<void> {
    const schedule = sweepSchedule(this.config.worker.sweepIntervalMs);
    if (await this.jobs.hasSchedule(schedule.queue, schedule.id)) return;
    await this.jobs.upsertSchedule(schedule);
    this.logger.warn('the sweep schedule was missing from Redis (restarted without its data?); restored');
  }

  /** The runner lets running jobs finish and the JobQueue closes after it (both on their own). */
  onApplicationShutdown() {
    clearInterval(this.scheduleCheck);
  }
}
