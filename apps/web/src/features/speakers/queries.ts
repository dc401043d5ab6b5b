import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentSpeakerDto, SpeakerDto, SpeakerKind, SpeakerRole } from '@factdesk/domain';
import { api, qs } from '../../api/client';

/** The fields PATCH /api/speakers/:id takes. */
export interface SpeakerFields {
  name?: string;
  kind?: SpeakerKind;
  aliases?: string[];
  sameAs?: string[];
  defaultRole?: SpeakerRole | null;
}

export const useSpeakers = (q: string) =>
  useQuery({
    queryKey: ['speakers', q],
    queryFn: () => api<SpeakerDto[]>(`/speakers${qs({ q: q || undefined, limit: 200 })}`),
    placeholderData: (previous) => previous,
  });

/** After a speaker changes, every list that shows speakers' names is stale. */
function useInvalidateSpeakers() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      ['speakers', 'claims', 'document-speakers'].map((key) => client.invalidateQueries({ queryKey: [key] })),
    );
}

export function useUpdateSpeaker() {
  const invalidate = useInvalidateSpeakers();
  return useMutation({
    mutationFn: ({ id, ...body }: SpeakerFields & { id: string }) =>
      api<SpeakerDto>(`/speakers/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useMergeSpeaker() {
  const invalidate = useInvalidateSpeakers();
  return useMutation({
    mutationFn: ({ id, intoId }: { id: string; intoId: string }) =>
      api<SpeakerDto>(`/speakers/${id}/merge`, { method: 'POST', body: { intoId } }),
    onSuccess: invalidate,
  });
}

export const useDocumentSpeakers = (documentId: string | undefined) =>
  useQuery({
    queryKey: ['document-speakers', documentId],
    queryFn: () => api<DocumentSpeakerDto[]>(`/documents/${documentId}/speakers`),
    enabled: !!documentId,
  });

export function useSetDocumentRole() {
  const invalidate = useInvalidateSpeakers();
  return useMutation({
    mutationFn: ({
      documentId,
      speakerId,
      role,
    }: {
      documentId: string;
      speakerId: string;
      role: SpeakerRole | null;
    }) => api<DocumentSpeakerDto>(`/documents/${documentId}/speakers/${speakerId}`, { method: 'PUT', body: { role } }),
    onSuccess: invalidate,
  });
}
