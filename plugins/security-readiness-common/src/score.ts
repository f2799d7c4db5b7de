import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import { isApplicable } from './applicability';
import { attestationScore, effectiveAttestationExpiry } from './attestations';
import { evaluateEntityRule, evaluateGate, GateOutcome } from './entityRules';
import { evaluateFactRule } from './factRules';
import { levelForScore } from './levels';
import { isTrustedSource, trustedSourcesOf } from './sources';
import { RuleOutcome, roundScore, statusFromScore } from './outcome';
import {
  Attestation,
  CheckDefinition,
  CheckEvidence,
  CheckResult,
  EntityRuleParams,
  Fact,
  FactRuleRef,
  GateRuleId,
  RELEASE_VERSION_ANNOTATION,
  Scorecard,
  ScorecardResult,
  Waiver,
} from './types';
import { isWaiverActive } from './waivers';

/** How old a fact may be unless the scorecard or check says. @public */
export const DEFAULT_FACT_MAX_AGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What {@link evaluateScorecard} needs. @public */
export type EvaluateScorecardOptions = {
  entity: StateInformationSystemEntity;
  scorecard: Scorecard;
  /** The system's facts; older versions may be included, the latest counts. */
  facts?: Fact[];
  attestations?: Attestation[];
  waivers?: Waiver[];
  now: Date;
  /**
   * A SHA-256 (or other) digest of a string. When given, the result carries
   * `inputsHash`, the digest of {@link canonicalJson} of
   * {@link canonicalInputs}. The backend passes node:crypto; this package
   * stays free of it so that it also runs in the browser.
   */
  hash?: (canonical: string) => string;
};

/**
 * The entity ref of a System, lower-cased: `system:<namespace>/<name>`.
 *
 * @public
 */
export function systemRefOf(entity: StateInformationSystemEntity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `system:${namespace}/${entity.metadata.name}`.toLocaleLowerCase(
    'en-US',
  );
}

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * The latest fact of a type for a system, if any, among the facts from a
 * trusted source: `source` is one exact source name, or a list of
 * trusted-source patterns (see {@link sourceMatches}); any source when
 * absent.
 *
 * @public
 */
export function latestFact(
  facts: readonly Fact[],
  systemRef: string,
  factType: string,
  source?: string | readonly string[],
): Fact | undefined {
  const trusted = typeof source === 'string' ? [source] : source;
  let latest: Fact | undefined;
  for (const fact of facts) {
    if (
      fact.type === factType &&
      sameRef(fact.systemRef, systemRef) &&
      isTrustedSource(trusted, fact.source) &&
      (!latest || Date.parse(fact.observedAt) > Date.parse(latest.observedAt))
    ) {
      latest = fact;
    }
  }
  return latest;
}

/** The latest attestation of a check for a system, if any. @public */
export function latestAttestation(
  attestations: readonly Attestation[],
  systemRef: string,
  checkId: string,
): Attestation | undefined {
  let latest: Attestation | undefined;
  for (const a of attestations) {
    if (
      a.checkId === checkId &&
      sameRef(a.systemRef, systemRef) &&
      (!latest || Date.parse(a.attestedAt) > Date.parse(latest.attestedAt))
    ) {
      latest = a;
    }
  }
  return latest;
}

type Outcome = RuleOutcome & {
  evidence?: Omit<CheckEvidence, 'summary'>;
  expiresAt?: string;
  /** When the evidence was produced, to prefer the more recent. */
  at?: number;
};

type Context = {
  entity: StateInformationSystemEntity;
  systemRef: string;
  scorecard: Scorecard;
  facts: readonly Fact[];
  attestations: readonly Attestation[];
  now: Date;
};

function factOutcome(
  ref: FactRuleRef,
  maxAgeDays: number | undefined,
  ctx: Context,
): Outcome {
  const fact = latestFact(
    ctx.facts,
    ctx.systemRef,
    ref.factType,
    trustedSourcesOf(ref),
  );
  if (!fact) {
    return {
      reason: { code: 'no-data', values: { factType: ref.factType } },
      summary: `No ${ref.factType} data has been collected.`,
    };
  }
  const evidence = {
    facts: [
      { type: fact.type, source: fact.source, observedAt: fact.observedAt },
    ],
  };
  const maxAge =
    maxAgeDays ?? ctx.scorecard.factMaxAgeDays ?? DEFAULT_FACT_MAX_AGE_DAYS;
  const observedAt = Date.parse(fact.observedAt);
  if (!(ctx.now.getTime() - observedAt <= maxAge * DAY_MS)) {
    return {
      reason: {
        code: 'facts-stale',
        values: { factType: ref.factType, observedAt: fact.observedAt, maxAge },
      },
      summary: `The latest ${ref.factType} data (${fact.observedAt}) is older than ${maxAge} days.`,
      evidence,
    };
  }
  return {
    ...evaluateFactRule(ref.rule, fact.value, ref.params, ctx.now),
    evidence,
    at: observedAt,
  };
}

function attestationOutcome(check: CheckDefinition, ctx: Context): Outcome {
  const attestation = latestAttestation(
    ctx.attestations,
    ctx.systemRef,
    check.id,
  );
  if (!attestation) {
    return {
      reason: { code: 'attestation-missing' },
      summary: 'No security officer has attested this check.',
    };
  }
  const expiresAt = effectiveAttestationExpiry(
    check,
    attestation,
    ctx.scorecard,
  );
  const evidence = {
    attestationId: attestation.id,
    url: attestation.evidence?.url,
    sha256: attestation.evidence?.sha256,
  };
  if (!(Date.parse(expiresAt) > ctx.now.getTime())) {
    return {
      reason: { code: 'attestation-expired', values: { expiresAt } },
      summary: `The attestation by ${attestation.attestedBy} expired on ${expiresAt}.`,
      evidence,
      expiresAt,
    };
  }
  const score = attestationScore(attestation.result);
  return {
    score,
    reason: {
      code: 'attested',
      values: {
        attestedBy: attestation.attestedBy,
        attestedAt: attestation.attestedAt,
        result: String(attestation.result),
      },
    },
    summary: `Attested ${attestation.result} by ${attestation.attestedBy} on ${attestation.attestedAt}.`,
    evidence,
    expiresAt,
    at: Date.parse(attestation.attestedAt),
  };
}

function factsOutcome(
  refs: FactRuleRef[],
  maxAgeDays: number | undefined,
  ctx: Context,
): Outcome {
  const parts = refs.map(ref => factOutcome(ref, maxAgeDays, ctx));
  if (parts.length === 1) {
    return parts[0];
  }
  // Each part must hold: the check scores its weakest part, a part without
  // data counting as 0 (and then the check is unknown).
  const weakest = parts.reduce((worst, part) =>
    (part.score ?? -1) < (worst.score ?? -1) ? part : worst,
  );
  return {
    ...weakest,
    summary: parts.map(p => p.summary).join(' '),
    evidence: { facts: parts.flatMap(p => p.evidence?.facts ?? []) },
  };
}

function evaluateCheck(check: CheckDefinition, ctx: Context): Outcome {
  const evaluation = check.evaluation;
  switch (evaluation.kind) {
    case 'entity':
      return evaluateEntityRule(evaluation.rule, ctx.entity, evaluation.params);
    case 'facts': {
      const { also, maxAgeDays, factType, rule, params, source, sources } =
        evaluation;
      return factsOutcome(
        [{ factType, rule, params, source, sources }, ...(also ?? [])],
        maxAgeDays,
        ctx,
      );
    }
    case 'attestation':
      return attestationOutcome(check, ctx);
    case 'entity+attestation': {
      const entity = evaluateEntityRule(
        evaluation.rule,
        ctx.entity,
        evaluation.params,
      );
      if (!entity.needsAttestation) {
        return entity;
      }
      const attested = attestationOutcome(check, ctx);
      // Without an attestation, the entity rule's reason says what is
      // needed (e.g. an attestation that the data centre is approved).
      return attested.reason.code === 'attestation-missing'
        ? { ...entity, summary: `${entity.summary} ${attested.summary}` }
        : attested;
    }
    case 'facts-or-attestation': {
      const fact = factOutcome(evaluation.fact, evaluation.maxAgeDays, ctx);
      const attested = attestationOutcome(check, ctx);
      if (fact.score !== undefined && attested.score !== undefined) {
        // An attestation may lower a check, never lift it above failing
        // automatic facts: that is what a (two-person) waiver is for.
        if (fact.score < 10 && attested.score > fact.score) {
          return {
            ...fact,
            summary: `${fact.summary} The attestation by ${attested.reason.values?.attestedBy} does not overrule failing automatic facts; a waiver does.`,
          };
        }
        return (fact.at ?? 0) >= (attested.at ?? 0) ? fact : attested;
      }
      if (fact.score !== undefined) {
        return fact;
      }
      if (attested.score !== undefined) {
        return attested;
      }
      return attested.reason.code === 'attestation-expired' ? attested : fact;
    }
    default:
      throw new Error(
        `security-readiness check '${
          (check as CheckDefinition).id
        }': unknown evaluation kind`,
      );
  }
}

/**
 * What a check's automatic facts alone show for a system now: the outcome
 * of its fact rules over the latest fresh facts from trusted sources, or
 * `undefined` when the check has no fact rules. The backend asks this
 * before accepting an attestation, so that an attestation cannot turn
 * failing facts into a pass.
 *
 * @public
 */
export function automaticFactOutcome(options: {
  check: CheckDefinition;
  entity: StateInformationSystemEntity;
  scorecard: Scorecard;
  facts: readonly Fact[];
  now: Date;
}): RuleOutcome | undefined {
  const { check, entity, scorecard, facts, now } = options;
  const ctx: Context = {
    entity,
    systemRef: systemRefOf(entity),
    scorecard,
    facts,
    attestations: [],
    now,
  };
  const evaluation = check.evaluation;
  if (evaluation.kind === 'facts') {
    const { also, maxAgeDays, factType, rule, params, source, sources } =
      evaluation;
    return factsOutcome(
      [{ factType, rule, params, source, sources }, ...(also ?? [])],
      maxAgeDays,
      ctx,
    );
  }
  if (evaluation.kind === 'facts-or-attestation') {
    return factOutcome(evaluation.fact, evaluation.maxAgeDays, ctx);
  }
  return undefined;
}

function entityParams(check: CheckDefinition): EntityRuleParams | undefined {
  const e = check.evaluation;
  return e.kind === 'entity' || e.kind === 'entity+attestation'
    ? e.params
    : undefined;
}

/**
 * Evaluates a system's scorecard.
 *
 * - A check that does not apply (see {@link isApplicable}) is
 *   `not-applicable` and leaves the score.
 * - A check with a granted, unexpired waiver is `waived` and leaves the
 *   score; its hard gate still holds (waivers never override the law).
 * - Every other check scores 0–10. One without data (no fact, a stale fact,
 *   no attestation, an expired attestation) is `unknown` and scores 0: a
 *   check nobody can show to pass does not pass.
 * - The score is the mean of the check scores weighted by their weights,
 *   multiplied by `criticalWeightFactor` for critical systems, rounded to
 *   one decimal; `null` when no check counts.
 * - The level follows the scorecard's thresholds; a failed hard gate of an
 *   applicable check makes it `not-ready` whatever the score.
 *
 * Pure and deterministic: the same inputs and `now` give the same result.
 *
 * @public
 */
export function evaluateScorecard(
  options: EvaluateScorecardOptions,
): ScorecardResult {
  const { entity, scorecard, now } = options;
  const systemRef = systemRefOf(entity);
  const ctx: Context = {
    entity,
    systemRef,
    scorecard,
    facts: options.facts ?? [],
    attestations: options.attestations ?? [],
    now,
  };
  const waivers = (options.waivers ?? []).filter(
    w => sameRef(w.systemRef, systemRef) && isWaiverActive(w, now),
  );
  const registry = entity.spec.registry;
  const critical = Boolean(registry?.classification?.critical);
  const gatesFailed: GateRuleId[] = [];
  let weighted = 0;
  let totalWeight = 0;

  const checks = scorecard.checks.map((check): CheckResult => {
    if (!registry || !isApplicable(check.applicability, registry)) {
      return {
        checkId: check.id,
        area: check.area,
        applicable: false,
        status: 'not-applicable',
        score: null,
        weight: 0,
        reason: { code: 'not-applicable' },
        evidence: { summary: 'The check does not apply to this system.' },
      };
    }
    let gate: GateOutcome | undefined;
    if (check.hardGate) {
      gate = evaluateGate(check.hardGate, entity, entityParams(check));
      if (gate.failed && !gatesFailed.includes(gate.rule)) {
        gatesFailed.push(gate.rule);
      }
    }
    const gateResult = gate && {
      gate: { rule: gate.rule, failed: gate.failed },
    };
    const waiver = waivers
      .filter(w => w.checkId === check.id)
      .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
    if (waiver) {
      return {
        checkId: check.id,
        area: check.area,
        applicable: true,
        status: 'waived',
        score: null,
        weight: 0,
        reason: { code: 'waived', values: { expiresAt: waiver.expiresAt } },
        evidence: {
          summary: `Waived until ${waiver.expiresAt}: ${waiver.justification}`,
        },
        expiresAt: waiver.expiresAt,
        waiverId: waiver.id,
        ...gateResult,
      };
    }
    const weight =
      check.weight * (critical ? check.criticalWeightFactor ?? 1 : 1);
    const outcome = evaluateCheck(check, ctx);
    const known = outcome.score !== undefined;
    const score = known ? roundScore(outcome.score!) : 0;
    weighted += weight * score;
    totalWeight += weight;
    const summary = gate?.failed
      ? `${outcome.summary} ${gate.summary}`
      : outcome.summary;
    return {
      checkId: check.id,
      area: check.area,
      applicable: true,
      status: known ? statusFromScore(score) : 'unknown',
      score,
      weight,
      reason: outcome.reason,
      evidence: { summary, ...withoutUndefined(outcome.evidence) },
      ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}),
      ...gateResult,
    };
  });

  const score = totalWeight > 0 ? roundScore(weighted / totalWeight) : null;
  const result: ScorecardResult = {
    systemRef,
    score,
    level:
      gatesFailed.length > 0
        ? 'not-ready'
        : levelForScore(score, scorecard.levels),
    gatesFailed,
    checks,
    evaluatedAt: now.toISOString(),
  };
  if (options.hash) {
    result.inputsHash = options.hash(canonicalJson(canonicalInputs(options)));
  }
  return result;
}

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

// Code-unit order, as canonical JSON needs (not the locale's).
function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * JSON with object keys sorted and `undefined` members left out, so that
 * equal values always give the same text.
 *
 * @public
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value
      .map(v => (v === undefined ? 'null' : canonicalJson(v)))
      .join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => compareStrings(a, b));
  return `{${entries
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
    .join(',')}}`;
}

function factRefs(check: CheckDefinition): FactRuleRef[] {
  const e = check.evaluation;
  if (e.kind === 'facts') {
    return [e, ...(e.also ?? [])];
  }
  return e.kind === 'facts-or-attestation' ? [e.fact] : [];
}

/**
 * The inputs a system's result depends on, as one plain value to hash: the
 * entity's release version and register record, the scorecard, the facts
 * the checks read (only the latest of each), and the system's attestations
 * and waivers. `now` is left out, so the hash says "same evidence"; a result
 * can still change with time alone, as attestations and waivers expire.
 *
 * @public
 */
export function canonicalInputs(
  options: Omit<EvaluateScorecardOptions, 'now' | 'hash'>,
): unknown {
  const { entity, scorecard } = options;
  const systemRef = systemRefOf(entity);
  const facts = new Map<string, Fact>();
  for (const ref of scorecard.checks.flatMap(factRefs)) {
    const fact = latestFact(
      options.facts ?? [],
      systemRef,
      ref.factType,
      trustedSourcesOf(ref),
    );
    if (fact) {
      facts.set(
        `${fact.type}\u0000${fact.source}\u0000${fact.observedAt}`,
        fact,
      );
    }
  }
  const byId = <T extends { id: string; systemRef: string }>(list: T[]) =>
    list
      .filter(item => sameRef(item.systemRef, systemRef))
      .sort((a, b) => compareStrings(a.id, b.id));
  return {
    systemRef,
    entity: {
      releaseVersion:
        entity.metadata.annotations?.[RELEASE_VERSION_ANNOTATION] ?? null,
      registry: entity.spec.registry,
    },
    scorecard,
    facts: [...facts.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, fact]) => ({
        type: fact.type,
        source: fact.source,
        observedAt: fact.observedAt,
        value: fact.value,
      })),
    attestations: byId(options.attestations ?? []),
    waivers: byId(options.waivers ?? []),
  };
}
