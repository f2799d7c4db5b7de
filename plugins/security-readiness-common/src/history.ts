import type {
  CheckResult,
  ScorecardHistoryEntry,
  ScorecardResult,
} from './types';
import { canonicalJson } from './score';

// What a person sees of a check; evidence text and times of facts are left
// out so that a re-collected but equal fact does not make a new entry.
function visible(check: CheckResult) {
  return {
    status: check.status,
    score: check.score,
    weight: check.weight,
    reason: check.reason,
    expiresAt: check.expiresAt,
    waiverId: check.waiverId,
    gate: check.gate,
  };
}

/**
 * The checks whose status or score differ between two results of one
 * system (`previous` absent: every check is new).
 *
 * @public
 */
export function diffResults(
  previous: ScorecardResult | undefined,
  next: ScorecardResult,
): ScorecardHistoryEntry['changedChecks'] {
  const before = new Map(previous?.checks.map(c => [c.checkId, c]));
  return next.checks
    .filter(check => {
      const old = before.get(check.checkId);
      return !old || old.status !== check.status || old.score !== check.score;
    })
    .map(check => {
      const old = before.get(check.checkId);
      return {
        checkId: check.checkId,
        from: old ? { status: old.status, score: old.score } : null,
        to: { status: check.status, score: check.score },
      };
    });
}

/**
 * Whether a new result differs from the stored one in anything a person
 * sees (score, level, gates, and each check's status, score, weight, reason,
 * expiry, waiver and gate), so that a run writes only what changed.
 *
 * @public
 */
export function hasResultChanged(
  previous: ScorecardResult | undefined,
  next: ScorecardResult,
): boolean {
  if (!previous) {
    return true;
  }
  const view = (r: ScorecardResult) => ({
    score: r.score,
    level: r.level,
    gatesFailed: r.gatesFailed,
    checks: r.checks.map(c => [c.checkId, visible(c)]),
  });
  return canonicalJson(view(previous)) !== canonicalJson(view(next));
}

/** The history entry recording a changed result. @public */
export function toHistoryEntry(
  previous: ScorecardResult | undefined,
  next: ScorecardResult,
): ScorecardHistoryEntry {
  return {
    evaluatedAt: next.evaluatedAt,
    score: next.score,
    level: next.level,
    gatesFailed: next.gatesFailed,
    changedChecks: diffResults(previous, next),
    ...(next.inputsHash ? { inputsHash: next.inputsHash } : {}),
  };
}
