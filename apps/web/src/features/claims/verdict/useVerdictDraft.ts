import { useEffect, useRef, useState } from 'react';
import { VERDICT_DRAFT_DEBOUNCE_MS, type VerdictDraftDto, type VerdictDto } from '@factdesk/domain';
import { ApiRequestError } from '../../../api/client';
import { useDeleteDraft, usePutDraft, useSaveVerdict, useVerdictDraftQuery, type VerdictContent } from '../queries';
import { contentOf, normalized, reapply, same } from './merge';

interface Draft {
  /** The saved version the user's edits start from. */
  base: { version: number; content: VerdictContent };
  draft: VerdictContent;
  /** A newer version than the one on screen, until the user resolves it: a refused save, submit or restore. */
  conflict: VerdictDto | null;
  /** What was refused: a save (the user's edits meet theirs), or a submission of a version not on screen. */
  conflictOn: 'save' | 'submit';
  /** The version of the `verdict` prop last rendered with: a change there is news from the server. */
  seen: number;
  /** When the draft shown was brought back from the server (this visit), until saved or discarded. */
  restored: string | null;
  /** Whether the server's draft has been looked at yet (it is restored once, on arrival). */
  checked: boolean;
}

const fresh = (v: VerdictDto | null): Omit<Draft, 'checked'> => {
  const content = contentOf(v);
  const version = v?.version ?? 0;
  return {
    base: { version, content },
    draft: content,
    conflict: null,
    conflictOn: 'save',
    seen: version,
    restored: null,
  };
};

/** The server's draft laid into the editor: as it was left, and in conflict when a newer version was saved since. */
function restore(state: Draft, kept: VerdictDraftDto, verdict: VerdictDto | null): Draft {
  const [base, content] = [normalized(kept.base), normalized(kept.content)];
  const current = verdict?.version ?? 0;
  const stale = kept.baseVersion !== current && verdict !== null;
  return {
    ...state,
    base: stale ? { version: kept.baseVersion, content: base } : state.base,
    draft: content,
    conflict: stale ? verdict : null,
    conflictOn: 'save',
    restored: kept.savedAt,
    checked: true,
  };
}

/**
 * The verdict as a draft the user edits. Every change is kept on the server a moment after typing stops
 * (not a version), restored on return; saves name the version they started from, and when someone else
 * saved in between the API refuses (409) with the newer version, kept here to reapply onto or take.
 */
export function useVerdictDraft(claimId: string, verdict: VerdictDto | null) {
  const save = useSaveVerdict();
  const kept = useVerdictDraftQuery(claimId);
  const put = usePutDraft();
  const discardDraft = useDeleteDraft();
  const [state, setState] = useState<Draft>(() => ({ ...fresh(verdict), checked: false }));
  /** The content last kept on the server (null: nothing kept), and the write in flight. */
  const [keptContent, setKeptContent] = useState<{ content: VerdictContent; at: string } | null>(null);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = !same(state.draft, state.base.content);

  // Adjusted while rendering (React's pattern for state derived from props and queries), not in an effect.
  if (!state.checked && kept.isFetchedAfterMount) {
    const found = kept.data;
    const useful = found && !same(normalized(found.content), state.base.content) && !dirty;
    setState(useful ? restore(state, found, verdict) : { ...state, checked: true });
    if (useful) setKeptContent({ content: normalized(found.content), at: found.savedAt });
  }
  // Someone else's save (or ours, refetched) arrives: follow it unless the user has unsaved edits, or is
  // being shown what changed (a refused submission refetches the very version it names).
  const version = verdict?.version ?? 0;
  if (state.checked && version !== state.seen)
    setState(
      version !== state.base.version && !dirty && !state.conflict
        ? { ...fresh(verdict), checked: true }
        : { ...state, seen: version },
    );

  // Keep what was typed, once typing pauses; an edit undone back to the saved version needs no draft.
  useEffect(() => {
    if (!state.checked) return;
    const wanted = dirty ? state.draft : null;
    if (same(wanted, keptContent?.content ?? null)) return;
    const timer = setTimeout(() => {
      const write = wanted
        ? put
            .mutateAsync({ id: claimId, baseVersion: state.base.version, base: state.base.content, content: wanted })
            .then((d) => setKeptContent({ content: wanted, at: d.savedAt }))
        : discardDraft.mutateAsync(claimId).then(() => setKeptContent(null));
      inFlight.current = write.catch(() => undefined); // shown from the mutation's error; the next edit retries
    }, VERDICT_DRAFT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mutations are stable; the content decides
  }, [claimId, state.checked, dirty, state.draft, state.base, keptContent]);

  /** Edits on screen that are neither saved as a version nor kept as a draft yet: leaving would lose them. */
  const unkept = dirty && !same(state.draft, keptContent?.content ?? null);

  const set = <K extends keyof VerdictContent>(k: K, v: VerdictContent[K]) =>
    setState((s) => ({ ...s, draft: { ...s.draft, [k]: v } }));

  const conflictFrom = (err: unknown) =>
    err instanceof ApiRequestError && err.status === 409
      ? (err.body.current as VerdictDto | null | undefined)
      : undefined;

  /** Saves the draft; the saved version, or null when refused (a conflict is then kept, other errors are in `save.error`). */
  const doSave = async (): Promise<VerdictDto | null> => {
    // A draft write still on its way would land after the save and bring the old edits back next time.
    await inFlight.current;
    try {
      const saved = await save.mutateAsync({
        id: claimId,
        version: state.base.version,
        ...state.draft,
        sources: state.draft.sources.map((s) => ({ ...s, url: s.url.trim() })),
      });
      // `seen` stays the prop's version: the refetched verdict is still to come. The API dropped the draft.
      setState((s) => ({ ...fresh(saved), seen: s.seen, checked: true }));
      setKeptContent(null);
      return saved;
    } catch (err) {
      const current = conflictFrom(err);
      if (current) setState((s) => ({ ...s, conflict: current, conflictOn: 'save' }));
      return null;
    }
  };

  /**
   * A submission of `seen` refused because the verdict moved on since: show what changed since `seen`. The
   * editor may have followed the newer version already (a refetch can land before the refusal does), so what
   * changed is measured from what was submitted, not from what is on screen now.
   */
  const staleSubmit = (err: unknown, seen: { version: number; content: VerdictContent }): boolean => {
    const current = conflictFrom(err);
    if (!current) return false;
    setState((s) => ({ ...s, base: seen, draft: seen.content, conflict: current, conflictOn: 'submit' }));
    return true;
  };

  /** Ends a conflict: my changes over their version, or theirs alone; either way editing continues from theirs. */
  const resolve = (mode: 'reapply' | 'theirs') => {
    const { conflict } = state;
    if (!conflict) return;
    const theirs = contentOf(conflict);
    setState((s) => ({
      ...s,
      draft: mode === 'reapply' ? reapply(s.base.content, s.draft, theirs) : theirs,
      base: { version: conflict.version, content: theirs },
      conflict: null,
    }));
    save.reset();
  };

  /** Throws away the kept draft and the edits on screen: back to the saved verdict. */
  const discard = async () => {
    await inFlight.current;
    setState((s) => ({ ...fresh(verdict), checked: true, seen: s.seen }));
    setKeptContent(null);
    await discardDraft.mutateAsync(claimId).catch(() => undefined);
  };

  return {
    ...state,
    dirty,
    unkept,
    keptAt: keptContent?.at ?? null,
    keeping: put,
    set,
    save,
    doSave,
    staleSubmit,
    resolve,
    discard,
  };
}
