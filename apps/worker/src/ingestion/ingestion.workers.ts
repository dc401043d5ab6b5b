import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { DocumentEntity } from '@factdesk/persistence';
import { bullConnection, claimLinkJobId, claimLinkNextJobId, DEFAULT_JOB_OPTIONS, documentJobId, hasTextFormat, QUEUE_NAMES, type JobPayloads, type QueueName } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';
import { SourcePoller } from '../sources/source-poller.service.js';
import { describeFailure, DocumentPipeline } from './pipeline.service.js';

type DocumentJob = Job<JobPayloads['document-fetch'] | JobPayloads['document-detect']>;

/** Linking waits until this process has had no detection for this long… */
const LINK_QUIET_MS = 250;
/** …but never longer than this after its job was queued, so a steady stream of documents does not starve it. */
const LINK_MAX_DEFER_MS = 120_000;

/**
 * The ingestion processors: fetching/extraction (I/O-bound, several at once), detection (CPU-bound) and
 * linking of the new claims to similar claims (database-bound, after the document is done) on queues of their own, plus the sweep that re-enqueues documents whose jobs were lost
 * (Redis was down when they were submitted, or Redis lost its data) and keeps the sources' poll
 * schedules in line with the sources.
 */
@Injectable()
export class IngestionWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionWorkers.name);
  private readonly workers: Worker[] = [];
  private readonly queues = new Map<QueueName, Queue>();
  /** Detection jobs running in this process, when the last one ended, and whether the process is stopping. */
  private detecting = 0;
  private lastDetectionAt = 0;
  private closing = false;
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    @InjectWorkerConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly pipeline: DocumentPipeline,
    private readonly sources: SourcePoller,
  ) {}

  private queue<N extends QueueName>(name: N): Queue<JobPayloads[N]> {
    if (!this.queues.has(name)) {
      this.queues.set(name, new Queue(name, { connection: bullConnection(this.config.redisUrl), prefix: this.config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }));
    }
    return this.queues.get(name) as Queue<JobPayloads[N]>;
  }

  private worker<N extends QueueName>(name: N, concurrency: number, process: (job: Job<JobPayloads[N]>) => Promise<void>): Worker {
    const worker = new Worker<JobPayloads[N]>(name, process, { connection: bullConnection(this.config.redisUrl), prefix: this.config.redisPrefix, concurrency });
    worker.on('error', (err) => this.logger.warn(`worker ${name}: ${err.message}`));
    this.workers.push(worker);
    return worker;
  }

  async onApplicationBootstrap() {
    const fetch = this.worker(QUEUE_NAMES.documentFetch, this.config.worker.fetchConcurrency, async (job) => {
      await job.updateProgress(10);
      const doc = await this.pipeline.fetchAndExtract(job.data.documentId);
      if (!doc) return;
      await this.queue(QUEUE_NAMES.documentDetect).add('detect', { documentId: doc.id }, { jobId: documentJobId(doc.id, doc.contentHash, doc.attempts) });
    });
    const detect = this.worker(QUEUE_NAMES.documentDetect, this.config.worker.detectConcurrency, async (job) => {
      this.detecting += 1;
      try {
        const doc = await this.pipeline.detect(job.data.documentId);
        // Queued on every run, even one that inserted nothing: a run that died between its commit and this line is
        // followed by one that links. The job id makes it one linking job per detection.
        if (doc) await this.queue(QUEUE_NAMES.claimLink).add('link', { documentId: doc.id }, { jobId: claimLinkJobId(doc.id, doc.contentHash, doc.attempts) });
      } finally {
        this.detecting -= 1;
        this.lastDetectionAt = Date.now();
      }
    });
    for (const worker of [fetch, detect]) worker.on('failed', (job, err) => void this.onFailed(job as DocumentJob | undefined, err));
    // A failed link leaves the document done with its claims; BullMQ retries it, and the dashboard shows it.
    this.worker(QUEUE_NAMES.claimLink, 1, async (job) => {
      await this.quietMoment(job.timestamp);
      const { next } = await this.pipeline.link(job.data.documentId, job.data.after ?? null);
      if (next) {
        const chain = job.data.chain ?? job.id!;
        await this.queue(QUEUE_NAMES.claimLink).add('link', { documentId: job.data.documentId, after: next, chain }, { jobId: claimLinkNextJobId(chain, next) });
      }
    });

    this.worker(QUEUE_NAMES.maintenance, 1, async () => {
      await this.sweep();
      await this.sources.reconcileSchedules();
    });
    // One schedule however many workers run: the scheduler id makes it so.
    await this.upsertSweepSchedule();
    // A Redis that restarted without its data lost the schedule along with the jobs the sweep exists to
    // recover: each worker puts it back when it finds it gone.
    this.scheduleCheck = setInterval(() => {
      this.restoreLostSweepSchedule().catch((err) => this.logger.warn(`sweep schedule check: ${(err as Error).message}`));
    }, this.config.worker.sweepIntervalMs);
    this.logger.log({ msg: 'ingestion workers ready', fetchConcurrency: this.config.worker.fetchConcurrency, detectConcurrency: this.config.worker.detectConcurrency });
  }

  /**
   * Claims in the inbox come before links between them: during a burst of documents, linking (database-heavy)
   * waits until this process's detection pauses, for at most LINK_MAX_DEFER_MS after the link was queued.
   */
  private async quietMoment(queuedAt: number): Promise<void> {
    while (!this.closing && Date.now() - queuedAt < LINK_MAX_DEFER_MS && (this.detecting > 0 || Date.now() - this.lastDetectionAt < LINK_QUIET_MS)) {
      await new Promise((r) => setTimeout(r, LINK_QUIET_MS));
    }
  }

  private async onFailed(job: DocumentJob | undefined, err: Error) {
    if (!job) return;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    try {
      if (final) await this.pipeline.markFailed(job.data.documentId, err instanceof UnrecoverableError ? err.message : describeFailure(err));
      else await this.pipeline.noteRetry(job.data.documentId, job.attemptsMade, err.message);
    } catch (e) {
      this.logger.error({ msg: 'could not record a failure', documentId: job.data.documentId, err: (e as Error).message });
    }
  }

  /**
   * Re-enqueues documents that have waited too long in a working state. Their job ids are derived from the
   * work, so a job that still exists is not added twice: only lost work is queued again.
   */
  async sweep(): Promise<number> {
    const stale: Pick<DocumentEntity, 'id' | 'status' | 'format' | 'contentHash' | 'attempts'>[] = await this.db.query(
      `SELECT id, status, format, content_hash AS "contentHash", attempts FROM documents
       WHERE status IN ('queued', 'fetching', 'detecting') AND updated_at < now() - make_interval(secs => $1)
       ORDER BY updated_at LIMIT 500`,
      [this.config.worker.sweepStaleMs / 1000],
    );
    for (const doc of stale) {
      const jobId = documentJobId(doc.id, doc.contentHash, doc.attempts);
      const toDetect = doc.status === 'detecting' || (doc.status === 'queued' && hasTextFormat(doc.format));
      if (toDetect) await this.queue(QUEUE_NAMES.documentDetect).add('detect', { documentId: doc.id }, { jobId });
      else await this.queue(QUEUE_NAMES.documentFetch).add('fetch', { documentId: doc.id }, { jobId });
    }
    if (stale.length) this.logger.log({ msg: 'sweep re-enqueued documents', count: stale.length });
    return stale.length;
  }

  private async upsertSweepSchedule(): Promise<void> {
    await this.queue(QUEUE_NAMES.maintenance).upsertJobScheduler('sweep', { every: this.config.worker.sweepIntervalMs }, { name: 'sweep', data: { task: 'sweep' } });
  }

  private async restoreLostSweepSchedule(): Promise<void> {
    if (await this.queue(QUEUE_NAMES.maintenance).getJobScheduler('sweep')) return;
    await this.upsertSweepSchedule();
    this.logger.warn('the sweep schedule was missing from Redis (restarted without its data?); restored');
  }

  /** Lets running jobs finish (BullMQ's close waits for them), then closes the queues. */
  async onApplicationShutdown() {
    this.closing = true;
    clearInterval(this.scheduleCheck);
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
