import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@factdesk/config';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import { WebhookDeliveryEntity, WebhookEntity } from '@factdesk/persistence';
import { newWebhookSecret, sealWebhookSecret, WEBHOOK_EVENTS } from '@factdesk/publishing';
import { AuditService } from '../audit/audit.service.js';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import type { CreateWebhookDto, DeliveriesQuery, UpdateWebhookDto, WebhookDeliveryDetailView, WebhookDeliveryView, WebhookView, WebhookWithSecretView } from './dto.js';

type Counts = WebhookView['deliveries'];
const NO_DELIVERIES: Counts = { pending: 0, succeeded: 0, failed: 0, cancelled: 0 };

function toView(w: WebhookEntity, deliveries: Counts = NO_DELIVERIES): WebhookView {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    enabled: w.active,
    events: w.events,
    createdById: w.createdById,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    deliveries,
  };
}

function toDeliveryView(d: WebhookDeliveryEntity): WebhookDeliveryView {
  return { id: d.id, event: d.event, factCheckId: d.factCheckId, state: d.state, attempts: d.attempts, createdAt: d.createdAt.toISOString(), completedAt: d.completedAt?.toISOString() ?? null };
}

/** What the audit log keeps of a webhook: never its secret. */
const audited = (w: WebhookEntity) => ({ url: w.url, description: w.description, enabled: w.active, events: w.events });

/** Admin management of webhook endpoints; deliveries are made by the worker (apps/worker/src/webhooks). */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The same address rules as URL ingestion, checked now for a clear answer; the worker checks each connection again. */
  private async checkUrl(url: string): Promise<string> {
    try {
      return (await assertFetchableUrl(url, this.config.outbound)).toString();
    } catch (err) {
      if (err instanceof OutboundRequestError) throw new FieldValidationException([{ field: 'url', message: err.message }]);
      throw err;
    }
  }

  private async counts(ids: string[]): Promise<Map<string, Counts>> {
    const rows: { webhook_id: string; state: keyof Counts; n: number }[] = ids.length
      ? await this.db.query('SELECT webhook_id, state, count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = ANY($1) GROUP BY webhook_id, state', [ids])
      : [];
    const map = new Map<string, Counts>();
    for (const r of rows) map.set(r.webhook_id, { ...(map.get(r.webhook_id) ?? NO_DELIVERIES), [r.state]: r.n });
    return map;
  }

  private async find(id: string, m: EntityManager = this.db.manager): Promise<WebhookEntity> {
    const w = await m.getRepository(WebhookEntity).findOneBy({ id });
    if (!w) throw new NotFoundException('No such webhook.');
    return w;
  }

  async list(): Promise<WebhookView[]> {
    const hooks = await this.db.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const counts = await this.counts(hooks.map((w) => w.id));
    return hooks.map((w) => toView(w, counts.get(w.id)));
  }

  async get(id: string): Promise<WebhookView> {
    const w = await this.find(id);
    return toView(w, (await this.counts([id])).get(id));
  }

  async create(dto: CreateWebhookDto, actorId: string, requestId: string): Promise<WebhookWithSecretView> {
    const url = await this.checkUrl(dto.url);
    const id = randomUUID(); // known before the insert: the sealed secret is bound to it
    const secret = newWebhookSecret();
    const saved = await this.db.transaction(async (m) => {
      const repo = m.getRepository(WebhookEntity);
      const w = await repo.save(
        repo.create({ id, url, description: dto.description ?? '', events: dto.events ?? [...WEBHOOK_EVENTS], active: dto.enabled ?? true, secret: sealWebhookSecret(secret, id, this.config.sessionSecret), createdById: actorId }),
      );
      await this.audit.record({ actorId, action: 'webhook.create', entityType: 'webhook', entityId: id, after: audited(w), requestId }, m);
      return w;
    });
    return { ...toView(saved), secret };
  }

  async update(id: string, dto: UpdateWebhookDto, actorId: string, requestId: string): Promise<WebhookView> {
    const url = dto.url === undefined ? undefined : await this.checkUrl(dto.url);
    await this.db.transaction(async (m) => {
      const w = await this.find(id, m);
      const before = audited(w);
      if (url !== undefined) w.url = url;
      if (dto.description !== undefined) w.description = dto.description;
      if (dto.enabled !== undefined) w.active = dto.enabled;
      if (dto.events !== undefined) w.events = dto.events;
      await m.getRepository(WebhookEntity).save(w);
      await this.audit.record({ actorId, action: 'webhook.update', entityType: 'webhook', entityId: id, before, after: audited(w), requestId }, m);
    });
    return this.get(id);
  }

  /** A new secret at once: deliveries signed from now on use it (receivers need the new one before the next event). */
  async rotateSecret(id: string, actorId: string, requestId: string): Promise<WebhookWithSecretView> {
    const secret = newWebhookSecret();
    await this.db.transaction(async (m) => {
      await this.find(id, m);
      await m.getRepository(WebhookEntity).update({ id }, { secret: sealWebhookSecret(secret, id, this.config.sessionSecret) });
      await this.audit.record({ actorId, action: 'webhook.rotate_secret', entityType: 'webhook', entityId: id, requestId }, m);
    });
    return { ...(await this.get(id)), secret };
  }

  /** Deletes the webhook and its delivery log; queued attempts find no row and stop. */
  async remove(id: string, actorId: string, requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const w = await this.find(id, m);
      await m.getRepository(WebhookEntity).delete({ id });
      await this.audit.record({ actorId, action: 'webhook.delete', entityType: 'webhook', entityId: id, before: audited(w), requestId }, m);
    });
  }

  /** The delivery log, newest first. */
  async deliveries(id: string, q: DeliveriesQuery): Promise<WebhookDeliveryView[]> {
    await this.find(id);
    const qb = this.db
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.event', 'd.factCheckId', 'd.state', 'd.attempts', 'd.createdAt', 'd.completedAt'])
      .where('d.webhookId = :id', { id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(q.limit ?? 50);
    if (q.state) qb.andWhere('d.state = :state', { state: q.state });
    if (q.before) qb.andWhere('d.createdAt < :before', { before: new Date(q.before) });
    return (await qb.getMany()).map(toDeliveryView);
  }

  async delivery(id: string, deliveryId: string): Promise<WebhookDeliveryDetailView> {
    const d = await this.db.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId, webhookId: id });
    if (!d) throw new NotFoundException('No such delivery.');
    return { ...toDeliveryView(d), payload: d.payload };
  }
}
