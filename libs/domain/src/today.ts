import type { ClaimState } from './claims.js';

/** What the morning list draws from: new check-worthy claims not yet triaged away, since a moment. */
export const TODAY = {
  states: ['detected', 'accepted'] as ClaimState[],
  /** Since when, when the request does not say: the last day. */
  windowMs: 24 * 3600_000,
  /** Claims per page of the list by score; further pages come from the claims list with todayClaimsFilter. */
  pageSize: 50,
  /** Of each section (checked before, repeated) at most this many are listed; their totals are real. */
  sectionLimit: 100,
  /** The best claims shown under each speaker or source; the group's count is of all its claims. */
  groupClaims: 3,
};

/** Group names for claims with no speaker, and for documents no monitored source brought in. */
export const TODAY_UNATTRIBUTED = 'Unattributed';
export const TODAY_SUBMITTED = 'Submitted by staff';

/**
 * Today's claims as a claims-list filter (GET /api/claims): the API pages Today's list with it and the web app
 * asks for the pages after the first with it, so both mean the same claims.
 */
export const todayClaimsFilter = (since: string) => ({
  detectedSince: since,
  state: TODAY.states,
  checkworthy: true,
  sort: 'score' as const,
});
