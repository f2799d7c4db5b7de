import fc from 'fast-check';
import {
  DEFAULT_WORKING_CALENDAR,
  endOfCalendarDate,
  isWorkingDay,
  toCalendarDate,
  workingDaysBetween,
} from './calendar';
import {
  DEFAULT_STAGE_DEADLINES,
  isOverdue,
  pauseDeadline,
  reminderAt,
  resumeDeadline,
  stageDeadline,
} from './deadlines';
import { RequestState } from './types';

// Deadlines are the end of a working day in Asia/Almaty, a whole number of
// working days after the event; pausing keeps the days left.

const cal = DEFAULT_WORKING_CALENDAR;
const DAY_MS = 86_400_000;

/** Instants 2024-01-01 to 2027-10 (the default holidays run to 2027). */
const instant = fc
  .integer({
    min: Date.parse('2024-01-01T00:00:00Z'),
    max: Date.parse('2027-10-01T00:00:00Z'),
  })
  .map(ms => new Date(ms));

const stateWithDeadline = fc.constantFrom(
  ...(Object.keys(DEFAULT_STAGE_DEADLINES) as RequestState[]),
);

/** Whether an instant is the last millisecond of its Almaty day. */
const endsADay = (at: Date) =>
  at.getTime() === endOfCalendarDate(toCalendarDate(at, cal), cal).getTime();

describe('deadline properties', () => {
  it('falls at the end of a working day, the stage’s working days after the event', () => {
    fc.assert(
      fc.property(stateWithDeadline, instant, (state, entered) => {
        const deadline = stageDeadline(state, entered, cal)!;
        const due = new Date(deadline.dueAt);
        expect(endsADay(due)).toBe(true);
        expect(isWorkingDay(toCalendarDate(due, cal), cal)).toBe(true);
        expect(toCalendarDate(due, cal) > toCalendarDate(entered, cal)).toBe(
          true,
        );
        expect(workingDaysBetween(entered, due, cal)).toBe(
          DEFAULT_STAGE_DEADLINES[state],
        );
        expect(isOverdue(deadline, due)).toBe(false);
        expect(isOverdue(deadline, new Date(due.getTime() + 1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the working days left across a pause of any length', () => {
    fc.assert(
      fc.property(
        stateWithDeadline,
        instant,
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        (state, entered, untilPause, pauseLength) => {
          const deadline = stageDeadline(state, entered, cal)!;
          const pausedAt = new Date(entered.getTime() + untilPause);
          const paused = pauseDeadline(deadline, pausedAt, cal);
          const left = Math.max(
            0,
            workingDaysBetween(pausedAt, new Date(deadline.dueAt), cal),
          );
          expect(paused.remainingWorkingDays).toBe(left);
          // Never overdue while paused, and pausing twice changes nothing.
          expect(
            isOverdue(paused, new Date(pausedAt.getTime() + 365 * DAY_MS)),
          ).toBe(false);
          expect(pauseDeadline(paused, new Date(), cal)).toBe(paused);

          const resumedAt = new Date(pausedAt.getTime() + pauseLength);
          const resumed = resumeDeadline(paused, resumedAt, cal);
          const due = new Date(resumed.dueAt);
          expect(resumed.pausedAt).toBeUndefined();
          expect(endsADay(due)).toBe(true);
          expect(workingDaysBetween(resumedAt, due, cal)).toBe(left);
          expect(due.getTime()).toBeGreaterThan(resumedAt.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reminds at the end of a working day, that many working days before, never after the deadline', () => {
    fc.assert(
      fc.property(
        stateWithDeadline,
        instant,
        fc.integer({ min: 0, max: 5 }),
        (state, entered, days) => {
          const deadline = stageDeadline(state, entered, cal)!;
          const remind = reminderAt(deadline, cal, days);
          const due = new Date(deadline.dueAt);
          expect(remind.getTime()).toBeLessThanOrEqual(due.getTime());
          expect(endsADay(remind)).toBe(true);
          expect(isWorkingDay(toCalendarDate(remind, cal), cal)).toBe(true);
          expect(workingDaysBetween(remind, due, cal)).toBe(days);
        },
      ),
      { numRuns: 300 },
    );
  });
});
