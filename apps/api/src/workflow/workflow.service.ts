import { HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BulkResultDto } from '@factdesk/domain';
import {
  ClaimWorkflow,
  WorkflowRefusal,
  type ClaimEntity,
  type LockedClaim,
  type TransitionCall,
} from '@factdesk/persistence';
import { httpError } from '../common/errors.js';

export type { LockedClaim, TransitionCall } from '@factdesk/persistence';

/** Thrown inside a bulk transaction to roll it back once any claim failed. */
class BulkRollback extends Error {}

/** The workflow's refusals as HTTP errors; anything else as it was thrown. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WorkflowRefusal) throw httpError(err.status, err.message);
    throw err;
  }
}

/**
 * The API's side of libs/persistence's ClaimWorkflow (the rules of @factdesk/domain applied to claims in the
 * database, shared with the worker): transactions, bulk requests, and refusals as HTTP errors.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: ClaimWorkflow,
  ) {}

  /** The claim and its active assignment, locked for the rest of the transaction. */
  lock(m: EntityManager, claimId: string): Promise<LockedClaim> {
    return asHttp(() => this.workflow.lock(m, claimId));
  }

  /** Decides and applies one transition inside the caller's transaction. */
  apply(m: EntityManager, locked: LockedClaim, call: TransitionCall): Promise<ClaimEntity> {
    return asHttp(() => this.workflow.apply(m, locked, call));
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
