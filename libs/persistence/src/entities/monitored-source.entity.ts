import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
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
