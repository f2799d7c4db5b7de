/**
 * The state information system model shared by the registry plugins: types,
 * schema and validation of the `spec.registry` block, the БИН check,
 * transliteration of titles to entity names, the moratorium rule, the
 * working-day calendar (Asia/Almaty), the formats people read (dates,
 * numbers, scores) and CSV, campaigns (national deadlines) with
 * their progress rules, and the registry permissions.
 *
 * @packageDocumentation
 */

export * from './types';
export {
  PLATFORM_STATUS_DETAIL_ANNOTATION,
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
  STATUS_SOURCES_ANNOTATION,
  UNVERIFIED_CLAIMS_ANNOTATION,
  UNVERIFIED_CLAIMS_LABEL,
} from './entityFields';
export {
  applyOwnerEvidence,
  evaluateMoratoriumOnEvidence,
  unverifiedExemptionClaim,
  verifyMoratoriumInputs,
} from './evidence';
export type {
  EvaluateMoratoriumOnEvidenceOptions,
  MoratoriumEvidence,
  MoratoriumStatusOnEvidence,
  MoratoriumInputSource,
  OwnerCheckedStatus,
  PlatformDeployment,
  UnverifiedClaim,
  VerifiedMoratoriumInputs,
} from './evidence';
export { binCheckDigit, explainBin, isValidBin } from './bin';
export { isCalendarDate } from './calendarDate';
export { toEntityName } from './transliterate';
export { isStateInformationSystem } from './isStateInformationSystem';
export { validateRegistrySystem } from './validateRegistrySystem';
export type {
  RegistryProblem,
  RegistryValidationResult,
} from './validateRegistrySystem';
export { exemptionsFromRecord, recordExemptionSource } from './exemptions';
export type { Exemption, ExemptionSource } from './exemptions';
export {
  DEFAULT_MORATORIUM_START,
  MORATORIUM_STATUSES,
  MORATORIUM_TIME_ZONE,
  evaluateMoratorium,
  moratoriumDay,
  moratoriumNeedsExemptions,
} from './moratorium';
export type {
  EvaluateMoratoriumOptions,
  MoratoriumReasonDetail,
  MoratoriumStatus,
  MoratoriumStatusKind,
} from './moratorium';
export {
  registryCampaignCreatePermission,
  registryCampaignDeletePermission,
  registryCampaignReadPermission,
  registryCampaignUpdatePermission,
  registryExportPermission,
  registryPermissions,
  registrySystemReadPermission,
} from './permissions';
export {
  explainUnsafeText,
  findUnsafeText,
  foldText,
  likePattern,
} from './searchText';
export {
  CSV_SEPARATORS,
  UTF8_BOM,
  csvDocument,
  csvLine,
  parseCsvSeparator,
} from './csv';
export type { CsvSeparator } from './csv';
export {
  DISPLAY_TIME_ZONE,
  almatyCalendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatScore,
  toFormatLanguage,
  todayInAlmaty,
} from './format';
export type { DateInput, FormatLanguage, FormatNumberOptions } from './format';
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
  CAMPAIGN_GOAL_KINDS,
  CAMPAIGN_READINESS_LEVELS,
  CAMPAIGN_STATES,
  CAMPAIGN_TRANSITIONS,
  campaignIdFromTitle,
  canMoveCampaign,
  describeCampaignProblems,
  validateCampaign,
} from './campaigns';
export type {
  Campaign,
  CampaignGoal,
  CampaignInput,
  CampaignMilestone,
  CampaignProblem,
  CampaignScope,
  CampaignSource,
  CampaignState,
  LocalizedText,
} from './campaigns';
export {
  PROGRESS_STATUSES,
  bodyProgress,
  compareProgressStatus,
  matchesScope,
  meetsGoal,
  systemProgressStatus,
  whatToDo,
} from './campaignsProgress';
export type {
  BodyProgress,
  BodyProgressInput,
  CampaignAction,
  CampaignGoalFacts,
  CampaignReadinessLevel,
  CampaignScopeSubject,
  ProgressStatus,
} from './campaignsProgress';
export type {
  CampaignBodyProgress,
  CampaignHistoryPoint,
  CampaignList,
  CampaignProgress,
  CampaignSummary,
  CampaignSystemPage,
  CampaignSystemProgress,
  IntegrationGraph,
  SimilarSystem,
  SystemCampaign,
} from './campaignsApi';
export {
  DEFAULT_USER_LANGUAGE,
  USER_LANGUAGES,
  isUserLanguage,
} from './languages';
export type { UserLanguage } from './languages';
