import { useQuery } from '@tanstack/react-query';
import type { StatsDto } from '@factdesk/domain';
import { api } from '../../api/client';

export function useStats() {
  return useQuery({ queryKey: ['stats'], queryFn: () => api<StatsDto>('/stats'), refetchInterval: 60_000 });
}
