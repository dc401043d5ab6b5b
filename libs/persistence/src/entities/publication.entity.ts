import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { FactCheckEntity } from './fact-check.entity.js';
import { UserEntity } from './user.entity.js';

/** Text pages of the public site that admins edit: /methodology and /corrections-policy. */
@Entity('site_pages')
export class SitePageEntity {
  /** The page's path without the slash, e.g. "methodology". */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy: Relation<UserEntity> | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The outbox of public changes: a database trigger on fact_checks writes one row per publication,
 * correction and retraction in the same transaction, so no event is lost between the commit and a
 * queue. Rows are turned into webhook deliveries once (dispatchedAt).
 */
@Entity('publication_events')
// Partial index on undispatched rows, written in the migration.
@Index('IDX_publication_events_pending', { synchronize: false })
export class PublicationEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  factCheckId: string;

  @ManyToOne(() => FactCheckEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fact_check_id' })
  factCheck: Relation<FactCheckEntity>;

  /** published | corrected | retracted */
  @Column({ type: 'varchar', length: 16 })
  kind: 'published' | 'corrected' | 'retracted';

  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}

/** An endpoint that receives signed POSTs on publication, correction and retraction. */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  /** Event types it receives, e.g. fact_check.published. */
  @Column({ type: 'text', array: true })
  events: string[];

  /** The Standard Webhooks secret sealed with AES-256-GCM (sealWebhookSecret in @factdesk/publishing): the worker must recover it to sign. */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** cancelled: the webhook was disabled before the delivery could be made. */
export type WebhookDeliveryState = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/** One event for one webhook, with every attempt made to deliver it. */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_webhook_created', ['webhookId', 'createdAt'])
@Index('UQ_webhook_deliveries_event', ['webhookId', 'eventId'], { unique: true })
export class WebhookDeliveryEntity {
  /** Also the webhook-id header and the BullMQ job id: receivers deduplicate retries on it. */
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook: Relation<WebhookEntity>;

  @Column({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ type: 'uuid' })
  factCheckId: string;

  /** The exact JSON body sent on every attempt. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state: WebhookDeliveryState;

  /** [{at, status|null, error|null, durationMs, responseExcerpt}] oldest first. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  attempts: WebhookAttempt[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
  response: string | null;
}
