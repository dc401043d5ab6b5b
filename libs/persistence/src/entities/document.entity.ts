import {
  Check,
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
import { DOCUMENT_FORMATS, DOCUMENT_STATUSES, type DocumentFormat, type DocumentStatus } from '@factdesk/domain';
import { MonitoredSourceEntity } from './monitored-source.entity.js';
import { UserEntity } from './user.entity.js';

@Entity('documents')
@Index('IDX_documents_status_created', ['status', 'createdAt'])
@Check('CHK_documents_media_start', '"media_start_seconds" >= 0')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  outlet: string | null;

  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Provenance taken at intake (libs/domain provenance.ts), which the document's claims inherit. */
  @Column({ type: 'timestamptz', nullable: true })
  saidAt: Date | null;

  /** Where it was said: the event or venue. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  /** A recording (video or audio) and where in it the document starts. */
  @Column({ type: 'text', nullable: true })
  mediaUrl: string | null;

  @Column({ type: 'integer', nullable: true })
  mediaStartSeconds: number | null;

  /** The public name of where it appeared; `title` is the newsroom's working title and stays internal. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  appearedIn: string | null;

  /** BCP 47 language tag. */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  language: string;

  @Column({ type: 'enum', enum: DOCUMENT_FORMATS, enumName: 'document_format' })
  format: DocumentFormat;

  /** The extracted text claims' offsets point into; null until a URL document is fetched. */
  @Column({ type: 'text', nullable: true })
  originalText: string | null;

  /** An uploaded file's bytes, kept until its text is extracted (PostgreSQL, not Redis, holds what must not be lost). */
  @Column({ type: 'bytea', nullable: true, select: false })
  raw: Buffer | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  rawFileName: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  rawContentType: string | null;

  /** SHA-256 of the normalised text (or of the URL before fetching): the same document ingested twice is one. */
  @Index('UQ_documents_content_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'enum', enum: DOCUMENT_STATUSES, enumName: 'document_status', default: 'queued' })
  status: DocumentStatus;

  /** 0–100. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy: Relation<UserEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  monitoredSourceId: string | null;

  @ManyToOne(() => MonitoredSourceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'monitored_source_id' })
  monitoredSource: Relation<MonitoredSourceEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Its text's MinHash signature and LSH bands (libs/domain repeats.ts), set at detection: how versions are found. */
  @Column({ type: 'integer', array: true, nullable: true, select: false })
  textSignature?: number[] | null;

  @Index('IDX_documents_text_bands', { synchronize: false })
  @Column({ type: 'integer', array: true, nullable: true, select: false })
  textBands?: number[] | null;

  /** The earlier document this one is a version of (nearly the same text): its claims are not triaged twice. */
  @Column({ type: 'uuid', nullable: true })
  versionOfId: string | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'version_of_id' })
  versionOf?: Relation<DocumentEntity> | null;
}
