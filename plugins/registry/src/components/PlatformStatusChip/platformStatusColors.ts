import type { MoratoriumStatusKind } from '@qaztech/plugin-registry-common';

/**
 * The colour of each platform status, shared by chips and the chart so a
 * status reads the same everywhere: green on the platform, blue exempted,
 * amber migrating, red in violation.
 */
export const PLATFORM_STATUS_COLORS: Record<
  MoratoriumStatusKind,
  { background: string; text: string }
> = {
  'on-platform': { background: '#2e7d32', text: '#ffffff' },
  exempted: { background: '#1565c0', text: '#ffffff' },
  'legacy-migrating': { background: '#ffb300', text: '#212121' },
  violation: { background: '#c62828', text: '#ffffff' },
};
