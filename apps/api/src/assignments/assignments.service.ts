import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AssignmentDto, BulkResultDto, WorkloadDto } from '@factdesk/domain';
import { AssignmentsRepository, type UserEntity } from '@factdesk/persistence';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { excerpt, toAssignmentDto } from '../common/views.js';
import { WorkflowService, type LockedClaim } from '../workflow/workflow.service.js';
import type { AssignDto, ListAssignmentsQuery } from './dto.js';

/** "Due soon" means within this window. */
export const DUE_SOON_MS = 48 * 3600_000;

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly notifications: NotificationsService,
    private readonly assignments: AssignmentsRepository,
  ) {}

  private async assignee(m: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.assignments.user(m, id);
    if (!user) throw new NotFoundException('No such user to assign to.');
    if (!user.active) throw new ConflictException(`${user.name} is deactivated and cannot be assigned work.`);
    return user;
  }

  /** Ends the active assignment (history is kept) and starts a new one; run inside the assign transition. */
  private assignEffect(actor: UserEntity, input: AssignDto, requestId: string) {
    return async (m: EntityManager, { claim, assignment }: LockedClaim) => {
      const assignee = await this.assignee(m, input.assigneeId);
      await this.assignments.start(
        m,
        {
          claimId: claim.id,
          assignee,
          previous: assignment,
          dueAt: input.dueAt ? new Date(input.dueAt) : null,
          note: input.note ?? null,
        },
        { actorId: actor.id, requestId },
      );
      const kind = assignment ? 'reassigned' : 'assigned';
      await this.notifications.notify(m, {
        userIds: [assignee.id],
        kind,
        message: `${actor.name} assigned you a claim: “${excerpt(claim.text)}”`,
        claimId: claim.id,
        actorId: actor.id,
      });
      if (assignment && assignment.assigneeId !== assignee.id) {
        await this.notifications.notify(m, {
          userIds: [assignment.assigneeId],
          kind: 'unassigned',
          message: `${actor.name} reassigned “${excerpt(claim.text)}” to ${assignee.name}`,
          claimId: claim.id,
          actorId: actor.id,
        });
      }
    };
  }

  async assign(claimId: string, input: AssignDto, actor: UserEntity, requestId: string): Promise<AssignmentDto> {
    await this.workflow.transition(claimId, {
      action: 'assign',
      actor,
      input: { assigneeId: input.assigneeId },
      requestId,
      effect: this.assignEffect(actor, input, requestId),
    });
    return this.active(claimId);
  }

  assignMany(claimIds: string[], input: AssignDto, actor: UserEntity, requestId: string): Promise<BulkResultDto> {
    return this.workflow.bulk(claimIds, {
      action: 'assign',
      actor,
      input: { assigneeId: input.assigneeId },
      requestId,
      effect: this.assignEffect(actor, input, requestId),
    });
  }

  async unassign(claimId: string, note: string | undefined, actor: UserEntity, requestId: string): Promise<void> {
    await this.workflow.transition(claimId, {
      action: 'unassign',
      actor,
      requestId,
      effect: async (m, { claim, assignment }) => {
        await this.assignments.end(m, assignment!, note ?? null, { actorId: actor.id, requestId });
        await this.notifications.notify(m, {
          userIds: [assignment!.assigneeId],
          kind: 'unassigned',
          message: `${actor.name} took “${excerpt(claim.text)}” off your list`,
          claimId: claim.id,
          actorId: actor.id,
        });
      },
    });
  }

  private async active(claimId: string): Promise<AssignmentDto> {
    return toAssignmentDto(await this.assignments.active(claimId));
  }

  async list(query: ListAssignmentsQuery, me: UserEntity): Promise<AssignmentDto[]> {
    const rows = await this.assignments.list({
      assigneeId: query.assignee === 'me' ? me.id : query.assignee,
      activeOnly: (query.state ?? 'active') === 'active',
      due: query.due,
      dueSoonMs: DUE_SOON_MS,
    });
    return rows.map(toAssignmentDto);
  }

  /** Open, due-soon and overdue assignments per active staff member who can be assigned work. */
  async workload(): Promise<WorkloadDto[]> {
    return (await this.assignments.workload(DUE_SOON_MS)).map(({ id, name, role, ...counts }) => ({
      user: { id, name, role },
      ...counts,
    }));
  }
}
