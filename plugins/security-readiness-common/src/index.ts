/**
 * Security readiness of state information systems, shared by the security
 * readiness plugins: the check, fact, attestation, waiver and result types,
 * the default scorecard of 13 checks, its validation from config,
 * applicability, the built-in entity and fact rules, hard gates, scoring and
 * levels, and the permissions.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './permissions';
export {
  DEFAULT_CHECKS,
  DEFAULT_FACT_TYPES,
  DEFAULT_SCORECARD,
} from './defaultScorecard';
export { validateScorecard } from './validateScorecard';
export { isApplicable } from './applicability';
export {
  DEFAULT_PERSONAL_CATEGORIES,
  DEFAULT_TEST_ACT_GATE_STAGES,
  deployedVersion,
  evaluateEntityRule,
  evaluateGate,
  versionCovers,
} from './entityRules';
export type { GateOutcome } from './entityRules';
export {
  DEFAULT_FINDING_LIMITS_DAYS,
  DEFAULT_FINDING_PENALTIES,
  DEFAULT_VULNERABILITY_PENALTIES,
  countFindings,
  evaluateFactRule,
} from './factRules';
export type { FindingCounts } from './factRules';
export { roundScore, statusFromScore } from './outcome';
export type { RuleOutcome } from './outcome';
export {
  DEFAULT_ATTESTATION_VALIDITY_MONTHS,
  acceptsAttestation,
  attestationScore,
  attestationValidityMonths,
  effectiveAttestationExpiry,
  maxAttestationExpiry,
} from './attestations';
export { isWaiverActive, waiverStatusAt } from './waivers';
export { DEFAULT_LEVELS, isBelowLevel, levelForScore } from './levels';
export {
  DEFAULT_FACT_MAX_AGE_DAYS,
  automaticFactOutcome,
  canonicalInputs,
  canonicalJson,
  evaluateScorecard,
  latestAttestation,
  latestFact,
  systemRefOf,
} from './score';
export type { EvaluateScorecardOptions } from './score';
export { diffResults, hasResultChanged, toHistoryEntry } from './history';
export {
  RESERVED_SOURCE_PREFIXES,
  isReservedSource,
  isTrustedSource,
  sourceMatches,
  trustedSourcesOf,
} from './sources';
export { isHttpUrl } from './evidenceLinks';
export {
  attestationOverrulesFacts,
  attestationsOfResult,
  isMemberOfOwningBody,
  ownBodyConflict,
  owningBodyConflict,
  signOffAttesterConflict,
} from './separationOfDuties';
