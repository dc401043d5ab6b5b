import type { ClaimState } from './claims.js';
import { roleAllowed, type Role } from './roles.js';
import { describeState } from './workflow.js';

/**
 * Scheduled publishing: an editor sets the time an approved claim's fact-check goes out; until then it can be
 * moved or cancelled. The rules here are the API's and the worker's; the database holds the schedule.
 */

/** A schedule's life: `pending` until it fires (`published`), is cancelled, is cleared (the claim was published
 * by hand or sent back first) or `failed` (the publication was refused when it fired). */
export const PUBLICATION_SCHEDULE_STATES = ['pending', 'published', 'cancelled', 'cleared', 'failed'] as const;
export type PublicationScheduleState = (typeof PUBLICATION_SCHEDULE_STATES)[number];

/** How far ahead a publication may be scheduled. */
export const SCHEDULE_MAX_AHEAD_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

export type ScheduleOperation = 'schedule' | 'reschedule' | 'cancel';

export interface ScheduleRequest {
  operation: ScheduleOperation;
  claim: { state: ClaimState };
  /** Whether the claim has a pending schedule now. */
  pending: boolean;
  user: { role: Role };
  /** The time asked for (schedule and reschedule). */
  publishAt?: Date;
  now: Date;
}

export type ScheduleDecision = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

/** Whether a publication time can be asked for now: in the future, and not absurdly far. Null when it can. */
export function scheduleTimeProblem(publishAt: Date, now: Date): string | null {
  if (Number.isNaN(publishAt.getTime())) return 'The publication time is not a date.';
  if (publishAt.getTime() <= now.getTime()) return 'The publication time must be in the future.';
  if (publishAt.getTime() - now.getTime() > SCHEDULE_MAX_AHEAD_DAYS * DAY_MS)
    return `The publication time must be within ${SCHEDULE_MAX_AHEAD_DAYS} days from now.`;
  return null;
}

/** Decides a schedule, reschedule or cancellation of a claim's publication. Pure. */
export function decideSchedule(r: ScheduleRequest): ScheduleDecision {
  if (!roleAllowed(r.user.role, ['editor']))
    return { ok: false, status: 403, message: 'Only editors can schedule publications.' };
  if (r.operation === 'cancel' || r.operation === 'reschedule') {
    if (!r.pending)
      return {
        ok: false,
        status: 404,
        message: `This claim has no scheduled publication to ${r.operation === 'cancel' ? 'cancel' : 'move'}.`,
      };
    if (r.operation === 'cancel') return { ok: true };
  } else if (r.pending) {
    return {
      ok: false,
      status: 409,
      message: 'This claim is already scheduled for publication: reschedule or cancel that instead.',
    };
  }
  if (r.claim.state !== 'approved')
    return {
      ok: false,
      status: 409,
      message: `This claim is ${describeState(r.claim.state)}, so its publication cannot be scheduled: that needs a claim that is approved.`,
    };
  const problem = r.publishAt ? scheduleTimeProblem(r.publishAt, r.now) : 'Give the time to publish at.';
  return problem ? { ok: false, status: 400, message: problem } : { ok: true };
}
