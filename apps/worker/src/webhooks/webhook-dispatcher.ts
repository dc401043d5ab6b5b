import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '@factdesk/config';
import { WebhooksRepository, type NewDelivery } from '@factdesk/persistence';
import { deliveryJobFor, JobQueue } from '@factdesk/queue';
import { InjectWorkerConfig } from '../worker-config.js';
import { eventBody } from './webhook-events.js';

/** The channel the fact_checks trigger notifies on commit (see the PublicSiteWebhooks migration). */
const CHANNEL = 'factdesk_public';
const EVENT_KINDS = new Set(['published', 'corrected', 'retracted', 'connected']);
const BATCH = 50;

/**
 * Turns the publication_events outbox (written by a trigger in the publishing transaction) into one
 * webhook_deliveries row per enabled, subscribed webhook, then queues a job per delivery. It runs when
 * PostgreSQL notifies a publication, correction or retraction, and on an interval as a safety net.
 * Several worker processes may run it at once: each claims events with FOR UPDATE SKIP LOCKED, and
 * (webhook, event) is unique, so an event never yields two deliveries to one endpoint. Rows are
 * committed before jobs are queued; a delivery whose job was lost (Redis down at that moment, a crash)
 * is queued again by the interval, and the job id (the delivery id) keeps that from doubling it.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private listener: pg.Client | null = null;
  private timer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly jobs: JobQueue,
    @InjectWorkerConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.kick(true), this.config.worker.sweepIntervalMs);
    this.kick(true);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'factdesk-worker-listen',
    });
    client.on('notification', (msg) => {
      if (EVENT_KINDS.has(msg.payload ?? '')) this.kick(false);
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      if (!this.stopped) this.retryTimer = setTimeout(() => void this.listen(), 1_000);
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      this.kick(false); // events may have been written while we were not listening
    } catch (err) {
      client.end().catch(() => undefined);
      this.logger.warn(`webhook change feed could not connect; retrying: ${(err as Error).message}`);
      if (!this.stopped) this.retryTimer = setTimeout(() => void this.listen(), 1_000);
    }
  }

  /** Runs dispatch now, or once more after the run in progress (notifications coalesce). */
  private kick(requeue: boolean): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.dispatch();
          if (requeue) await this.requeueStale();
        } catch (err) {
          this.logger.warn(`webhook dispatch failed: ${(err as Error).message}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
  }

  /** Claims pending events batch by batch; returns the delivery ids it created (and queued). */
  async dispatch(): Promise<string[]> {
    const created: string[] = [];
    for (;;) {
      const ids = await this.webhooks.dispatchEvents(BATCH, async (events, hooks, tx) => {
        const planned: NewDelivery[] = [];
        for (const e of events) {
          // Only endpoints that existed when the event happened: registering one does not replay history.
          const targets = hooks.filter((h) => h.created_at <= e.created_at);
          if (!targets.length) continue;
          const source = await this.webhooks.eventSource(tx, e);
          if (!source) continue; // the fact-check was deleted since
          const body = eventBody(e, source, this.config.site);
          for (const h of targets.filter((t) => t.events.includes(body.event)))
            planned.push({
              webhookId: h.id,
              eventId: e.id,
              event: body.event,
              factCheckId: e.fact_check_id,
              payload: body.body,
            });
        }
        return planned;
      });
      if (ids === null) break;
      created.push(...ids);
      await this.enqueue(ids).catch((err) =>
        this.logger.warn(
          `queueing ${ids.length} webhook deliveries failed; the sweep will retry: ${(err as Error).message}`,
        ),
      );
    }
    return created;
  }

  private async enqueue(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.jobs.addBulk(ids.map((deliveryId) => deliveryJobFor(deliveryId, this.config.webhooks)));
  }

  /** Pending deliveries older than the sweep's staleness whose job may have been lost; queuing an existing job id is a no-op. */
  async requeueStale(): Promise<void> {
    await this.enqueue(await this.webhooks.stalePending(this.config.worker.sweepStaleMs));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
    await this.running;
  }
}
