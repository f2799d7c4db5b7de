import { DateTime } from 'luxon';
import { Exemption } from './exemptions';
import { CalendarDate, RegistryRecord } from './types';

/**
 * The day the moratorium on new off-platform systems took effect.
 *
 * @public
 */
export const DEFAULT_MORATORIUM_START = '2026-01-01';

/**
 * The time zone in which decision and deadline days begin and end.
 *
 * @public
 */
export const MORATORIUM_TIME_ZONE = 'Asia/Almaty';

/**
 * Where a system stands under the moratorium.
 *
 * @public
 */
export const MORATORIUM_STATUSES = [
  'on-platform',
  'legacy-migrating',
  'exempted',
  'violation',
] as const;

/** Where a system stands under the moratorium. @public */
export type MoratoriumStatusKind = (typeof MORATORIUM_STATUSES)[number];

/**
 * The outcome of the moratorium rule for one system. `reason` is an English
 * sentence for logs and the API; user interfaces translate by `status`.
 *
 * @public
 */
export interface MoratoriumStatus {
  status: MoratoriumStatusKind;
  reason: string;
  /** The exemption that allows an `exempted` system. */
  exemption?: Exemption;
  /** The migration deadline of a `legacy-migrating` system, when one is set. */
  migrationDeadline?: CalendarDate;
}

/** What the moratorium rule needs. @public */
export interface EvaluateMoratoriumOptions {
  record: RegistryRecord;
  /** Every known exemption of the system, from all sources. */
  exemptions: readonly Exemption[];
  /** The instant to evaluate at. */
  at: Date;
  /** The first day of the moratorium; {@link DEFAULT_MORATORIUM_START} when absent. */
  moratoriumStart?: CalendarDate;
}

function startOfDay(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: MORATORIUM_TIME_ZONE }).startOf('day');
}

function endOfDay(date: CalendarDate): DateTime {
  return DateTime.fromISO(date, { zone: MORATORIUM_TIME_ZONE }).endOf('day');
}

/** Why an exemption does not hold at `at`, or undefined when it does. */
function whyNotInEffect(
  exemption: Exemption,
  at: DateTime,
): string | undefined {
  const name = `exemption ${exemption.decisionNumber}`;
  if (exemption.status === 'revoked') {
    return `${name} was revoked`;
  }
  if (exemption.status === 'expired') {
    return exemption.expiresAt
      ? `${name} expired on ${exemption.expiresAt}`
      : `${name} has expired`;
  }
  if (at < startOfDay(exemption.decisionDate)) {
    return `${name} takes effect on ${exemption.decisionDate}`;
  }
  if (exemption.expiresAt && at > endOfDay(exemption.expiresAt)) {
    return `${name} expired on ${exemption.expiresAt}`;
  }
  return undefined;
}

/** Open-ended exemptions last longest; otherwise the later expiry wins. */
function lastsLonger(a: Exemption, b: Exemption): boolean {
  if (!a.expiresAt) {
    return Boolean(b.expiresAt);
  }
  return Boolean(b.expiresAt) && a.expiresAt > b.expiresAt!;
}

/**
 * The moratorium rule. A system on the platform complies. One created off the
 * platform before the moratorium started is legacy and must migrate. One
 * created off the platform on or after the start needs an approved exemption
 * in effect at `at` (from the start of its decision day to the end of its
 * expiry day, Asia/Almaty time); without one it is in violation.
 *
 * @public
 */
export function evaluateMoratorium(
  options: EvaluateMoratoriumOptions,
): MoratoriumStatus {
  const { record, exemptions } = options;
  const start = options.moratoriumStart ?? DEFAULT_MORATORIUM_START;
  const at = DateTime.fromJSDate(options.at, { zone: MORATORIUM_TIME_ZONE });
  const { createdAt, platform } = record;

  if (platform.onPlatform) {
    return {
      status: 'on-platform',
      reason: 'The system runs on the QazTech platform.',
    };
  }

  // Dates are validated `YYYY-MM-DD`, so string order is date order.
  if (createdAt < start) {
    const deadline = platform.migration?.deadline;
    const created = `The system was created on ${createdAt}, before the moratorium started on ${start}`;
    let reason: string;
    if (record.lifecycle.stage === 'decommissioned') {
      reason = `${created}, and is decommissioned.`;
    } else if (!deadline) {
      reason = `${created}; it must migrate to the platform, but no migration deadline is set.`;
    } else if (at > endOfDay(deadline)) {
      reason = `${created}; its migration deadline ${deadline} has passed.`;
    } else {
      reason = `${created}; it must migrate to the platform by ${deadline}.`;
    }
    return {
      status: 'legacy-migrating',
      reason,
      ...(deadline ? { migrationDeadline: deadline } : {}),
    };
  }

  const created = `The system was created outside the platform on ${createdAt}, under the moratorium in force since ${start}`;
  let best: Exemption | undefined;
  const problems: string[] = [];
  for (const exemption of exemptions) {
    const problem = whyNotInEffect(exemption, at);
    if (problem) {
      problems.push(problem);
    } else if (!best || lastsLonger(exemption, best)) {
      best = exemption;
    }
  }

  if (best) {
    const until = best.expiresAt ? ` until ${best.expiresAt}` : '';
    return {
      status: 'exempted',
      reason: `${created}, and is exempted by decision ${best.decisionNumber} of ${best.decisionDate}${until}.`,
      exemption: best,
    };
  }
  return {
    status: 'violation',
    reason: problems.length
      ? `${created}, and has no exemption in effect: ${problems.join('; ')}.`
      : `${created}, and has no exemption.`,
  };
}
