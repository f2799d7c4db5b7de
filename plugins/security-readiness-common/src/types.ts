import type {
  DataCategory,
  HostingKind,
  LifecycleStage,
} from '@qaztech/plugin-registry-common';

/**
 * The annotation on a System entity that carries the version of the system
 * now deployed in production, e.g. `3.12.5`. The security test act must cover
 * this version; CI or the deployment pipeline sets it on every release.
 *
 * @public
 */
export const RELEASE_VERSION_ANNOTATION = 'qaztech.kz/release-version';

/**
 * The areas of the scorecard, after NIST CSF 2.0 and the unified
 * requirements (ЕТ ИКТ и ИБ).
 *
 * @public
 */
export const CHECK_AREAS = [
  'governance',
  'assurance',
  'secure-development',
  'supply-chain',
  'hosting-and-data',
  'crypto-and-access',
  'monitoring',
  'resilience',
  'privacy',
] as const;

/** An area of the scorecard. @public */
export type CheckArea = (typeof CHECK_AREAS)[number];

/** A text in Russian, Kazakh and English. @public */
export type LocalizedText = {
  ru: string;
  kk: string;
  en: string;
};

/** Any JSON value, as facts carry them. @public */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * Which systems a check applies to: a filter over their register records.
 * Every given field must match; an absent field matches every system.
 *
 * @public
 */
export type CheckApplicability = {
  /** The system's lifecycle stage is one of these. */
  lifecycleStages?: LifecycleStage[];
  /** The system's critical flag equals this. */
  critical?: boolean;
  /** The system declares at least one of these data categories. */
  dataCategoriesAny?: DataCategory[];
  /** The system's `platform.onPlatform` equals this. */
  onPlatform?: boolean;
  /** The system's hosting kind is one of these. */
  hostingKinds?: HostingKind[];
};

/**
 * The built-in rules that score a check from the System entity alone (see
 * `entityRules.ts`).
 *
 * @public
 */
export const ENTITY_RULES = [
  'record-complete',
  'test-act-covers-release',
  'hosting-approved',
  'data-categories-declared',
] as const;

/** A built-in entity rule. @public */
export type EntityRuleId = (typeof ENTITY_RULES)[number];

/**
 * How a test act's version must match the deployed version: exactly, or
 * only in the major and minor (or only the major) parts.
 *
 * @public
 */
export const VERSION_MATCHES = ['exact', 'same-minor', 'same-major'] as const;

/** How strictly a test act's version must match the deployed one. @public */
export type VersionMatch = (typeof VERSION_MATCHES)[number];

/** Parameters of the built-in entity rules; each rule reads its own. @public */
export type EntityRuleParams = {
  /**
   * `test-act-covers-release`: how the tested and deployed versions must
   * match (default `exact`).
   */
  versionMatch?: VersionMatch;
  /**
   * `test-act-covers-release`: without the release-version annotation the
   * act's own version is taken as the deployed one (a pass) unless this is
   * true, when the check is only partial (default false).
   */
  requireReleaseVersion?: boolean;
  /**
   * `data-categories-declared`, `hosting-approved`: the categories that are
   * personal data (default `personal`, `biometric`).
   */
  personalCategories?: DataCategory[];
};

/**
 * The built-in rules that score a check from collected facts (see
 * `factRules.ts`).
 *
 * @public
 */
export const FACT_RULES = [
  'overdue-findings',
  'openssf-checks',
  'vulnerability-counts',
  'boolean-fields',
  'threshold',
] as const;

/** A built-in fact rule. @public */
export type FactRuleId = (typeof FACT_RULES)[number];

/** Severities of findings and vulnerabilities. @public */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** A severity. @public */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Parameters of the built-in fact rules; each rule reads its own.
 *
 * @public
 */
export type FactRuleParams = {
  /**
   * `overdue-findings`: days a finding of each severity may stay open
   * (default critical 30, high 30, medium 90, low 180).
   */
  limitsDays?: Partial<Record<Severity, number>>;
  /**
   * `overdue-findings`, `vulnerability-counts`: points taken from 10 for each
   * overdue finding or known vulnerability of a severity (defaults: overdue
   * findings critical 10, high 5, medium 2, low 1; vulnerabilities critical
   * 10, high 5, medium 0, low 0).
   */
  penalties?: Partial<Record<Severity, number>>;
  /** `openssf-checks`: the names of the OpenSSF Scorecard checks to read. */
  checks?: string[];
  /** `openssf-checks`: how the named checks combine (default `mean`). */
  aggregate?: 'mean' | 'min';
  /** `boolean-fields`: the fields of the fact value that must be true. */
  fields?: string[];
  /** `threshold`: the dot path of the number in the fact value. */
  path?: string;
  /** `threshold`: the value that scores 10. */
  pass?: number;
  /** `threshold`: the value that scores 0; scores between are linear. */
  fail?: number;
};

/** One fact rule applied to the latest fact of one type. @public */
export type FactRuleRef = {
  /** The fact type to read, e.g. `findings`, `openssf-scorecard`. */
  factType: string;
  rule: FactRuleId;
  params?: FactRuleParams;
  /**
   * Only facts from this source (e.g. `scanner:trivy`). Kept for older
   * scorecards; `sources` says the same for several.
   */
  source?: string;
  /**
   * The sources the check trusts for this fact: exact names (`http:trivy`)
   * or prefixes ending in `*` (`ci:*`). Facts from any other source are
   * ignored by the check. With neither `source` nor `sources`, any source
   * counts.
   */
  sources?: string[];
};

/**
 * How a check is evaluated.
 *
 * - `entity`: a built-in rule over the System entity.
 * - `facts`: a fact rule over the latest fact of a type; with `also`, each
 *   rule is a part of the check and the check scores its weakest part.
 * - `attestation`: a security officer's attestation, valid for
 *   `validityMonths` from the attestation (or from the date the activity was
 *   performed, when `fromPerformedOn`).
 * - `entity+attestation`: the entity rule decides, and asks for an officer's
 *   attestation when the entity alone cannot tell (e.g. own data centre).
 * - `facts-or-attestation`: an automatic probe or, without one, an
 *   attestation; the more recent evidence counts, except that an
 *   attestation never raises a check above what fresh automatic facts show
 *   (a failing probe needs a waiver, decided by a second person).
 *
 * @public
 */
export type CheckEvaluation =
  | { kind: 'entity'; rule: EntityRuleId; params?: EntityRuleParams }
  | ({
      kind: 'facts';
      /** More rules that must all hold; the check scores the lowest. */
      also?: FactRuleRef[];
      /** Facts older than this stop counting (default: the scorecard's). */
      maxAgeDays?: number;
    } & FactRuleRef)
  | {
      kind: 'attestation';
      /** Default: the scorecard's `attestationValidityMonths` (12). */
      validityMonths?: number;
      /** Count validity from the attestation's `performedOn` date. */
      fromPerformedOn?: boolean;
    }
  | {
      kind: 'entity+attestation';
      rule: EntityRuleId;
      params?: EntityRuleParams;
      validityMonths?: number;
    }
  | {
      kind: 'facts-or-attestation';
      fact: FactRuleRef;
      maxAgeDays?: number;
      validityMonths?: number;
    };

/** The kind of a check's evaluation. @public */
export type CheckEvaluationKind = CheckEvaluation['kind'];

/**
 * The hard gates: conditions under which a system is not ready whatever its
 * score.
 *
 * @public
 */
export const GATE_RULES = [
  'operating-without-test-act',
  'personal-data-outside-kazakhstan',
] as const;

/** A hard gate. @public */
export type GateRuleId = (typeof GATE_RULES)[number];

/**
 * A hard gate on a check.
 *
 * - `operating-without-test-act`: the system is in one of `lifecycleStages`
 *   (default industrial operation and development, which is industrial
 *   operation under modernisation) without a test act covering the deployed
 *   version.
 * - `personal-data-outside-kazakhstan`: the system holds one of
 *   `personalCategories` (default personal, biometric) and is hosted outside
 *   Kazakhstan (law No. 94-V).
 *
 * @public
 */
export type HardGate = {
  rule: GateRuleId;
  lifecycleStages?: LifecycleStage[];
  personalCategories?: DataCategory[];
};

/** One check of the scorecard. @public */
export type CheckDefinition = {
  /** A stable slug, e.g. `test-act`; results and waivers refer to it. */
  id: string;
  area: CheckArea;
  title: LocalizedText;
  /** What to do to pass the check. */
  remediation: LocalizedText;
  /** The check's weight in the weighted mean; positive. */
  weight: number;
  /** The weight is multiplied by this for critical systems (КВОИКИ). */
  criticalWeightFactor?: number;
  /** Which systems the check applies to; every system when absent. */
  applicability?: CheckApplicability;
  evaluation: CheckEvaluation;
  /** A condition that makes the system not ready whatever its score. */
  hardGate?: HardGate;
};

/** The score thresholds of the levels (inclusive). @public */
export type LevelThresholds = {
  /** Ready at or above this (default 8.5). */
  ready: number;
  /** Conditionally ready at or above this (default 6). */
  conditional: number;
};

/** The readiness levels, best first. @public */
export const READINESS_LEVELS = ['ready', 'conditional', 'not-ready'] as const;

/** A readiness level. @public */
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** A scorecard: its checks, the level thresholds and defaults. @public */
export type Scorecard = {
  checks: CheckDefinition[];
  levels: LevelThresholds;
  /** How long an attestation counts, unless a check says (default 12). */
  attestationValidityMonths?: number;
  /** How old a fact may be, unless a check says (default 30 days). */
  factMaxAgeDays?: number;
};

/**
 * A fact about a system collected from the entity, an external tool or CI.
 * Facts are versioned: each observation is a new fact; the latest of a type
 * counts.
 *
 * @public
 */
export type Fact = {
  /** Set by the store. */
  id?: string;
  /** The System entity ref, e.g. `system:default/e-license`. */
  systemRef: string;
  /** What the fact is about, e.g. `findings`, `openssf-scorecard`. */
  type: string;
  /** Who observed it, e.g. `ci:gitlab`, `scanner:trivy`. */
  source: string;
  /** ISO 8601 instant. */
  observedAt: string;
  value: JsonValue;
};

/** What an attestation rests on. @public */
export type AttestationEvidence = {
  url?: string;
  /** SHA-256 of the evidence document, 64 hex characters. */
  sha256?: string;
  notes?: string;
  /** The date the attested activity took place (e.g. a restore test). */
  performedOn?: string;
};

/**
 * An officer's result: a score 0–10, or pass (10) or fail (0).
 *
 * @public
 */
export type AttestationResult = number | 'pass' | 'fail';

/** A security officer's record of a manual check's result. @public */
export type Attestation = {
  id: string;
  systemRef: string;
  checkId: string;
  result: AttestationResult;
  evidence: AttestationEvidence;
  /** The User entity ref of the officer. */
  attestedBy: string;
  /** ISO 8601 instant. */
  attestedAt: string;
  /** ISO 8601 instant after which the attestation stops counting. */
  expiresAt: string;
};

/** The states of a waiver. @public */
export const WAIVER_STATUSES = [
  'requested',
  'granted',
  'rejected',
  'expired',
] as const;

/** The state of a waiver. @public */
export type WaiverStatus = (typeof WAIVER_STATUSES)[number];

/**
 * A request to leave one check of one system out of its score until a date,
 * decided by a security officer who is not the requester.
 *
 * @public
 */
export type Waiver = {
  id: string;
  systemRef: string;
  checkId: string;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  status: WaiverStatus;
  decidedBy?: string;
  decidedAt?: string;
  /** The officer's reason, required when rejecting. */
  decisionComment?: string;
};

/** The outcome of one check. @public */
export const CHECK_STATUSES = [
  'pass',
  'partial',
  'fail',
  'unknown',
  'waived',
  'not-applicable',
] as const;

/** The outcome of one check. @public */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * Why a check has its status, as a code the UI translates with the values.
 *
 * @public
 */
export const REASON_CODES = [
  'not-applicable',
  'waived',
  'no-data',
  'facts-stale',
  'fact-malformed',
  'attestation-missing',
  'attestation-expired',
  'attested',
  'record-complete',
  'record-incomplete',
  'test-act-missing',
  'test-act-covers-release',
  'test-act-version-assumed',
  'test-act-version-mismatch',
  'hosting-platform',
  'hosting-state-operator',
  'hosting-needs-attestation',
  'hosting-outside-kazakhstan',
  'data-categories-missing',
  'data-categories-declared',
  'personal-data-needs-attestation',
  'findings-none-overdue',
  'findings-overdue',
  'openssf-checks',
  'openssf-checks-inconclusive',
  'vulnerabilities-none',
  'vulnerabilities-found',
  'fields-true',
  'threshold',
  'parts-combined',
] as const;

/** Why a check has its status. @public */
export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason code with the values its translated message needs. @public */
export type CheckReason = {
  code: ReasonCode;
  values?: Record<string, string | number>;
};

/** What a check's result rests on. @public */
export type CheckEvidence = {
  /** One English sentence, for logs and exports. */
  summary: string;
  /** The facts read: type, source and time of each. */
  facts?: { type: string; source: string; observedAt: string }[];
  /** The attestation that counted. */
  attestationId?: string;
  url?: string;
  sha256?: string;
};

/** The result of one check for one system. @public */
export type CheckResult = {
  checkId: string;
  area: CheckArea;
  applicable: boolean;
  status: CheckStatus;
  /** 0–10; `null` when the check is waived or does not apply. */
  score: number | null;
  /** The effective weight (×critical factor); 0 when it does not count. */
  weight: number;
  reason: CheckReason;
  evidence: CheckEvidence;
  /** When the counted attestation or the active waiver runs out. */
  expiresAt?: string;
  /** The granted waiver that takes the check out of the score. */
  waiverId?: string;
  /** The check's hard gate, when it has one and applies. */
  gate?: { rule: GateRuleId; failed: boolean };
};

/** A system's evaluated scorecard. @public */
export type ScorecardResult = {
  systemRef: string;
  /** The weighted mean 0–10 (one decimal); `null` when no check counts. */
  score: number | null;
  level: ReadinessLevel;
  /** The hard gates that failed; any makes the level `not-ready`. */
  gatesFailed: GateRuleId[];
  checks: CheckResult[];
  /** ISO 8601 instant. */
  evaluatedAt: string;
  /**
   * A digest of the inputs (see `canonicalInputs`), present when the caller
   * gave `evaluateScorecard` a hash function.
   */
  inputsHash?: string;
};

/**
 * A security officer's sign-off of a system's scorecard, freezing what they
 * saw.
 *
 * @public
 */
export type SignOff = {
  id: string;
  systemRef: string;
  level: ReadinessLevel;
  score: number | null;
  signedBy: string;
  signedAt: string;
  comment?: string;
  /** The `inputsHash` of the result signed off. */
  evidenceHash: string;
  /** The check results as they were when signed, frozen. */
  results: CheckResult[];
};

/** What an evaluation run covers. @public */
export type EvaluationScope =
  | { kind: 'all' }
  | { kind: 'system'; systemRef: string };

/** The states of an evaluation run. @public */
export const EVALUATION_RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
] as const;

/** The state of an evaluation run. @public */
export type EvaluationRunStatus = (typeof EVALUATION_RUN_STATUSES)[number];

/** One evaluation of one system or of all, on a schedule or on demand. @public */
export type EvaluationRun = {
  id: string;
  scope: EvaluationScope;
  trigger: 'schedule' | 'manual';
  /** The User entity ref who asked for it; absent for scheduled runs. */
  requestedBy?: string;
  status: EvaluationRunStatus;
  /** Systems to evaluate. */
  total: number;
  /** Systems evaluated so far. */
  done: number;
  /** Systems whose result changed. */
  changed: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
};

/** One change of a system's result, kept as history. @public */
export type ScorecardHistoryEntry = {
  evaluatedAt: string;
  score: number | null;
  level: ReadinessLevel;
  gatesFailed: GateRuleId[];
  /** The checks whose status or score changed from the previous entry. */
  changedChecks: {
    checkId: string;
    from: { status: CheckStatus; score: number | null } | null;
    to: { status: CheckStatus; score: number | null };
  }[];
  inputsHash?: string;
};

/** What `GET /scorecards/{namespace}/{name}` returns. @public */
export type ScorecardResponse = {
  result: ScorecardResult;
  /** The system's waivers: active, pending and past. */
  waivers: Waiver[];
  /** The attestations that count now, and expired ones not yet replaced. */
  attestations: Attestation[];
  /** The latest sign-off, if any. */
  signOff?: SignOff;
};

/** Counts of systems by level. @public */
export type LevelCounts = Record<ReadinessLevel, number>;

/** The summary of one state body's systems. @public */
export type StateBodySummary = {
  /** The Group entity ref of the state body. */
  stateBodyRef: string;
  total: number;
  byLevel: LevelCounts;
  /** The mean score of its systems with a score; `null` when none. */
  averageScore: number | null;
};

/** The levels on one day of the trend. @public */
export type TrendPoint = {
  /** `YYYY-MM-DD`, in Asia/Almaty. */
  date: string;
  byLevel: LevelCounts;
  averageScore: number | null;
};

/** What `GET /summary` returns: the national picture. @public */
export type ReadinessSummary = {
  total: number;
  byLevel: LevelCounts;
  averageScore: number | null;
  byStateBody: StateBodySummary[];
  trend: TrendPoint[];
  /** The latest evaluation among the systems counted. */
  evaluatedAt?: string;
};

/** The body of `POST /evaluate`. @public */
export type EvaluateRequest = {
  /** One system; every system when absent. */
  systemRef?: string;
};

/** The body of `POST /facts` (CI pushes one or more facts). @public */
export type PushFactsRequest = {
  facts: Omit<Fact, 'id'>[];
};

/** The body of a new attestation. @public */
export type CreateAttestationRequest = {
  systemRef: string;
  checkId: string;
  result: AttestationResult;
  evidence: AttestationEvidence;
  /** Default: the check's validity (12 months) from now or `performedOn`. */
  expiresAt?: string;
};

/** The body of a waiver request. @public */
export type RequestWaiverRequest = {
  systemRef: string;
  checkId: string;
  justification: string;
  expiresAt: string;
};

/** The body of a waiver decision. @public */
export type DecideWaiverRequest = {
  decision: 'granted' | 'rejected';
  comment?: string;
  /** A granted waiver may be shortened, never lengthened. */
  expiresAt?: string;
};

/** The body of a sign-off. @public */
export type CreateSignOffRequest = {
  systemRef: string;
  comment?: string;
  /** The `inputsHash` the officer reviewed; refused when stale. */
  evidenceHash: string;
};
