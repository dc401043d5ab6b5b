import { useEffect, useState } from 'react';

export function toggle(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

interface State {
  view: string;
  cursor: number;
  /** The claim under the cursor when it last moved: the cursor follows it if the rows shift. */
  cursorId: string | null;
  selected: ReadonlySet<string>;
}

const STORAGE_KEY = 'factdesk.inbox.place';

/** The inbox view last worked in (`?…`), for the claim page's way back to it; empty when none. */
export function lastInboxSearch(): string {
  try {
    const view = (JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { view?: string } | null)?.view;
    return view ? `?${view}` : '';
  } catch {
    return '';
  }
}

/** Where the person was in this view, kept for the tab's session so Back from a claim lands there again. */
function remembered(view: string): State {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as {
      view: string;
      cursor: number;
      cursorId: string | null;
      selected: string[];
    } | null;
    if (saved?.view === view) return { ...saved, selected: new Set(saved.selected) };
  } catch {
    // An unreadable entry is no place to return to.
  }
  return { view, cursor: 0, cursorId: null, selected: new Set() };
}

/**
 * The inbox's cursor (the current row, moved with j/k) and its selection (ticked rows). A new view (`view`
 * changes) starts again from the top with nothing selected; leaving and coming back to the same view (Back
 * from a claim) finds both where they were. Actions apply to the selection, or to the current row when
 * nothing is selected.
 */
export function useSelection<T extends { id: string }>(rows: readonly T[], view: string) {
  const [state, setState] = useState<State>(() => remembered(view));
  // Reset while rendering rather than in an effect, so the old selection never shows against the new rows.
  if (state.view !== view) setState({ view, cursor: 0, cursorId: null, selected: new Set() });
  const { cursor, cursorId, selected } =
    state.view === view ? state : { cursor: 0, cursorId: null, selected: new Set<string>() };

  useEffect(() => {
    const { view: v, cursor: c, cursorId: id, selected: s } = state;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ view: v, cursor: c, cursorId: id, selected: [...s] }));
  }, [state]);

  const last = Math.max(rows.length - 1, 0);
  const position = (s: { cursor: number; cursorId: string | null }) => {
    const followed = s.cursorId ? rows.findIndex((r) => r.id === s.cursorId) : -1;
    return followed >= 0 ? followed : Math.min(s.cursor, last);
  };
  const at = position({ cursor, cursorId });
  const current = rows[at] as T | undefined;
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const update = (change: (s: State) => Partial<State>) => setState((s) => ({ ...s, ...change(s) }));
  /** Moves to the row `by` computes from where the cursor is in `s` (so several moves in one event add up). */
  const move = (by: (from: number) => number) =>
    update((s) => {
      const to = Math.max(0, Math.min(by(position(s)), last));
      return { cursor: to, cursorId: rows[to]?.id ?? null };
    });

  return {
    cursor: at,
    current,
    selected,
    allSelected,
    someSelected: selected.size > 0 && !allSelected,
    targets: selected.size ? rows.filter((r) => selected.has(r.id)) : current ? [current] : [],
    moveTo: (index: number) => move(() => index),
    next: () => move((from) => from + 1),
    previous: () => move((from) => from - 1),
    toggle: (id: string) => update((s) => ({ selected: toggle(s.selected, id) })),
    toggleAll: () => update(() => ({ selected: allSelected ? new Set() : new Set(rows.map((r) => r.id)) })),
    clear: () => update(() => ({ selected: new Set() })),
  };
}
