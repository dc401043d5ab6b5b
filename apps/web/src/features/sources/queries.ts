import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MonitoredSourceDto, MonitoredSourceKind } from '@factdesk/domain';
import { api } from '../../api/client';

/** The form's fields for POST and PATCH /api/sources. */
export interface SourceFields {
  name: string;
  url: string;
  kind?: MonitoredSourceKind;
  defaultSpeakerName?: string;
  defaultOutlet?: string;
  pollIntervalMinutes?: number;
  enabled?: boolean;
}

// Polled while on screen: the worker updates last check, last new item and errors on its own.
export const useSources = () =>
  useQuery({ queryKey: ['sources'], queryFn: () => api<MonitoredSourceDto[]>('/sources'), refetchInterval: 15_000 });

function useSourceMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['sources'] }) });
}

export const useCreateSource = () =>
  useSourceMutation((body: SourceFields) => api<MonitoredSourceDto>('/sources', { method: 'POST', body }));
export const useUpdateSource = () =>
  useSourceMutation(({ id, ...body }: Partial<SourceFields> & { id: string }) =>
    api<MonitoredSourceDto>(`/sources/${id}`, { method: 'PATCH', body }),
  );
export const useDeleteSource = () =>
  useSourceMutation((id: string) => api<void>(`/sources/${id}`, { method: 'DELETE' }));
export const usePollSource = () =>
  useSourceMutation((id: string) => api<{ queued: boolean }>(`/sources/${id}/poll`, { method: 'POST' }));
