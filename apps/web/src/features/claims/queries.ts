import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AskerFilter,
  AssignmentDto,
  ClaimSort,
  BulkResultDto,
  ClaimDetailDto,
  ClaimProvenanceInput,
  ClaimState,
  ClaimSummaryDto,
  ClaimType,
  CommentDto,
  FactCheckDto,
  Page,
  PublicationScheduleDto,
  RatingDto,
  SpeakerDto,
  VerdictDraftContentDto,
  VerdictDraftDto,
  VerdictDto,
  WorkloadDto,
} from '@factdesk/domain';
import { api, qs } from '../../api/client';

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
  /** Lines of moderators, interviewers and questioners: left out, alone, or (unset) with the rest. */
  askers?: AskerFilter;
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
  return useQuery({
    queryKey: ['speakers'],
    queryFn: () => api<SpeakerDto[]>('/speakers?limit=100'),
    staleTime: 60_000,
  });
}

/** People claims can be assigned to, with their load: reviewers, and anyone already holding work. */
export function useWorkload(enabled = true) {
  return useQuery({
    queryKey: ['workload'],
    queryFn: () => api<WorkloadDto[]>('/assignments/workload'),
    enabled,
    staleTime: 30_000,
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: ['assignments', 'me'],
    queryFn: () => api<AssignmentDto[]>('/assignments?assignee=me&state=active'),
  });
}

/** Every write to a claim can change lists, counts and the claim itself: refresh them all. */
function useClaimMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all(
        ['claims', 'assignments', 'workload', 'stats', 'fact-checks', 'notifications', 'documents'].map((k) =>
          client.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  });
}

export type SimpleAction = 'accept' | 'reopen' | 'start' | 'submit' | 'approve' | 'publish';
const ACTION_PATH: Record<SimpleAction, string> = {
  accept: 'accept',
  reopen: 'reopen',
  start: 'start',
  submit: 'submit',
  approve: 'approve',
  publish: 'publish',
};

/** `version`: for submit and approve, the verdict version on screen (a stale one answers 409 with the current). */
export const useClaimAction = () =>
  useClaimMutation(({ id, action, version }: { id: string; action: SimpleAction; version?: number }) =>
    api<unknown>(`/claims/${id}/${ACTION_PATH[action]}`, {
      method: 'POST',
      body: version === undefined ? undefined : { version },
    }),
  );

/** A scheduled publication: set (`POST`), moved (`PUT`) or cancelled (`DELETE`) until it goes out. */
export const useSchedulePublication = () =>
  useClaimMutation(({ id, publishAt, reschedule }: { id: string; publishAt: string; reschedule?: boolean }) =>
    api<PublicationScheduleDto>(`/claims/${id}/schedule`, { method: reschedule ? 'PUT' : 'POST', body: { publishAt } }),
  );
export const useCancelSchedule = () =>
  useClaimMutation((id: string) => api<void>(`/claims/${id}/schedule`, { method: 'DELETE' }));

export const useDismiss = () =>
  useClaimMutation(({ id, reason }: { id: string; reason: string }) =>
    api<unknown>(`/claims/${id}/dismiss`, { method: 'POST', body: { reason } }),
  );

/** Claim clusters: this claim repeats `of` (any claim of its cluster), or is not the same claim after all. */
export const useMarkDuplicate = () =>
  useClaimMutation(({ id, of }: { id: string; of: string }) =>
    api<unknown>(`/claims/${id}/duplicate-of`, { method: 'POST', body: { claimId: of } }),
  );

export const useNotDuplicate = () =>
  useClaimMutation(({ id }: { id: string }) => api<unknown>(`/claims/${id}/not-duplicate`, { method: 'POST' }));

export const useRequestChanges = () =>
  useClaimMutation(({ id, comment }: { id: string; comment: string }) =>
    api<unknown>(`/claims/${id}/request-changes`, { method: 'POST', body: { comment } }),
  );

export const useBulkTriage = () =>
  useClaimMutation((body: { action: 'accept' | 'dismiss'; claimIds: string[]; reason?: string }) =>
    api<BulkResultDto>('/claims/triage', { method: 'POST', body }),
  );

export interface AssignInput {
  assigneeId: string;
  dueAt?: string | null;
  note?: string;
}
export const useAssign = () =>
  useClaimMutation(({ id, ...body }: AssignInput & { id: string }) =>
    api<AssignmentDto>(`/claims/${id}/assignment`, { method: 'PUT', body }),
  );
export const useBulkAssign = () =>
  useClaimMutation((body: AssignInput & { claimIds: string[] }) =>
    api<BulkResultDto>('/assignments/bulk', { method: 'POST', body }),
  );
export const useUnassign = () =>
  useClaimMutation((id: string) => api<void>(`/claims/${id}/assignment`, { method: 'DELETE' }));

export type VerdictContent = VerdictDraftContentDto;
export const useSaveVerdict = () =>
  useClaimMutation(({ id, ...body }: VerdictContent & { id: string; version: number }) =>
    api<VerdictDto>(`/claims/${id}/verdict`, { method: 'PUT', body }),
  );

const draftKey = (id: string) => ['claims', 'draft', id] as const;

/**
 * The signed-in person's autosaved edits to the claim's verdict (null when none), read afresh on each visit:
 * not cached past the editor's life, as the copy from an earlier visit is older than what was kept since.
 */
export function useVerdictDraftQuery(id: string) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: () => api<VerdictDraftDto | null>(`/claims/${id}/verdict/draft`),
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export type DraftInput = Pick<VerdictDraftDto, 'baseVersion' | 'base' | 'content'>;

/** Keeping and discarding a draft change nothing anyone else sees: no list to refresh. */
export const usePutDraft = () =>
  useMutation({
    mutationFn: ({ id, ...body }: DraftInput & { id: string }) =>
      api<VerdictDraftDto>(`/claims/${id}/verdict/draft`, { method: 'PUT', body }),
  });
export const useDeleteDraft = () =>
  useMutation({ mutationFn: (id: string) => api<void>(`/claims/${id}/verdict/draft`, { method: 'DELETE' }) });

export const useCorrect = () =>
  useClaimMutation(({ id, ...body }: { id: string; note: string } & Partial<VerdictContent>) =>
    api<FactCheckDto>(`/claims/${id}/correct`, { method: 'POST', body }),
  );
export const useRetract = () =>
  useClaimMutation(({ id, note }: { id: string; note: string }) =>
    api<FactCheckDto>(`/claims/${id}/retract`, { method: 'POST', body: { note } }),
  );

export const useAddComment = () =>
  useClaimMutation(({ id, body }: { id: string; body: string }) =>
    api<CommentDto>(`/claims/${id}/comments`, { method: 'POST', body: { body } }),
  );

export interface NewClaimInput {
  text: string;
  speakerId?: string;
  speakerName?: string;
  claimType?: ClaimType;
  saidAt?: string;
  saidWhereUrl?: string;
  /** Where in a document it was said, when entered from a selection there. */
  documentId?: string;
  startOffset?: number;
  endOffset?: number;
}

/** PATCH /api/claims/:id: an editor's correction of text, speaker (by name: found or added) or type. */
export interface ClaimEdit {
  text?: string;
  speakerName?: string;
  speakerId?: null;
  claimType?: ClaimType;
  reason: string;
}
export const useUpdateClaim = (id: string) =>
  useClaimMutation((body: ClaimEdit) => api<ClaimDetailDto>(`/claims/${id}`, { method: 'PATCH', body }));
export const useSetProvenance = (id: string) =>
  useClaimMutation((body: ClaimProvenanceInput) =>
    api<ClaimDetailDto>(`/claims/${id}/provenance`, { method: 'PUT', body }),
  );
export const useCreateClaim = () =>
  useClaimMutation((body: NewClaimInput) => api<{ id: string }>('/claims', { method: 'POST', body }));
