import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Attestation,
  CreateAttestationRequest,
  CreateSignOffRequest,
  DecideWaiverRequest,
  EvaluationRun,
  GateRuleId,
  ReadinessLevel,
  ReadinessSummary,
  RequestWaiverRequest,
  ScorecardHistoryEntry,
  ScorecardResponse,
  SignOff,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';

/**
 * What the caller may do on one system's scorecard, as the backend decides
 * it for the signed-in user.
 *
 * @public
 */
export type ScorecardAction =
  | 'attest'
  | 'request-waiver'
  | 'decide-waiver'
  | 'sign-off'
  | 'evaluate';

/**
 * One system's scorecard with the actions the caller may take on it.
 *
 * @public
 */
export type ScorecardView = ScorecardResponse & {
  allowedActions: ScorecardAction[];
  /**
   * True when the caller may not read the raw evidence (the owning body,
   * security officers and auditors may): waivers and attestations are empty.
   */
  evidenceHidden?: boolean;
};

/**
 * One row of the list of scorecards and of the review queue.
 *
 * @public
 */
export type ScorecardListItem = {
  /** The System entity ref. */
  systemRef: string;
  /** The system's title, when the catalog gives one. */
  title?: string;
  /** The Group entity ref of the system's state body. */
  stateBodyRef?: string;
  score: number | null;
  level: ReadinessLevel;
  gatesFailed: GateRuleId[];
  evaluatedAt: string;
  /** The level of the latest sign-off, if any. */
  signedLevel?: ReadinessLevel;
};

/**
 * A page of a keyset-paged list.
 *
 * @public
 */
export type SecurityReadinessPage<T> = {
  items: T[];
  /** Pass it as `cursor` (or `before`) for the next page; absent on the last. */
  nextCursor?: string;
  totalCount?: number;
};

/**
 * Filters on the list of scorecards; every field left out matches all.
 *
 * @public
 */
export type ListScorecardsFilter = {
  level?: ReadinessLevel;
  /** The Group entity ref of a state body. */
  stateBody?: string;
  /** Only systems whose current result has no sign-off. */
  awaitingSignOff?: boolean;
  limit?: number;
  cursor?: string;
};

/**
 * What a security officer has to look at: results awaiting sign-off,
 * attestations about to expire and waivers to decide.
 *
 * @public
 */
export type ReviewQueue = {
  awaitingSignOff: ScorecardListItem[];
  expiringAttestations: Attestation[];
  pendingWaivers: Waiver[];
};

/**
 * The security readiness backend, as the frontend uses it.
 *
 * @public
 */
export interface SecurityReadinessApi {
  /**
   * One system's scorecard with the caller's allowed actions; a system never
   * evaluated is evaluated first. 404 when the system is not in the register.
   */
  getScorecard(systemRef: string): Promise<ScorecardView>;
  /** The changes of a system's result, latest first. */
  getHistory(
    systemRef: string,
    options?: { limit?: number; before?: string },
  ): Promise<SecurityReadinessPage<ScorecardHistoryEntry>>;
  /** The sign-offs of a system, latest first. */
  getSignOffs(systemRef: string): Promise<{ items: SignOff[] }>;
  /** One page of the systems' scorecards. */
  listScorecards(
    filter?: ListScorecardsFilter,
  ): Promise<SecurityReadinessPage<ScorecardListItem>>;
  /** The national picture: levels, state bodies, trend over `days` (default 90). */
  getSummary(options?: { days?: number }): Promise<ReadinessSummary>;
  /** The security officer's review queue. */
  getReviewQueue(): Promise<ReviewQueue>;
  /**
   * Evaluates one system now (the run comes back finished), or queues an
   * evaluation of every system (poll {@link SecurityReadinessApi.getRun}).
   */
  evaluate(systemRef?: string): Promise<EvaluationRun>;
  /** One evaluation run, with its progress. */
  getRun(id: string): Promise<EvaluationRun>;
  /** Records an officer's attestation of a check; the system is re-evaluated. */
  createAttestation(request: CreateAttestationRequest): Promise<Attestation>;
  /** Asks for a waiver of one check. */
  requestWaiver(request: RequestWaiverRequest): Promise<Waiver>;
  /** Grants or rejects a requested waiver. */
  decideWaiver(id: string, decision: DecideWaiverRequest): Promise<Waiver>;
  /** Signs off the result whose `inputsHash` is given; 409 when it changed. */
  signOff(request: CreateSignOffRequest): Promise<SignOff>;
}

/**
 * The API ref of the {@link SecurityReadinessApi}.
 *
 * @public
 */
export const securityReadinessApiRef =
  createApiRef<SecurityReadinessApi>().with({
    id: 'plugin.security-readiness.api',
    pluginId: 'security-readiness',
  });
