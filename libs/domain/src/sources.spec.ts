import { SOURCE_MAX_BACKOFF_MS, sourcePollDue, sourceStatus } from './sources.js';

const at = (iso: string) => new Date(iso);

describe('monitored source status', () => {
  it.each([
    [false, 0, null, 'paused'],
    [false, 5, '2026-01-01T00:00:00Z', 'paused'],
    [true, 0, null, 'new'],
    [true, 0, '2026-01-01T00:00:00Z', 'ok'],
    [true, 2, '2026-01-01T00:00:00Z', 'ok'],
    [true, 3, '2026-01-01T00:00:00Z', 'failing'],
    [true, 9, '2026-01-01T00:00:00Z', 'failing'],
  ] as const)('enabled %s, %i failures, last checked %s: %s', (enabled, failures, checked, status) => {
    expect(sourceStatus({ enabled, consecutiveFailures: failures, lastCheckedAt: checked ? at(checked) : null })).toBe(
      status,
    );
  });
});

describe('a failing source backs off', () => {
  const last = '2026-01-01T00:00:00Z';
  // Interval 15 minutes: one failure waits 30, two 60, three 120; never more than a day.
  it.each([
    [0, null, '2026-01-01T00:00:00Z', false, true],
    [0, last, '2026-01-01T00:01:00Z', false, true],
    [1, null, '2026-01-01T00:01:00Z', false, true],
    [1, last, '2026-01-01T00:29:59Z', false, false],
    [1, last, '2026-01-01T00:30:00Z', false, true],
    [2, last, '2026-01-01T00:59:00Z', false, false],
    [2, last, '2026-01-01T01:00:00Z', false, true],
    [3, last, '2026-01-01T01:59:00Z', false, false],
    [3, last, '2026-01-01T02:00:00Z', false, true],
    [20, last, '2026-01-01T23:59:00Z', false, false],
    [20, last, '2026-01-02T00:00:00Z', false, true],
    [3, last, '2026-01-01T00:01:00Z', true, true], // by hand: always
  ] as const)('%i failures, last %s, now %s, manual %s: due %s', (failures, checked, now, manual, due) => {
    const source = {
      consecutiveFailures: failures,
      lastCheckedAt: checked ? at(checked) : null,
      pollIntervalMinutes: 15,
    };
    expect(sourcePollDue(source, at(now), manual)).toBe(due);
  });

  it('waits at most a day', () => {
    expect(SOURCE_MAX_BACKOFF_MS).toBe(24 * 3600_000);
  });
});
