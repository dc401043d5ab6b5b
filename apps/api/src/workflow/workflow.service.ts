import { HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  claimAuditAction,
  decideTransition,
  type BulkResultDto,
  type ClaimAction,
  type TransitionRequest,
} from '@factdesk/domain';
import { ClaimsRepository, type AssignmentEntity, type ClaimEntity, type UserEntity } from '@factdesk/persistence';
import { httpError } from '../common/errors.js';

export interface LockedClaim {
  claim: ClaimEntity;
  assignment: AssignmentEntity | null;
}

export interface TransitionCall {
  action: ClaimAction;
  actor: Pick<UserEntity, 'id' | 'role' | 'name'>;
  input?: TransitionRequest['input'];
  requestId: string;
  /** Work that belongs to the transition (an assignment, a snapshot), run in its transaction once it is allowed. */
  effect?: (m: EntityManager, locked: LockedClaim) => Promise<void>;
}

/** Thrown inside a bulk transaction to roll it back once any claim failed. */
class BulkRollback extends Error {}

/**
 * Applies the workflow rules of @factdesk/domain to claims in the database: locks the claim, decides,
 * runs the transition's own work, moves the state and writes the audit event, in one transaction.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsRepository,
  ) {}

  /** The claim and its active assignment, locked for the rest of the transaction. */
  async lock(m: EntityManager, claimId: string): Promise<LockedClaim> {
    const locked = await this.claims.lock(m, claimId);
    if (!locked) throw new NotFoundException('No such claim.');
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
    if (!decision.ok) throw httpError(decision.status, decision.message);
    await call.effect?.(m, locked);
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
      { actorId: call.actor.id, requestId: call.requestId },
    );
    claim.state = decision.to;
    claim.dismissalReason = dismissalReason;
    return claim;
  }

  /** One transition in a transaction of its own. */
  transition(claimId: string, call: TransitionCall): Promise<ClaimEntity> {
    return this.db.transaction(async (m) => this.apply(m, await this.lock(m, claimId), call));
  }

  /**
   * The same transition on several claims, all or nothing: if any claim cannot take it, none does,
   * and the answer says which claims failed and why.
   */
  async bulk(claimIds: string[], call: TransitionCall): Promise<BulkResultDto> {
    const unique = [...new Set(claimIds)];
    const outcome = new Map<string, BulkResultDto['results'][number]>();
    try {
      await this.db.transaction(async (m) => {
        // A fixed lock order, so two bulk requests over the same claims cannot deadlock.
        for (const claimId of [...unique].sort()) {
          try {
            const claim = await this.apply(m, await this.lock(m, claimId), call);
            outcome.set(claimId, { claimId, ok: true, state: claim.state });
          } catch (err) {
            if (!(err instanceof HttpException)) throw err;
            outcome.set(claimId, { claimId, ok: false, status: err.getStatus(), error: messageOf(err) });
          }
        }
        if ([...outcome.values()].some((r) => !r.ok)) throw new BulkRollback();
      });
    } catch (err) {
      if (!(err instanceof BulkRollback)) throw err;
    }
    const results = unique.map((id) => outcome.get(id)!);
    const applied = results.every((r) => r.ok);
    // Claims that would have succeeded did not change either: say so.
    return {
      applied,
      results: applied
        ? results
        : results.map((r) =>
            r.ok ? { claimId: r.claimId, ok: false, error: 'Not changed: another claim in the request failed.' } : r,
          ),
    };
  }
}

function messageOf(err: HttpException): string {
  const body = err.getResponse();
  return typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? err.message);
}
