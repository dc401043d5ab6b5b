import {
  ASKER_FILTERS,
  claimSortAllowed,
  CLAIM_SORTS,
  defaultClaimSort,
  type AskerFilter,
  type ClaimSort,
  type ClaimState,
  type ClaimType,
} from '@factdesk/domain';
import type { ClaimFilters } from '../queries';

// The inbox keeps its filters in the URL (shareable, back-button friendly): these read and write them.

export interface InboxView {
  label: string;
  params: string;
  editorOnly?: boolean;
}

export const VIEWS: readonly InboxView[] = [
  // Moderators', interviewers' and questioners' lines are asking, not claiming: out of triage until asked for.
  { label: 'To triage', params: 'state=detected&checkworthy=true&askers=exclude', editorOnly: true },
  { label: 'Accepted', params: 'state=accepted', editorOnly: true },
  { label: 'Mine', params: 'assignee=me&state=assigned,in_progress,changes_requested,in_review' },
  { label: 'In progress', params: 'state=assigned,in_progress,changes_requested' },
  { label: 'In review', params: 'state=in_review' },
  { label: 'All', params: 'sort=newest' },
];

/** First visit: editors start with triage, reviewers with their own work. */
export const startView = (editor: boolean): InboxView => (editor ? VIEWS[0]! : VIEWS[2]!);

export const viewsFor = (editor: boolean) => VIEWS.filter((v) => editor || !v.editorOnly);

/** The view whose parameters are exactly these, if any (parameter order does not matter to the API, but does here). */
export const activeView = (params: URLSearchParams): InboxView | undefined =>
  VIEWS.find((v) => new URLSearchParams(v.params).toString() === params.toString());

const SORT_LABELS: Record<ClaimSort, string> = {
  relevance: 'Relevance',
  score: 'Check-worthiness',
  newest: 'Newest',
  oldest: 'Oldest',
  said: 'Date said',
  due: 'Due date',
};

/** The sorts offered for this search, labelled, and the one in effect. */
export function sortChoice(filters: ClaimFilters) {
  return {
    options: CLAIM_SORTS.filter((s) => claimSortAllowed(s, filters.q)).map((s) => ({
      value: s,
      label: SORT_LABELS[s],
    })),
    value: filters.sort ?? defaultClaimSort(filters.q),
  };
}

const isSort = (s: string | null): s is ClaimSort => (CLAIM_SORTS as readonly string[]).includes(s ?? '');
const isAskers = (s: string | null): s is AskerFilter => (ASKER_FILTERS as readonly string[]).includes(s ?? '');

/** The filters in the page's URL, named as the API names its query parameters. */
export function filtersFrom(p: URLSearchParams): ClaimFilters {
  const list = (k: string) => {
    const items = p.get(k)?.split(',').filter(Boolean);
    return items?.length ? items : undefined;
  };
  const minScore = Number(p.get('minScore') || NaN);
  const checkworthy = p.get('checkworthy');
  const sort = p.get('sort');
  const askers = p.get('askers');
  return {
    q: p.get('q') || undefined,
    state: list('state') as ClaimState[] | undefined,
    type: list('type') as ClaimType[] | undefined,
    assignee: p.get('assignee') || undefined,
    speakerId: p.get('speakerId') || undefined,
    documentId: p.get('documentId') || undefined,
    minScore: Number.isFinite(minScore) ? minScore : undefined,
    checkworthy: checkworthy === null ? undefined : checkworthy === 'true',
    saidFrom: p.get('saidFrom') || undefined,
    saidTo: p.get('saidTo') || undefined,
    sort: isSort(sort) ? sort : undefined,
    askers: isAskers(askers) ? askers : undefined,
  };
}

/** The URL with one filter set, or removed when empty. */
export function withFilter(params: URLSearchParams, key: string, value: string | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  // Relevance needs a search: clearing the search takes that sort with it (the API refuses it alone).
  if (key === 'q' && !value && next.get('sort') === 'relevance') next.delete('sort');
  return next;
}
