import type { CheckReason, CheckStatus } from './types';

/**
 * What a rule concludes about one check, before waivers and weights.
 *
 * @public
 */
export type RuleOutcome = {
  /** 0–10; absent when there is no data to judge by ("unknown"). */
  score?: number;
  reason: CheckReason;
  /** One English sentence. */
  summary: string;
  /**
   * Entity rules only: the entity alone cannot tell, an officer's
   * attestation decides.
   */
  needsAttestation?: boolean;
};

/** Rounds a score to one decimal and keeps it within 0–10. @public */
export function roundScore(score: number): number {
  if (!Number.isFinite(score)) {
    return 0;
  }
  const clamped = Math.min(10, Math.max(0, score));
  return Math.round(clamped * 10) / 10;
}

/**
 * The status of a known score: 10 passes, 0 fails, anything between is
 * partial.
 *
 * @public
 */
export function statusFromScore(score: number): CheckStatus {
  if (score >= 10) {
    return 'pass';
  }
  return score <= 0 ? 'fail' : 'partial';
}
