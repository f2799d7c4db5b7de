export { LevelChip, StatusChip } from './Chips';
export { LEVEL_COLORS, STATUS_COLORS } from './colors';
export { Notice } from './Notice';
export { errorMessage, errorStatus } from './errors';
export * from './format';
export { useChecks, useLanguage } from './useLanguage';
export { useReasonText } from './useReasonText';
export { useSecurityReadinessLinks } from './useSecurityReadinessLinks';
export { FormDialog } from './FormDialog';
