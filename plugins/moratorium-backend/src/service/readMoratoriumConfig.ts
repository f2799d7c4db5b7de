import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CommissionLimits,
  CommissionRules,
  DEFAULT_COMMISSION_LIMITS,
  DEFAULT_COMMISSION_RULES,
  DEFAULT_HOLIDAYS,
  DEFAULT_REMINDER_WORKING_DAYS,
  DEFAULT_STAGE_DEADLINES,
  REQUEST_STATES,
  RequestState,
  StageDeadlines,
  WorkingCalendar,
} from '@qaztech/plugin-moratorium-common';
import { MORATORIUM_TIME_ZONE } from '@qaztech/plugin-registry-common';

/** The language of notifications. */
export type NotificationLanguage = 'ru' | 'kk' | 'en';

/** The moratorium backend's settings, with the defaults applied. */
export interface MoratoriumConfig {
  deadlines: StageDeadlines;
  reminderWorkingDays: number;
  calendar: WorkingCalendar;
  commissionGroups: string[];
  commissionRules: CommissionRules;
  secretaryGroups: string[];
  language: NotificationLanguage;
  revokeOnMissed: boolean;
  /** Whether decisions and the audit check are readable without sign-in. */
  publicRecord: boolean;
  /** Hours a stored Idempotency-Key response is kept before it is purged. */
  idempotencyRetentionHours: number;
  /**
   * Hours a system must have been missing from the catalog (on at least two
   * runs of the scheduled task) before its requests are closed.
   */
  removedSystemGraceHours: number;
  /**
   * Whether members, applicants and everyone who reads a request see the
   * votes and the tally before the decision. Default false: a secret ballot.
   */
  ballotOpenBeforeDecision: boolean;
  /** The longest approval and the most deferrals. */
  limits: CommissionLimits;
}

/** How long stored Idempotency-Key responses are kept by default: 3 days. */
export const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 72;

/** How long a system may be missing from the catalog before its requests are closed: a day. */
export const DEFAULT_REMOVED_SYSTEM_GRACE_HOURS = 24;

/** The default Group of commission members. */
export const DEFAULT_COMMISSION_GROUP =
  'group:default/qaztech-commission-members';
/** The default Group of commission secretaries. */
export const DEFAULT_SECRETARY_GROUP =
  'group:default/qaztech-commission-secretaries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fraction(
  config: Config,
  key: string,
  fallback: number,
  below1 = false,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value >= 0 && (below1 ? value < 1 : value <= 1))) {
    throw new InputError(
      `${key} must be at least 0 and ${
        below1 ? 'below' : 'at most'
      } 1, got ${value}`,
    );
  }
  return value;
}

function count(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(`${key} must be a whole number ≥ 0, got ${value}`);
  }
  return value;
}

function positive(config: Config, key: string, fallback: number): number {
  const value = count(config, key, fallback);
  if (value === 0) {
    throw new InputError(`${key} must be at least 1, got 0`);
  }
  return value;
}

/**
 * Reads `moratorium.*` (see config.d.ts) and applies the defaults; a wrong
 * value stops start-up with a message naming the key.
 */
export function readMoratoriumConfig(config: Config): MoratoriumConfig {
  const deadlines: StageDeadlines = { ...DEFAULT_STAGE_DEADLINES };
  const deadlineConfig = config.getOptionalConfig('moratorium.deadlines');
  for (const key of deadlineConfig?.keys() ?? []) {
    if (key === 'reminderWorkingDays') {
      continue;
    }
    if (!(REQUEST_STATES as readonly string[]).includes(key)) {
      throw new InputError(
        `moratorium.deadlines.${key} is not a request state; use one of ${REQUEST_STATES.join(
          ', ',
        )}`,
      );
    }
    deadlines[key as RequestState] = count(
      config,
      `moratorium.deadlines.${key}`,
      0,
    );
  }

  const holidays =
    config.getOptionalStringArray('moratorium.holidays') ?? DEFAULT_HOLIDAYS;
  const wrongDay = holidays.find(day => !DATE.test(day));
  if (wrongDay !== undefined) {
    throw new InputError(
      `moratorium.holidays must list dates written YYYY-MM-DD, got ${JSON.stringify(
        wrongDay,
      )}`,
    );
  }

  const language =
    config.getOptionalString('moratorium.notifications.language') ?? 'ru';
  if (!['ru', 'kk', 'en'].includes(language)) {
    throw new InputError(
      `moratorium.notifications.language must be ru, kk or en, got ${JSON.stringify(
        language,
      )}`,
    );
  }

  return {
    deadlines,
    reminderWorkingDays: count(
      config,
      'moratorium.deadlines.reminderWorkingDays',
      DEFAULT_REMINDER_WORKING_DAYS,
    ),
    calendar: { holidays: [...holidays], zone: MORATORIUM_TIME_ZONE },
    commissionGroups: config.getOptionalStringArray(
      'moratorium.commission.groups',
    ) ?? [DEFAULT_COMMISSION_GROUP],
    commissionRules: {
      quorum: fraction(
        config,
        'moratorium.commission.quorum',
        DEFAULT_COMMISSION_RULES.quorum,
      ),
      majority: fraction(
        config,
        'moratorium.commission.majority',
        DEFAULT_COMMISSION_RULES.majority,
        true,
      ),
    },
    secretaryGroups: config.getOptionalStringArray(
      'moratorium.secretaryGroups',
    ) ?? [DEFAULT_SECRETARY_GROUP],
    language: language as NotificationLanguage,
    revokeOnMissed:
      config.getOptionalBoolean('moratorium.conditions.revokeOnMissed') ?? true,
    publicRecord: config.getOptionalBoolean('moratorium.publicRecord') ?? true,
    idempotencyRetentionHours: positive(
      config,
      'moratorium.idempotency.retentionHours',
      DEFAULT_IDEMPOTENCY_RETENTION_HOURS,
    ),
    removedSystemGraceHours: count(
      config,
      'moratorium.removedSystems.graceHours',
      DEFAULT_REMOVED_SYSTEM_GRACE_HOURS,
    ),
    ballotOpenBeforeDecision:
      config.getOptionalBoolean('moratorium.ballot.openBeforeDecision') ??
      false,
    limits: {
      maxExemptionMonths: positive(
        config,
        'moratorium.exemption.maxMonths',
        DEFAULT_COMMISSION_LIMITS.maxExemptionMonths,
      ),
      maxDeferrals: count(
        config,
        'moratorium.maxDeferrals',
        DEFAULT_COMMISSION_LIMITS.maxDeferrals,
      ),
    },
  };
}
