import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { claim } from '../../../test/fixtures';
import { toggle, useSelection } from './useSelection';

const rows = ['a', 'b', 'c'].map(claim);
const ids = (list: { id: string }[]) => list.map((r) => r.id);

function setup(initialRows = rows, view = 'state=detected') {
  return renderHook(({ rows, view }) => useSelection(rows, view), { initialProps: { rows: initialRows, view } });
}

describe('toggle', () => {
  it('adds a missing id and removes a present one, leaving the set it was given alone', () => {
    const set = new Set(['a']);
    expect([...toggle(set, 'b')]).toEqual(['a', 'b']);
    expect([...toggle(set, 'a')]).toEqual([]);
    expect([...set]).toEqual(['a']);
  });
});

describe('useSelection', () => {
  it('starts at the first row; the target is the current row while nothing is ticked', () => {
    const { result } = setup();
    expect(result.current.cursor).toBe(0);
    expect(result.current.current?.id).toBe('a');
    expect(ids(result.current.targets)).toEqual(['a']);
  });

  it('moves the cursor within the rows', () => {
    const { result } = setup();
    act(() => result.current.previous());
    expect(result.current.cursor).toBe(0);
    act(() => {
      result.current.next();
      result.current.next();
      result.current.next();
    });
    expect(result.current.cursor).toBe(2);
    act(() => result.current.moveTo(1));
    expect(result.current.current?.id).toBe('b');
    act(() => result.current.moveTo(99));
    expect(result.current.cursor).toBe(2);
  });

  it('targets the ticked rows, in list order, once any is ticked', () => {
    const { result } = setup();
    act(() => {
      result.current.toggle('c');
      result.current.toggle('a');
    });
    expect(ids(result.current.targets)).toEqual(['a', 'c']);
    expect(result.current.someSelected).toBe(true);
    expect(result.current.allSelected).toBe(false);
  });

  it('ticks all, and unticks all when all are ticked', () => {
    const { result } = setup();
    act(() => result.current.toggleAll());
    expect(result.current.allSelected).toBe(true);
    expect(result.current.someSelected).toBe(false);
    act(() => result.current.toggleAll());
    expect(result.current.selected.size).toBe(0);
    act(() => result.current.toggle('b'));
    act(() => result.current.clear());
    expect(result.current.selected.size).toBe(0);
  });

  it('starts again from the top with nothing ticked when the view changes', () => {
    const { result, rerender } = setup();
    act(() => {
      result.current.next();
      result.current.toggle('a');
    });
    rerender({ rows, view: 'state=accepted' });
    expect(result.current.cursor).toBe(0);
    expect(result.current.selected.size).toBe(0);
  });

  it('keeps the cursor on the last row when the list shrinks', () => {
    const { result, rerender } = setup();
    act(() => result.current.moveTo(2));
    rerender({ rows: rows.slice(0, 2), view: 'state=detected' });
    expect(result.current.current?.id).toBe('b');
  });

  it('has no current row and no targets in an empty list', () => {
    const { result } = setup([]);
    act(() => result.current.next());
    expect(result.current.current).toBeUndefined();
    expect(result.current.targets).toEqual([]);
    expect(result.current.allSelected).toBe(false);
  });
});

describe('useSelection keeps its place for Back', () => {
  afterEach(() => sessionStorage.clear());

  it('comes back to the same view with the same cursor row and ticks', () => {
    const first = setup();
    act(() => {
      first.result.current.moveTo(2);
      first.result.current.toggle('a');
    });
    first.unmount(); // off to a claim
    const back = setup();
    expect(back.result.current.cursor).toBe(2);
    expect(back.result.current.current?.id).toBe('c');
    expect([...back.result.current.selected]).toEqual(['a']);
  });

  it('follows the cursor’s claim when the rows shift, and waits for rows still loading', () => {
    const first = setup();
    act(() => first.result.current.moveTo(1));
    first.unmount();
    const back = setup([], 'state=detected');
    back.rerender({ rows: ['x', 'a', 'c', 'b'].map(claim), view: 'state=detected' });
    expect(back.result.current.current?.id).toBe('b');
    expect(back.result.current.cursor).toBe(3);
  });

  it('another view starts at the top with nothing ticked', () => {
    const first = setup();
    act(() => {
      first.result.current.moveTo(2);
      first.result.current.toggle('b');
    });
    first.unmount();
    const other = setup(rows, 'state=accepted');
    expect(other.result.current.cursor).toBe(0);
    expect(other.result.current.selected.size).toBe(0);
  });
});
