import type { DataSource, EntityManager } from 'typeorm';
import {
  claimAuditAction,
  decideTransition,
  type ClaimAction,
  type Role,
  type TransitionRequest,
} from '@factdesk/domain';
import type { AssignmentEntity, ClaimEntity } from '../entities/index.js';
import { ClaimsRepository } from './claims.repository.js';
import { PublicationSchedulesRepository } from './publication-schedules.repository.js';

export interface LockedClaim {
  claim: ClaimEntity;
  assignment: AssignmentEntity | null;
}

export interface TransitionCall {
  action: ClaimAction;
  actor: { id: string; role: Role; name: string };
  input?: TransitionRequest['input'];
  requestId: string;
  /** Work that belongs to the transition (an assignment, a snapshot), run in its transaction once it is allowed. */
  effect?: (m: EntityManager, locked: LockedClaim) => Promise<void>;
}

/** A step the workflow refuses (libs/domain's decision): the API answers it with its status, the worker records it. */
export class WorkflowRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowRefusal';
  }
}

/**
 * Applies the workflow rules of @factdesk/domain to claims in the database, for the API and the worker alike:
 * locks the claim, decides, runs the transition's own work, moves the state and writes the audit event, all
 * in the caller's transaction. A claim that leaves `approved` (published, sent back) loses its pending
 * scheduled publication in the same transaction.
 */
export class ClaimWorkflow {
  private readonly claims: ClaimsRepository;
  private readonly schedules: PublicationSchedulesRepository;

  constructor(db: DataSource) {
    this.claims = new ClaimsRepository(db);
    this.schedules = new PublicationSchedulesRepository(db);
  }

  /** The claim and its active assignment, locked for the rest of the transaction. */
  async lock(m: EntityManager, claimId: string): Promise<LockedClaim> {
    const locked = await this.claims.lock(m, claimId);
    if (!locked) throw new WorkflowRefusal(404, 'No such claim.');
    return locked;
  }

  /** Decides and applies one transition inside the caller's transaction. */
  async apply(m: EntityManager, locked: LockedClaim, call: TransitionCall): Promise<ClaimEntity> {
    const { claim, assignment } = locked;
    const decision = decideTransition({
      action: call.action,
      claim: { state: claim.state, assigneeId: assignment?.assigneeId ?? null },
      user: call.actor,
      input: call.input,
    });
    if (!decision.ok) throw new WorkflowRefusal(decision.status, decision.message);
    const actor = { actorId: call.actor.id, requestId: call.requestId };
    await call.effect?.(m, locked);
    if (decision.from === 'approved' && decision.to !== 'approved')
      await this.schedules.end(m, claim.id, 'cleared', actor, claimAuditAction(call.action));
    const dismissalReason = call.action === 'dismiss' ? call.input!.reason!.trim() : null;
    await this.claims.moveState(
      m,
      {
        claimId: claim.id,
        from: decision.from,
        to: decision.to,
        dismissalReason,
        action: claimAuditAction(call.action),
        reason: call.input?.reason,
        duplicateOfId:
          call.action === 'mark_duplicate'
            ? call.input!.originalId!
            : call.action === 'not_duplicate'
              ? null
              : undefined,
      },
      actor,
    );
    claim.state = decision.to;
    claim.dismissalReason = dismissalReason;
    return claim;
  }
}
