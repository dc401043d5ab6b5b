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
import { SOURCE_KINDS, VERDICT_STATES, type SourceKind, type VerdictState } from '@factdesk/domain';
import { ClaimEntity } from './claim.entity.js';
import { RatingEntity } from './rating.entity.js';
import { UserEntity } from './user.entity.js';

/** The working verdict on a claim: one per claim, edited in place with optimistic versioning. */
@Entity('verdicts')
@Index('IDX_verdicts_state_updated', ['state', 'updatedAt'])
export class VerdictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_verdicts_claim', { unique: true })
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

  /**
   * The content version: incremented by every content save (not by state changes, which are
   * workflow), and a save that names an older version is refused (409).
   */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'enum', enum: VERDICT_STATES, enumName: 'verdict_state', default: 'draft' })
  state: VerdictState;

  @Column({ type: 'uuid', nullable: true })
  ratingId: string | null;

  @ManyToOne(() => RatingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rating_id' })
  rating: Relation<RatingEntity> | null;

  @Column({ type: 'text', default: '' })
  headline: string;

  @Column({ type: 'text', default: '' })
  conclusion: string;

  /** Markdown; rendered and sanitised on output. */
  @Column({ type: 'text', default: '' })
  analysis: string;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by_id' })
  approvedBy: Relation<UserEntity> | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('verdict_sources')
@Index('IDX_verdict_sources_verdict_position', ['verdictId', 'position'])
export class VerdictSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  verdictId: string;

  @ManyToOne(() => VerdictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict: Relation<VerdictEntity>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', default: '' })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  /** The passage quoted from the source. */
  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'enum', enum: SOURCE_KINDS, enumName: 'source_kind' })
  kind: SourceKind;
}
