import { RuleOutcome, roundScore } from './outcome';
import {
  FactRuleId,
  FactRuleParams,
  JsonValue,
  SEVERITIES,
  Severity,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How many days a finding may stay open, by severity: high 30, moderate 90,
 * low 180 as in FedRAMP continuous monitoring; critical as high.
 *
 * @public
 */
export const DEFAULT_FINDING_LIMITS_DAYS: Record<Severity, number> = {
  critical: 30,
  high: 30,
  medium: 90,
  low: 180,
};

/** Points taken from 10 for each overdue finding. @public */
export const DEFAULT_FINDING_PENALTIES: Record<Severity, number> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
};

/** Points taken from 10 for each known vulnerability. @public */
export const DEFAULT_VULNERABILITY_PENALTIES: Record<Severity, number> = {
  critical: 10,
  high: 5,
  medium: 0,
  low: 0,
};

type JsonObject = { [key: string]: JsonValue };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(rule: FactRuleId, what: string): RuleOutcome {
  return {
    reason: { code: 'fact-malformed', values: { rule, problem: what } },
    summary: `The fact cannot be read by rule ${rule}: ${what}.`,
  };
}

function severityOf(value: unknown): Severity | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const s = value.trim().toLowerCase();
  // FedRAMP says "moderate" where scanners say "medium".
  if (s === 'moderate') {
    return 'medium';
  }
  return (SEVERITIES as readonly string[]).includes(s)
    ? (s as Severity)
    : undefined;
}

const CLOSED_STATUSES = ['closed', 'fixed', 'resolved', 'done'];

/** Counts of open and overdue findings by severity. @public */
export type FindingCounts = {
  open: Record<Severity, number>;
  overdue: Record<Severity, number>;
};

const zeroCounts = (): Record<Severity, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
});

/**
 * Counts the open and overdue findings of a `findings` fact, whose value is
 * `{ findings: [{ severity, openedAt, closedAt?, status? }] }` (or the array
 * itself). A finding is overdue when it has been open longer than its
 * severity's limit; closed findings and informational ones do not count.
 * Returns `undefined` when the value has another shape.
 *
 * @public
 */
export function countFindings(
  value: JsonValue,
  now: Date,
  limitsDays: Partial<Record<Severity, number>> = {},
): FindingCounts | undefined {
  let list: JsonValue[] | undefined;
  if (Array.isArray(value)) {
    list = value;
  } else if (isObject(value) && Array.isArray(value.findings)) {
    list = value.findings;
  }
  if (!list) {
    return undefined;
  }
  const limits = { ...DEFAULT_FINDING_LIMITS_DAYS, ...limitsDays };
  const counts: FindingCounts = { open: zeroCounts(), overdue: zeroCounts() };
  for (const finding of list) {
    if (!isObject(finding)) {
      return undefined;
    }
    const severity = severityOf(finding.severity);
    const closed =
      typeof finding.closedAt === 'string' ||
      (typeof finding.status === 'string' &&
        CLOSED_STATUSES.includes(finding.status.toLowerCase()));
    if (!severity || closed) {
      continue;
    }
    const openedAt =
      typeof finding.openedAt === 'string' ? Date.parse(finding.openedAt) : NaN;
    if (Number.isNaN(openedAt)) {
      return undefined;
    }
    counts.open[severity] += 1;
    if (now.getTime() - openedAt > limits[severity] * DAY_MS) {
      counts.overdue[severity] += 1;
    }
  }
  return counts;
}

function penalise(
  counts: Record<Severity, number>,
  penalties: Record<Severity, number>,
): number {
  return roundScore(
    10 - SEVERITIES.reduce((sum, s) => sum + counts[s] * penalties[s], 0),
  );
}

function overdueFindings(
  value: JsonValue,
  params: FactRuleParams,
  now: Date,
): RuleOutcome {
  const counts = countFindings(value, now, params.limitsDays);
  if (!counts) {
    return malformed(
      'overdue-findings',
      'expected { findings: [{ severity, openedAt }] }',
    );
  }
  const penalties = { ...DEFAULT_FINDING_PENALTIES, ...params.penalties };
  const overdue = SEVERITIES.reduce((n, s) => n + counts.overdue[s], 0);
  const open = SEVERITIES.reduce((n, s) => n + counts.open[s], 0);
  if (overdue === 0) {
    return {
      score: 10,
      reason: { code: 'findings-none-overdue', values: { open } },
      summary: `${open} open findings, none overdue.`,
    };
  }
  const parts = SEVERITIES.filter(s => counts.overdue[s] > 0).map(
    s => `${s} ${counts.overdue[s]}`,
  );
  return {
    score: penalise(counts.overdue, penalties),
    reason: {
      code: 'findings-overdue',
      values: { open, overdue, ...counts.overdue },
    },
    summary: `${overdue} of ${open} open findings are overdue (${parts.join(
      ', ',
    )}).`,
  };
}

function openssfChecks(value: JsonValue, params: FactRuleParams): RuleOutcome {
  if (!isObject(value)) {
    return malformed('openssf-checks', 'expected an OpenSSF Scorecard result');
  }
  const wanted = params.checks ?? [];
  if (wanted.length === 0) {
    // No checks named: the aggregate score of the whole result.
    if (typeof value.score !== 'number') {
      return malformed('openssf-checks', 'expected a numeric score');
    }
    const score = roundScore(value.score);
    return {
      score,
      reason: {
        code: 'openssf-checks',
        values: { checks: 'aggregate', score },
      },
      summary: `OpenSSF Scorecard aggregate ${score}/10.`,
    };
  }
  if (!Array.isArray(value.checks)) {
    return malformed('openssf-checks', 'expected checks: [{ name, score }]');
  }
  const byName = new Map<string, number>();
  for (const check of value.checks) {
    if (
      isObject(check) &&
      typeof check.name === 'string' &&
      typeof check.score === 'number'
    ) {
      byName.set(check.name.toLowerCase(), check.score);
    }
  }
  // OpenSSF reports -1 when a check is inconclusive (e.g. no permission to
  // read branch protection): it is left out rather than counted as 0.
  const scored = wanted
    .map(name => ({ name, score: byName.get(name.toLowerCase()) }))
    .filter(
      (c): c is { name: string; score: number } =>
        typeof c.score === 'number' && c.score >= 0,
    );
  if (scored.length === 0) {
    return {
      reason: {
        code: 'openssf-checks-inconclusive',
        values: { checks: wanted.join(', ') },
      },
      summary: `OpenSSF Scorecard has no conclusive result for ${wanted.join(
        ', ',
      )}.`,
    };
  }
  const scores = scored.map(c => Math.min(10, c.score));
  const score = roundScore(
    params.aggregate === 'min'
      ? Math.min(...scores)
      : scores.reduce((a, b) => a + b, 0) / scores.length,
  );
  const detail = scored.map(c => `${c.name} ${c.score}/10`).join(', ');
  return {
    score,
    reason: { code: 'openssf-checks', values: { checks: detail, score } },
    summary: `OpenSSF Scorecard: ${detail}.`,
  };
}

function vulnerabilityCounts(
  value: JsonValue,
  params: FactRuleParams,
): RuleOutcome {
  if (!isObject(value)) {
    return malformed(
      'vulnerability-counts',
      'expected { critical, high, medium, low }',
    );
  }
  const counts = zeroCounts();
  for (const s of SEVERITIES) {
    const n = value[s];
    if (n === undefined) {
      continue;
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      return malformed('vulnerability-counts', `${s} must be a count`);
    }
    counts[s] = n;
  }
  const penalties = { ...DEFAULT_VULNERABILITY_PENALTIES, ...params.penalties };
  const score = penalise(counts, penalties);
  const counted = SEVERITIES.filter(s => penalties[s] > 0 && counts[s] > 0);
  if (counted.length === 0) {
    return {
      score,
      reason: { code: 'vulnerabilities-none', values: { ...counts } },
      summary: 'No known vulnerabilities of a counted severity.',
    };
  }
  return {
    score,
    reason: { code: 'vulnerabilities-found', values: { ...counts } },
    summary: `Known vulnerabilities: ${counted
      .map(s => `${s} ${counts[s]}`)
      .join(', ')}.`,
  };
}

function booleanFields(value: JsonValue, params: FactRuleParams): RuleOutcome {
  const fields = params.fields ?? [];
  if (!isObject(value) || fields.length === 0) {
    return malformed('boolean-fields', 'expected an object of true/false');
  }
  const failed = fields.filter(f => valueAt(value, f) !== true);
  const passed = fields.length - failed.length;
  return {
    score: roundScore((10 * passed) / fields.length),
    reason: {
      code: 'fields-true',
      values: { passed, total: fields.length, failed: failed.join(', ') },
    },
    summary:
      failed.length === 0
        ? `All of ${fields.join(', ')} hold.`
        : `Not holding: ${failed.join(', ')}.`,
  };
}

function valueAt(value: JsonValue, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const key of path.split('.')) {
    if (!isObject(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

function threshold(value: JsonValue, params: FactRuleParams): RuleOutcome {
  const { pass, fail } = params;
  const v = params.path ? valueAt(value, params.path) : value;
  if (typeof v !== 'number' || pass === undefined || fail === undefined) {
    return malformed(
      'threshold',
      `expected a number${params.path ? ` at ${params.path}` : ''}`,
    );
  }
  // Works both ways: higher is better when pass > fail, lower when pass < fail.
  let score = v === pass ? 10 : 0;
  if (pass !== fail) {
    score = (10 * (v - fail)) / (pass - fail);
  }
  return {
    score: roundScore(score),
    reason: { code: 'threshold', values: { value: v, pass, fail } },
    summary: `${params.path ?? 'value'} is ${v} (10 at ${pass}, 0 at ${fail}).`,
  };
}

/**
 * Applies a built-in fact rule to the value of a fact.
 *
 * - `overdue-findings`: `{ findings: [{ severity, openedAt, closedAt? }] }`;
 *   10 less the penalty of each overdue finding (see
 *   {@link countFindings}).
 * - `openssf-checks`: an OpenSSF Scorecard result `{ score, checks: [{ name,
 *   score }] }`; the mean (or minimum) of the named checks, inconclusive
 *   (-1) ones left out; the aggregate score when no checks are named.
 * - `vulnerability-counts`: `{ critical, high, medium, low }`; 10 less the
 *   penalty of each vulnerability (critical 10, high 5 by default).
 * - `boolean-fields`: the share of the named fields that are `true`.
 * - `threshold`: the number at `path`, 10 at `pass` and 0 at `fail`, linear
 *   between.
 *
 * A value of another shape gives no score (reason `fact-malformed`).
 *
 * @public
 */
export function evaluateFactRule(
  rule: FactRuleId,
  value: JsonValue,
  params: FactRuleParams = {},
  now: Date = new Date(),
): RuleOutcome {
  switch (rule) {
    case 'overdue-findings':
      return overdueFindings(value, params, now);
    case 'openssf-checks':
      return openssfChecks(value, params);
    case 'vulnerability-counts':
      return vulnerabilityCounts(value, params);
    case 'boolean-fields':
      return booleanFields(value, params);
    case 'threshold':
      return threshold(value, params);
    default:
      throw new Error(`Unknown security-readiness fact rule '${rule}'`);
  }
}
