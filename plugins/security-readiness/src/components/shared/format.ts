import { todayInAlmaty } from '@qaztech/plugin-registry-common';

const DAY_MS = 24 * 60 * 60 * 1000;

function parse(iso: string | undefined): Date | undefined {
  if (!iso) {
    return undefined;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The Almaty day `months` months after today, `YYYY-MM-DD` (for date inputs). */
export function monthsFromToday(
  months: number,
  now: Date = new Date(),
): string {
  const [y, m, d] = todayInAlmaty(now).split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The last instant of an Almaty calendar day, as ISO 8601 UTC: a date a
 * person picks as "valid until" holds through that whole day.
 */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+05:00`).toISOString();
}

/** Whether an instant has passed. */
export function isPast(iso: string, now: Date = new Date()): boolean {
  const date = parse(iso);
  return date ? date.getTime() <= now.getTime() : false;
}

/** Whole days until an instant (0 once it has passed). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const date = parse(iso);
  if (!date) {
    return 0;
  }
  return Math.max(0, Math.floor((date.getTime() - now.getTime()) / DAY_MS));
}

/** A share as a whole percentage. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
