import {
  DATA_CATEGORIES,
  HOSTING_KINDS,
  LIFECYCLE_STAGES,
} from '@qaztech/plugin-registry-common';
import { z } from 'zod';
import { DEFAULT_ATTESTATION_VALIDITY_MONTHS } from './attestations';
import { DEFAULT_LEVELS } from './levels';
import { DEFAULT_FACT_MAX_AGE_DAYS } from './score';
import {
  CHECK_AREAS,
  CheckDefinition,
  ENTITY_RULES,
  FACT_RULES,
  GATE_RULES,
  Scorecard,
  SEVERITIES,
  VERSION_MATCHES,
} from './types';

const oneOf = (values: readonly string[]) =>
  `must be one of ${values.join(', ')}`;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: oneOf(values) });

const positive = z
  .number({ message: 'must be a positive number' })
  .finite({ message: 'must be a positive number' })
  .positive({ message: 'must be a positive number' });

const positiveInt = z
  .number({ message: 'must be a positive whole number' })
  .int({ message: 'must be a positive whole number' })
  .positive({ message: 'must be a positive whole number' });

const text = z
  .string({ message: 'must be a text' })
  .trim()
  .min(1, { message: 'must not be empty' });

const localized = z.object({ ru: text, kk: text, en: text }).strict();

const nonEmptyList = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item, { message: 'must be a list' }).min(1, {
    message: 'must not be empty',
  });

const applicabilitySchema = z
  .object({
    lifecycleStages: nonEmptyList(enumOf(LIFECYCLE_STAGES)).optional(),
    critical: z.boolean({ message: 'must be true or false' }).optional(),
    dataCategoriesAny: nonEmptyList(enumOf(DATA_CATEGORIES)).optional(),
    onPlatform: z.boolean({ message: 'must be true or false' }).optional(),
    hostingKinds: nonEmptyList(enumOf(HOSTING_KINDS)).optional(),
  })
  .strict();

const severityNumbers = z
  .object(
    Object.fromEntries(
      SEVERITIES.map(s => [
        s,
        z
          .number({ message: 'must be a number' })
          .min(0, {
            message: 'must be 0 or more',
          })
          .optional(),
      ]),
    ),
  )
  .strict();

const factRuleParams = z
  .object({
    limitsDays: severityNumbers.optional(),
    penalties: severityNumbers.optional(),
    checks: nonEmptyList(text).optional(),
    aggregate: enumOf(['mean', 'min'] as const).optional(),
    fields: nonEmptyList(text).optional(),
    path: text.optional(),
    pass: z.number({ message: 'must be a number' }).optional(),
    fail: z.number({ message: 'must be a number' }).optional(),
  })
  .strict();

const factRuleFields = {
  factType: text,
  rule: enumOf(FACT_RULES),
  params: factRuleParams.optional(),
  source: text.optional(),
  sources: nonEmptyList(text).optional(),
};

type FactRuleShape = {
  rule: string;
  params?: { fields?: unknown; pass?: unknown; fail?: unknown };
};

// The parameters a rule cannot work without.
function checkFactParams(ref: FactRuleShape, ctx: z.RefinementCtx) {
  if (ref.rule === 'boolean-fields' && !ref.params?.fields) {
    ctx.addIssue({
      code: 'custom',
      path: ['params', 'fields'],
      message: 'is required by rule boolean-fields',
    });
  }
  if (ref.rule === 'threshold') {
    for (const key of ['pass', 'fail'] as const) {
      if (ref.params?.[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['params', key],
          message: 'is required by rule threshold',
        });
      }
    }
  }
}

const factRuleRef = z
  .object(factRuleFields)
  .strict()
  .superRefine(checkFactParams);

const entityRuleParams = z
  .object({
    versionMatch: enumOf(VERSION_MATCHES).optional(),
    requireReleaseVersion: z
      .boolean({ message: 'must be true or false' })
      .optional(),
    personalCategories: nonEmptyList(enumOf(DATA_CATEGORIES)).optional(),
  })
  .strict();

const EVALUATION_KINDS = [
  'entity',
  'facts',
  'attestation',
  'entity+attestation',
  'facts-or-attestation',
] as const;

const evaluationSchemas = {
  entity: z
    .object({
      kind: z.literal('entity'),
      rule: enumOf(ENTITY_RULES),
      params: entityRuleParams.optional(),
    })
    .strict(),
  facts: z
    .object({
      kind: z.literal('facts'),
      ...factRuleFields,
      also: z.array(factRuleRef, { message: 'must be a list' }).optional(),
      maxAgeDays: positive.optional(),
    })
    .strict()
    .superRefine(checkFactParams),
  attestation: z
    .object({
      kind: z.literal('attestation'),
      validityMonths: positiveInt.optional(),
      fromPerformedOn: z
        .boolean({ message: 'must be true or false' })
        .optional(),
    })
    .strict(),
  'entity+attestation': z
    .object({
      kind: z.literal('entity+attestation'),
      rule: enumOf(ENTITY_RULES),
      params: entityRuleParams.optional(),
      validityMonths: positiveInt.optional(),
    })
    .strict(),
  'facts-or-attestation': z
    .object({
      kind: z.literal('facts-or-attestation'),
      fact: factRuleRef,
      maxAgeDays: positive.optional(),
      validityMonths: positiveInt.optional(),
    })
    .strict(),
};

const checkSchema = z
  .object({
    id: z.string(),
    area: enumOf(CHECK_AREAS),
    title: localized,
    remediation: localized,
    weight: positive,
    criticalWeightFactor: positive.optional(),
    applicability: applicabilitySchema.optional(),
    // Checked separately, by kind, so that errors name the right fields.
    evaluation: z.unknown().optional(),
    hardGate: z
      .object({
        rule: enumOf(GATE_RULES),
        lifecycleStages: nonEmptyList(enumOf(LIFECYCLE_STAGES)).optional(),
        personalCategories: nonEmptyList(enumOf(DATA_CATEGORIES)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const level = z
  .number({ message: 'must be a number from 0 to 10' })
  .min(0, { message: 'must be a number from 0 to 10' })
  .max(10, { message: 'must be a number from 0 to 10' });

const scorecardSchema = z
  .object({
    checks: z.array(z.unknown(), { message: 'must be a list' }).min(1, {
      message: 'must list at least one check',
    }),
    levels: z.object({ ready: level, conditional: level }).strict().optional(),
    attestationValidityMonths: positiveInt.optional(),
    factMaxAgeDays: positive.optional(),
  })
  .strict();

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    input,
  );
}

function describe(issues: Issue[], input: unknown, prefix: string[] = []) {
  return issues
    .map(issue => {
      const path = [...prefix, ...issue.path.map(String)];
      const field = path.join('.');
      if (issue.code === 'unrecognized_keys' && issue.keys) {
        const where = field ? `${field} ` : '';
        return `${where}has unknown field${
          issue.keys.length > 1 ? 's' : ''
        } ${issue.keys.join(', ')}`;
      }
      const missing =
        issue.code !== 'custom' &&
        issue.path.length > 0 &&
        valueAt(input, issue.path) === undefined;
      const message = missing ? 'is required' : issue.message;
      return field ? `${field} ${message}` : message;
    })
    .join('; ');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parseCheck(input: unknown, index: number): CheckDefinition {
  const rawId = valueAt(input, ['id']);
  const name =
    typeof rawId === 'string' && rawId.trim() !== ''
      ? `'${rawId}'`
      : `#${index + 1}`;
  const fail = (message: string): never => {
    throw new Error(`security-readiness check ${name}: ${message}`);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('must be an object');
  }
  if (typeof rawId !== 'string' || !SLUG.test(rawId)) {
    fail('id must be lower-case letters, digits and dashes, e.g. test-act');
  }
  const problems: string[] = [];
  const check = checkSchema.safeParse(input);
  if (!check.success) {
    problems.push(describe(check.error.issues as Issue[], input));
  }
  const evaluation = valueAt(input, ['evaluation']);
  const kind = valueAt(evaluation, ['kind']);
  let parsedEvaluation: unknown;
  if (typeof evaluation !== 'object' || evaluation === null) {
    problems.push('evaluation is required');
  } else if (
    typeof kind !== 'string' ||
    !(EVALUATION_KINDS as readonly string[]).includes(kind)
  ) {
    problems.push(`evaluation.kind ${oneOf(EVALUATION_KINDS)}`);
  } else {
    const result =
      evaluationSchemas[kind as keyof typeof evaluationSchemas].safeParse(
        evaluation,
      );
    if (result.success) {
      parsedEvaluation = result.data;
    } else {
      problems.push(
        describe(result.error.issues as Issue[], evaluation, ['evaluation']),
      );
    }
  }
  if (problems.length > 0 || !check.success) {
    return fail(problems.join('; '));
  }
  return { ...check.data, evaluation: parsedEvaluation } as CheckDefinition;
}

/**
 * Validates a scorecard as it comes from config (plain JSON) and fills in
 * the defaults (levels 8.5 / 6, attestations 12 months, facts 30 days).
 * Throws an `Error` naming the check and field at fault, e.g.
 * `security-readiness check 'test-act': weight must be a positive number`,
 * so that a wrong definition stops the backend at start-up. Checks: known
 * areas, evaluation kinds, rules, gates, stages and data categories; titles
 * and remediation in ru, kk and en; positive weights; unique ids; no
 * unknown fields; `ready` above `conditional`.
 *
 * @public
 */
export function validateScorecard(input: unknown): Scorecard {
  const top = scorecardSchema.safeParse(input);
  if (!top.success) {
    throw new Error(
      `security-readiness scorecard: ${describe(
        top.error.issues as Issue[],
        input,
      )}`,
    );
  }
  const checks = top.data.checks.map(parseCheck);
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.id)) {
      throw new Error(
        `security-readiness check '${check.id}': id is used by more than one check`,
      );
    }
    seen.add(check.id);
  }
  const levels = top.data.levels ?? DEFAULT_LEVELS;
  if (levels.ready <= levels.conditional) {
    throw new Error(
      'security-readiness scorecard: levels.ready must be above levels.conditional',
    );
  }
  return {
    checks,
    levels,
    attestationValidityMonths:
      top.data.attestationValidityMonths ?? DEFAULT_ATTESTATION_VALIDITY_MONTHS,
    factMaxAgeDays: top.data.factMaxAgeDays ?? DEFAULT_FACT_MAX_AGE_DAYS,
  };
}
