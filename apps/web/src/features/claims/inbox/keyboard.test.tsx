import { fireEvent, render, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { inboxCommand, isTyping, useInboxKeyboard } from './keyboard';

const press = (key: string, extra: Partial<KeyboardEvent> = {}) =>
  ({ key, target: document.body, metaKey: false, ctrlKey: false, altKey: false, ...extra }) as KeyboardEvent;

describe('inboxCommand: key → command', () => {
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['x', 'toggle'],
    ['a', 'accept'],
    ['d', 'dismiss'],
    ['s', 'assign'],
    ['o', 'open'],
    ['Enter', 'open'],
    ['/', 'search'],
    ['?', 'help'],
    ['q', null],
    ['J', null],
  ])('%s → %s', (key, command) => {
    expect(inboxCommand(press(key))).toBe(command);
  });

  it.each(['metaKey', 'ctrlKey', 'altKey'] as const)('leaves keys with %s to the browser', (modifier) => {
    expect(inboxCommand(press('a', { [modifier]: true }))).toBeNull();
  });
});

describe('isTyping', () => {
  it('is true in fields, editable text and dialogs, false elsewhere', () => {
    const { container } = render(
      <div>
        <input data-k="input" />
        <textarea data-k="textarea" />
        <select data-k="select" />
        <div role="dialog">
          <button data-k="dialog-button">OK</button>
        </div>
        <button data-k="button">Go</button>
      </div>,
    );
    const at = (k: string) => ({ target: container.querySelector(`[data-k="${k}"]`) as EventTarget });
    expect(isTyping(at('input'))).toBe(true);
    expect(isTyping(at('textarea'))).toBe(true);
    expect(isTyping(at('select'))).toBe(true);
    expect(isTyping(at('dialog-button'))).toBe(true);
    expect(isTyping(at('button'))).toBe(false);
    expect(isTyping({ target: window })).toBe(false);
  });

  it('is true in contenteditable text', () => {
    const div = document.createElement('div');
    Object.defineProperty(div, 'isContentEditable', { value: true });
    expect(isTyping({ target: div })).toBe(true);
  });
});

describe('useInboxKeyboard', () => {
  const keydown = (key: string, target: Window | Element = window) => {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    fireEvent(target, e);
    return e;
  };

  it('runs the command and prevents the default only when it acted', () => {
    const run = vi.fn((c: string) => c === 'next');
    renderHook(() => useInboxKeyboard(run));
    expect(keydown('j').defaultPrevented).toBe(true);
    expect(keydown('x').defaultPrevented).toBe(false);
    expect(keydown('q').defaultPrevented).toBe(false);
    expect(run.mock.calls).toEqual([['next'], ['toggle']]);
  });

  it('ignores keys typed into a field', () => {
    const run = vi.fn(() => true);
    renderHook(() => useInboxKeyboard(run));
    const input = document.body.appendChild(document.createElement('input'));
    keydown('a', input);
    input.remove();
    expect(run).not.toHaveBeenCalled();
  });

  it('is silent while disabled (a dialog is open) and calls the latest handler', () => {
    const first = vi.fn(() => true);
    const second = vi.fn(() => true);
    const { rerender, unmount } = renderHook(({ run, enabled }) => useInboxKeyboard(run, enabled), {
      initialProps: { run: first, enabled: false },
    });
    keydown('j');
    expect(first).not.toHaveBeenCalled();
    rerender({ run: second, enabled: true });
    keydown('j');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('next');
    unmount();
    keydown('j');
    expect(second).toHaveBeenCalledTimes(1);
  });
});
