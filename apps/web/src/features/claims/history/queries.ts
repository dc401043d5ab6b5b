import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FactCheckVersionDto, VerdictVersionDto } from '@factdesk/domain';
import { api } from '../../../api/client';

/*
 * Keyed by what changes them (the verdict's version and the claim's state; the fact-check's current version),
 * taken from the claim on screen: they follow the claim's own refetch, and stay out of the claim mutations'
 * invalidation, whose refetches the verdict editor waits on (a refused submit must not be raced by them).
 */
export function useVerdictVersions(claimId: string, stamp: string | null) {
  return useQuery({
    queryKey: ['verdict-versions', claimId, stamp],
    queryFn: () => api<VerdictVersionDto[]>(`/claims/${claimId}/verdict/versions`),
    enabled: stamp !== null,
    placeholderData: keepPreviousData,
  });
}

export function useFactCheckVersions(factCheck: { id: string; currentVersion: number } | null | undefined) {
  return useQuery({
    queryKey: ['fact-check-versions', factCheck?.id, factCheck?.currentVersion],
    queryFn: () => api<FactCheckVersionDto[]>(`/fact-checks/${factCheck!.id}/versions`),
    enabled: !!factCheck,
    placeholderData: keepPreviousData,
  });
}

/** What the claim's verdict versions depend on, or null without a verdict. */
export const versionsStamp = (claim: { state: string; verdict: { version: number } | null }) =>
  claim.verdict ? `${claim.verdict.version}:${claim.state}` : null;
