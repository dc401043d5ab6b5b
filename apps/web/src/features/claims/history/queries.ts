import { useQuery } from '@tanstack/react-query';
import type { FactCheckVersionDto, VerdictVersionDto } from '@factdesk/domain';
import { api } from '../../../api/client';

// Under 'claims' and 'fact-checks', so every claim action's invalidation refreshes them too.
export function useVerdictVersions(claimId: string, enabled = true) {
  return useQuery({
    queryKey: ['claims', 'versions', claimId],
    queryFn: () => api<VerdictVersionDto[]>(`/claims/${claimId}/verdict/versions`),
    enabled,
  });
}

export function useFactCheckVersions(factCheckId: string | undefined) {
  return useQuery({
    queryKey: ['fact-checks', 'versions', factCheckId],
    queryFn: () => api<FactCheckVersionDto[]>(`/fact-checks/${factCheckId}/versions`),
    enabled: !!factCheckId,
  });
}
