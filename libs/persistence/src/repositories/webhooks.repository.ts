import type { DataSource, EntityManager } from 'typeorm';
import type { FactCheckSnapshot } from '@factdesk/domain';
import {
  WebhookDeliveryEntity,
  WebhookEntity,
  type WebhookAttempt,
  type WebhookDeliveryState,
} from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

/** Who changes a webhook, and how the audit event shows it (the API's view: never its secret). */
export interface WebhookChangeActor {
  actorId: string;
  requestId: string;
  describe: (webhook: WebhookEntity) => Record<string, unknown>;
}

export type NewWebhook = Pick<
  WebhookEntity,
  'id' | 'url' | 'description' | 'events' | 'active' | 'secret' | 'createdById'
>;
export type WebhookChange = Partial<Pick<WebhookEntity, 'url' | 'description' | 'events' | 'active'>>;
export type DeliveryCounts = Record<WebhookDeliveryState, number>;

export interface DeliveryFilter {
  state?: WebhookDeliveryState;
  before?: Date;
  limit: number;
}

/** A delivery the worker is to attempt, with its endpoint. */
export interface DeliveryToSend {
  state: WebhookDeliveryState;
  payload: string;
  url: string;
  secret: string;
  active: boolean;
  webhookId: string;
}

/** A row of the publication_events outbox (written by a trigger in the publishing transaction). */
export interface PublicationEventRow {
  id: string;
  fact_check_id: string;
  kind: 'published' | 'corrected' | 'retracted';
  version: number;
  created_at: Date;
}

/** An enabled endpoint as the dispatcher sees it. */
export interface ActiveWebhook {
  id: string;
  events: string[];
  created_at: Date;
}

/** What an event's body is made from: the fact-check as readers saw it when the event happened. */
export interface EventSource {
  slug: string;
  publishedAt: Date;
  retractedAt: Date | null;
  snapshot: FactCheckSnapshot;
  /** The corrections made until the event, oldest first. */
  corrections: { kind: 'correction' | 'retraction'; note: string; version: number; created_at: Date }[];
  ratingValues: { value: number | null }[];
}

export interface NewDelivery {
  webhookId: string;
  eventId: string;
  event: string;
  factCheckId: string;
  payload: string;
}

/**
 * webhooks and webhook_deliveries: the API's management of endpoints (each change with its audit event)
 * and the worker's dispatch from the publication_events outbox and its delivery attempts.
 */
export class WebhooksRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  list(): Promise<WebhookEntity[]> {
    return this.db.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(id: string, tx: EntityManager = this.db.manager): Promise<WebhookEntity | null> {
    return tx.getRepository(WebhookEntity).findOneBy({ id });
  }

  /** Each webhook's deliveries by state (webhooks without any are absent). */
  async deliveryCounts(ids: string[]): Promise<Map<string, Partial<DeliveryCounts>>> {
    const rows: { webhook_id: string; state: WebhookDeliveryState; n: number }[] = ids.length
      ? await this.db.query(
          'SELECT webhook_id, state, count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = ANY($1) GROUP BY webhook_id, state',
          [ids],
        )
      : [];
    const map = new Map<string, Partial<DeliveryCounts>>();
    for (const r of rows) map.set(r.webhook_id, { ...map.get(r.webhook_id), [r.state]: r.n });
    return map;
  }

  async create(values: NewWebhook, actor: WebhookChangeActor): Promise<WebhookEntity> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(WebhookEntity);
      const webhook = await repo.save(repo.create(values));
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'webhook.create',
        entityType: 'webhook',
        entityId: webhook.id,
        after: actor.describe(webhook),
        requestId: actor.requestId,
      });
      return webhook;
    });
  }

  /** Changes a webhook (keys left undefined stay as they are) with its audit event; null when there is no such webhook. */
  async update(id: string, change: WebhookChange, actor: WebhookChangeActor): Promise<WebhookEntity | null> {
    return this.db.transaction(async (tx) => {
      const webhook = await this.find(id, tx);
      if (!webhook) return null;
      const before = actor.describe(webhook);
      for (const [key, value] of Object.entries(change))
        if (value !== undefined) Object.assign(webhook, { [key]: value });
      await tx.getRepository(WebhookEntity).save(webhook);
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'webhook.update',
        entityType: 'webhook',
        entityId: id,
        before,
        after: actor.describe(webhook),
        requestId: actor.requestId,
      });
      return webhook;
    });
  }

  /** Stores a new sealed secret with its audit event; false when there is no such webhook. */
  async replaceSecret(id: string, sealed: string, actor: Omit<WebhookChangeActor, 'describe'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await this.find(id, tx))) return false;
      await tx.getRepository(WebhookEntity).update({ id }, { secret: sealed });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'webhook.rotate_secret',
        entityType: 'webhook',
        entityId: id,
        requestId: actor.requestId,
      });
      return true;
    });
  }

  /** Deletes a webhook and its delivery log with its audit event; the deleted row, or null. */
  async remove(id: string, actor: WebhookChangeActor): Promise<WebhookEntity | null> {
    return this.db.transaction(async (tx) => {
      const webhook = await this.find(id, tx);
      if (!webhook) return null;
      await tx.getRepository(WebhookEntity).delete({ id });
      await this.audit.record(tx, {
        actorId: actor.actorId,
        action: 'webhook.delete',
        entityType: 'webhook',
        entityId: id,
        before: actor.describe(webhook),
        requestId: actor.requestId,
      });
      return webhook;
    });
  }

  /** A webhook's delivery log, newest first, without payloads. */
  deliveries(webhookId: string, filter: DeliveryFilter): Promise<WebhookDeliveryEntity[]> {
    const qb = this.db
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.event', 'd.factCheckId', 'd.state', 'd.attempts', 'd.createdAt', 'd.completedAt'])
      .where('d.webhookId = :webhookId', { webhookId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(filter.limit);
    if (filter.state) qb.andWhere('d.state = :state', { state: filter.state });
    if (filter.before) qb.andWhere('d.createdAt < :before', { before: filter.before });
    return qb.getMany();
  }

  delivery(webhookId: string, deliveryId: string): Promise<WebhookDeliveryEntity | null> {
    return this.db.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId, webhookId });
  }

  /** A delivery with its endpoint; null when the webhook (and so the delivery) was deleted. */
  async toSend(deliveryId: string): Promise<DeliveryToSend | null> {
    const rows: DeliveryToSend[] = await this.db.query(
      `SELECT d.state, d.payload, w.url, w.secret, w.active, w.id AS "webhookId" FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  /** Appends the attempt to the log and sets the state, in one statement; a settled delivery stays as it is. */
  async settle(id: string, state: WebhookDeliveryState, attempt: WebhookAttempt | null): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET attempts = attempts || $2::jsonb, state = $3::varchar, completed_at = CASE WHEN $3::varchar = 'pending' THEN NULL ELSE now() END WHERE id = $1 AND state = 'pending'`,
      [id, JSON.stringify(attempt ? [attempt] : []), state],
    );
  }

  /**
   * Claims up to `batch` undispatched events (FOR UPDATE SKIP LOCKED, so processes running at once share
   * them), asks `plan` which deliveries they make, inserts those ((webhook, event) is unique: never two)
   * and marks the events dispatched, in one transaction. Answers the new delivery ids, or null when no
   * event was waiting.
   */
  async dispatchEvents(
    batch: number,
    plan: (events: PublicationEventRow[], hooks: ActiveWebhook[], tx: EntityManager) => Promise<NewDelivery[]>,
  ): Promise<string[] | null> {
    return this.db.transaction(async (tx) => {
      const events: PublicationEventRow[] = await tx.query(
        'SELECT id, fact_check_id, kind, version, created_at FROM publication_events WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [batch],
      );
      if (!events.length) return null;
      const hooks: ActiveWebhook[] = await tx.query('SELECT id, events, created_at FROM webhooks WHERE active');
      const made: string[] = [];
      for (const d of await plan(events, hooks, tx)) {
        const rows: { id: string }[] = await tx.query(
          `INSERT INTO webhook_deliveries (webhook_id, event_id, event, fact_check_id, payload) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id`,
          [d.webhookId, d.eventId, d.event, d.factCheckId, d.payload],
        );
        made.push(...rows.map((r) => r.id));
      }
      await tx.query('UPDATE publication_events SET dispatched_at = now() WHERE id = ANY($1)', [
        events.map((e) => e.id),
      ]);
      return made;
    });
  }

  /** What an event's body is made from, read in the dispatch's transaction; null when the fact-check was deleted. */
  async eventSource(tx: EntityManager, e: PublicationEventRow): Promise<EventSource | null> {
    const rows: { slug: string; published_at: Date; retracted_at: Date | null; snapshot: FactCheckSnapshot }[] =
      await tx.query(
        `SELECT f.slug, f.published_at, f.retracted_at, v.snapshot FROM fact_checks f
         JOIN fact_check_versions v ON v.fact_check_id = f.id AND v.version = $2 WHERE f.id = $1`,
        [e.fact_check_id, e.version],
      );
    if (!rows[0]) return null;
    const [corrections, ratingValues] = await Promise.all([
      // Compared in SQL: JavaScript dates drop the microseconds both rows share with their transaction.
      tx.query(
        'SELECT kind, note, version, created_at FROM corrections WHERE fact_check_id = $1 AND created_at <= (SELECT created_at FROM publication_events WHERE id = $2) ORDER BY created_at, id',
        [e.fact_check_id, e.id],
      ) as Promise<EventSource['corrections']>,
      tx.query('SELECT value FROM ratings') as Promise<{ value: number | null }[]>,
    ]);
    const r = rows[0];
    return {
      slug: r.slug,
      publishedAt: r.published_at,
      retractedAt: r.retracted_at,
      snapshot: r.snapshot,
      corrections,
      ratingValues,
    };
  }

  /** Pending deliveries older than `olderThanMs`, oldest first: their job may have been lost. */
  async stalePending(olderThanMs: number, limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM webhook_deliveries WHERE state = 'pending' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [olderThanMs / 1000, limit],
    );
    return rows.map((r) => r.id);
  }
}
