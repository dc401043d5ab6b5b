import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { AssignmentEntity, UserEntity } from '../entities/index.js';
import { AuditRepository } from './audit.repository.js';

export interface AssignmentListFilter {
  assigneeId?: string;
  /** Only active assignments (the default) or every one, history included. */
  activeOnly: boolean;
  due?: 'overdue' | 'soon';
  /** What "due soon" means, from now. */
  dueSoonMs: number;
}

export interface WorkloadRow {
  id: string;
  name: string;
  role: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

/**
 * assignments: the only writer. Starting and ending one run inside the claim's workflow transition (`tx`),
 * each with its audit event there; the caller sends the notifications.
 */
export class AssignmentsRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly db: DataSource) {
    this.audit = new AuditRepository(db);
  }

  user(tx: EntityManager, id: string): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).findOneBy({ id });
  }

  /** Ends the claim's active assignment, if any (history is kept), and starts one for `assignee`, with its audit event. */
  async start(
    tx: EntityManager,
    input: {
      claimId: string;
      assignee: Pick<UserEntity, 'id' | 'name'>;
      previous: AssignmentEntity | null;
      dueAt: Date | null;
      note: string | null;
    },
    actor: { actorId: string; requestId: string },
  ): Promise<AssignmentEntity> {
    const repo = tx.getRepository(AssignmentEntity);
    const { previous, assignee } = input;
    if (previous) await repo.update({ id: previous.id }, { state: 'reassigned', endedAt: new Date() });
    const created = await repo.save(
      repo.create({
        claimId: input.claimId,
        assigneeId: assignee.id,
        assignedById: actor.actorId,
        dueAt: input.dueAt,
        note: input.note,
      }),
    );
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: previous ? 'assignment.reassign' : 'assignment.create',
      entityType: 'assignment',
      entityId: created.id,
      claimId: input.claimId,
      before: previous ? { assigneeId: previous.assigneeId, dueAt: previous.dueAt?.toISOString() ?? null } : null,
      after: {
        assigneeId: assignee.id,
        assignee: assignee.name,
        dueAt: created.dueAt?.toISOString() ?? null,
        note: created.note,
      },
      requestId: actor.requestId,
    });
    return created;
  }

  /** Ends an assignment (unassigned, history kept) with its audit event. */
  async end(
    tx: EntityManager,
    assignment: AssignmentEntity,
    note: string | null,
    actor: { actorId: string; requestId: string },
  ): Promise<void> {
    await tx
      .getRepository(AssignmentEntity)
      .update({ id: assignment.id }, { state: 'unassigned', endedAt: new Date() });
    await this.audit.record(tx, {
      actorId: actor.actorId,
      action: 'assignment.end',
      entityType: 'assignment',
      entityId: assignment.id,
      claimId: assignment.claimId,
      before: { assigneeId: assignment.assigneeId },
      after: { state: 'unassigned', note },
      requestId: actor.requestId,
    });
  }

  /** Ends an assignment as done: its claim was published (the publish event records it). */
  async complete(tx: EntityManager, assignment: AssignmentEntity, endedAt: Date): Promise<void> {
    await tx.getRepository(AssignmentEntity).update({ id: assignment.id }, { state: 'completed', endedAt });
  }

  /** The claim's active assignment with its claim and people. */
  active(claimId: string): Promise<AssignmentEntity> {
    return this.db.getRepository(AssignmentEntity).findOneOrFail({
      where: { claimId, state: 'active' },
      relations: { claim: true, assignee: true, assignedBy: true },
    });
  }

  /** Earliest due first (undated last), then newest; at most 500. */
  list(filter: AssignmentListFilter): Promise<AssignmentEntity[]> {
    const qb = this.db
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.claim', 'claim')
      .innerJoinAndSelect('a.assignee', 'assignee')
      .innerJoinAndSelect('a.assignedBy', 'assignedBy')
      .orderBy('a.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'DESC')
      .take(500);
    if (filter.assigneeId) qb.andWhere('a.assignee_id = :assignee', { assignee: filter.assigneeId });
    if (filter.activeOnly) qb.andWhere("a.state = 'active'");
    if (filter.due === 'overdue') qb.andWhere('a.due_at < now()');
    if (filter.due === 'soon')
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.due_at >= now()').andWhere('a.due_at < :soon', { soon: new Date(Date.now() + filter.dueSoonMs) }),
        ),
      );
    return qb.getMany();
  }

  /** Open, due-soon and overdue assignments per active staff member who can be assigned work, most overdue first. */
  async workload(dueSoonMs: number): Promise<WorkloadRow[]> {
    const rows: { id: string; name: string; role: string; open: string; due_soon: string; overdue: string }[] =
      await this.db.query(
        `SELECT u.id, u.name, u.role,
              count(a.id) AS open,
              count(a.id) FILTER (WHERE a.due_at >= now() AND a.due_at < now() + make_interval(secs => $1)) AS due_soon,
              count(a.id) FILTER (WHERE a.due_at < now()) AS overdue
       FROM users u
       LEFT JOIN assignments a ON a.assignee_id = u.id AND a.state = 'active'
       WHERE u.active AND (u.role = 'reviewer' OR a.id IS NOT NULL)
       GROUP BY u.id ORDER BY count(a.id) FILTER (WHERE a.due_at < now()) DESC, count(a.id) DESC, u.name`,
        [dueSoonMs / 1000],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      open: Number(r.open),
      dueSoon: Number(r.due_soon),
      overdue: Number(r.overdue),
    }));
  }
}
