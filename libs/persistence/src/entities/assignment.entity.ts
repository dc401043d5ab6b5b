import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ASSIGNMENT_STATES, type AssignmentState } from '@factdesk/domain';
import { ClaimEntity } from './claim.entity.js';
import { UserEntity } from './user.entity.js';

/** Rows are never rewritten on reassignment: the old row ends and a new one starts, so history is kept. */
@Entity('assignments')
@Index('IDX_assignments_assignee_state_due', ['assigneeId', 'state', 'dueAt'])
@Index('IDX_assignments_claim', ['claimId', 'createdAt'])
// At most one active assignment per claim (partial unique index created by the migration).
@Index('UQ_assignments_active_claim', { synchronize: false })
// Active assignments' due dates, in order: overdue counts (partial index created by the migration).
@Index('IDX_assignments_active_due', { synchronize: false })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim: Relation<ClaimEntity>;

  @Column({ type: 'uuid' })
  assigneeId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee: Relation<UserEntity>;

  @Column({ type: 'uuid' })
  assignedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_id' })
  assignedBy: Relation<UserEntity>;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: ASSIGNMENT_STATES, enumName: 'assignment_state', default: 'active' })
  state: AssignmentState;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
