// The working-day calendar moved to the registry's common package, which
// campaigns share with the moratorium; these names stay for existing imports.
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
} from '@qaztech/plugin-registry-common';
export type { WorkingCalendar } from '@qaztech/plugin-registry-common';
