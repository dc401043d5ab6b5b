import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { VerdictVersionContent, VerdictVersionKind } from '@factdesk/domain';
import { UserEntity } from './user.entity.js';
import { VerdictEntity } from './verdict.entity.js';

/**
 * Every content version of a verdict as it was saved, and by whom: a reviewer's save, an editor's copy-edit
 * or correction. Written with the verdict's content (VerdictsRepository.writeContent), never changed.
 */
@Entity('verdict_versions')
export class VerdictVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  verdictId: string;

  @ManyToOne(() => VerdictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict: Relation<VerdictEntity>;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** Rating id, headline, conclusion, analysis and sources as saved. */
  @Column({ type: 'jsonb' })
  content: VerdictVersionContent;

  /** Who made this version (not the verdict's author: an editor's correction is the editor's). */
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author: Relation<UserEntity>;

  /** save: the verdict editor; correction: a published correction. */
  @Column({ type: 'varchar', length: 16 })
  kind: VerdictVersionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
