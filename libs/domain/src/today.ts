import type { ClaimState } from './claims.js';
import type { ClaimSummaryDto, TodayDto, TodayGroupDto } from './dto.js';

/** What the morning list draws from: new check-worthy claims not yet triaged away, since a moment. */
export const TODAY = {
  states: ['detected', 'accepted'] as ClaimState[],
  /** Since when, when the request does not say: the last day. */
  windowMs: 24 * 3600_000,
  limit: 100,
};

/** Group names for claims with no speaker, and for documents no monitored source brought in. */
export const TODAY_UNATTRIBUTED = 'Unattributed';
export const TODAY_SUBMITTED = 'Submitted by staff';

/** Checked-before first (a claim we already rated is the quickest win), then by score; stable otherwise. */
export const todayOrder = (a: ClaimSummaryDto, b: ClaimSummaryDto): number =>
  Number(!!b.checkedBefore) - Number(!!a.checkedBefore) || b.score - a.score;

/**
 * The morning list from its claims: ranked, and grouped by speaker and by source (each group in rank order,
 * groups in the order of their best claim). `sourceOf` names the monitored source a claim's document came from.
 */
export function rankToday(
  since: Date,
  claims: readonly ClaimSummaryDto[],
  sourceOf: (claim: ClaimSummaryDto) => string | null,
): TodayDto {
  const ranked = [...claims].sort(todayOrder);
  const group = (key: (c: ClaimSummaryDto) => string): TodayGroupDto[] => {
    const groups = new Map<string, ClaimSummaryDto[]>();
    for (const c of ranked) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return [...groups.entries()].map(([name, members]) => ({ name, count: members.length, claims: members }));
  };
  return {
    since: since.toISOString(),
    total: ranked.length,
    checkedBefore: ranked.filter((c) => c.checkedBefore),
    claims: ranked,
    bySpeaker: group((c) => c.speaker?.name ?? TODAY_UNATTRIBUTED),
    bySource: group((c) => sourceOf(c) ?? TODAY_SUBMITTED),
  };
}
