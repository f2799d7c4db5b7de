import type { CalendarDate } from './types';
import { DateTime } from 'luxon';

/** The time zone all moratorium deadlines are computed in. @public */
export const MORATORIUM_DEADLINE_ZONE = 'Asia/Almaty';

/**
 * The working-day calendar deadlines are computed with: weekends (Saturday,
 * Sunday) and `holidays` are days off.
 *
 * @public
 */
export type WorkingCalendar = {
  /** Public holidays and transferred days off, `YYYY-MM-DD`. */
  holidays: CalendarDate[];
  /** IANA zone; `Asia/Almaty` when absent. */
  zone?: string;
  /** Weekend days made working days by a transfer decree, `YYYY-MM-DD`. */
  workingDays?: CalendarDate[];
};

// A calendar with no working day at all would loop forever; ten years is far
// more than any deadline of the workflow.
const MAX_SCANNED_DAYS = 3660;

type Compiled = {
  zone: string;
  holidays: Set<string>;
  workingDays: Set<string>;
};

const compiledCache = new WeakMap<WorkingCalendar, Compiled>();

function compile(cal: WorkingCalendar): Compiled {
  let compiled = compiledCache.get(cal);
  if (!compiled) {
    compiled = {
      zone: cal.zone ?? MORATORIUM_DEADLINE_ZONE,
      holidays: new Set(cal.holidays),
      workingDays: new Set(cal.workingDays ?? []),
    };
    compiledCache.set(cal, compiled);
  }
  return compiled;
}

function isWorkingLocalDay(day: DateTime, c: Compiled): boolean {
  const iso = day.toISODate()!;
  if (c.workingDays.has(iso)) {
    return true;
  }
  if (day.weekday === 6 || day.weekday === 7) {
    return false;
  }
  return !c.holidays.has(iso);
}

function localDay(instant: Date, zone: string): DateTime {
  const day = DateTime.fromJSDate(instant, { zone }).startOf('day');
  if (!day.isValid) {
    throw new RangeError(
      `Invalid instant or time zone: ${day.invalidExplanation}`,
    );
  }
  return day;
}

/**
 * The last instant of a local day. Computed from the next day's start rather
 * than as 23:59:59.999 on the wall clock, which is ambiguous when clocks go
 * back at midnight (Almaty, 2024-03-01: 23:00–24:00 on 29 February happened
 * twice, so that day ended at 18:59:59.999Z).
 */
function endOfLocalDay(day: DateTime): Date {
  return new Date(day.plus({ days: 1 }).startOf('day').toMillis() - 1);
}

function parseDay(date: CalendarDate, zone: string): DateTime {
  const day = DateTime.fromISO(date, { zone }).startOf('day');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !day.isValid) {
    throw new RangeError(
      `Invalid calendar date "${date}", expected YYYY-MM-DD`,
    );
  }
  return day;
}

/**
 * Whether `date` is a working day: not a Saturday or Sunday (unless made a
 * working day by the calendar) and not a holiday.
 *
 * @public
 */
export function isWorkingDay(
  date: CalendarDate,
  cal: WorkingCalendar,
): boolean {
  const c = compile(cal);
  return isWorkingLocalDay(parseDay(date, c.zone), c);
}

/**
 * The local calendar date of an instant in the calendar's zone.
 *
 * @public
 */
export function toCalendarDate(
  instant: Date,
  cal: Pick<WorkingCalendar, 'zone'> = {},
): CalendarDate {
  return localDay(instant, cal.zone ?? MORATORIUM_DEADLINE_ZONE).toISODate()!;
}

/**
 * The last instant (23:59:59.999 local) of a calendar date in the
 * calendar's zone, e.g. a condition's due date. When clocks go back at
 * midnight it is the end of the repeated hour.
 *
 * @public
 */
export function endOfCalendarDate(
  date: CalendarDate,
  cal: Pick<WorkingCalendar, 'zone'> = {},
): Date {
  return endOfLocalDay(parseDay(date, cal.zone ?? MORATORIUM_DEADLINE_ZONE));
}

/**
 * The first instant (00:00 local) of a calendar date in the calendar's zone.
 *
 * @public
 */
export function startOfCalendarDate(
  date: CalendarDate,
  cal: Pick<WorkingCalendar, 'zone'> = {},
): Date {
  return parseDay(date, cal.zone ?? MORATORIUM_DEADLINE_ZONE).toJSDate();
}

function step(from: DateTime, days: number, c: Compiled): DateTime {
  const direction = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let day = from;
  let scanned = 0;
  while (remaining > 0) {
    day = day.plus({ days: direction });
    if (isWorkingLocalDay(day, c)) {
      remaining -= 1;
    }
    scanned += 1;
    if (scanned > MAX_SCANNED_DAYS + Math.abs(days)) {
      throw new RangeError('The working calendar has no working days');
    }
  }
  return day;
}

/**
 * The end (23:59:59.999 local) of the `days`-th working day after the local
 * day of `from`; the day of `from` itself never counts. With `days` 0 it is
 * the end of `from`'s own day; a negative `days` counts working days before
 * it.
 *
 * @public
 */
export function addWorkingDays(
  from: Date,
  days: number,
  cal: WorkingCalendar,
): Date {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Working days must be a whole number, got ${days}`);
  }
  const c = compile(cal);
  return endOfLocalDay(step(localDay(from, c.zone), days, c));
}

/**
 * The calendar date `days` working days after (or, when negative, before)
 * `date`, which itself never counts.
 *
 * @public
 */
export function addWorkingDaysToDate(
  date: CalendarDate,
  days: number,
  cal: WorkingCalendar,
): CalendarDate {
  if (!Number.isInteger(days)) {
    throw new RangeError(`Working days must be a whole number, got ${days}`);
  }
  const c = compile(cal);
  return step(parseDay(date, c.zone), days, c).toISODate()!;
}

/**
 * Whole working days from `from` to `to`: the working days after `from`'s
 * local day up to and including `to`'s local day. When `to` lies before
 * `from` the result is negative: minus the working days from `to`'s local
 * day up to, not including, `from`'s. It is the inverse of
 * `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for
 * every `n` other than 0 when `d` falls on a day off.
 *
 * @public
 */
export function workingDaysBetween(
  from: Date,
  to: Date,
  cal: WorkingCalendar,
): number {
  const c = compile(cal);
  const fromDay = localDay(from, c.zone);
  const toDay = localDay(to, c.zone);
  if (toDay.toMillis() === fromDay.toMillis()) {
    return 0;
  }
  const forward = toDay > fromDay;
  let day = forward ? fromDay.plus({ days: 1 }) : toDay;
  const last = forward ? toDay : fromDay.minus({ days: 1 });
  let count = 0;
  while (day <= last) {
    if (isWorkingLocalDay(day, c)) {
      count += 1;
    }
    day = day.plus({ days: 1 });
  }
  return forward ? count : -count;
}

// Holidays on which a day off falling on a weekend is not moved to the next
// working day (Labour Code of the Republic of Kazakhstan, art. 85 p. 2).
const NOT_TRANSFERRED = new Set(['01-07']);

const FIXED_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-07',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '10-25',
  '12-16',
];

/**
 * Kazakhstan's public holidays of one year with the statutory transfer: a
 * holiday falling on a Saturday or Sunday moves the day off to the next
 * working day (not for Orthodox Christmas, 7 January). Kurban ait, whose date
 * is set every year, and transfers decreed by the government are not
 * included: add them to the calendar's configuration.
 *
 * @public
 */
export function kazakhstanPublicHolidays(year: number): CalendarDate[] {
  const zone = MORATORIUM_DEADLINE_ZONE;
  const days = new Set<string>();
  let carry = 0;
  for (const md of FIXED_HOLIDAYS) {
    const day = DateTime.fromISO(`${year}-${md}`, { zone });
    days.add(day.toISODate()!);
    if (!NOT_TRANSFERRED.has(md) && day.weekday >= 6) {
      carry += 1;
    }
    // Hand out the carried days off after the last holiday of a run.
    const next = day.plus({ days: 1 });
    if (!FIXED_HOLIDAYS.includes(next.toFormat('MM-dd'))) {
      let candidate = next;
      while (carry > 0) {
        const iso = candidate.toISODate()!;
        if (
          candidate.weekday < 6 &&
          !days.has(iso) &&
          !FIXED_HOLIDAYS.includes(candidate.toFormat('MM-dd'))
        ) {
          days.add(iso);
          carry -= 1;
        }
        candidate = candidate.plus({ days: 1 });
      }
    }
  }
  return [...days].filter(d => d.startsWith(`${year}-`)).sort();
}

// First day of Kurban ait, a public holiday whose date the Spiritual
// Administration of Muslims announces every year.
const KURBAN_AIT: CalendarDate[] = ['2025-06-06', '2026-05-27', '2027-05-16'];

/**
 * Kazakhstan's public holidays 2025–2027 with weekend transfers, and the
 * first day of Kurban ait. Government transfer decrees are not included;
 * configure them.
 *
 * @public
 */
export const DEFAULT_HOLIDAYS: CalendarDate[] = [
  ...kazakhstanPublicHolidays(2025),
  ...kazakhstanPublicHolidays(2026),
  ...kazakhstanPublicHolidays(2027),
  ...KURBAN_AIT,
].sort();

/** The calendar used when none is configured. @public */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = {
  holidays: DEFAULT_HOLIDAYS,
  zone: MORATORIUM_DEADLINE_ZONE,
};
