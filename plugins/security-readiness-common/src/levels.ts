import type { LevelThresholds, ReadinessLevel } from './types';
import { READINESS_LEVELS } from './types';

/** Ready at 8.5 and above, conditionally ready at 6 and above. @public */
export const DEFAULT_LEVELS: LevelThresholds = { ready: 8.5, conditional: 6 };

/**
 * The level of a score: `ready` at or above `thresholds.ready`,
 * `conditional` at or above `thresholds.conditional`, `not-ready` below and
 * when there is no score.
 *
 * @public
 */
export function levelForScore(
  score: number | null,
  thresholds: LevelThresholds = DEFAULT_LEVELS,
): ReadinessLevel {
  if (score === null) {
    return 'not-ready';
  }
  if (score >= thresholds.ready) {
    return 'ready';
  }
  return score >= thresholds.conditional ? 'conditional' : 'not-ready';
}

/** Whether `level` is worse than `reference` (e.g. the signed-off level). @public */
export function isBelowLevel(
  level: ReadinessLevel,
  reference: ReadinessLevel,
): boolean {
  return READINESS_LEVELS.indexOf(level) > READINESS_LEVELS.indexOf(reference);
}
