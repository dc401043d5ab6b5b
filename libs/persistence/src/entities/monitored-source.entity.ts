import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { MONITORED_SOURCE_KINDS, type MonitoredSourceKind } from '@factdesk/domain';
import { SpeakerEntity } from './speaker.entity.js';
import { UserEntity } from './user.entity.js';

/** A feed or listing page the newsroom follows; the worker polls it and each new item becomes a document. */
@Entity('monitored_sources')
export class MonitoredSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'enum', enum: MONITORED_SOURCE_KINDS, enumName: 'monitored_source_kind' })
  kind: MonitoredSourceKind;

  @Column({ type: 'uuid', nullable: true })
  defaultSpeakerId: string | null;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'default_speaker_id' })
  defaultSpeaker: Relation<SpeakerEntity> | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  defaultOutlet: string | null;

  @Column({ type: 'integer', default: 60 })
  pollIntervalMinutes: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastCheckedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastNewItemAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  /** Validators from the last successful poll, for conditional GET. */
  @Column({ type: 'text', nullable: true })
  etag: string | null;

  @Column({ type: 'text', nullable: true })
  lastModified: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An item a source has listed, by GUID or canonical URL: seen once, ingested once. */
@Entity('source_items')
@Index('UQ_source_items_key', ['sourceId', 'itemKey'], { unique: true })
export class SourceItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  @ManyToOne(() => MonitoredSourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source: Relation<MonitoredSourceEntity>;

  /** The feed item's GUID, or its canonical URL when it has none. */
  @Column({ type: 'text' })
  itemKey: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
