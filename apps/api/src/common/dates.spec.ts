import { isIsoDate } from './dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-31', true, true],
    ['2024-02-29', true, true],
    ['2000-02-29', true, true],
    ['2026-01-31T09:30:00Z', false, true],
    ['2026-01-31T09:30:00.123456789Z', false, true],
    ['2026-01-31t09:30:00z', false, true],
    ['2026-01-31T09:30:00+02:00', false, true],
    ['2026-01-31T09:30:00-14:00', false, true],
    ['0001-01-01T00:00:00Z', false, true],
    ['0001-01-01T00:00:00-01:00', false, true],
    ['9999-12-31T23:59:59.999Z', false, true],
    ['9999-12-31T23:59:59+01:00', false, true],
    // ISO 8601 forms other than the calendar date, and RFC 3339's missing pieces
    ['2026-W05', false, false],
    ['2026-W05-1', false, false],
    ['2026-123', false, false],
    ['20260230', false, false],
    ['20260131', false, false],
    ['20260131T093000Z', false, false],
    ['2026-01', false, false],
    ['2026', false, false],
    ['2026-01-31T09:30', false, false],
    ['2026-01-31T09:30:00', false, false],
    ['2026-01-31 09:30:00Z', false, false],
    ['2026-01-31T09:30:00+0200', false, false],
    ['+002026-01-31T09:30:00Z', false, false],
    // impossible dates and times
    ['2026-02-30', false, false],
    ['2026-02-29', false, false],
    ['1900-02-29', false, false],
    ['2026-13-01', false, false],
    ['2026-00-10', false, false],
    ['2026-01-00', false, false],
    ['2026-04-31', false, false],
    ['0000-01-01', false, false],
    ['2026-01-31T24:00:00Z', false, false],
    ['2026-01-31T23:60:00Z', false, false],
    ['2026-12-31T23:59:60Z', false, false],
    ['2026-01-31T09:30:00+15:00', false, false],
    // instants outside years 1 to 9999 once the offset is applied
    ['0001-01-01T00:00:00+14:00', false, false],
    ['9999-12-31T23:59:59-14:00', false, false],
    ['2026-01-31T09:30:00+02:60', false, false],
    ['', false, false],
    [' 2026-01-31', false, false],
    ['2026-01-31\n', false, false],
    ['２０２６-01-31', false, false],
  ])('%j: as a date %s, as a date-time %s', (value, asDate, asDateTime) => {
    expect(isIsoDate(value, 'date')).toBe(asDate);
    expect(isIsoDate(value, 'date-time')).toBe(asDateTime);
  });

  it('refuses what is not a string', () => {
    for (const value of [20260131, null, undefined, {}, ['2026-01-31']])
      expect(isIsoDate(value, 'date-time')).toBe(false);
  });
});
