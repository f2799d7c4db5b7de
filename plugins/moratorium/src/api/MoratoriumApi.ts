import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Decision,
  ExemptionRequest,
  ExemptionRequestSummary,
  Page,
  RequestContent,
  RequestState,
  RequestSystem,
  SimilarSystem,
  Sitting,
  TransitionInput,
  VoteChoice,
  AuditVerification,
  DecisionOutcome,
} from '@qaztech/plugin-moratorium-common';
import type { Exemption } from '@qaztech/plugin-registry-common';

/**
 * Filters on the list of requests; every field left out matches all.
 *
 * @public
 */
export type ListRequestsFilter = {
  /** Only requests in one of these states. */
  state?: RequestState[];
  /** The applicant state body's Group ref. */
  stateBody?: string;
  /** Only the caller's own requests and those of the caller's state body. */
  mine?: boolean;
  /** The System entity ref the requests are about. */
  system?: string;
  /** Only requests on this sitting's agenda. */
  sitting?: string;
  /** Free text in the number, the system and the purpose. */
  q?: string;
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * Filters on the register of decisions.
 *
 * @public
 */
export type ListDecisionsFilter = {
  outcome?: DecisionOutcome;
  /** The applicant state body's Group ref. */
  stateBody?: string;
  /** The System entity ref. */
  system?: string;
  limit?: number;
  cursor?: string;
};

/**
 * One row of the register of decisions.
 *
 * @public
 */
export type DecisionListItem = Decision & {
  requestNumber: string;
  system?: RequestSystem;
  stateBodyRef?: string;
  state: RequestState;
};

/**
 * A sitting of the commission with the requests on its agenda.
 *
 * @public
 */
export type SittingWithRequests = Sitting & {
  requests: ExemptionRequestSummary[];
};

/**
 * Options of a change: the idempotency key makes a retry safe (the same key
 * and body replay the first answer).
 *
 * @public
 */
export type MutationOptions = {
  idempotencyKey?: string;
};

/**
 * The moratorium backend, as the frontend uses it.
 *
 * @public
 */
export interface MoratoriumApi {
  /** One page of requests. */
  listRequests(
    filter?: ListRequestsFilter,
  ): Promise<Page<ExemptionRequestSummary>>;
  /** One request with its history, deadlines, votes, decision and the caller's allowed actions. */
  getRequest(id: string): Promise<ExemptionRequest>;
  /** Starts a draft; the caller is the applicant. */
  createRequest(
    content: RequestContent,
    options?: MutationOptions,
  ): Promise<ExemptionRequest>;
  /** Saves a draft (or a request waiting for information); 409 when `version` moved. */
  updateRequest(
    id: string,
    content: RequestContent,
    version: number,
    options?: MutationOptions,
  ): Promise<ExemptionRequest>;
  /** Moves a request along the workflow; 400 names what is missing, 409 when `version` moved. */
  transition(
    id: string,
    input: TransitionInput,
    version?: number,
    options?: MutationOptions,
  ): Promise<ExemptionRequest>;
  /** Casts (or replaces) the caller's vote on a request on the agenda. */
  vote(
    id: string,
    vote: { choice: VoteChoice; opinion?: string },
    options?: MutationOptions,
  ): Promise<ExemptionRequest>;
  /** One page of the register of decisions. */
  listDecisions(filter?: ListDecisionsFilter): Promise<Page<DecisionListItem>>;
  /** The register of decisions as CSV, with the same filters. */
  exportDecisionsCsv(
    filter?: Omit<ListDecisionsFilter, 'limit' | 'cursor'>,
  ): Promise<Blob>;
  /** The commission's sittings, latest first. */
  listSittings(): Promise<{ items: Sitting[] }>;
  /** One sitting and its agenda. */
  getSitting(id: string): Promise<SittingWithRequests>;
  /** The exemptions the commission's decisions give a system. */
  getExemptions(systemRef: string): Promise<{ items: Exemption[] }>;
  /** Systems in the register with a purpose similar to the text. */
  findSimilarSystems(q: string): Promise<{ items: SimilarSystem[] }>;
  /** Recomputes the audit hash chain. */
  verifyAudit(): Promise<AuditVerification>;
}

/**
 * The API ref of the {@link MoratoriumApi}.
 *
 * @public
 */
export const moratoriumApiRef = createApiRef<MoratoriumApi>().with({
  id: 'plugin.moratorium.api',
  pluginId: 'moratorium',
});
