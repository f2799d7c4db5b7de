import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  DEFAULT_HOLIDAYS,
  DEFAULT_WORKING_CALENDAR,
  WorkingCalendar,
  addWorkingDays,
  addWorkingDaysToDate,
  endOfCalendarDate,
  isWorkingDay,
  kazakhstanPublicHolidays,
  startOfCalendarDate,
  toCalendarDate,
  workingDaysBetween,
} from './calendar';

const noHolidays: WorkingCalendar = { holidays: [] };

describe('isWorkingDay', () => {
  it('skips weekends and holidays', () => {
    const cal: WorkingCalendar = { holidays: ['2026-12-16'] };
    expect(isWorkingDay('2026-12-11', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-12-12', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-13', cal)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-16', cal)).toBe(false); // Independence Day
    expect(isWorkingDay('2026-12-17', cal)).toBe(true);
  });

  it('counts a weekend day made a working day by a transfer', () => {
    const cal: WorkingCalendar = { holidays: [], workingDays: ['2026-12-12'] };
    expect(isWorkingDay('2026-12-12', cal)).toBe(true);
  });

  it('rejects a malformed date', () => {
    expect(() => isWorkingDay('2026-02-30', noHolidays)).toThrow(/2026-02-30/);
    expect(() => isWorkingDay('27.11.2026', noHolidays)).toThrow(/27.11.2026/);
  });
});

describe('addWorkingDays', () => {
  it('ends at the end of the local day, never counting the starting day', () => {
    // Monday 7 December 2026, 10:00 in Almaty (UTC+5).
    const from = new Date('2026-12-07T05:00:00Z');
    expect(addWorkingDays(from, 1, noHolidays).toISOString()).toBe(
      '2026-12-08T18:59:59.999Z',
    );
    expect(addWorkingDays(from, 0, noHolidays).toISOString()).toBe(
      '2026-12-07T18:59:59.999Z',
    );
  });

  it('takes the local day, not the UTC day', () => {
    // 23:30 UTC on Sunday is 04:30 on Monday in Almaty.
    const from = new Date('2026-12-06T23:30:00Z');
    expect(toCalendarDate(from)).toBe('2026-12-07');
    expect(addWorkingDays(from, 1, noHolidays).toISOString()).toBe(
      '2026-12-08T18:59:59.999Z',
    );
  });

  it('skips weekends', () => {
    // Friday 11 December 2026 + 1 working day = Monday 14th.
    const friday = new Date('2026-12-11T09:00:00Z');
    expect(toCalendarDate(addWorkingDays(friday, 1, noHolidays))).toBe(
      '2026-12-14',
    );
    // Saturday + 1 = Monday; + 5 = Friday.
    const saturday = new Date('2026-12-12T09:00:00Z');
    expect(toCalendarDate(addWorkingDays(saturday, 1, noHolidays))).toBe(
      '2026-12-14',
    );
    expect(toCalendarDate(addWorkingDays(saturday, 5, noHolidays))).toBe(
      '2026-12-18',
    );
  });

  it('skips holidays', () => {
    // Monday 14 December 2026; the 16th is Independence Day.
    const monday = new Date('2026-12-14T04:00:00Z');
    const cal: WorkingCalendar = { holidays: ['2026-12-16'] };
    expect(toCalendarDate(addWorkingDays(monday, 2, cal))).toBe('2026-12-17');
    expect(toCalendarDate(addWorkingDays(monday, 2, noHolidays))).toBe(
      '2026-12-16',
    );
  });

  it('skips the Nauryz holidays and their transfer with the default calendar', () => {
    // Friday 20 March 2026: 21–23 are Nauryz, 24–25 the days off moved from the weekend.
    const friday = new Date('2026-03-20T06:00:00Z');
    expect(
      toCalendarDate(addWorkingDays(friday, 1, DEFAULT_WORKING_CALENDAR)),
    ).toBe('2026-03-26');
    expect(
      toCalendarDate(addWorkingDays(friday, 10, DEFAULT_WORKING_CALENDAR)),
    ).toBe('2026-04-08');
  });

  it('counts backwards with a negative number', () => {
    const monday = new Date('2026-12-14T04:00:00Z');
    expect(toCalendarDate(addWorkingDays(monday, -1, noHolidays))).toBe(
      '2026-12-11',
    );
    expect(addWorkingDaysToDate('2026-12-14', -2, noHolidays)).toBe(
      '2026-12-10',
    );
    expect(addWorkingDaysToDate('2026-12-11', 1, noHolidays)).toBe(
      '2026-12-14',
    );
  });

  it('rejects fractions and a calendar without working days', () => {
    expect(() => addWorkingDays(new Date(), 1.5, noHolidays)).toThrow(
      /whole number/,
    );
    // Every day of the next eleven years is a holiday.
    const allDays = Array.from(
      { length: 4100 },
      (_, i) => DateTime.fromISO('2026-01-01').plus({ days: i }).toISODate()!,
    );
    expect(() =>
      addWorkingDays(new Date('2026-01-01T06:00:00Z'), 1, {
        holidays: allDays,
      }),
    ).toThrow(/no working days/);
  });
});

describe('the 2024-03-01 time-zone change in Almaty (UTC+6 → UTC+5)', () => {
  it('is in the time-zone data of this Node.js', () => {
    // The clocks went back at 00:00 on 1 March (+06), i.e. at 18:00Z on 29 February.
    const before = DateTime.fromISO('2024-02-29T17:59:59.999Z', {
      zone: 'Asia/Almaty',
    });
    const after = DateTime.fromISO('2024-02-29T18:00:00.000Z', {
      zone: 'Asia/Almaty',
    });
    expect(before.offset).toBe(360);
    expect(before.toISO()).toBe('2024-02-29T23:59:59.999+06:00');
    expect(after.offset).toBe(300);
    expect(after.toISO()).toBe('2024-02-29T23:00:00.000+05:00');
  });

  it('ends days before the change at 17:59:59.999Z and after it at 18:59:59.999Z', () => {
    expect(endOfCalendarDate('2024-02-28').toISOString()).toBe(
      '2024-02-28T17:59:59.999Z',
    );
    // 29 February lasted 25 hours: 23:00–24:00 happened twice, the second time at +05.
    expect(endOfCalendarDate('2024-02-29').toISOString()).toBe(
      '2024-02-29T18:59:59.999Z',
    );
    expect(toCalendarDate(new Date('2024-02-29T18:30:00Z'))).toBe('2024-02-29');
    expect(endOfCalendarDate('2024-03-01').toISOString()).toBe(
      '2024-03-01T18:59:59.999Z',
    );
    expect(endOfCalendarDate('2024-03-04').toISOString()).toBe(
      '2024-03-04T18:59:59.999Z',
    );
    expect(startOfCalendarDate('2024-02-29').toISOString()).toBe(
      '2024-02-28T18:00:00.000Z',
    );
    expect(startOfCalendarDate('2024-03-01').toISOString()).toBe(
      '2024-02-29T19:00:00.000Z',
    );
  });

  it('computes deadlines across the change', () => {
    // Tuesday 27 February 2024, 10:00 at +06.
    const from = new Date('2024-02-27T04:00:00Z');
    expect(addWorkingDays(from, 1, noHolidays).toISOString()).toBe(
      '2024-02-28T17:59:59.999Z',
    );
    expect(addWorkingDays(from, 2, noHolidays).toISOString()).toBe(
      '2024-02-29T18:59:59.999Z',
    );
    expect(addWorkingDays(from, 3, noHolidays).toISOString()).toBe(
      '2024-03-01T18:59:59.999Z',
    );
    // Friday 1 March → Monday 4 March; 8 March (Friday) is a holiday.
    const cal: WorkingCalendar = { holidays: ['2024-03-08'] };
    expect(addWorkingDays(from, 4, cal).toISOString()).toBe(
      '2024-03-04T18:59:59.999Z',
    );
    expect(addWorkingDays(from, 8, cal).toISOString()).toBe(
      '2024-03-11T18:59:59.999Z',
    );
    expect(
      workingDaysBetween(from, new Date('2024-03-11T18:00:00Z'), cal),
    ).toBe(8);
  });
});

describe('workingDaysBetween', () => {
  it('counts the whole working days after the first local day', () => {
    const friday = new Date('2026-12-11T06:00:00Z');
    const nextFriday = new Date('2026-12-18T06:00:00Z');
    expect(workingDaysBetween(friday, nextFriday, noHolidays)).toBe(5);
    expect(
      workingDaysBetween(friday, nextFriday, { holidays: ['2026-12-16'] }),
    ).toBe(4);
    expect(workingDaysBetween(friday, friday, noHolidays)).toBe(0);
    expect(workingDaysBetween(nextFriday, friday, noHolidays)).toBe(-5);
  });
});

describe('kazakhstanPublicHolidays', () => {
  it('moves days off falling on a weekend to the next working day', () => {
    expect(kazakhstanPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-08',
      '2026-03-09', // 8 March was a Sunday
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24', // 21–22 March were a weekend
      '2026-03-25',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09',
      '2026-05-11', // 9 May was a Saturday
      '2026-07-06',
      '2026-08-30',
      '2026-08-31', // 30 August was a Sunday
      '2026-10-25',
      '2026-10-26', // 25 October was a Sunday
      '2026-12-16',
    ]);
  });

  it('does not move Orthodox Christmas', () => {
    // 7 January 2029 is a Sunday.
    expect(kazakhstanPublicHolidays(2029)).not.toContain('2029-01-08');
    // 2 January 2027 is a Saturday: moved to Monday the 4th.
    expect(kazakhstanPublicHolidays(2027)).toContain('2027-01-04');
  });

  it('matches the 2025 days off', () => {
    const year = kazakhstanPublicHolidays(2025);
    for (const day of [
      '2025-03-10',
      '2025-03-24',
      '2025-03-25',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
    ]) {
      expect(year).toContain(day);
    }
  });

  it('makes the default holidays 2025–2027 with Kurban ait', () => {
    expect(DEFAULT_HOLIDAYS[0]).toBe('2025-01-01');
    expect(DEFAULT_HOLIDAYS[DEFAULT_HOLIDAYS.length - 1]).toBe('2027-12-16');
    expect(DEFAULT_HOLIDAYS).toContain('2026-05-27');
    expect(new Set(DEFAULT_HOLIDAYS).size).toBe(DEFAULT_HOLIDAYS.length);
  });
});

describe('properties', () => {
  const instant = fc.date({
    min: new Date('2023-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('lands on a working day, n working days later', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n, DEFAULT_WORKING_CALENDAR);
        expect(
          isWorkingDay(toCalendarDate(due), DEFAULT_WORKING_CALENDAR),
        ).toBe(true);
        expect(workingDaysBetween(from, due, DEFAULT_WORKING_CALENDAR)).toBe(n);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
        // The end of a local day: one millisecond later is the next local day.
        expect(toCalendarDate(new Date(due.getTime() + 1))).not.toBe(
          toCalendarDate(due),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts backwards symmetrically', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -60, max: -1 }), (from, n) => {
        const due = addWorkingDays(from, n, DEFAULT_WORKING_CALENDAR);
        expect(
          isWorkingDay(toCalendarDate(due), DEFAULT_WORKING_CALENDAR),
        ).toBe(true);
        expect(workingDaysBetween(from, due, DEFAULT_WORKING_CALENDAR)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it('adds up: n + m working days is m working days after n', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (from, n, m) => {
          const once = addWorkingDays(from, n + m, DEFAULT_WORKING_CALENDAR);
          const twice = addWorkingDays(
            addWorkingDays(from, n, DEFAULT_WORKING_CALENDAR),
            m,
            DEFAULT_WORKING_CALENDAR,
          );
          expect(twice.toISOString()).toBe(once.toISOString());
        },
      ),
      { numRuns: 200 },
    );
  });
});
