import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burst } from './events';

describe('burst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flushes once for a burst of calls, after the wait, and again for the next burst', () => {
    const flush = vi.fn();
    const b = burst(flush, 150);
    for (let i = 0; i < 50; i++) b.call();
    vi.advanceTimersByTime(149);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    b.call();
    vi.advanceTimersByTime(150);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('flushes nothing once cancelled', () => {
    const flush = vi.fn();
    const b = burst(flush, 150);
    b.call();
    b.cancel();
    vi.advanceTimersByTime(1_000);
    expect(flush).not.toHaveBeenCalled();
  });
});
