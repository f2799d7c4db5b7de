import type { ProgressStatus } from '@qaztech/plugin-registry-common';

/**
 * The colour of each progress status, shared by chips, bars and the chart:
 * red late, amber at risk, blue on track, green done.
 */
export const PROGRESS_STATUS_COLORS: Record<
  ProgressStatus,
  { background: string; text: string }
> = {
  late: { background: '#c62828', text: '#ffffff' },
  'at-risk': { background: '#f9a825', text: '#212121' },
  'on-track': { background: '#1565c0', text: '#ffffff' },
  done: { background: '#2e7d32', text: '#ffffff' },
};

/** A share 0..1 as a whole percentage, e.g. `30%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
