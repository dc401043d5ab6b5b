import { useQuery } from '@tanstack/react-query';
import type { TodayDto } from '@factdesk/domain';
import { api, qs } from '../../api/client';

/** since: an ISO instant, or undefined for the API's default (24 hours ago). */
export const useToday = (since: string | undefined) =>
  useQuery({
    queryKey: ['today', since ?? '24h'],
    queryFn: () => api<TodayDto>(`/today${qs({ since })}`),
    refetchInterval: 30_000,
  });

const LAST_VISIT_KEY = 'factdesk.today.lastVisit';

/** The previous visit to Today (read once on arrival), and this visit recorded for next time. */
export function takeLastVisit(): string | null {
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(LAST_VISIT_KEY);
    localStorage.setItem(LAST_VISIT_KEY, new Date().toISOString());
  } catch {
    // Storage refused (private mode): no "since my last visit", the 24 hours still work.
  }
  return previous;
}
