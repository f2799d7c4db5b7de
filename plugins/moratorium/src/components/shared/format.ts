import { todayInAlmaty } from '@qaztech/plugin-registry-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days by which `dueAt` has passed (at least 1 once it has passed). */
export function daysOverdue(dueAt: string, now: Date = new Date()): number {
  const late = now.getTime() - new Date(dueAt).getTime();
  return late <= 0 ? 0 : Math.max(1, Math.floor(late / DAY_MS));
}

/** Whole calendar days left until `dueAt` (0 on the day itself). */
export function daysLeft(dueAt: string, now: Date = new Date()): number {
  const left = new Date(dueAt).getTime() - now.getTime();
  return left <= 0 ? 0 : Math.floor(left / DAY_MS);
}

/** Whether a calendar date (`YYYY-MM-DD`, Almaty) is before today. */
export function isPastDate(date: string, now: Date = new Date()): boolean {
  return date < todayInAlmaty(now);
}

/** Days a calendar due date has passed, counted from the end of that day in Almaty (UTC+5). */
export function daysPastDate(date: string, now: Date = new Date()): number {
  return daysOverdue(`${date}T23:59:59.999+05:00`, now);
}
