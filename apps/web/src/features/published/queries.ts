import { useInfiniteQuery } from '@tanstack/react-query';
import type { FactCheckListItemDto, Page } from '@factdesk/domain';
import { api, qs } from '../../api/client';

export function useFactChecks() {
  return useInfiniteQuery({
    queryKey: ['fact-checks'],
    queryFn: ({ pageParam }) => api<Page<FactCheckListItemDto>>(`/fact-checks${qs({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
