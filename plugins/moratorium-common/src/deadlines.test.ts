import {
  WorkingCalendar,
  toCalendarDate,
  workingDaysBetween,
} from './calendar';
import {
  DEFAULT_REMINDER_WORKING_DAYS,
  DEFAULT_STAGE_DEADLINES,
  conditionDeadline,
  isOverdue,
  pauseDeadline,
  reminderAt,
  resumeDeadline,
  stageDeadline,
  withOverdue,
} from './deadlines';

const cal: WorkingCalendar = { holidays: ['2026-12-16', '2026-12-17'] };

describe('stageDeadline', () => {
  it('gives each stage its working days', () => {
    expect(DEFAULT_STAGE_DEADLINES).toEqual({
      submitted: 3,
      'platform-review': 10,
      'ministry-review': 10,
      'info-requested': 10,
      deferred: 20,
    });
    expect(DEFAULT_REMINDER_WORKING_DAYS).toBe(2);
    // Wednesday 2 December 2026 in Almaty.
    const entered = new Date('2026-12-02T09:00:00Z');
    expect(stageDeadline('submitted', entered, cal)).toEqual({
      subject: 'submitted',
      dueAt: '2026-12-07T18:59:59.999Z', // Thu, Fri, Mon
      overdue: false,
    });
    // 10 working days, skipping two weekends and 16–17 December.
    expect(stageDeadline('platform-review', entered, cal)?.dueAt).toBe(
      '2026-12-18T18:59:59.999Z',
    );
  });

  it('has none for states without a deadline, and takes configured days', () => {
    const entered = new Date('2026-12-02T09:00:00Z');
    expect(stageDeadline('draft', entered, cal)).toBeUndefined();
    expect(stageDeadline('on-agenda', entered, cal)).toBeUndefined();
    expect(
      stageDeadline('on-agenda', entered, cal, { 'on-agenda': 1 })?.dueAt,
    ).toBe('2026-12-03T18:59:59.999Z');
    expect(() =>
      stageDeadline('submitted', entered, cal, { submitted: -1 }),
    ).toThrow(/submitted/);
  });
});

describe('pausing while information is requested', () => {
  // Review entered Monday 7 December 2026: due Wednesday 23 December (10
  // working days, 16–17 December off).
  const entered = new Date('2026-12-07T04:00:00Z');
  const review = stageDeadline('platform-review', entered, cal)!;

  it('keeps the remaining working days and carries them past the pause', () => {
    expect(review.dueAt).toBe('2026-12-23T18:59:59.999Z');
    // Paused on Thursday 10 December: 11, 14, 15, 18, 21, 22, 23 are left (7).
    const pausedAt = new Date('2026-12-10T08:00:00Z');
    const paused = pauseDeadline(review, pausedAt, cal);
    expect(paused).toEqual({
      subject: 'platform-review',
      dueAt: review.dueAt,
      pausedAt: '2026-12-10T08:00:00.000Z',
      remainingWorkingDays: 7,
      overdue: false,
    });
    // A paused deadline is never overdue, however long the applicant takes.
    expect(isOverdue(paused, new Date('2027-01-30T00:00:00Z'))).toBe(false);
    // Pausing twice changes nothing.
    expect(pauseDeadline(paused, new Date('2026-12-11T08:00:00Z'), cal)).toBe(
      paused,
    );

    // Resumed on Monday 4 January 2027: 7 working days later is Wed 13 January.
    const resumed = resumeDeadline(
      paused,
      new Date('2027-01-04T05:00:00Z'),
      cal,
    );
    expect(resumed).toEqual({
      subject: 'platform-review',
      dueAt: '2027-01-13T18:59:59.999Z',
      overdue: false,
    });
    expect(resumeDeadline(resumed, new Date(), cal)).toBe(resumed);
  });

  it('keeps the same remaining days whatever the pause lasts', () => {
    const pausedAt = new Date('2026-12-10T08:00:00Z');
    const paused = pauseDeadline(review, pausedAt, cal);
    for (const resumedAt of [
      '2026-12-10T10:00:00Z',
      '2026-12-12T10:00:00Z',
      '2027-02-01T10:00:00Z',
    ]) {
      const at = new Date(resumedAt);
      const resumed = resumeDeadline(paused, at, cal);
      expect(workingDaysBetween(at, new Date(resumed.dueAt), cal)).toBe(7);
    }
  });

  it('leaves nothing for a deadline already passed', () => {
    const paused = pauseDeadline(review, new Date('2027-01-05T05:00:00Z'), cal);
    expect(paused.remainingWorkingDays).toBe(0);
    const resumed = resumeDeadline(
      paused,
      new Date('2027-01-06T05:00:00Z'),
      cal,
    );
    expect(resumed.dueAt).toBe('2027-01-06T18:59:59.999Z');
  });
});

describe('overdue, conditions and reminders', () => {
  it('is overdue only after the last instant of the day', () => {
    const deadline = conditionDeadline({ id: 'c1', dueDate: '2027-03-01' });
    expect(deadline).toEqual({
      subject: 'condition:c1',
      dueAt: '2027-03-01T18:59:59.999Z',
      overdue: false,
    });
    expect(isOverdue(deadline, new Date('2027-03-01T18:59:59.999Z'))).toBe(
      false,
    );
    expect(
      withOverdue(deadline, new Date('2027-03-01T19:00:00.000Z')).overdue,
    ).toBe(true);
  });

  it('reminds two working days before, skipping weekends and holidays', () => {
    // Due Friday 18 December 2026, 16–17 off: the reminder goes at the end of
    // Monday 14th, leaving the 15th and the 18th.
    const due = { dueAt: '2026-12-18T18:59:59.999Z' };
    expect(reminderAt(due, cal).toISOString()).toBe('2026-12-14T18:59:59.999Z');
    expect(toCalendarDate(reminderAt(due, { holidays: [] }))).toBe(
      '2026-12-16',
    );
    expect(reminderAt(due, cal, 0).toISOString()).toBe(due.dueAt);
  });
});
