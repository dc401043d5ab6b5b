import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationListDto } from '@factdesk/domain';
import { api } from '../../api/client';

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api<NotificationListDto>('/notifications?limit=30'),
    // Claim events refresh the bell at once (see lib/events.ts); the poll covers a lost event stream.
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api<{ marked: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
