import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { CLAIM_TYPES, type ClaimType } from '@factdesk/domain';
import { DocumentEntity } from './document.entity.js';

/**
 * Every scored sentence of a document, compactly: one row per document whose parallel arrays hold, for
 * sentence i (reading order), its offsets into the document's text, score, speaker and claim type. The
 * sentence's text is the document's text between the offsets (never stored twice). One row per document
 * because it is written once per detection (one insert, not thousands) and always read whole: the
 * document page reads a document's sentences together, never one sentence across documents.
 */
@Entity('document_sentences')
export class DocumentSentencesEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_document_sentences' })
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_document_sentences_document' })
  document?: Relation<DocumentEntity>;

  /** The document's threshold: sentences scoring at or above it are claims. An editor may move it. */
  @Column({ type: 'real' })
  threshold: number;

  /** The threshold detection used, so a moved threshold can be compared with (and put back to) it. */
  @Column({ type: 'real' })
  detectedThreshold: number;

  /** The document's speakers as detection named them; `speakerIndexes` point into this list. */
  @Column({ type: 'text', array: true })
  speakers: string[];

  @Column({ type: 'integer', array: true })
  starts: number[];

  @Column({ type: 'integer', array: true })
  ends: number[];

  @Column({ type: 'real', array: true })
  scores: number[];

  /** Index into `speakers`, or null when the sentence has no known speaker. */
  @Column({ type: 'smallint', array: true })
  speakerIndexes: (number | null)[];

  @Column({ type: 'enum', enum: CLAIM_TYPES, enumName: 'claim_type', array: true })
  claimTypes: ClaimType[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
