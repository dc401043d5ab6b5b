import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { VerdictDraftContentDto } from '@factdesk/domain';
import { ClaimEntity } from './claim.entity.js';
import { UserEntity } from './user.entity.js';

/**
 * A person's unsaved edits to a claim's verdict, saved as they type: one per claim and author, replaced on
 * each save, deleted when the verdict is saved or submitted (or the draft discarded). Not a version.
 */
@Entity('verdict_drafts')
export class VerdictDraftEntity {
  @PrimaryColumn({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @PrimaryColumn({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author: Relation<UserEntity>;

  /** The verdict version the edits started from (0 before the verdict exists). */
  @Column({ type: 'integer' })
  baseVersion: number;

  /** That version's content when the edits began, for merging a draft restored after someone else saved. */
  @Column({ type: 'jsonb' })
  base: VerdictDraftContentDto;

  @Column({ type: 'jsonb' })
  content: VerdictDraftContentDto;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
