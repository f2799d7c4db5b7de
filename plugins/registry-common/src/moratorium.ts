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
 * Why a system has its status, as a code and the values a user interface
 * needs to say it in the reader's language. Every value is a calendar date
 * or a decision number.
 *
 * @public
 */
export type MoratoriumReasonDetail = {
  code:
    | 'on-platform'
    | 'legacy-decommissioned'
    | 'legacy-no-deadline'
    | 'legacy-deadline-passed'
    | 'legacy-migrating'
    | 'exempted'
    | 'exempted-open-ended'
    | 'no-exemption'
    | 'exemption-revoked'
    | 'exemption-expired'
    | 'exemption-not-yet';
  createdAt?: CalendarDate;
  moratoriumStart?: CalendarDate;
  deadline?: CalendarDate;
  decisionNumber?: string;
  decisionDate?: CalendarDate;
  expiresAt?: CalendarDate;
};

/**
 * The outcome of the moratorium rule for one system. `reason` is an English
 * sentence for logs and the API; user interfaces translate by `status`.
 *
 * @public
 */
export interface MoratoriumStatus {
  status: MoratoriumStatusKind;
  reason: string;
  /** The reason as a code and values, for translated user interfaces. */
  detail: MoratoriumReasonDetail;
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

type NotInEffect = {
  text: string;
  code: 'exemption-revoked' | 'exemption-expired' | 'exemption-not-yet';
};

/** Why an exemption does not hold at `at`, or undefined when it does. */
function whyNotInEffect(
  exemption: Exemption,
  at: DateTime,
): NotInEffect | undefined {
  const name = `exemption ${exemption.decisionNumber}`;
  if (exemption.status === 'revoked') {
    return { text: `${name} was revoked`, code: 'exemption-revoked' };
  }
  if (exemption.status === 'expired') {
    return {
      text: exemption.expiresAt
        ? `${name} expired on ${exemption.expiresAt}`
        : `${name} has expired`,
      code: 'exemption-expired',
    };
  }
  if (at < startOfDay(exemption.decisionDate)) {
    return {
      text: `${name} takes effect on ${exemption.decisionDate}`,
      code: 'exemption-not-yet',
    };
  }
  if (exemption.expiresAt && at > endOfDay(exemption.expiresAt)) {
    return {
      text: `${name} expired on ${exemption.expiresAt}`,
      code: 'exemption-expired',
    };
  }
  return undefined;
}

/** The exemption facts a translated reason names. */
function exemptionValues(exemption: Exemption) {
  return {
    decisionNumber: exemption.decisionNumber,
    decisionDate: exemption.decisionDate,
    ...(exemption.expiresAt ? { expiresAt: exemption.expiresAt } : {}),
  };
}

/** Open-ended exemptions last longest; otherwise the later expiry wins. */
function lastsLonger(a: Exemption, b: Exemption): boolean {
  if (!a.expiresAt) {
    return Boolean(b.expiresAt);
  }
  return Boolean(b.expiresAt) && a.expiresAt > b.expiresAt!;
}

/**
 * Whether the moratorium rule looks at a system's exemptions: only for a
 * system off the platform created on or after the moratorium start. For any
 * other system {@link evaluateMoratorium} gives the same answer whatever the
 * exemptions, so callers can skip asking exemption sources.
 *
 * @public
 */
export function moratoriumNeedsExemptions(
  record: Pick<RegistryRecord, 'createdAt' | 'platform'>,
  moratoriumStart: CalendarDate = DEFAULT_MORATORIUM_START,
): boolean {
  return !record.platform.onPlatform && record.createdAt >= moratoriumStart;
}

const almatyDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: MORATORIUM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day (`YYYY-MM-DD`, Asia/Almaty) of an instant. The moratorium
 * rule compares `at` with whole days only, so {@link evaluateMoratorium}
 * gives the same answer for every instant of one such day: callers may cache
 * its outcome by this day.
 *
 * @public
 */
export function moratoriumDay(at: Date): CalendarDate {
  return almatyDay.format(at);
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
      detail: { code: 'on-platform' },
    };
  }

  // Dates are validated `YYYY-MM-DD`, so string order is date order.
  if (createdAt < start) {
    const deadline = platform.migration?.deadline;
    const created = `The system was created on ${createdAt}, before the moratorium started on ${start}`;
    let reason: string;
    let code: MoratoriumReasonDetail['code'];
    if (record.lifecycle.stage === 'decommissioned') {
      reason = `${created}, and is decommissioned.`;
      code = 'legacy-decommissioned';
    } else if (!deadline) {
      reason = `${created}; it must migrate to the platform, but no migration deadline is set.`;
      code = 'legacy-no-deadline';
    } else if (at > endOfDay(deadline)) {
      reason = `${created}; its migration deadline ${deadline} has passed.`;
      code = 'legacy-deadline-passed';
    } else {
      reason = `${created}; it must migrate to the platform by ${deadline}.`;
      code = 'legacy-migrating';
    }
    return {
      status: 'legacy-migrating',
      reason,
      detail: {
        code,
        createdAt,
        moratoriumStart: start,
        ...(deadline ? { deadline } : {}),
      },
      ...(deadline ? { migrationDeadline: deadline } : {}),
    };
  }

  const created = `The system was created outside the platform on ${createdAt}, under the moratorium in force since ${start}`;
  let best: Exemption | undefined;
  const problems: (NotInEffect & { exemption: Exemption })[] = [];
  for (const exemption of exemptions) {
    const problem = whyNotInEffect(exemption, at);
    if (problem) {
      problems.push({ ...problem, exemption });
    } else if (!best || lastsLonger(exemption, best)) {
      best = exemption;
    }
  }

  if (best) {
    const until = best.expiresAt ? ` until ${best.expiresAt}` : '';
    return {
      status: 'exempted',
      reason: `${created}, and is exempted by decision ${best.decisionNumber} of ${best.decisionDate}${until}.`,
      detail: {
        code: best.expiresAt ? 'exempted' : 'exempted-open-ended',
        createdAt,
        moratoriumStart: start,
        ...exemptionValues(best),
      },
      exemption: best,
    };
  }
  // The translated reason names one exemption: the latest decision.
  const latest = [...problems].sort((a, b) =>
    a.exemption.decisionDate < b.exemption.decisionDate ? 1 : -1,
  )[0];
  return {
    status: 'violation',
    reason: problems.length
      ? `${created}, and has no exemption in effect: ${problems
          .map(p => p.text)
          .join('; ')}.`
      : `${created}, and has no exemption.`,
    detail: latest
      ? {
          code: latest.code,
          createdAt,
          moratoriumStart: start,
          ...exemptionValues(latest.exemption),
        }
      : { code: 'no-exemption', createdAt, moratoriumStart: start },
  };
}
