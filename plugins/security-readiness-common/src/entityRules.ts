import {
  DataCategory,
  StateInformationSystemEntity,
  isCalendarDate,
  isValidBin,
} from '@qaztech/plugin-registry-common';
import { RuleOutcome, roundScore } from './outcome';
import {
  EntityRuleId,
  EntityRuleParams,
  GateRuleId,
  HardGate,
  RELEASE_VERSION_ANNOTATION,
  VersionMatch,
} from './types';

/** The data categories that are personal data unless a check says. @public */
export const DEFAULT_PERSONAL_CATEGORIES: DataCategory[] = [
  'personal',
  'biometric',
];

/**
 * The lifecycle stages in which a system needs a test act by the hard gate:
 * industrial operation, and development (modernisation of a system that is
 * in industrial operation).
 *
 * @public
 */
export const DEFAULT_TEST_ACT_GATE_STAGES = [
  'industrial-operation',
  'development',
] as const;

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * The version of the system deployed in production: the
 * `qaztech.kz/release-version` annotation, or `undefined` when the system
 * does not publish it.
 *
 * @public
 */
export function deployedVersion(
  entity: StateInformationSystemEntity,
): string | undefined {
  const value = entity.metadata.annotations?.[RELEASE_VERSION_ANNOTATION];
  return isBlank(value) ? undefined : value!.trim();
}

function versionParts(version: string): string[] {
  return version.trim().replace(/^v/i, '').split(/[.+-]/);
}

/**
 * Whether a tested version covers a deployed one: equal (ignoring a leading
 * `v`), or equal in the major and minor (`same-minor`) or major
 * (`same-major`) parts.
 *
 * @public
 */
export function versionCovers(
  tested: string,
  deployed: string,
  match: VersionMatch = 'exact',
): boolean {
  const a = versionParts(tested);
  const b = versionParts(deployed);
  if (match === 'exact') {
    return a.join('.') === b.join('.');
  }
  const n = match === 'same-minor' ? 2 : 1;
  return a.slice(0, n).join('.') === b.slice(0, n).join('.');
}

function recordComplete(entity: StateInformationSystemEntity): RuleOutcome {
  const registry = entity.spec.registry;
  const parties = registry?.parties;
  const items: [string, boolean][] = [
    ['registryNumber', !isBlank(registry?.registryNumber)],
    [
      'legalBasis',
      Boolean(registry?.legalBasis) &&
        !isBlank(registry.legalBasis?.actType) &&
        !isBlank(registry.legalBasis?.number) &&
        isCalendarDate(registry.legalBasis?.date),
    ],
    [
      'parties.owner.bin',
      typeof parties?.owner?.bin === 'string' && isValidBin(parties.owner.bin),
    ],
  ];
  // Operator and developer are optional, but a БИН given must be valid.
  for (const party of ['operator', 'developer'] as const) {
    const bin = parties?.[party]?.bin;
    if (parties?.[party]) {
      items.push([
        `parties.${party}.bin`,
        typeof bin === 'string' && isValidBin(bin),
      ]);
    }
  }
  const missing = items.filter(([, ok]) => !ok).map(([field]) => field);
  const score = roundScore(
    (10 * (items.length - missing.length)) / items.length,
  );
  if (missing.length === 0) {
    return {
      score,
      reason: { code: 'record-complete' },
      summary: 'The record has a registry number, a legal basis and valid БИН.',
    };
  }
  return {
    score,
    reason: {
      code: 'record-incomplete',
      values: { missing: missing.join(', '), count: missing.length },
    },
    summary: `The record lacks or has invalid: ${missing.join(', ')}.`,
  };
}

function testActCoversRelease(
  entity: StateInformationSystemEntity,
  params: EntityRuleParams = {},
): RuleOutcome {
  const act = entity.spec.registry?.securityTestAct;
  if (!act || isBlank(act.number) || isBlank(act.version)) {
    return {
      score: 0,
      reason: { code: 'test-act-missing' },
      summary: 'The record has no security test act with a tested version.',
    };
  }
  const deployed = deployedVersion(entity);
  const values = { number: act.number, date: act.date, tested: act.version };
  if (!deployed) {
    const score = params.requireReleaseVersion ? 5 : 10;
    return {
      score,
      reason: { code: 'test-act-version-assumed', values },
      summary: `Test act ${act.number} covers version ${act.version}; the deployed version is not published (${RELEASE_VERSION_ANNOTATION}), so it is taken to be the tested one.`,
    };
  }
  if (versionCovers(act.version, deployed, params.versionMatch)) {
    return {
      score: 10,
      reason: {
        code: 'test-act-covers-release',
        values: { ...values, deployed },
      },
      summary: `Test act ${act.number} covers the deployed version ${deployed}.`,
    };
  }
  return {
    score: 0,
    reason: {
      code: 'test-act-version-mismatch',
      values: { ...values, deployed },
    },
    summary: `Test act ${act.number} covers version ${act.version}, but ${deployed} is deployed.`,
  };
}

function isKazakhstan(country: unknown): boolean {
  return typeof country === 'string' && country.trim().toUpperCase() === 'KZ';
}

function hostingApproved(entity: StateInformationSystemEntity): RuleOutcome {
  const hosting = entity.spec.registry?.hosting;
  if (!hosting || !isKazakhstan(hosting.country)) {
    const country = hosting?.country ?? 'unknown';
    return {
      score: 0,
      reason: { code: 'hosting-outside-kazakhstan', values: { country } },
      summary: `The system is hosted outside Kazakhstan (${country}).`,
    };
  }
  if (hosting.kind === 'platform') {
    return {
      score: 10,
      reason: { code: 'hosting-platform' },
      summary: 'The system runs on the national platform.',
    };
  }
  if (hosting.kind === 'state-operator-dc') {
    return {
      score: 10,
      reason: { code: 'hosting-state-operator' },
      summary: "The system runs in the state operator's data centre.",
    };
  }
  return {
    needsAttestation: true,
    reason: {
      code: 'hosting-needs-attestation',
      values: { kind: hosting.kind },
    },
    summary: `The system runs in a data centre in Kazakhstan (${hosting.kind}); a security officer must attest it is approved.`,
  };
}

function dataCategoriesDeclared(
  entity: StateInformationSystemEntity,
  params: EntityRuleParams = {},
): RuleOutcome {
  const categories = entity.spec.registry?.dataCategories ?? [];
  if (!Array.isArray(categories) || categories.length === 0) {
    return {
      score: 0,
      reason: { code: 'data-categories-missing' },
      summary: 'The record declares no data categories.',
    };
  }
  const personal = params.personalCategories ?? DEFAULT_PERSONAL_CATEGORIES;
  const held = categories.filter(c => personal.includes(c));
  if (held.length > 0) {
    return {
      needsAttestation: true,
      reason: {
        code: 'personal-data-needs-attestation',
        values: { categories: held.join(', ') },
      },
      summary: `The system holds ${held.join(
        ', ',
      )} data; a security officer must attest its access control.`,
    };
  }
  return {
    score: 10,
    reason: {
      code: 'data-categories-declared',
      values: { categories: categories.join(', ') },
    },
    summary: `The record declares its data: ${categories.join(', ')}.`,
  };
}

/**
 * Applies a built-in entity rule to a System entity.
 *
 * - `record-complete`: registry number, legal basis (type, number, date) and
 *   a valid БИН for the owner (and for the operator and developer when
 *   named); the score is the share of these present and valid.
 * - `test-act-covers-release`: the record's security test act covers the
 *   version in the `qaztech.kz/release-version` annotation (see
 *   {@link versionCovers}); without the annotation the act's version is
 *   taken as deployed.
 * - `hosting-approved`: hosted in Kazakhstan on the platform or in the state
 *   operator's data centre; another data centre in Kazakhstan needs an
 *   attestation; abroad fails.
 * - `data-categories-declared`: at least one data category; personal data
 *   needs an attestation of its access control.
 *
 * @public
 */
export function evaluateEntityRule(
  rule: EntityRuleId,
  entity: StateInformationSystemEntity,
  params?: EntityRuleParams,
): RuleOutcome {
  switch (rule) {
    case 'record-complete':
      return recordComplete(entity);
    case 'test-act-covers-release':
      return testActCoversRelease(entity, params);
    case 'hosting-approved':
      return hostingApproved(entity);
    case 'data-categories-declared':
      return dataCategoriesDeclared(entity, params);
    default:
      throw new Error(`Unknown security-readiness entity rule '${rule}'`);
  }
}

/** Whether a hard gate failed for a system, and why. @public */
export type GateOutcome = {
  rule: GateRuleId;
  failed: boolean;
  summary: string;
};

/**
 * Evaluates a hard gate. `params` are the entity-rule parameters of the
 * gate's check (the version match of the test act).
 *
 * @public
 */
export function evaluateGate(
  gate: HardGate,
  entity: StateInformationSystemEntity,
  params?: EntityRuleParams,
): GateOutcome {
  const registry = entity.spec.registry;
  if (gate.rule === 'operating-without-test-act') {
    const stages: readonly string[] =
      gate.lifecycleStages ?? DEFAULT_TEST_ACT_GATE_STAGES;
    const stage = registry?.lifecycle?.stage;
    if (!stages.includes(stage)) {
      return {
        rule: gate.rule,
        failed: false,
        summary: `The system is not in operation (${stage}).`,
      };
    }
    const act = testActCoversRelease(entity, params);
    const failed =
      act.reason.code === 'test-act-missing' ||
      act.reason.code === 'test-act-version-mismatch';
    return {
      rule: gate.rule,
      failed,
      summary: failed
        ? `The system is in ${stage} without a test act covering the deployed version.`
        : act.summary,
    };
  }
  if (gate.rule === 'personal-data-outside-kazakhstan') {
    const personal = gate.personalCategories ?? DEFAULT_PERSONAL_CATEGORIES;
    const held = (registry?.dataCategories ?? []).filter(c =>
      personal.includes(c),
    );
    const abroad = !isKazakhstan(registry?.hosting?.country);
    const failed = held.length > 0 && abroad;
    return {
      rule: gate.rule,
      failed,
      summary: failed
        ? `The system holds ${held.join(
            ', ',
          )} data and is hosted outside Kazakhstan (${
            registry?.hosting?.country ?? 'unknown'
          }).`
        : 'No personal data is hosted outside Kazakhstan.',
    };
  }
  throw new Error(`Unknown security-readiness gate '${gate.rule}'`);
}
