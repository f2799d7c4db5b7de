/**
 * Exemption requests under the QazTech moratorium, shared by the moratorium
 * plugins: the data types, the workflow state machine, completeness rules,
 * working-day deadlines in Asia/Almaty, the commission's vote tally, request
 * numbers and the permissions.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './permissions';
export {
  DEFAULT_COMMISSION_LIMITS,
  WORKFLOW,
  addMonthsToDate,
  availableActions,
  changedFixedField,
  describeConflict,
  markOpinionsStale,
  sameContent,
  isApplicantSide,
  isConflicted,
  isDecided,
  parseTransitionInput,
  planTransition,
  transitionRule,
} from './workflow';
export type {
  CommissionLimits,
  PlanTransitionArgs,
  PlannedTransition,
  TransitionRule,
  WorkflowActor,
  WorkflowRequest,
  WorkflowViolation,
} from './workflow';
export {
  MoratoriumInputError,
  checkCompleteness,
  describeProblems,
  isEntityRef,
  isHttpUrl,
  isSha256,
  parseRequestContent,
  requestContentSchema,
} from './completeness';
export {
  DEFAULT_HOLIDAYS,
  DEFAULT_WORKING_CALENDAR,
  MORATORIUM_DEADLINE_ZONE,
  addWorkingDays,
  addWorkingDaysToDate,
  endOfCalendarDate,
  isWorkingDay,
  kazakhstanPublicHolidays,
  startOfCalendarDate,
  toCalendarDate,
  workingDaysBetween,
} from './calendar';
export type { WorkingCalendar } from './calendar';
export {
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
export type { StageDeadlines } from './deadlines';
export { DEFAULT_COMMISSION_RULES, tallyVotes } from './tally';
export type { CommissionRules } from './tally';
export { formatRequestNumber, parseRequestNumber } from './requestNumber';
export {
  REUSE_ANSWERS_REQUIRED,
  similarityText,
  unansweredReuse,
} from './reuse';
