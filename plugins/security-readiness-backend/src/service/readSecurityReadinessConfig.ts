import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_SCORECARD,
  isReservedSource,
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
  /**
   * The hosts (`name` or `name:port`, lower case) the collector may call;
   * a filled-in URL on any other host is refused.
   */
  allowedHosts: string[];
};

/**
 * What one static token (`backend.auth.externalAccess`) may report through
 * `POST /facts` (see config.d.ts, `securityReadiness.factSources`).
 */
export type FactSourceBinding = {
  /** The external access subject of the token, e.g. `ci-pipeline`. */
  subject: string;
  /** The `source` its facts must carry, e.g. `ci:gitlab`. */
  source: string;
  /** Owner Group refs (lower case) whose systems it may report on. */
  ownerGroups: string[];
  /** System refs (lower case) it may report on, besides the groups'. */
  systems: string[];
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
    /** How far ahead of the server's clock a pushed fact may be observed. */
    maxClockSkewMs: number;
  };
  /** What each static token may report; tokens not listed may report none. */
  factSources: FactSourceBinding[];
  /**
   * Whether security officers may decide waivers of their own body's
   * systems. Attesting and signing off one's own body's systems is refused
   * whatever this says.
   */
  allowOwnBody: boolean;
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

/** Pushed facts may be this many minutes ahead of the clock unless configured. */
export const DEFAULT_MAX_CLOCK_SKEW_MINUTES = 5;
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

/** `name` or `name:port` of a URL, lower case, as allow-lists hold them. */
export function hostOf(url: URL): string {
  return url.host.toLocaleLowerCase('en-US');
}

function readHttpCollector(
  config: Config,
  key: string,
  allowedHosts: string[] | undefined,
): HttpCollectorConfig {
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
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.replace(PLACEHOLDER, 'x'));
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new InputError(
      `${key}.url must be an http or https URL, got ${JSON.stringify(url)}`,
    );
  }
  // The host is fixed by config: a placeholder there would let a system's
  // record choose where the collector (and its credentials) go.
  const authority = url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0];
  if (/\{[^}]*\}/.test(authority)) {
    throw new InputError(
      `${key}.url may not have a placeholder in its host, got ${JSON.stringify(
        url,
      )}`,
    );
  }
  const hosts = allowedHosts ?? [hostOf(parsed!)];
  if (!hosts.includes(hostOf(parsed!))) {
    throw new InputError(
      `${key}.url is on ${hostOf(
        parsed!,
      )}, which securityReadiness.collectors.allowedHosts does not list`,
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
    allowedHosts: hosts,
  };
}

function readHttpCollectors(config: Config): HttpCollectorConfig[] {
  const list =
    config.getOptionalConfigArray('securityReadiness.collectors.http') ?? [];
  const allowed = config
    .getOptionalStringArray('securityReadiness.collectors.allowedHosts')
    ?.map(host => host.trim().toLocaleLowerCase('en-US'));
  const collectors = list.map((item, index) => {
    const key = `securityReadiness.collectors.http[${index}]`;
    try {
      return readHttpCollector(item, key, allowed);
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

function refList(
  config: Config,
  key: string,
  label: string,
  kind: 'group' | 'system',
): string[] {
  return (config.getOptionalStringArray(key) ?? []).map(value => {
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: kind,
          defaultNamespace: 'default',
        }),
      );
    } catch {
      throw new InputError(
        `${label} has an entity ref that is not one: ${value}`,
      );
    }
    if (!ref.startsWith(`${kind}:`)) {
      throw new InputError(`${label} must list ${kind} refs, got ${value}`);
    }
    return ref.toLocaleLowerCase('en-US');
  });
}

function readFactSources(config: Config): FactSourceBinding[] {
  const list =
    config.getOptionalConfigArray('securityReadiness.factSources') ?? [];
  const bindings = list.map((item, index) => {
    const key = `securityReadiness.factSources[${index}]`;
    const subject = item.getString('subject');
    const source = item.getString('source');
    if (!SLUG.test(source) || isReservedSource(source)) {
      throw new InputError(
        `${key}.source must be a slug such as ci:gitlab, and not a collector's (entity, http:*), got ${JSON.stringify(
          source,
        )}`,
      );
    }
    const binding: FactSourceBinding = {
      subject,
      source,
      ownerGroups: refList(item, 'ownerGroups', `${key}.ownerGroups`, 'group'),
      systems: refList(item, 'systems', `${key}.systems`, 'system'),
    };
    if (binding.ownerGroups.length + binding.systems.length === 0) {
      throw new InputError(
        `${key} must name ownerGroups or systems the token may report on`,
      );
    }
    return binding;
  });
  const seen = new Set<string>();
  for (const binding of bindings) {
    if (seen.has(binding.subject)) {
      throw new InputError(
        `securityReadiness.factSources binds subject ${binding.subject} twice`,
      );
    }
    seen.add(binding.subject);
  }
  return bindings;
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
      maxClockSkewMs:
        wholeNumber(
          config,
          'securityReadiness.facts.maxClockSkewMinutes',
          DEFAULT_MAX_CLOCK_SKEW_MINUTES,
          0,
        ) * 60_000,
    },
    factSources: readFactSources(config),
    allowOwnBody:
      config.getOptionalBoolean('securityReadiness.allowOwnBody') ?? false,
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
