import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ClaimsEventDto, DocumentDetailDto, DocumentDto, DocumentEventDto, Page } from '@factdesk/domain';
import { documentKeys } from '../features/documents/queries';

function applyDocumentEvent(client: QueryClient, e: DocumentEventDto) {
  const patch = <T extends DocumentDto>(d: T): T =>
    d.id === e.documentId ? { ...d, status: e.status, progress: e.progress, error: e.error } : d;
  // Progress is patched into what is cached so bars move without refetching on every tick.
  client.setQueriesData<Page<DocumentDto>>(
    { queryKey: [...documentKeys.all, 'list'] },
    (page) => page && { ...page, items: page.items.map(patch) },
  );
  client.setQueryData<DocumentDetailDto>(documentKeys.detail(e.documentId), (d) => d && patch(d));
  const lists = client.getQueriesData<Page<DocumentDto>>({ queryKey: [...documentKeys.all, 'list'] });
  const known = lists.some(([, page]) => page?.items.some((d) => d.id === e.documentId));
  // A document someone else just submitted is not in the cached lists yet: fetch them again.
  if (!known || e.status === 'done' || e.status === 'failed')
    void client.invalidateQueries({ queryKey: [...documentKeys.all, 'list'] });
  if (e.status === 'done' || e.status === 'failed') {
    void client.invalidateQueries({ queryKey: documentKeys.all });
    void client.invalidateQueries({ queryKey: ['stats'] });
  }
}

/** What a claim change can alter on screen: the claim and its lists, queues, counts, the bell. */
const CLAIM_QUERIES = ['claims', 'assignments', 'workload', 'stats', 'fact-checks', 'notifications', 'today'];
/** A bulk triage sends one event per claim: screens refetch once per burst, not fifty times. */
export const CLAIM_EVENTS_WAIT_MS = 150;

/** Calls `flush` once, `wait` ms after the first of a burst of calls. */
export function burst(flush: () => void, wait: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call() {
      timer ??= setTimeout(() => {
        timer = null;
        flush();
      }, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * One EventSource per signed-in tab: document progress and new claims flow into the query cache, and a
 * change someone else made to a claim refreshes whatever shows it.
 */
export function useServerEvents() {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    const onDocument = (m: MessageEvent<string>) => applyDocumentEvent(client, JSON.parse(m.data) as DocumentEventDto);
    const onClaims = (m: MessageEvent<string>) => {
      const e = JSON.parse(m.data) as ClaimsEventDto;
      void client.invalidateQueries({ queryKey: documentKeys.detail(e.documentId) });
      void client.invalidateQueries({ queryKey: ['claims'] });
    };
    const claimChanged = burst(() => {
      for (const key of CLAIM_QUERIES) void client.invalidateQueries({ queryKey: [key] });
    }, CLAIM_EVENTS_WAIT_MS);
    source.addEventListener('document', onDocument);
    source.addEventListener('claims', onClaims);
    source.addEventListener('claim', claimChanged.call);
    return () => {
      claimChanged.cancel();
      source.close();
    };
  }, [client]);
}
