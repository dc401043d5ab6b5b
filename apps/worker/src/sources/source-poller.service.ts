import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { feedItems, listingItems, type SourceItem } from '@factdesk/extraction';
import { safeFetch } from '@factdesk/net';
import { DocumentEntity, MonitoredSourceEntity, SourceItemEntity } from '@factdesk/persistence';
import { bullConnection, DEFAULT_JOB_OPTIONS, documentJobId, QUEUE_NAMES, redisOptions, sourceSchedulerId, type JobPayloads } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';

/** Items taken from one poll at most: a feed that suddenly lists thousands is not a reason to flood the inbox. */
const MAX_ITEMS_PER_POLL = 50;
/** A failing source waits interval × 2^failures before its next real try, at most this long. */
const MAX_BACKOFF_MS = 24 * 3600_000;

export type PollOutcome = { status: 'new-items'; created: number } | { status: 'unchanged' } | { status: 'skipped'; reason: string } | { status: 'failed'; error: string };

/**
 * Polls monitored sources: one BullMQ job scheduler per enabled source; conditional GET; feeds and listing
 * pages read for items; each new item (by GUID or canonical URL, never twice) becomes a URL document in
 * the ingestion pipeline. Polite: one request per host at a time, the address rules of every outgoing
 * request, and exponential backoff for a failing source.
 */
@Injectable()
export class SourcePoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SourcePoller.name);
  private readonly redis: Redis;
  private worker?: Worker;
  private readonly polls: Queue<JobPayloads['source-poll']>;
  private readonly fetches: Queue<JobPayloads['document-fetch']>;

  constructor(
    @InjectWorkerConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    const options = { connection: bullConnection(config.redisUrl), prefix: config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
    this.polls = new Queue(QUEUE_NAMES.sourcePoll, options);
    this.fetches = new Queue(QUEUE_NAMES.documentFetch, options);
    this.redis = new Redis(redisOptions(config.redisUrl, { maxRetriesPerRequest: 1 }));
    this.redis.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
  }

  async onApplicationBootstrap() {
    this.worker = new Worker<JobPayloads['source-poll']>(QUEUE_NAMES.sourcePoll, (job, token) => this.process(job, token), { connection: bullConnection(this.config.redisUrl), prefix: this.config.redisPrefix, concurrency: 4 });
    this.worker.on('error', (err) => this.logger.warn(`source-poll: ${err.message}`));
    await this.reconcileSchedules().catch((err) => this.logger.warn(`schedules not reconciled: ${(err as Error).message}`));
  }

  /** Makes the job schedulers match the sources: one per enabled source at its interval, none for paused ones. */
  async reconcileSchedules(): Promise<void> {
    const sources = await this.db.getRepository(MonitoredSourceEntity).find({ select: { id: true, enabled: true, pollIntervalMinutes: true } });
    const wanted = new Set<string>();
    for (const s of sources.filter((x) => x.enabled)) {
      wanted.add(sourceSchedulerId(s.id));
      await this.polls.upsertJobScheduler(sourceSchedulerId(s.id), { every: s.pollIntervalMinutes * 60_000 }, { name: 'poll', data: { sourceId: s.id } });
    }
    for (const scheduler of await this.polls.getJobSchedulers()) {
      if (scheduler.key.startsWith('source-') && !wanted.has(scheduler.key)) await this.polls.removeJobScheduler(scheduler.key);
    }
  }

  private async process(job: Job<JobPayloads['source-poll']>, token?: string): Promise<void> {
    const source = await this.db.getRepository(MonitoredSourceEntity).findOneBy({ id: job.data.sourceId });
    // A job of a paused or deleted source can still be in the queue; only a person's "check now" runs it.
    if (!source || (!source.enabled && !job.data.manual)) return;
    // Politeness: one request at a time per host, across every worker process.
    const lock = `${this.config.redisPrefix}:source-host:${new URL(source.url).host}`;
    if ((await this.redis.set(lock, job.id ?? 'poll', 'PX', this.config.outbound.timeoutMs + 5000, 'NX')) !== 'OK') {
      await job.moveToDelayed(Date.now() + 2000, token);
      throw new DelayedError();
    }
    try {
      await this.poll(source, job.data.manual ?? false);
    } finally {
      await this.redis.del(lock);
    }
  }

  /** One poll of one source; never throws: a failure is recorded on the source, and the schedule tries again. */
  async poll(source: MonitoredSourceEntity, manual = false): Promise<PollOutcome> {
    const repo = this.db.getRepository(MonitoredSourceEntity);
    if (!manual && source.consecutiveFailures > 0 && source.lastCheckedAt) {
      const wait = Math.min(source.pollIntervalMinutes * 60_000 * 2 ** source.consecutiveFailures, MAX_BACKOFF_MS);
      if (Date.now() < source.lastCheckedAt.getTime() + wait) return { status: 'skipped', reason: 'backing off after failures' };
    }
    try {
      const response = await safeFetch(source.url, {
        ...this.config.outbound,
        maxBytes: this.config.documentMaxBytes,
        headers: {
          accept: source.kind === 'feed' ? 'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5' : 'text/html,*/*;q=0.5',
          ...(source.etag ? { 'if-none-match': source.etag } : {}),
          ...(source.lastModified ? { 'if-modified-since': source.lastModified } : {}),
        },
      });
      if (response.status === 304) {
        await repo.update({ id: source.id }, { lastCheckedAt: new Date(), lastError: null, consecutiveFailures: 0 });
        return { status: 'unchanged' };
      }
      if (response.status >= 400) throw new Error(`The source answered ${response.status}.`);
      const body = response.body.toString('utf8');
      const items = (source.kind === 'feed' ? feedItems(body, response.url) : listingItems(body, response.url)).slice(0, MAX_ITEMS_PER_POLL);
      const created = await this.ingest(source, items);
      await repo.update(
        { id: source.id },
        {
          lastCheckedAt: new Date(),
          lastError: null,
          consecutiveFailures: 0,
          etag: headerValue(response.headers.etag),
          lastModified: headerValue(response.headers['last-modified']),
          ...(created ? { lastNewItemAt: new Date() } : {}),
        },
      );
      return created ? { status: 'new-items', created } : { status: 'unchanged' };
    } catch (err) {
      const error = (err as Error).message;
      await repo.update({ id: source.id }, { lastCheckedAt: new Date(), lastError: error.slice(0, 2000), consecutiveFailures: source.consecutiveFailures + 1 });
      this.logger.warn({ msg: 'source poll failed', sourceId: source.id, error });
      return { status: 'failed', error };
    }
  }

  /** Records items never seen before and turns each into a URL document, then enqueues its fetch. */
  private async ingest(source: MonitoredSourceEntity, items: SourceItem[]): Promise<number> {
    let created = 0;
    for (const item of items) {
      const fresh: { id: string }[] = (
        await this.db.getRepository(SourceItemEntity).createQueryBuilder().insert().values({ sourceId: source.id, itemKey: item.key, url: item.url, title: item.title, publishedAt: item.publishedAt ? new Date(item.publishedAt) : null }).orIgnore().returning(['id']).execute()
      ).raw;
      if (!fresh.length) continue;
      const contentHash = createHash('sha256').update(`url:${item.url}`).digest('hex');
      const doc: { id: string }[] = (
        await this.db
          .getRepository(DocumentEntity)
          .createQueryBuilder()
          .insert()
          .values({ format: 'url', sourceUrl: item.url, contentHash, title: item.title, outlet: source.defaultOutlet, publishedAt: item.publishedAt ? new Date(item.publishedAt) : null, monitoredSourceId: source.id, status: 'queued' })
          .orIgnore()
          .returning(['id'])
          .execute()
      ).raw;
      if (!doc.length) continue; // the same article came in another way already
      await this.db.getRepository(SourceItemEntity).update({ id: fresh[0].id }, { documentId: doc[0].id });
      created += 1;
      // If Redis is away the document stays queued and the sweep picks it up.
      await this.fetches.add('fetch', { documentId: doc[0].id }, { jobId: documentJobId(doc[0].id, contentHash, 0) }).catch(() => undefined);
    }
    return created;
  }

  async onApplicationShutdown() {
    await this.worker?.close();
    await Promise.allSettled([this.polls.close(), this.fetches.close()]);
    this.redis.disconnect();
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
