import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  WorkingCalendar,
  addWorkingDays,
  addWorkingDaysToDate,
  endOfCalendarDate,
  isWorkingDay,
  startOfCalendarDate,
  toCalendarDate,
  workingDaysBetween,
} from './calendar';
import { isCalendarDate } from './calendarDate';
import { Exemption } from './exemptions';
import { evaluateMoratorium, moratoriumDay } from './moratorium';
import { RegistryRecord } from './types';
import { demoSystem } from './__testUtils__/demoData';

// 29 February 2024 in Almaty: a leap day, and the last day at UTC+6. At
// 00:00 on 1 March (+06), i.e. 18:00Z, the clocks went back to 23:00 (+05),
// so the leap day lasted 25 hours, from 2024-02-28T18:00Z to 2024-02-29T19:00Z.

const noHolidays: WorkingCalendar = { holidays: [] };
const HOUR = 3_600_000;

/** An off-platform system created under a moratorium that started in 2024. */
const newSystem: RegistryRecord = {
  ...(demoSystem('olimpiady-shkolnikov').spec!.registry as RegistryRecord),
  createdAt: '2024-01-15',
  platform: { onPlatform: false },
};

function statusAt(instant: string, exemption: Partial<Exemption>): string {
  return evaluateMoratorium({
    record: newSystem,
    exemptions: [
      {
        decisionNumber: 'КВЦ-2024/02-1',
        decisionDate: '2024-01-20',
        status: 'approved',
        source: 'register',
        ...exemption,
      },
    ],
    at: new Date(instant),
    moratoriumStart: '2024-01-01',
  }).status;
}

describe('the tz database of this Node.js', () => {
  it('moves Almaty from UTC+6 to UTC+5 at 2024-02-29T18:00Z, in luxon and in Intl', () => {
    const offset = (iso: string) =>
      DateTime.fromISO(iso, { zone: 'Asia/Almaty' }).offset / 60;
    expect(offset('2024-02-29T17:59:59.999Z')).toBe(6);
    expect(offset('2024-02-29T18:00:00.000Z')).toBe(5);
    expect(offset('2023-07-01T12:00:00Z')).toBe(6);
    expect(offset('2026-07-01T12:00:00Z')).toBe(5);
  });

  it('names the same Almaty day in luxon and Intl for every instant around the change', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2024-02-27T00:00:00Z'),
          max: Date.parse('2024-03-03T00:00:00Z'),
        }),
        ms => {
          const at = new Date(ms);
          expect(moratoriumDay(at)).toBe(toCalendarDate(at));
          // The day's bounds contain the instant.
          const day = toCalendarDate(at);
          expect(startOfCalendarDate(day).getTime()).toBeLessThanOrEqual(ms);
          expect(endOfCalendarDate(day).getTime()).toBeGreaterThanOrEqual(ms);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives each day around the change its true length', () => {
    const length = (day: string) =>
      (endOfCalendarDate(day).getTime() +
        1 -
        startOfCalendarDate(day).getTime()) /
      HOUR;
    expect(length('2024-02-28')).toBe(24);
    expect(length('2024-02-29')).toBe(25);
    expect(length('2024-03-01')).toBe(24);
    // 2023 has no leap day, and no change of zone.
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(length('2023-02-28')).toBe(24);
    expect(length('2023-03-01')).toBe(24);
  });
});

describe('exemption expiry around 2024-02-29 in Almaty', () => {
  it('holds an exemption expiring on the leap day through its repeated last hour', () => {
    // 23:30 on 29 February happened twice: at 17:30Z (+06) and 18:30Z (+05).
    expect(statusAt('2024-02-29T17:30:00Z', { expiresAt: '2024-02-29' })).toBe(
      'exempted',
    );
    expect(statusAt('2024-02-29T18:30:00Z', { expiresAt: '2024-02-29' })).toBe(
      'exempted',
    );
    expect(
      statusAt('2024-02-29T18:59:59.999Z', { expiresAt: '2024-02-29' }),
    ).toBe('exempted');
    // 00:00 on 1 March at +05.
    expect(statusAt('2024-02-29T19:00:00Z', { expiresAt: '2024-02-29' })).toBe(
      'violation',
    );
  });

  it('ends an exemption expiring on 28 February at midnight +06 (18:00Z)', () => {
    expect(
      statusAt('2024-02-28T17:59:59.999Z', { expiresAt: '2024-02-28' }),
    ).toBe('exempted');
    expect(statusAt('2024-02-28T18:00:00Z', { expiresAt: '2024-02-28' })).toBe(
      'violation',
    );
  });

  it('starts an exemption decided on 1 March at midnight +05 (19:00Z on the leap day)', () => {
    expect(
      statusAt('2024-02-29T18:59:59.999Z', { decisionDate: '2024-03-01' }),
    ).toBe('violation');
    expect(
      statusAt('2024-02-29T19:00:00Z', { decisionDate: '2024-03-01' }),
    ).toBe('exempted');
  });

  it('ends an exemption at the end of its Almaty expiry day, whichever offset that day had', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'),
        fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
        (expiresAt, shift) => {
          const end = endOfCalendarDate(expiresAt).getTime();
          const at = new Date(end + shift);
          expect(statusAt(at.toISOString(), { expiresAt })).toBe(
            shift <= 0 ? 'exempted' : 'violation',
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('working-day deadlines across the leap day', () => {
  // Wed 28 Feb, Thu 29 Feb (leap day), Fri 1 Mar, Mon 4 Mar 2024.
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2024-02-28', 3, '2024-03-04'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-02-29', 2, '2024-03-04'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-03-04', -2, '2024-02-29'],
    // The same weekdays a year earlier have no 29 February.
    ['2023-02-28', 1, '2023-03-01'],
  ])('%s + %i working days is %s', (from, days, due) => {
    expect(addWorkingDaysToDate(from, days, noHolidays)).toBe(due);
  });

  it('counts the leap day as a working day and the repeated hour as the leap day', () => {
    expect(isWorkingDay('2024-02-29', noHolidays)).toBe(true);
    // The second 23:30 of 29 February (+05) is still the leap day.
    const repeated = new Date('2024-02-29T18:30:00Z');
    expect(toCalendarDate(repeated)).toBe('2024-02-29');
    expect(addWorkingDays(repeated, 1, noHolidays).toISOString()).toBe(
      '2024-03-01T18:59:59.999Z',
    );
    expect(addWorkingDays(repeated, 0, noHolidays).toISOString()).toBe(
      '2024-02-29T18:59:59.999Z',
    );
    // Half an hour later it is 1 March: the next working day is Monday.
    expect(
      addWorkingDays(
        new Date('2024-02-29T19:30:00Z'),
        1,
        noHolidays,
      ).toISOString(),
    ).toBe('2024-03-04T18:59:59.999Z');
  });

  it('ends every deadline from around the leap day at the end of a working Almaty day', () => {
    const cal: WorkingCalendar = { holidays: ['2024-03-08'] };
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2024-02-26T00:00:00Z'),
          max: Date.parse('2024-03-03T00:00:00Z'),
        }),
        fc.integer({ min: 1, max: 15 }),
        (ms, n) => {
          const from = new Date(ms);
          const due = addWorkingDays(from, n, cal);
          const day = toCalendarDate(due);
          expect(due.getTime()).toBe(endOfCalendarDate(day).getTime());
          expect(isWorkingDay(day, cal)).toBe(true);
          expect(day > toCalendarDate(from)).toBe(true);
          expect(workingDaysBetween(from, due, cal)).toBe(n);
          expect(addWorkingDaysToDate(toCalendarDate(from), n, cal)).toBe(day);
          // Days before the leap day end at 17:59:59.999Z (+06); the leap
          // day itself and later days end at 18:59:59.999Z (+05).
          expect(due.toISOString().slice(11)).toBe(
            day < '2024-02-29' ? '17:59:59.999Z' : '18:59:59.999Z',
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
