import { DateTime } from 'luxon';

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD`: `2024-02-29`
 * is one, `2026-02-29` and `2026-2-1` are not.
 *
 * @public
 */
export function isCalendarDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) &&
    DateTime.fromISO(value, { zone: 'UTC' }).isValid
  );
}
