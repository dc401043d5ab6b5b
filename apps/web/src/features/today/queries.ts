import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { todayClaimsFilter, type ClaimSummaryDto, type Page, type TodayDto } from '@factdesk/domain';
import { api, qs } from '../../api/client';

/** since: an ISO instant, or undefined for the API's default (24 hours ago). */
export const useToday = (since: string | undefined) =>
  useQuery({
    queryKey: ['today', since ?? '24h'],
    queryFn: () => api<TodayDto>(`/today${qs({ since })}`),
    refetchInterval: 30_000,
  });

/**
 * The pages of Today's list after the first (which GET /api/today brings), from the claims list with Today's
 * filter; fetched only when asked for (`enabled`).
 */
export function useTodayMore(today: TodayDto | undefined, enabled: boolean) {
  const filter = today && todayClaimsFilter(today.since);
  return useInfiniteQuery({
    queryKey: ['today', 'more', today?.since, today?.nextCursor],
    queryFn: ({ pageParam }) => api<Page<ClaimSummaryDto>>(`/claims${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    initialPageParam: today?.nextCursor ?? undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && !!today?.nextCursor,
  });
}

const LAST_VISIT_KEY = 'factdesk.today.lastVisit';
/** This page load's reading: React may call the reader twice (StrictMode), the first answer is the one. */
let lastVisitRead: { previous: string | null } | null = null;

/** The previous visit to Today (read once per page load), and this visit recorded for next time. */
export function takeLastVisit(): string | null {
  if (lastVisitRead) return lastVisitRead.previous;
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(LAST_VISIT_KEY);
    localStorage.setItem(LAST_VISIT_KEY, new Date().toISOString());
  } catch {
    // Storage refused (private mode): no "since my last visit", the 24 hours still work.
  }
  lastVisitRead = { previous };
  return previous;
}

/** For tests: forget this page load's reading. */
export const forgetLastVisitRead = () => {
  lastVisitRead = null;
};
