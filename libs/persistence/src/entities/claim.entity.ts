import {
  Check,
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
import {
  CLAIM_MATCH_KINDS,
  CLAIM_STATES,
  CLAIM_TYPES,
  type ClaimEntity as ClaimEntityDto,
  type ClaimMatchKind,
  type ClaimState,
  type ClaimType,
} from '@factdesk/domain';
import { DocumentEntity } from './document.entity.js';
import { SpeakerEntity } from './speaker.entity.js';
import { UserEntity } from './user.entity.js';

@Entity('claims')
@Check('CHK_claims_media_start', '"media_start_seconds" >= 0')
@Index('IDX_claims_state_score', ['state', 'score', 'id'])
@Index('IDX_claims_state_created', ['state', 'createdAt', 'id'])
@Index('IDX_claims_document_offset', ['documentId', 'startOffset'])
@Index('IDX_claims_speaker', ['speakerId', 'createdAt'])
// The inbox's sorts — score, date detected, coalesce(said_at, created_at) — each with the id that breaks
// ties for keyset paging, carrying the columns the filters test (INCLUDE) so that filtered pages are read
// off the index alone: written by the migrations.
@Index('IDX_claims_score_id', { synchronize: false })
@Index('IDX_claims_created_id', { synchronize: false })
@Index('IDX_claims_said_id', { synchronize: false })
// The "assigned to" filter in score order, and the "due" sort over everyone's or one person's claims
// (expression and partial indexes the migration creates).
@Index('IDX_claims_assignee_score', { synchronize: false })
@Index('IDX_claims_due_id', { synchronize: false })
@Index('IDX_claims_assignee_due_id', { synchronize: false })
// Full-text search over the stored search vector (GIN).
@Index('IDX_claims_search_vector', { synchronize: false })
// Near-duplicate matching: a trigram GiST index (pg_trgm), whose distance ordering finds the closest claims.
@Index('IDX_claims_text_trgm_gist', { synchronize: false })
// Worker idempotency: one claim per document span (partial unique index created by the migration).
@Index('UQ_claims_document_span', { synchronize: false })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for a claim an editor entered by hand. */
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document: Relation<DocumentEntity> | null;

  /** Verbatim sentence(s) as said. */
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'uuid', nullable: true })
  speakerId: string | null;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speaker_id' })
  speaker: Relation<SpeakerEntity> | null;

  /** Character offsets into the document's text: text === document.originalText.slice(start, end). */
  @Column({ type: 'integer', nullable: true })
  startOffset: number | null;

  @Column({ type: 'integer', nullable: true })
  endOffset: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  saidAt: Date | null;

  /**
   * The text's English full-text vector, kept by PostgreSQL. Stored so that matching a phrase and ranking
   * read it instead of parsing the text of every candidate again; never written by the application.
   */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: "to_tsvector('english', text)",
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  /**
   * Who the claim's active assignment is for, and when it is due: copies kept by a trigger on assignments
   * (the record, with history) so that the inbox filters and sorts by them off the claims' own indexes.
   * Never written by the application.
   */
  @Column({ type: 'uuid', nullable: true, insert: false, update: false })
  assigneeId: string | null;

  @Column({ type: 'timestamptz', nullable: true, insert: false, update: false })
  dueAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_claims_assignee' })
  assignee?: Relation<UserEntity> | null;

  /**
   * The claim's own provenance where an editor set it (null: its document's stands, libs/domain
   * inheritProvenance): the original's URL (a broadcast or post), venue, a recording and the time in it, and
   * the public name of where it appeared. `saidAt` above is its own date.
   */
  @Column({ type: 'text', nullable: true })
  saidWhereUrl: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'text', nullable: true })
  mediaUrl: string | null;

  @Column({ type: 'integer', nullable: true })
  mediaStartSeconds: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  appearedIn: string | null;

  /** Check-worthiness, 0–1. */
  @Column({ type: 'real', default: 0 })
  score: number;

  @Column({ type: 'boolean', default: false })
  checkworthy: boolean;

  /** Human-readable reasons behind the score. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: string[];

  @Column({ type: 'enum', enum: CLAIM_TYPES, enumName: 'claim_type', default: 'other' })
  claimType: ClaimType;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  entities: ClaimEntityDto[];

  @Column({ type: 'enum', enum: CLAIM_STATES, enumName: 'claim_state', default: 'detected' })
  state: ClaimState;

  @Column({ type: 'text', nullable: true })
  dismissalReason: string | null;

  /**
   * For a `duplicate`: the first claim of its cluster, which carries the cluster's workflow (never itself a
   * duplicate). A trigger returns a cluster's duplicates to triage when that claim is deleted.
   */
  @Index('IDX_claims_duplicate_of', { where: '"duplicate_of_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @ManyToOne(() => ClaimEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of_id' })
  duplicateOf?: Relation<ClaimEntity> | null;

  /** Null when the worker detected it. */
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

/** A link from a claim to a near-duplicate claim or to an earlier published fact-check of the same claim. */
@Entity('claim_matches')
@Index('UQ_claim_matches_pair', ['claimId', 'kind', 'matchedClaimId'], { unique: true })
export class ClaimMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @Column({ type: 'enum', enum: CLAIM_MATCH_KINDS, enumName: 'claim_match_kind' })
  kind: ClaimMatchKind;

  /** The matched claim; for a fact-check match, the claim the fact-check is about. */
  @Index('IDX_claim_matches_matched')
  @Column({ type: 'uuid' })
  matchedClaimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'matched_claim_id' })
  matchedClaim: Relation<ClaimEntity>;

  @Column({ type: 'real' })
  similarity: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A claim that repeats a cluster with a live fact-check, as the editors were told of it: once per claim (the
 * key), whether the worker saw it arrive or an editor marked it. Today's "repeated" section reads these.
 */
@Entity('claim_repeats')
export class ClaimRepeatEntity {
  @PrimaryColumn('uuid')
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  /** The fact-checked cluster's first claim. */
  @Index('IDX_claim_repeats_head')
  @Column({ type: 'uuid' })
  headClaimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'head_claim_id' })
  headClaim: Relation<ClaimEntity>;

  /** The matcher's probability; 1 for the same words or a cluster an editor confirmed. */
  @Column({ type: 'real' })
  similarity: number;

  /** It joined the cluster (same words, or an editor's "duplicate of"); else it is only proposed. */
  @Column({ type: 'boolean' })
  joined: boolean;

  @Index('IDX_claim_repeats_created')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
