import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentDto,
  BulkResultDto,
  ClaimDetailDto,
  ClaimState,
  ClaimSummaryDto,
  ClaimType,
  CommentDto,
  FactCheckDto,
  Page,
  RatingDto,
  SpeakerDto,
  VerdictDto,
  VerdictSourceDto,
  WorkloadDto,
} from '@factdesk/domain';
import { api, qs } from '../../api/client';

export const CLAIM_SORTS = ['relevance', 'score', 'newest', 'oldest', 'said', 'due'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** The inbox filters, named as the API names its query parameters. */
export interface ClaimFilters {
  q?: string;
  state?: ClaimState[];
  type?: ClaimType[];
  assignee?: string;
  speakerId?: string;
  documentId?: string;
  minScore?: number;
  checkworthy?: boolean;
  saidFrom?: string;
  saidTo?: string;
  sort?: ClaimSort;
}

export const claimKeys = {
  all: ['claims'] as const,
  list: (f: ClaimFilters) => ['claims', 'list', f] as const,
  detail: (id: string) => ['claims', 'detail', id] as const,
  comments: (id: string) => ['claims', 'comments', id] as const,
};

export function useClaims(filters: ClaimFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: claimKeys.list(filters),
    queryFn: ({ pageParam }) => api<Page<ClaimSummaryDto>>(`/claims${qs({ ...filters, limit, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useClaim(id: string) {
  return useQuery({ queryKey: claimKeys.detail(id), queryFn: () => api<ClaimDetailDto>(`/claims/${id}`) });
}

export function useComments(id: string) {
  return useQuery({ queryKey: claimKeys.comments(id), queryFn: () => api<CommentDto[]>(`/claims/${id}/comments`) });
}

export function useRatings() {
  return useQuery({ queryKey: ['ratings'], queryFn: () => api<RatingDto[]>('/ratings'), staleTime: 5 * 60_000 });
}

export function useSpeakers() {
  return useQuery({ queryKey: ['speakers'], queryFn: () => api<SpeakerDto[]>('/speakers?limit=100'), staleTime: 60_000 });
}

/** People claims can be assigned to, with their load: reviewers, and anyone already holding work. */
export function useWorkload(enabled = true) {
  return useQuery({ queryKey: ['workload'], queryFn: () => api<WorkloadDto[]>('/assignments/workload'), enabled, staleTime: 30_000 });
}

export function useMyAssignments() {
  return useQuery({ queryKey: ['assignments', 'me'], queryFn: () => api<AssignmentDto[]>('/assignments?assignee=me&state=active') });
}

/** Every write to a claim can change lists, counts and the claim itself: refresh them all. */
function useClaimMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all(['claims', 'assignments', 'workload', 'stats', 'fact-checks', 'notifications', 'documents'].map((k) => client.invalidateQueries({ queryKey: [k] }))),
  });
}

export type SimpleAction = 'accept' | 'reopen' | 'start' | 'submit' | 'approve' | 'publish';
const ACTION_PATH: Record<SimpleAction, string> = { accept: 'accept', reopen: 'reopen', start: 'start', submit: 'submit', approve: 'approve', publish: 'publish' };

export const useClaimAction = () =>
  useClaimMutation(({ id, action }: { id: string; action: SimpleAction }) => api<unknown>(`/claims/${id}/${ACTION_PATH[action]}`, { method: 'POST' }));

export const useDismiss = () => useClaimMutation(({ id, reason }: { id: string; reason: string }) => api<unknown>(`/claims/${id}/dismiss`, { method: 'POST', body: { reason } }));

export const useRequestChanges = () =>
  useClaimMutation(({ id, comment }: { id: string; comment: string }) => api<unknown>(`/claims/${id}/request-changes`, { method: 'POST', body: { comment } }));

export const useBulkTriage = () =>
  useClaimMutation((body: { action: 'accept' | 'dismiss'; claimIds: string[]; reason?: string }) => api<BulkResultDto>('/claims/triage', { method: 'POST', body }));

export interface AssignInput {
  assigneeId: string;
  dueAt?: string | null;
  note?: string;
}
export const useAssign = () => useClaimMutation(({ id, ...body }: AssignInput & { id: string }) => api<AssignmentDto>(`/claims/${id}/assignment`, { method: 'PUT', body }));
export const useBulkAssign = () => useClaimMutation((body: AssignInput & { claimIds: string[] }) => api<BulkResultDto>('/assignments/bulk', { method: 'POST', body }));
export const useUnassign = () => useClaimMutation((id: string) => api<void>(`/claims/${id}/assignment`, { method: 'DELETE' }));

export interface VerdictContent {
  ratingId: string | null;
  headline: string;
  conclusion: string;
  analysis: string;
  sources: Omit<VerdictSourceDto, 'id'>[];
}
export const useSaveVerdict = () =>
  useClaimMutation(({ id, ...body }: VerdictContent & { id: string; version: number }) => api<VerdictDto>(`/claims/${id}/verdict`, { method: 'PUT', body }));

export const useCorrect = () =>
  useClaimMutation(({ id, ...body }: { id: string; note: string } & Partial<VerdictContent>) => api<FactCheckDto>(`/claims/${id}/correct`, { method: 'POST', body }));
export const useRetract = () => useClaimMutation(({ id, note }: { id: string; note: string }) => api<FactCheckDto>(`/claims/${id}/retract`, { method: 'POST', body: { note } }));

export const useAddComment = () => useClaimMutation(({ id, body }: { id: string; body: string }) => api<CommentDto>(`/claims/${id}/comments`, { method: 'POST', body: { body } }));

export interface NewClaimInput {
  text: string;
  speakerName?: string;
  claimType?: ClaimType;
  saidAt?: string;
  saidWhereUrl?: string;
}
export const useCreateClaim = () => useClaimMutation((body: NewClaimInput) => api<{ id: string }>('/claims', { method: 'POST', body }));
