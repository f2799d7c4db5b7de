/** The zone the suite shows times in (Kazakhstan, UTC+5 since 2024-03-01). */
export const DISPLAY_ZONE = 'Asia/Almaty';

const DAY_MS = 24 * 60 * 60 * 1000;

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: DISPLAY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const instantFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: DISPLAY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function parse(iso: string | undefined): Date | undefined {
  if (!iso) {
    return undefined;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An instant as `YYYY-MM-DD HH:mm` in Almaty; other text as it is. */
export function formatInstant(iso: string | undefined): string {
  const date = parse(iso);
  return date ? instantFormat.format(date) : iso ?? '';
}

/** The Almaty calendar day of an instant, `YYYY-MM-DD`; other text as it is. */
export function formatDay(iso: string | undefined): string {
  const date = parse(iso);
  return date ? dayFormat.format(date) : iso ?? '';
}

/** Today in Almaty, `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** The Almaty day `months` months after today, `YYYY-MM-DD` (for date inputs). */
export function monthsFromToday(
  months: number,
  now: Date = new Date(),
): string {
  const [y, m, d] = today(now).split('-').map(Number);
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

/** A score 0–10 with at most one decimal, in the reader's language. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
    score,
  );
}

/** A share as a whole percentage. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
