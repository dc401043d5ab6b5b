import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/*
 * Source shapes: the API declares them in apps/api/src/sources/sources.module.ts (SourceDto, CreateSourceDto),
 * not in @factdesk/domain, so they are restated here.
 */
export type SourceKind = 'feed' | 'html';
export type SourceStatus = 'new' | 'ok' | 'failing' | 'paused';
export interface Source {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  defaultSpeaker: { id: string; name: string } | null;
  defaultOutlet: string | null;
  pollIntervalMinutes: number;
  enabled: boolean;
  status: SourceStatus;
  lastCheckedAt: string | null;
  lastNewItemAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}
export interface SourceFields {
  name: string;
  url: string;
  kind?: SourceKind;
  defaultSpeakerName?: string;
  defaultOutlet?: string;
  pollIntervalMinutes?: number;
  enabled?: boolean;
}

// Polled while on screen: the worker updates last check, last new item and errors on its own.
export const useSources = () => useQuery({ queryKey: ['sources'], queryFn: () => api<Source[]>('/sources'), refetchInterval: 15_000 });

function useSourceMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['sources'] }) });
}

export const useCreateSource = () => useSourceMutation((body: SourceFields) => api<Source>('/sources', { method: 'POST', body }));
export const useUpdateSource = () => useSourceMutation(({ id, ...body }: Partial<SourceFields> & { id: string }) => api<Source>(`/sources/${id}`, { method: 'PATCH', body }));
export const useDeleteSource = () => useSourceMutation((id: string) => api<void>(`/sources/${id}`, { method: 'DELETE' }));
export const usePollSource = () => useSourceMutation((id: string) => api<{ queued: boolean }>(`/sources/${id}/poll`, { method: 'POST' }));
