import { ValidateBy, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

function isCalendarDate(year: number, month: number, day: number): boolean {
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // in a leap year
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : days);
}

/**
 * The one form of date the API reads: an ISO 8601 calendar date (`2026-01-31`) or, where a time is
 * meant, an RFC 3339 date-time with its offset (`2026-01-31T09:30:00Z`, `…+02:00`). Week, ordinal and
 * basic forms (`2026-W05`, `2026-123`, `20260131`), impossible dates (`2026-02-30`), leap seconds,
 * offsets beyond ±14:59 and instants outside years 1–9999 are refused: each reads differently (or not
 * at all) in JavaScript and PostgreSQL.
 */
export function isIsoDate(value: unknown, form: 'date' | 'date-time'): boolean {
  if (typeof value !== 'string') return false;
  const date = DATE.exec(value);
  if (date) return isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]));
  if (form === 'date') return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const offset = m[7] ? { hours: Number(m[8]), minutes: Number(m[9]) } : { hours: 0, minutes: 0 };
  if (
    !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offset.hours > 14 ||
    offset.minutes > 59
  )
    return false;
  // The offset can carry an instant past year 1 or 9999 (`0001-01-01T00:00:00+01:00`): PostgreSQL has no year 0.
  const instant = Date.parse(value);
  return instant >= FIRST_INSTANT && instant <= LAST_INSTANT;
}

/**
 * Validates a date field or query parameter: `'date'` takes a calendar date only; `'date-time'` an
 * RFC 3339 date-time or a calendar date (midnight UTC).
 */
export function IsIsoDate(form: 'date' | 'date-time', options?: ValidationOptions): PropertyDecorator {
  const message =
    form === 'date' ? 'must be a date (YYYY-MM-DD)' : 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time';
  return ValidateBy(
    { name: 'isIsoDate', constraints: [form], validator: { validate: (value) => isIsoDate(value, form) } },
    { message, ...options },
  );
}
