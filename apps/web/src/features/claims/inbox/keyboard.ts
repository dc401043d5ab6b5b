import { useEffect, useRef } from 'react';

// The inbox's single-key shortcuts, as in mail clients: the key → command table, and the hook that listens.

export type InboxCommand =
  'next' | 'previous' | 'toggle' | 'accept' | 'dismiss' | 'assign' | 'open' | 'search' | 'help';

const KEYS: Record<string, InboxCommand> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  x: 'toggle',
  a: 'accept',
  d: 'dismiss',
  s: 'assign',
  o: 'open',
  Enter: 'open',
  '/': 'search',
  '?': 'help',
};

export const SHORTCUTS: [string, string][] = [
  ['j / k', 'Next / previous claim'],
  ['x', 'Select or unselect the claim'],
  ['a', 'Accept (the selection, or the current claim)'],
  ['d', 'Dismiss with a reason'],
  ['s', 'Assign'],
  ['o or Enter', 'Open the claim'],
  ['/', 'Search'],
  ['?', 'This help'],
];

/** Typing in a field or working in a dialog must not fire the inbox's single-key shortcuts. */
export function isTyping(e: Pick<KeyboardEvent, 'target'>): boolean {
  const t = e.target instanceof Element ? e.target : null;
  return (
    !!t &&
    ((t as HTMLElement).isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
      !!t.closest('[role="dialog"]'))
  );
}

/** The command a key press means here, or null: with a modifier held, or while typing, keys are the browser's. */
export function inboxCommand(e: Pick<KeyboardEvent, 'key' | 'target' | 'metaKey' | 'ctrlKey' | 'altKey'>) {
  if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e)) return null;
  return KEYS[e.key] ?? null;
}

/**
 * Calls `run` with each shortcut pressed while `enabled`; `run` answers whether it acted, and only then is
 * the browser's own handling of the key (scrolling, find) prevented.
 */
export function useInboxKeyboard(run: (command: InboxCommand) => boolean, enabled = true) {
  // The listener stays put; it calls the latest `run`, which sees the latest rows and selection.
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const command = inboxCommand(e);
      if (command && latest.current(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
