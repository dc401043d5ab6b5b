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
import { SPEAKER_KINDS, SPEAKER_ROLES, type SpeakerKind, type SpeakerRole } from '@factdesk/domain';
import { DocumentEntity } from './document.entity.js';

@Entity('speakers')
@Index('UQ_speakers_name_lower', { synchronize: false })
@Index('IDX_speakers_aliases', { synchronize: false })
export class SpeakerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'enum', enum: SPEAKER_KINDS, enumName: 'speaker_kind', default: 'person' })
  kind: SpeakerKind;

  /** Other names the speaker appears under ("Lavrov", "FM Lavrov"); matched case-insensitively. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Authoritative pages about the speaker (Wikipedia, Wikidata), for ClaimReview's sameAs. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sameAs: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** An editor's word for every document ("always a moderator"); null leaves it to each document. */
  @Column({ type: 'enum', enum: SPEAKER_ROLES, enumName: 'speaker_role', nullable: true })
  defaultRole: SpeakerRole | null;

  /** Set when merged into another speaker; merged speakers are kept so old links resolve. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto: Relation<SpeakerEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A speaker of a document and their part in it: what detection read, and an editor's word for this document. */
@Entity('document_speakers')
export class DocumentSpeakerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_document_speakers' })
  documentId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_document_speakers' })
  @Index('IDX_document_speakers_speaker')
  speakerId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_document_speakers_document' })
  document: Relation<DocumentEntity>;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'FK_document_speakers_speaker' })
  speaker: Relation<SpeakerEntity>;

  @Column({ type: 'enum', enum: SPEAKER_ROLES, enumName: 'speaker_role', nullable: true })
  detectedRole: SpeakerRole | null;

  @Column({ type: 'enum', enum: SPEAKER_ROLES, enumName: 'speaker_role', nullable: true })
  documentRole: SpeakerRole | null;
}
