import { useInfiniteQuery } from '@tanstack/react-query';
import type { FactCheckDto, Page } from '@factdesk/domain';
import { api, qs } from '../../api/client';

export type FactCheckListItem = FactCheckDto & { headline: string; rating: string | null };

export function useFactChecks() {
  return useInfiniteQuery({
    queryKey: ['fact-checks'],
    queryFn: ({ pageParam }) => api<Page<FactCheckListItem>>(`/fact-checks${qs({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
