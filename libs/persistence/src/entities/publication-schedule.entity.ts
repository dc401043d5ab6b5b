import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { PUBLICATION_SCHEDULE_STATES, type PublicationScheduleState } from '@factdesk/domain';
import { ClaimEntity } from './claim.entity.js';
import { UserEntity } from './user.entity.js';

/**
 * A claim's scheduled publication: one row per claim, kept after it fires or is cancelled so `version` only
 * grows (each schedule and reschedule is a new version, and a delayed job names the version it was queued
 * for: a job of an earlier version finds it gone). What happened to each is in the audit events.
 */
@Entity('publication_schedules')
@Index('IDX_publication_schedules_pending', ['publishAt'], { where: `"state" = 'pending'` })
export class PublicationScheduleEntity {
  @PrimaryColumn({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @Column({
    type: 'enum',
    enum: PUBLICATION_SCHEDULE_STATES,
    enumName: 'publication_schedule_state',
    default: 'pending',
  })
  state: PublicationScheduleState;

  @Column({ type: 'timestamptz' })
  publishAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** Who set the time now standing; the publication goes out in their name. */
  @Column({ type: 'uuid' })
  scheduledById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scheduled_by_id' })
  scheduledBy: Relation<UserEntity>;

  /** When that time was set. */
  @Column({ type: 'timestamptz' })
  scheduledAt: Date;

  /** When it stopped being pending (fired, cancelled, cleared or failed). */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Why the publication was refused when it fired (`failed`). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
