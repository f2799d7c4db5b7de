import type {
  CheckStatus,
  ReadinessLevel,
} from '@qaztech/plugin-security-readiness-common';

/**
 * The colour of each level, shared by chips and charts so a level reads the
 * same everywhere: green ready, amber conditional, red not ready.
 */
export const LEVEL_COLORS: Record<
  ReadinessLevel,
  { background: string; text: string }
> = {
  ready: { background: '#2e7d32', text: '#ffffff' },
  conditional: { background: '#f9a825', text: '#212121' },
  'not-ready': { background: '#c62828', text: '#ffffff' },
};

/** The colour of each check status. */
export const STATUS_COLORS: Record<
  CheckStatus,
  { background: string; text: string }
> = {
  pass: { background: '#2e7d32', text: '#ffffff' },
  partial: { background: '#f9a825', text: '#212121' },
  fail: { background: '#c62828', text: '#ffffff' },
  unknown: { background: '#757575', text: '#ffffff' },
  waived: { background: '#1565c0', text: '#ffffff' },
  'not-applicable': { background: '#e0e0e0', text: '#212121' },
};
