import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  Attestation,
  CreateAttestationRequest,
  CreateSignOffRequest,
  DecideWaiverRequest,
  EvaluationRun,
  ReadinessSummary,
  RequestWaiverRequest,
  ScorecardHistoryEntry,
  SignOff,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';
import {
  ListScorecardsFilter,
  ReviewQueue,
  ScorecardListItem,
  ScorecardView,
  SecurityReadinessApi,
  SecurityReadinessPage,
} from './SecurityReadinessApi';

/** `/scorecards/{namespace}/{name}` of a System entity ref. */
function scorecardPath(systemRef: string): string {
  const { namespace, name } = parseEntityRef(systemRef, {
    defaultKind: 'system',
  });
  return `/scorecards/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}

/** Only the parameters that are set; `false` is left out too. */
function toSearchParams(values: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (
      value !== undefined &&
      value !== null &&
      value !== '' &&
      value !== false
    ) {
      params.set(key, String(value));
    }
  }
  return params;
}

/**
 * The {@link SecurityReadinessApi} over HTTP: the `security-readiness`
 * backend found through discovery, called with the signed-in user's
 * credentials. A refusal is thrown as a `ResponseError` carrying the
 * backend's status and message.
 *
 * @public
 */
export class SecurityReadinessClient implements SecurityReadinessApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getScorecard(systemRef: string): Promise<ScorecardView> {
    const view: ScorecardView = await this.#json(
      'GET',
      scorecardPath(systemRef),
    );
    return { ...view, allowedActions: view.allowedActions ?? [] };
  }

  async getHistory(
    systemRef: string,
    options: { limit?: number; before?: string } = {},
  ): Promise<SecurityReadinessPage<ScorecardHistoryEntry>> {
    return this.#json('GET', `${scorecardPath(systemRef)}/history`, {
      params: toSearchParams(options),
    });
  }

  async getSignOffs(systemRef: string): Promise<{ items: SignOff[] }> {
    return this.#json('GET', `${scorecardPath(systemRef)}/signoffs`);
  }

  async listScorecards(
    filter: ListScorecardsFilter = {},
  ): Promise<SecurityReadinessPage<ScorecardListItem>> {
    return this.#json('GET', '/scorecards', {
      params: toSearchParams(filter),
    });
  }

  async getSummary(options: { days?: number } = {}): Promise<ReadinessSummary> {
    return this.#json('GET', '/summary', { params: toSearchParams(options) });
  }

  async getReviewQueue(): Promise<ReviewQueue> {
    return this.#json('GET', '/review-queue');
  }

  async evaluate(systemRef?: string): Promise<EvaluationRun> {
    return this.#json('POST', '/evaluate', {
      body: systemRef ? { systemRef } : {},
    });
  }

  async getRun(id: string): Promise<EvaluationRun> {
    return this.#json('GET', `/runs/${encodeURIComponent(id)}`);
  }

  async createAttestation(
    request: CreateAttestationRequest,
  ): Promise<Attestation> {
    return this.#json('POST', '/attestations', { body: request });
  }

  async requestWaiver(request: RequestWaiverRequest): Promise<Waiver> {
    return this.#json('POST', '/waivers', { body: request });
  }

  async decideWaiver(
    id: string,
    decision: DecideWaiverRequest,
  ): Promise<Waiver> {
    return this.#json('POST', `/waivers/${encodeURIComponent(id)}/decision`, {
      body: decision,
    });
  }

  async signOff(request: CreateSignOffRequest): Promise<SignOff> {
    return this.#json('POST', '/signoffs', { body: request });
  }

  async #json<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { params?: URLSearchParams; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('security-readiness');
    const query = options.params?.toString();
    const init: RequestInit = { method };
    if (method === 'POST') {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.body ?? {});
    }
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
