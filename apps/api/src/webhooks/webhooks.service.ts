import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@factdesk/config';
import { assertFetchableUrl, OutboundRequestError } from '@factdesk/net';
import { WebhookDeliveryEntity, WebhookEntity, WebhooksRepository } from '@factdesk/persistence';
import { newWebhookSecret, sealWebhookSecret, WEBHOOK_EVENTS } from '@factdesk/publishing';
import { InjectConfig } from '../common/config.js';
import { FieldValidationException } from '../common/errors.js';
import type {
  CreateWebhookDto,
  DeliveriesQuery,
  UpdateWebhookDto,
  WebhookDeliveryDetailView,
  WebhookDeliveryView,
  WebhookView,
  WebhookWithSecretView,
} from './dto.js';

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
  return {
    id: d.id,
    event: d.event,
    factCheckId: d.factCheckId,
    state: d.state,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    completedAt: d.completedAt?.toISOString() ?? null,
  };
}

function found(w: WebhookEntity | null): WebhookEntity {
  if (!w) throw new NotFoundException('No such webhook.');
  return w;
}

/** What the audit log keeps of a webhook: never its secret. */
const audited = (w: WebhookEntity) => ({ url: w.url, description: w.description, enabled: w.active, events: w.events });

/** Admin management of webhook endpoints; deliveries are made by the worker (apps/worker/src/webhooks). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The same address rules as URL ingestion, checked now for a clear answer; the worker checks each connection again. */
  private async checkUrl(url: string): Promise<string> {
    try {
      return (await assertFetchableUrl(url, this.config.outbound)).toString();
    } catch (err) {
      if (err instanceof OutboundRequestError)
        throw new FieldValidationException([{ field: 'url', message: err.message }]);
      throw err;
    }
  }

  private actor(actorId: string, requestId: string) {
    return { actorId, requestId, describe: audited };
  }

  private async counts(ids: string[]): Promise<Map<string, Counts>> {
    const counts = await this.webhooks.deliveryCounts(ids);
    return new Map([...counts].map(([id, c]) => [id, { ...NO_DELIVERIES, ...c }]));
  }

  private async find(id: string): Promise<WebhookEntity> {
    return found(await this.webhooks.find(id));
  }

  async list(): Promise<WebhookView[]> {
    const hooks = await this.webhooks.list();
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
    const saved = await this.webhooks.create(
      {
        id,
        url,
        description: dto.description ?? '',
        events: dto.events ?? [...WEBHOOK_EVENTS],
        active: dto.enabled ?? true,
        secret: sealWebhookSecret(secret, id, this.config.sessionSecret),
        createdById: actorId,
      },
      this.actor(actorId, requestId),
    );
    return { ...toView(saved), secret };
  }

  async update(id: string, dto: UpdateWebhookDto, actorId: string, requestId: string): Promise<WebhookView> {
    const url = dto.url === undefined ? undefined : await this.checkUrl(dto.url);
    found(
      await this.webhooks.update(
        id,
        { url, description: dto.description, active: dto.enabled, events: dto.events },
        this.actor(actorId, requestId),
      ),
    );
    return this.get(id);
  }

  /** A new secret at once: deliveries signed from now on use it (receivers need the new one before the next event). */
  async rotateSecret(id: string, actorId: string, requestId: string): Promise<WebhookWithSecretView> {
    const secret = newWebhookSecret();
    const sealed = sealWebhookSecret(secret, id, this.config.sessionSecret);
    if (!(await this.webhooks.replaceSecret(id, sealed, { actorId, requestId }))) found(null);
    return { ...(await this.get(id)), secret };
  }

  /** Deletes the webhook and its delivery log; queued attempts find no row and stop. */
  async remove(id: string, actorId: string, requestId: string): Promise<void> {
    found(await this.webhooks.remove(id, this.actor(actorId, requestId)));
  }

  /** The delivery log, newest first. */
  async deliveries(id: string, q: DeliveriesQuery): Promise<WebhookDeliveryView[]> {
    await this.find(id);
    const rows = await this.webhooks.deliveries(id, {
      state: q.state,
      before: q.before ? new Date(q.before) : undefined,
      limit: q.limit ?? 50,
    });
    return rows.map(toDeliveryView);
  }

  async delivery(id: string, deliveryId: string): Promise<WebhookDeliveryDetailView> {
    const d = await this.webhooks.delivery(id, deliveryId);
    if (!d) throw new NotFoundException('No such delivery.');
    return { ...toDeliveryView(d), payload: d.payload };
  }
}
