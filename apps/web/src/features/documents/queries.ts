import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetailDto, DocumentDto, DocumentSubmissionDto, Page } from '@factdesk/domain';
import { api, qs } from '../../api/client';

export const documentKeys = {
  all: ['documents'] as const,
  list: (status?: string) => ['documents', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
};

export const isIngesting = (d: DocumentDto) => d.status !== 'done' && d.status !== 'failed';

export function useDocuments(status?: string) {
  return useQuery({ queryKey: documentKeys.list(status), queryFn: () => api<Page<DocumentDto>>(`/documents${qs({ status, limit: 100 })}`),
    // Server-sent events move the bars; a slow poll covers a dropped event stream.
    refetchInterval: (q) => (q.state.data?.items.some(isIngesting) ? 5000 : false),
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKeys.detail(id), queryFn: () => api<DocumentDetailDto>(`/documents/${id}`),
    refetchInterval: (q) => (q.state.data && isIngesting(q.state.data) ? 5000 : false),
  });
}

export interface DocumentMeta {
  title?: string;
  outlet?: string;
  sourceUrl?: string;
  publishedAt?: string;
}

export type DocumentInput = ({ kind: 'text'; text: string } | { kind: 'url'; url: string } | { kind: 'file'; file: File }) & DocumentMeta;

export function useSubmitDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentInput) => {
      const meta = Object.fromEntries(Object.entries({ title: input.title, outlet: input.outlet, sourceUrl: input.sourceUrl, publishedAt: input.publishedAt }).filter(([, v]) => v));
      if (input.kind === 'file') {
        // Metadata fields go before the file: the API reads the fields that arrive with it.
        const form = new FormData();
        for (const [k, v] of Object.entries(meta)) form.append(k, v as string);
        form.append('file', input.file);
        return api<DocumentSubmissionDto>('/documents', { method: 'POST', body: form });
      }
      return api<DocumentSubmissionDto>('/documents', { method: 'POST', body: input.kind === 'text' ? { text: input.text, ...meta } : { url: input.url, ...meta } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useRetryDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<DocumentDto>(`/documents/${id}/retry`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }),
  });
}
