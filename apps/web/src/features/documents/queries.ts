import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CountedPage,
  DocumentDetailDto,
  DocumentDto,
  DocumentStatus,
  DocumentSentencesDto,
  DocumentSubmissionDto,
  DocumentThresholdDto,
  PromotedClaimDto,
} from '@factdesk/domain';
import { api, qs } from '../../api/client';

export const documentKeys = {
  all: ['documents'] as const,
  list: (filter: DocumentFilter, limit: number) => ['documents', 'list', filter, limit] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  nearMisses: (id: string) => ['documents', 'near-misses', id] as const,
};

export const isIngesting = (d: DocumentDto) => d.status !== 'done' && d.status !== 'failed';

/** The list's filters, named as the API names them; `cursor` is the page (nextCursor of the one before). */
export interface DocumentFilter {
  q?: string;
  status?: DocumentStatus;
  cursor?: string;
}

/** One page of documents, newest first, with how many the filters match in all. */
export function useDocuments(filter: DocumentFilter = {}, limit = 50) {
  return useQuery({
    queryKey: documentKeys.list(filter, limit),
    queryFn: () => api<CountedPage<DocumentDto>>(`/documents${qs({ ...filter, limit })}`),
    // The page stays on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
    // Server-sent events move the bars; a slow poll covers a dropped event stream.
    refetchInterval: (q) => (q.state.data?.items.some(isIngesting) ? 5000 : false),
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: () => api<DocumentDetailDto>(`/documents/${id}`),
    refetchInterval: (q) => (q.state.data && isIngesting(q.state.data) ? 5000 : false),
  });
}

export interface DocumentMeta {
  title?: string;
  outlet?: string;
  sourceUrl?: string;
  publishedAt?: string;
  saidAt?: string;
  venue?: string;
  mediaUrl?: string;
  mediaStartSeconds?: number;
  appearedIn?: string;
}

export type DocumentInput = (
  { kind: 'text'; text: string } | { kind: 'url'; url: string } | { kind: 'file'; file: File }
) &
  DocumentMeta;

export function useSubmitDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentInput) => {
      const meta = Object.fromEntries(
        Object.entries({
          title: input.title,
          outlet: input.outlet,
          sourceUrl: input.sourceUrl,
          publishedAt: input.publishedAt,
          saidAt: input.saidAt,
          venue: input.venue,
          mediaUrl: input.mediaUrl,
          mediaStartSeconds: input.mediaStartSeconds,
          appearedIn: input.appearedIn,
        }).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      );
      if (input.kind === 'file') {
        // Metadata fields go before the file: the API reads the fields that arrive with it.
        const form = new FormData();
        for (const [k, v] of Object.entries(meta)) form.append(k, String(v));
        form.append('file', input.file);
        return api<DocumentSubmissionDto>('/documents', { method: 'POST', body: form });
      }
      return api<DocumentSubmissionDto>('/documents', {
        method: 'POST',
        body: input.kind === 'text' ? { text: input.text, ...meta } : { url: input.url, ...meta },
      });
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

/** The document's near misses (below its threshold, no claim), highest score first, a page at a time. */
export function useNearMisses(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: documentKeys.nearMisses(id),
    enabled,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api<DocumentSentencesDto>(
        `/documents/${id}/sentences${qs({ band: 'near_misses', limit: 50, offset: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
}

/** Writes that change which sentences are claims refresh the document, its near misses and the inbox. */
function useSentenceMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all(['documents', 'claims', 'stats'].map((k) => client.invalidateQueries({ queryKey: [k] }))),
  });
}

export function usePromoteSentence(id: string) {
  return useSentenceMutation((span: { start: number; end: number }) =>
    api<PromotedClaimDto>(`/documents/${id}/sentences/claim`, { method: 'POST', body: span }),
  );
}

export function useSetThreshold(id: string) {
  return useSentenceMutation((threshold: number) =>
    api<DocumentThresholdDto>(`/documents/${id}/threshold`, { method: 'PUT', body: { threshold } }),
  );
}
