import type { Condition, Deadline, RequestState } from './types';
import {
  WorkingCalendar,
  addWorkingDays,
  endOfCalendarDate,
  toCalendarDate,
  addWorkingDaysToDate,
  workingDaysBetween,
} from './calendar';

/** Working days allowed in each state; states without an entry have no deadline. @public */
export type StageDeadlines = Partial<Record<RequestState, number>>;

/**
 * The default stage deadlines in working days: intake 3, each review 10, the
 * applicant's answer to a request for information 10, and a deferred
 * request's return to an agenda 20.
 *
 * @public
 */
export const DEFAULT_STAGE_DEADLINES: StageDeadlines = {
  submitted: 3,
  'platform-review': 10,
  'ministry-review': 10,
  'info-requested': 10,
  deferred: 20,
};

/** Working days before a deadline when everyone concerned is reminded. @public */
export const DEFAULT_REMINDER_WORKING_DAYS = 2;

/**
 * The deadline of a stage entered at `enteredAt`: the end of the N-th
 * working day after that day (Asia/Almaty), or undefined when the state has
 * no deadline.
 *
 * @public
 */
export function stageDeadline(
  state: RequestState,
  enteredAt: Date,
  cal: WorkingCalendar,
  deadlines: StageDeadlines = DEFAULT_STAGE_DEADLINES,
): Deadline | undefined {
  const days = deadlines[state];
  if (days === undefined || days === null) {
    return undefined;
  }
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(
      `The deadline of "${state}" must be a whole number of working days ≥ 0, got ${days}`,
    );
  }
  return {
    subject: state,
    dueAt: addWorkingDays(enteredAt, days, cal).toISOString(),
    overdue: false,
  };
}

/**
 * Stops the clock of a deadline at `at` (information requested): keeps the
 * whole working days still left after `at`'s day (never fewer than 0). A
 * deadline already paused is returned unchanged.
 *
 * @public
 */
export function pauseDeadline(
  deadline: Deadline,
  at: Date,
  cal: WorkingCalendar,
): Deadline {
  if (deadline.pausedAt !== undefined) {
    return deadline;
  }
  const remaining = workingDaysBetween(at, new Date(deadline.dueAt), cal);
  return {
    ...deadline,
    pausedAt: at.toISOString(),
    remainingWorkingDays: Math.max(0, remaining),
    overdue: false,
  };
}

/**
 * Restarts a paused deadline at `at` (information provided): it ends the
 * remaining working days after `at`'s day. A deadline that is not paused is
 * returned unchanged.
 *
 * @public
 */
export function resumeDeadline(
  deadline: Deadline,
  at: Date,
  cal: WorkingCalendar,
): Deadline {
  if (deadline.pausedAt === undefined) {
    return deadline;
  }
  const { pausedAt: _pausedAt, remainingWorkingDays, ...rest } = deadline;
  return {
    ...rest,
    dueAt: addWorkingDays(at, remainingWorkingDays ?? 0, cal).toISOString(),
    overdue: false,
  };
}

/**
 * Whether a deadline has passed at `now`; a paused deadline is never overdue.
 *
 * @public
 */
export function isOverdue(deadline: Deadline, now: Date): boolean {
  return (
    deadline.pausedAt === undefined &&
    now.getTime() > new Date(deadline.dueAt).getTime()
  );
}

/**
 * The deadline with `overdue` computed for `now`.
 *
 * @public
 */
export function withOverdue(deadline: Deadline, now: Date): Deadline {
  return { ...deadline, overdue: isOverdue(deadline, now) };
}

/**
 * The deadline of an open condition: the end of its due date in the
 * calendar's zone; `subject` is `condition:<id>`.
 *
 * @public
 */
export function conditionDeadline(
  condition: Pick<Condition, 'id' | 'dueDate'>,
  cal: Pick<WorkingCalendar, 'zone'> = {},
): Deadline {
  return {
    subject: `condition:${condition.id}`,
    dueAt: endOfCalendarDate(condition.dueDate, cal).toISOString(),
    overdue: false,
  };
}

/**
 * When to remind everyone concerned of a deadline: the end of the working
 * day `days` working days before the deadline's last day, so that `days`
 * whole working days are left (with 2 and a deadline on a Friday: the end of
 * Wednesday). With 0 it is the deadline itself.
 *
 * @public
 */
export function reminderAt(
  deadline: Pick<Deadline, 'dueAt'>,
  cal: WorkingCalendar,
  days: number = DEFAULT_REMINDER_WORKING_DAYS,
): Date {
  const dueDay = toCalendarDate(new Date(deadline.dueAt), cal);
  return endOfCalendarDate(addWorkingDaysToDate(dueDay, -days, cal), cal);
}
