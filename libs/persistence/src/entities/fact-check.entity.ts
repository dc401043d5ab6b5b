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
import {
  CORRECTION_KINDS,
  FACT_CHECK_STATES,
  type CorrectableField,
  type CorrectionKind,
  type FactCheckState,
} from '@factdesk/domain';
import { ClaimEntity } from './claim.entity.js';
import { RatingEntity } from './rating.entity.js';
import { SpeakerEntity } from './speaker.entity.js';
import { UserEntity } from './user.entity.js';

/** A published fact-check: the public face of a claim's verdict, with a stable slug. */
@Entity('fact_checks')
@Index('IDX_fact_checks_published', ['publishedAt', 'id'])
@Index('IDX_fact_checks_speaker_published', ['speakerId', 'publishedAt'])
@Index('IDX_fact_checks_rating_published', ['ratingId', 'publishedAt'])
export class FactCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_fact_checks_claim', { unique: true })
  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @Index('UQ_fact_checks_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug: string;

  @Column({ type: 'enum', enum: FACT_CHECK_STATES, enumName: 'fact_check_state', default: 'published' })
  state: FactCheckState;

  /** The version readers see now. */
  @Column({ type: 'integer', default: 1 })
  currentVersion: number;

  /** Denormalised from the current version for public list filters. */
  @Column({ type: 'uuid', nullable: true })
  speakerId: string | null;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speaker_id' })
  speaker: Relation<SpeakerEntity> | null;

  @Column({ type: 'uuid', nullable: true })
  ratingId: string | null;

  @ManyToOne(() => RatingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rating_id' })
  rating: Relation<RatingEntity> | null;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'uuid' })
  publishedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  retractedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Bumped by corrections and retractions (the public "updated" time). */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An immutable snapshot of what was published: claim, speaker, rating, verdict text and sources. */
@Entity('fact_check_versions')
@Index('UQ_fact_check_versions_version', ['factCheckId', 'version'], { unique: true })
// The public index's full-text search (GIN over the stored vector; created by the FactCheckSearchVector migration).
@Index('IDX_fact_check_versions_search_vector', { synchronize: false })
export class FactCheckVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  factCheckId: string;

  @ManyToOne(() => FactCheckEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fact_check_id' })
  factCheck: Relation<FactCheckEntity>;

  @Column({ type: 'integer' })
  version: number;

  /** The verdict version this snapshot was taken from. */
  @Column({ type: 'integer' })
  verdictVersion: number;

  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  /** Headline and claim weigh most, then speaker and conclusion, then the analysis (PublicSiteReadModel.search). */
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression:
      "setweight(to_tsvector('english', coalesce(snapshot->>'headline', '')), 'A') || setweight(to_tsvector('english', coalesce(snapshot#>>'{claim,text}', '')), 'A') || setweight(to_tsvector('english', coalesce(snapshot#>>'{speaker,name}', '')), 'B') || setweight(to_tsvector('english', coalesce(snapshot->>'conclusion', '')), 'B') || setweight(to_tsvector('english', coalesce(snapshot->>'analysis', '')), 'C')",
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The append-only public corrections log of a fact-check (IFCN transparency). */
@Entity('corrections')
@Index('IDX_corrections_fact_check_created', ['factCheckId', 'createdAt'])
export class CorrectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  factCheckId: string;

  @ManyToOne(() => FactCheckEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fact_check_id' })
  factCheck: Relation<FactCheckEntity>;

  @Column({ type: 'enum', enum: CORRECTION_KINDS, enumName: 'correction_kind' })
  kind: CorrectionKind;

  /** What changed, as shown to readers. */
  @Column({ type: 'text' })
  note: string;

  /** Which of what readers see the correction changed (changedFields), for the log's "Corrected the …". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: CorrectableField[];

  /** The fact-check version this correction produced. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
