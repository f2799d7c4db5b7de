import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SCORECARD,
  Scorecard,
  validateScorecard,
} from '@qaztech/plugin-security-readiness-common';

/** The language of notifications. */
export type NotificationLanguage = 'ru' | 'kk' | 'en';

/**
 * One external tool read over HTTP for each system (see config.d.ts,
 * `securityReadiness.collectors.http`).
 */
export type HttpCollectorConfig = {
  /** The collector's id; its facts have source `http:<id>`. */
  id: string;
  /** The type of the facts it yields, e.g. `vulnerabilities`. */
  factType: string;
  /** The URL, with `{namespace}`, `{name}` and `{repository}` filled in per system. */
  url: string;
  headers?: Record<string, string>;
  /** The dot path of the fact's value in the response; the whole body when absent. */
  valuePath?: string;
  timeoutMs: number;
  /** How many systems are asked at once. */
  concurrency: number;
};

/** The security readiness backend's settings, with the defaults applied. */
export interface SecurityReadinessConfig {
  /** The validated scorecard: the configured one, or the default 13 checks. */
  scorecard: Scorecard;
  schedules: {
    /** Task `security-readiness-evaluate`. */
    evaluate: SchedulerServiceTaskScheduleDefinition;
    /** Task `security-readiness-maintenance`. */
    maintenance: SchedulerServiceTaskScheduleDefinition;
  };
  facts: {
    /** Facts older than this are deleted, except the newest of each kind. */
    retentionDays: number;
  };
  attestations: {
    /** How many days before an attestation expires its owner is told. */
    remindDaysBefore: number;
  };
  collectors: { http: HttpCollectorConfig[] };
  notifications: { language: NotificationLanguage };
}

/** The id of the task that evaluates every system. */
export const EVALUATE_TASK_ID = 'security-readiness-evaluate';
/** The id of the daily task: retention, reminders, sign-off drops. */
export const MAINTENANCE_TASK_ID = 'security-readiness-maintenance';

/** Defaults of the two tasks. */
export const DEFAULT_SCHEDULES: SecurityReadinessConfig['schedules'] = {
  evaluate: {
    frequency: { hours: 1 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
  },
  maintenance: {
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
  },
};

/** Facts are kept this many days unless configured. */
export const DEFAULT_FACT_RETENTION_DAYS = 400;
/** Owners are told this many days before an attestation expires. */
export const DEFAULT_REMIND_DAYS_BEFORE = 30;

const SLUG = /^[a-z0-9]+(?:[-.:][a-z0-9]+)*$/;
const PLACEHOLDER = /\{([^}]*)\}/g;
const PLACEHOLDERS = ['namespace', 'name', 'repository'];

function wholeNumber(
  config: Config,
  key: string,
  fallback: number,
  min: number,
  label: string = key,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new InputError(
      `${label} must be a whole number ≥ ${min}, got ${value}`,
    );
  }
  return value;
}

function readScorecard(config: Config): Scorecard {
  const configured = config.getOptional('securityReadiness.scorecard');
  const levels = config.getOptional('securityReadiness.levels');
  const input = {
    ...((configured as object | undefined) ?? DEFAULT_SCORECARD),
    ...(levels !== undefined ? { levels } : {}),
  };
  try {
    return validateScorecard(input);
  } catch (error) {
    const key =
      levels !== undefined && /levels/.test((error as Error).message)
        ? 'securityReadiness.levels'
        : 'securityReadiness.scorecard';
    throw new InputError(`Invalid ${key}: ${(error as Error).message}`);
  }
}

function readSchedule(
  config: Config,
  key: 'evaluate' | 'maintenance',
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(
    `securityReadiness.schedule.${key}`,
  );
  if (!schedule) {
    return DEFAULT_SCHEDULES[key];
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(
      `Invalid securityReadiness.schedule.${key}: ${(error as Error).message}`,
    );
  }
}

function readHttpCollector(config: Config, key: string): HttpCollectorConfig {
  const id = config.getString('id');
  if (!SLUG.test(id)) {
    throw new InputError(
      `${key}.id must be lower-case letters, digits and dashes, got ${JSON.stringify(
        id,
      )}`,
    );
  }
  const factType = config.getString('factType');
  if (!SLUG.test(factType)) {
    throw new InputError(
      `${key}.factType must be lower-case letters, digits and dashes, got ${JSON.stringify(
        factType,
      )}`,
    );
  }
  const url = config.getString('url');
  for (const [, name] of url.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDERS.includes(name)) {
      throw new InputError(
        `${key}.url has an unknown placeholder {${name}}; use {namespace}, {name} or {repository}`,
      );
    }
  }
  let protocol: string | undefined;
  try {
    protocol = new URL(url.replace(PLACEHOLDER, 'x')).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InputError(
      `${key}.url must be an http or https URL, got ${JSON.stringify(url)}`,
    );
  }
  const headersConfig = config.getOptionalConfig('headers');
  const headers = headersConfig
    ? Object.fromEntries(
        headersConfig.keys().map(name => [name, headersConfig.getString(name)]),
      )
    : undefined;
  const timeoutMs = wholeNumber(
    config,
    'timeoutMs',
    10_000,
    1,
    `${key}.timeoutMs`,
  );
  const concurrency = wholeNumber(
    config,
    'concurrency',
    4,
    1,
    `${key}.concurrency`,
  );
  return {
    id,
    factType,
    url,
    ...(headers ? { headers } : {}),
    ...(config.has('valuePath')
      ? { valuePath: config.getString('valuePath') }
      : {}),
    timeoutMs,
    concurrency,
  };
}

function readHttpCollectors(config: Config): HttpCollectorConfig[] {
  const list =
    config.getOptionalConfigArray('securityReadiness.collectors.http') ?? [];
  const collectors = list.map((item, index) => {
    const key = `securityReadiness.collectors.http[${index}]`;
    try {
      return readHttpCollector(item, key);
    } catch (error) {
      if (error instanceof InputError) {
        throw error;
      }
      // Config's own messages name the key relative to the item.
      throw new InputError(`Invalid ${key}: ${(error as Error).message}`);
    }
  });
  const seen = new Set<string>();
  for (const collector of collectors) {
    if (seen.has(collector.id)) {
      throw new InputError(
        `securityReadiness.collectors.http has two collectors with id ${collector.id}`,
      );
    }
    seen.add(collector.id);
  }
  return collectors;
}

/**
 * Reads `securityReadiness.*` (see config.d.ts) and applies the defaults; a
 * wrong value, or a wrong check in the scorecard, stops start-up with a
 * message naming it.
 */
export function readSecurityReadinessConfig(
  config: Config,
): SecurityReadinessConfig {
  const language =
    config.getOptionalString('securityReadiness.notifications.language') ??
    'ru';
  if (!['ru', 'kk', 'en'].includes(language)) {
    throw new InputError(
      `securityReadiness.notifications.language must be ru, kk or en, got ${JSON.stringify(
        language,
      )}`,
    );
  }
  return {
    scorecard: readScorecard(config),
    schedules: {
      evaluate: readSchedule(config, 'evaluate'),
      maintenance: readSchedule(config, 'maintenance'),
    },
    facts: {
      retentionDays: wholeNumber(
        config,
        'securityReadiness.facts.retentionDays',
        DEFAULT_FACT_RETENTION_DAYS,
        1,
      ),
    },
    attestations: {
      remindDaysBefore: wholeNumber(
        config,
        'securityReadiness.attestations.remindDaysBefore',
        DEFAULT_REMIND_DAYS_BEFORE,
        1,
      ),
    },
    collectors: { http: readHttpCollectors(config) },
    notifications: { language: language as NotificationLanguage },
  };
}
