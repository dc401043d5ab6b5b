import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { AssignmentDto, BulkResultDto, WorkloadDto } from '@factdesk/domain';
import { AssignmentEntity, UserEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { excerpt, toAssignmentDto } from '../editorial/views.js';
import { WorkflowService, type LockedClaim } from '../workflow/workflow.service.js';
import type { AssignDto, ListAssignmentsQuery } from './dto.js';

/** "Due soon" means within this window. */
export const DUE_SOON_MS = 48 * 3600_000;

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  private async assignee(m: EntityManager, id: string): Promise<UserEntity> {
    const user = await m.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new NotFoundException('No such user to assign to.');
    if (!user.active) throw new ConflictException(`${user.name} is deactivated and cannot be assigned work.`);
    return user;
  }

  /** Ends the active assignment (history is kept) and starts a new one; run inside the assign transition. */
  private assignEffect(actor: UserEntity, input: AssignDto, requestId: string) {
    return async (m: EntityManager, { claim, assignment }: LockedClaim) => {
      const assignee = await this.assignee(m, input.assigneeId);
      const repo = m.getRepository(AssignmentEntity);
      if (assignment) await repo.update({ id: assignment.id }, { state: 'reassigned', endedAt: new Date() });
      const created = await repo.save(
        repo.create({ claimId: claim.id, assigneeId: assignee.id, assignedById: actor.id, dueAt: input.dueAt ? new Date(input.dueAt) : null, note: input.note ?? null }),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: assignment ? 'assignment.reassign' : 'assignment.create',
          entityType: 'assignment',
          entityId: created.id,
          claimId: claim.id,
          before: assignment ? { assigneeId: assignment.assigneeId, dueAt: assignment.dueAt?.toISOString() ?? null } : null,
          after: { assigneeId: assignee.id, assignee: assignee.name, dueAt: created.dueAt?.toISOString() ?? null, note: created.note },
          requestId,
        },
        m,
      );
      const kind = assignment ? 'reassigned' : 'assigned';
      await this.notifications.notify(m, { userIds: [assignee.id], kind, message: `${actor.name} assigned you a claim: “${excerpt(claim.text)}”`, claimId: claim.id, actorId: actor.id });
      if (assignment && assignment.assigneeId !== assignee.id) {
        await this.notifications.notify(m, { userIds: [assignment.assigneeId], kind: 'unassigned', message: `${actor.name} reassigned “${excerpt(claim.text)}” to ${assignee.name}`, claimId: claim.id, actorId: actor.id });
      }
    };
  }

  async assign(claimId: string, input: AssignDto, actor: UserEntity, requestId: string): Promise<AssignmentDto> {
    await this.workflow.transition(claimId, { action: 'assign', actor, input: { assigneeId: input.assigneeId }, requestId, effect: this.assignEffect(actor, input, requestId) });
    return this.active(claimId);
  }

  assignMany(claimIds: string[], input: AssignDto, actor: UserEntity, requestId: string): Promise<BulkResultDto> {
    return this.workflow.bulk(claimIds, { action: 'assign', actor, input: { assigneeId: input.assigneeId }, requestId, effect: this.assignEffect(actor, input, requestId) });
  }

  async unassign(claimId: string, note: string | undefined, actor: UserEntity, requestId: string): Promise<void> {
    await this.workflow.transition(claimId, {
      action: 'unassign',
      actor,
      requestId,
      effect: async (m, { claim, assignment }) => {
        await m.getRepository(AssignmentEntity).update({ id: assignment!.id }, { state: 'unassigned', endedAt: new Date() });
        await this.audit.record({ actorId: actor.id, action: 'assignment.end', entityType: 'assignment', entityId: assignment!.id, claimId: claim.id, before: { assigneeId: assignment!.assigneeId }, after: { state: 'unassigned', note: note ?? null }, requestId }, m);
        await this.notifications.notify(m, { userIds: [assignment!.assigneeId], kind: 'unassigned', message: `${actor.name} took “${excerpt(claim.text)}” off your list`, claimId: claim.id, actorId: actor.id });
      },
    });
  }

  private async active(claimId: string): Promise<AssignmentDto> {
    const a = await this.db.getRepository(AssignmentEntity).findOneOrFail({ where: { claimId, state: 'active' }, relations: { claim: true, assignee: true, assignedBy: true } });
    return toAssignmentDto(a);
  }

  async list(query: ListAssignmentsQuery, me: UserEntity): Promise<AssignmentDto[]> {
    const qb = this.db
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.claim', 'claim')
      .innerJoinAndSelect('a.assignee', 'assignee')
      .innerJoinAndSelect('a.assignedBy', 'assignedBy')
      .orderBy('a.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'DESC')
      .take(500);
    if (query.assignee) qb.andWhere('a.assignee_id = :assignee', { assignee: query.assignee === 'me' ? me.id : query.assignee });
    if ((query.state ?? 'active') === 'active') qb.andWhere("a.state = 'active'");
    if (query.due === 'overdue') qb.andWhere('a.due_at < now()');
    if (query.due === 'soon') qb.andWhere(new Brackets((w) => w.where('a.due_at >= now()').andWhere('a.due_at < :soon', { soon: new Date(Date.now() + DUE_SOON_MS) })));
    return (await qb.getMany()).map(toAssignmentDto);
  }

  /** Open, due-soon and overdue assignments per active staff member who can be assigned work. */
  async workload(): Promise<WorkloadDto[]> {
    const rows: { id: string; name: string; role: string; open: string; due_soon: string; overdue: string }[] = await this.db.query(
      `SELECT u.id, u.name, u.role,
              count(a.id) AS open,
              count(a.id) FILTER (WHERE a.due_at >= now() AND a.due_at < now() + make_interval(secs => $1)) AS due_soon,
              count(a.id) FILTER (WHERE a.due_at < now()) AS overdue
       FROM users u
       LEFT JOIN assignments a ON a.assignee_id = u.id AND a.state = 'active'
       WHERE u.active AND (u.role = 'reviewer' OR a.id IS NOT NULL)
       GROUP BY u.id ORDER BY count(a.id) FILTER (WHERE a.due_at < now()) DESC, count(a.id) DESC, u.name`,
      [DUE_SOON_MS / 1000],
    );
    return rows.map((r) => ({ user: { id: r.id, name: r.name, role: r.role }, open: Number(r.open), dueSoon: Number(r.due_soon), overdue: Number(r.overdue) }));
  }
}
