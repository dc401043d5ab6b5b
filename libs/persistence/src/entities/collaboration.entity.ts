import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ClaimEntity } from './claim.entity.js';
import { UserEntity } from './user.entity.js';

@Entity('comments')
@Index('IDX_comments_claim_created', ['claimId', 'createdAt'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author: Relation<UserEntity>;

  /** Plain text; shown as text, never as HTML. */
  @Column({ type: 'text' })
  body: string;

  /** Set on a "request changes" comment, which carries the verdict version it was about. */
  @Column({ type: 'integer', nullable: true })
  verdictVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('notifications')
@Index('IDX_notifications_user_unread', ['userId', 'readAt', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserEntity>;

  /** e.g. assigned, reassigned, submitted, approved, changes_requested */
  @Column({ type: 'varchar', length: 50 })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

/**
 * Who did what to which record, when, before and after. Append-only: the migration installs a trigger
 * that refuses UPDATE and DELETE, so not even a bug in the application can rewrite history.
 */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'createdAt'])
@Index('IDX_audit_events_actor', ['actorId', 'createdAt'])
@Index('IDX_audit_events_claim', ['claimId', 'createdAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Null for the system (the worker, a migration). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor: Relation<UserEntity> | null;

  /** e.g. claim.accept, user.deactivate, auth.login */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  /** The claim the change belongs to (its verdict, assignment, comment…), for the claim's history. No FK: history outlives records. */
  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
