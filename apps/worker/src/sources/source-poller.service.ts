import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { sourcePollDue } from '@factdesk/domain';
import { readSourceItems, type SourceItem } from '@factdesk/extraction';
import { safeFetch } from '@factdesk/net';
import { SourcesRepository, type MonitoredSourceEntity } from '@factdesk/persistence';
import {
  fetchJobFor,
  JobQueue,
  JobRunner,
  postpone,
  QUEUE_NAMES,
  sourcePollSchedule,
  type QueuedJob,
  type RedisClient,
} from '@factdesk/queue';
import { InjectWorkerConfig, InjectWorkerRedis } from '../worker-config.js';

/** Items taken from one poll at most: a feed that suddenly lists thousands is not a reason to flood the inbox. */
const MAX_ITEMS_PER_POLL = 50;

export type PollOutcome =
  /** `unqueued`: documents stored whose job Redis did not take (the sweep enqueues them). */
  | { status: 'new-items'; created: number; unqueued: number }
  | { status: 'unchanged' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string };

/**
 * Polls monitored sources: one BullMQ job scheduler per enabled source; conditional GET; feeds and listing
 * pages read for items; each new item (by GUID or canonical URL, never twice) becomes a URL document in
 * the ingestion pipeline. Polite: one request per host at a time, the address rules of every outgoing
 * request, and exponential backoff for a failing source.
 */
@Injectable()
export class SourcePoller implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourcePoller.name);
  constructor(
    @InjectWorkerConfig() private readonly config: AppConfig,
    private readonly sources: SourcesRepository,
    private readonly jobs: JobQueue,
    private readonly runner: JobRunner,
    @InjectWorkerRedis() private readonly redis: RedisClient,
  ) {}

  async onApplicationBootstrap() {
    this.runner.run(QUEUE_NAMES.sourcePoll, (job, token) => this.process(job, token), { concurrency: 4 });
    await this.reconcileSchedules().catch((err) =>
      this.logger.warn(`schedules not reconciled: ${(err as Error).message}`),
    );
  }

  /** Makes the job schedulers match the sources: one per enabled source at its interval, none for paused ones. */
  async reconcileSchedules(): Promise<void> {
    const sources = await this.sources.schedules();
    const wanted = new Set<string>();
    for (const s of sources.filter((x) => x.enabled)) {
      const schedule = sourcePollSchedule(s);
      wanted.add(schedule.id);
      await this.jobs.upsertSchedule(schedule);
    }
    for (const scheduler of await this.jobs.schedules(QUEUE_NAMES.sourcePoll)) {
      if (scheduler.id.startsWith('source-') && !wanted.has(scheduler.id))
        await this.jobs.removeSchedule({ queue: QUEUE_NAMES.sourcePoll, id: scheduler.id });
    }
  }

  private async process(job: QueuedJob<'source-poll'>, token?: string): Promise<void> {
    const source = await this.sources.find(job.data.sourceId);
    // A job of a paused or deleted source can still be in the queue; only a person's "check now" runs it.
    if (!source || (!source.enabled && !job.data.manual)) return;
    // Politeness: one request at a time per host, across every worker process.
    const lock = `${this.config.redisPrefix}:source-host:${new URL(source.url).host}`;
    if ((await this.redis.set(lock, job.id ?? 'poll', 'PX', this.config.outbound.timeoutMs + 5000, 'NX')) !== 'OK')
      await postpone(job, token, 2000);
    try {
      await this.poll(source, job.data.manual ?? false);
    } finally {
      await this.redis.del(lock);
    }
  }

  /** One poll of one source; never throws: a failure is recorded on the source, and the schedule tries again. */
  async poll(source: MonitoredSourceEntity, manual = false): Promise<PollOutcome> {
    if (!sourcePollDue(source, new Date(), manual)) return { status: 'skipped', reason: 'backing off after failures' };
    try {
      const response = await safeFetch(source.url, {
        ...this.config.outbound,
        maxBytes: this.config.documentMaxBytes,
        headers: {
          accept:
            source.kind === 'feed'
              ? 'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5'
              : 'text/html,*/*;q=0.5',
          ...(source.etag ? { 'if-none-match': source.etag } : {}),
          ...(source.lastModified ? { 'if-modified-since': source.lastModified } : {}),
        },
      });
      if (response.status === 304) {
        await this.sources.recordPoll(source.id, {
          lastCheckedAt: new Date(),
          lastError: null,
          consecutiveFailures: 0,
        });
        return { status: 'unchanged' };
      }
      if (response.status >= 400) throw new Error(`The source answered ${response.status}.`);
      const body = response.body.toString('utf8');
      // In extraction's sandbox, with its limits: a hostile page cannot hold up this event loop either.
      const items = (
        await readSourceItems(source.kind === 'feed' ? 'feed' : 'listing', body, response.url, this.config.extraction)
      ).slice(0, MAX_ITEMS_PER_POLL);
      const { created, unqueued } = await this.ingest(source, items);
      await this.sources.recordPoll(source.id, {
        lastCheckedAt: new Date(),
        lastError: null,
        consecutiveFailures: 0,
        etag: headerValue(response.headers.etag),
        lastModified: headerValue(response.headers['last-modified']),
        ...(created ? { lastNewItemAt: new Date() } : {}),
      });
      return created ? { status: 'new-items', created, unqueued } : { status: 'unchanged' };
    } catch (err) {
      const error = (err as Error).message;
      await this.sources.recordPoll(source.id, {
        lastCheckedAt: new Date(),
        lastError: error.slice(0, 2000),
        consecutiveFailures: source.consecutiveFailures + 1,
      });
      this.logger.warn({ msg: 'source poll failed', sourceId: source.id, error });
      return { status: 'failed', error };
    }
  }

  /**
   * Turns items never seen before into URL documents (createDocument, with their audit events), then
   * enqueues each one's fetch. A fetch Redis does not take is reported, not dropped: the document stays
   * queued, the sweep enqueues it, and the poll's outcome counts it.
   */
  private async ingest(
    source: MonitoredSourceEntity,
    items: SourceItem[],
  ): Promise<{ created: number; unqueued: number }> {
    let created = 0;
    let unqueued = 0;
    for (const item of items) {
      const doc = await this.sources.ingestItem(source, {
        key: item.key,
        url: item.url,
        title: item.title,
        publishedAt: item.publishedAt ? new Date(item.publishedAt) : null,
      });
      if (!doc) continue;
      created += 1;
      // Reported, not dropped: the document stays queued and the sweep enqueues it.
      if (!(await this.jobs.offer(fetchJobFor(doc.job)).catch(() => false))) {
        unqueued += 1;
        this.logger.warn({
          msg: 'document left for the sweep: could not enqueue its fetch',
          documentId: doc.job.id,
          sourceId: source.id,
        });
      }
    }
    return { created, unqueued };
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
