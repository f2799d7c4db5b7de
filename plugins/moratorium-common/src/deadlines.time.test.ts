import { WorkingCalendar, toCalendarDate } from './calendar';
import {
  conditionDeadline,
  isOverdue,
  pauseDeadline,
  reminderAt,
  resumeDeadline,
  stageDeadline,
} from './deadlines';

// Deadlines around 29 February 2024 in Almaty, the leap day on which the
// clocks went back from UTC+6 to UTC+5 (at 18:00Z): that day ended at
// 18:59:59.999Z, the days before it at 17:59:59.999Z.

// 8 March 2024 (Friday) is International Women's Day.
const cal: WorkingCalendar = { holidays: ['2024-03-08'] };

describe('stage deadlines across the leap day', () => {
  it('counts 29 February as a working day', () => {
    // Tuesday 27 February 2024, 23:30 at +06.
    const entered = new Date('2024-02-27T17:30:00Z');
    expect(stageDeadline('submitted', entered, cal)).toEqual({
      subject: 'submitted',
      // Wed 28, Thu 29, Fri 1 March: the end of 1 March at +05.
      dueAt: '2024-03-01T18:59:59.999Z',
      overdue: false,
    });
  });

  it('takes an event in the repeated hour of 29 February as the leap day', () => {
    // 23:30 on 29 February for the second time (+05) is 18:30Z.
    const entered = new Date('2024-02-29T18:30:00Z');
    expect(toCalendarDate(entered, cal)).toBe('2024-02-29');
    // Fri 1, Mon 4, Tue 5 March.
    expect(stageDeadline('submitted', entered, cal)?.dueAt).toBe(
      '2024-03-05T18:59:59.999Z',
    );
    // Half an hour later it is Friday 1 March: Mon 4, Tue 5, Wed 6.
    expect(
      stageDeadline('submitted', new Date('2024-02-29T19:30:00Z'), cal)?.dueAt,
    ).toBe('2024-03-06T18:59:59.999Z');
  });

  it('ends a ten-day review over the leap day and a holiday', () => {
    // Monday 26 February 2024, 10:00 at +06: 27, 28, 29 Feb, 1, 4, 5, 6, 7,
    // 11, 12 March (8 March is a holiday).
    const entered = new Date('2024-02-26T04:00:00Z');
    expect(stageDeadline('platform-review', entered, cal)?.dueAt).toBe(
      '2024-03-12T18:59:59.999Z',
    );
  });

  it('keeps the working days left when paused before the leap day and resumed after', () => {
    const entered = new Date('2024-02-26T04:00:00Z');
    const review = stageDeadline('platform-review', entered, cal)!;
    // Paused on Wednesday 28 February: 29 Feb … 12 Mar are 8 working days.
    const paused = pauseDeadline(review, new Date('2024-02-28T10:00:00Z'), cal);
    expect(paused.remainingWorkingDays).toBe(8);
    // Resumed on Monday 4 March: Tue 5 … Thu 14 March, 8 March off.
    const resumed = resumeDeadline(
      paused,
      new Date('2024-03-04T05:00:00Z'),
      cal,
    );
    expect(resumed.dueAt).toBe('2024-03-15T18:59:59.999Z');
  });

  it('reminds two working days before a deadline on 1 March at the end of 28 February (+06)', () => {
    expect(
      reminderAt({ dueAt: '2024-03-01T18:59:59.999Z' }, cal, 2).toISOString(),
    ).toBe('2024-02-28T17:59:59.999Z');
    expect(
      reminderAt({ dueAt: '2024-03-01T18:59:59.999Z' }, cal, 1).toISOString(),
    ).toBe('2024-02-29T18:59:59.999Z');
  });
});

describe('a condition due on the leap day', () => {
  const deadline = conditionDeadline({ id: 'c1', dueDate: '2024-02-29' });

  it('is due at the end of the repeated hour, 18:59:59.999Z', () => {
    expect(deadline).toEqual({
      subject: 'condition:c1',
      dueAt: '2024-02-29T18:59:59.999Z',
      overdue: false,
    });
  });

  it('is not overdue at 23:59 on 29 February at either offset, and is at midnight', () => {
    // 23:59 +06 (17:59Z) and 23:59 +05 (18:59Z) are both 29 February.
    expect(isOverdue(deadline, new Date('2024-02-29T23:59:00+06:00'))).toBe(
      false,
    );
    expect(isOverdue(deadline, new Date('2024-02-29T23:59:00+05:00'))).toBe(
      false,
    );
    // A naive end of day at +06 would already call it overdue here.
    expect(isOverdue(deadline, new Date('2024-02-29T18:30:00Z'))).toBe(false);
    expect(isOverdue(deadline, new Date('2024-03-01T00:00:00+05:00'))).toBe(
      true,
    );
  });
});
