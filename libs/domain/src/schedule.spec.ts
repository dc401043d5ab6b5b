import { CLAIM_STATES } from './claims.js';
import { decideSchedule, scheduleTimeProblem, type ScheduleOperation } from './schedule.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const DAY = 24 * 3600 * 1000;

describe('publication time', () => {
  it.each([
    ['a second ahead', at(1000), null],
    ['a year ahead, to the millisecond', at(365 * DAY), null],
    ['now', NOW, 'The publication time must be in the future.'],
    ['a minute ago', at(-60_000), 'The publication time must be in the future.'],
    ['a year and a millisecond ahead', at(365 * DAY + 1), 'The publication time must be within 365 days from now.'],
    ['ten years ahead', at(3650 * DAY), 'The publication time must be within 365 days from now.'],
    ['not a date', new Date('nope'), 'The publication time is not a date.'],
  ])('%s', (_label, publishAt, problem) => {
    expect(scheduleTimeProblem(publishAt, NOW)).toBe(problem);
  });
});

describe('schedule, reschedule, cancel: every operation × state × pending × role', () => {
  const OPS: ScheduleOperation[] = ['schedule', 'reschedule', 'cancel'];
  const ROLES = ['reviewer', 'editor', 'admin'] as const;
  const cases = OPS.flatMap((operation) =>
    CLAIM_STATES.flatMap((state) =>
      [false, true].flatMap((pending) => ROLES.map((role) => [operation, state, pending, role] as const)),
    ),
  );

  /** Written out by hand: which combinations may go ahead (with a good time), and what the others answer. */
  function expected(op: ScheduleOperation, state: string, pending: boolean, role: string): number {
    if (role === 'reviewer') return 403;
    if (op === 'schedule' && pending) return 409;
    if (op !== 'schedule' && !pending) return 404;
    if (op === 'cancel') return 200;
    return state === 'approved' ? 200 : 409;
  }

  it.each(cases)('%s of a claim %s (pending %s) by a %s', (operation, state, pending, role) => {
    const d = decideSchedule({ operation, claim: { state }, pending, user: { role }, publishAt: at(60_000), now: NOW });
    const status = expected(operation, state, pending, role);
    if (status === 200) expect(d).toEqual({ ok: true });
    else expect(d).toMatchObject({ ok: false, status });
  });

  it('says why, in words', () => {
    const base = { claim: { state: 'approved' as const }, user: { role: 'editor' as const }, now: NOW };
    expect(decideSchedule({ ...base, operation: 'schedule', pending: false, publishAt: at(-1) })).toEqual({
      ok: false,
      status: 400,
      message: 'The publication time must be in the future.',
    });
    expect(decideSchedule({ ...base, operation: 'reschedule', pending: true, publishAt: at(400 * DAY) })).toEqual({
      ok: false,
      status: 400,
      message: 'The publication time must be within 365 days from now.',
    });
    expect(
      decideSchedule({
        ...base,
        claim: { state: 'in_review' },
        operation: 'schedule',
        pending: false,
        publishAt: at(1),
      }),
    ).toEqual({
      ok: false,
      status: 409,
      message: 'This claim is in review, so its publication cannot be scheduled: that needs a claim that is approved.',
    });
    expect(decideSchedule({ ...base, operation: 'schedule', pending: true, publishAt: at(1) })).toMatchObject({
      status: 409,
      message: 'This claim is already scheduled for publication: reschedule or cancel that instead.',
    });
    expect(decideSchedule({ ...base, operation: 'cancel', pending: false })).toMatchObject({
      status: 404,
      message: 'This claim has no scheduled publication to cancel.',
    });
    expect(decideSchedule({ ...base, operation: 'schedule', pending: false })).toMatchObject({ status: 400 });
  });
});
