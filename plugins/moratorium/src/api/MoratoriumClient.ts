import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AuditVerification,
  ExemptionRequest,
  ExemptionRequestSummary,
  Page,
  RequestContent,
  SimilarSystem,
  Sitting,
  TransitionInput,
  VoteChoice,
} from '@qaztech/plugin-moratorium-common';
import type { Exemption } from '@qaztech/plugin-registry-common';
import {
  DecisionListItem,
  ListDecisionsFilter,
  ListRequestsFilter,
  MoratoriumApi,
  MutationOptions,
  SittingWithRequests,
} from './MoratoriumApi';

/** A fresh key per logical change; a retry of the same call reuses it. */
function newIdempotencyKey(): string {
  const cryptoApi: Crypto | undefined = (globalThis as any).crypto;
  if (cryptoApi?.randomUUID) {
    return cryptoApi.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The {@link MoratoriumApi} over HTTP: the moratorium backend found through
 * discovery, called with the signed-in user's credentials. Errors are thrown
 * as `ResponseError` with the backend's message.
 *
 * @public
 */
export class MoratoriumClient implements MoratoriumApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listRequests(
    filter: ListRequestsFilter = {},
  ): Promise<Page<ExemptionRequestSummary>> {
    const { state, ...rest } = filter;
    const params = toSearchParams(rest);
    if (state && state.length > 0) {
      params.set('state', state.join(','));
    }
    return (await this.#request('GET', '/requests', { params })).json();
  }

  async getRequest(id: string): Promise<ExemptionRequest> {
    return (
      await this.#request('GET', `/requests/${encodeURIComponent(id)}`)
    ).json();
  }

  async createRequest(
    content: RequestContent,
    options?: MutationOptions,
  ): Promise<ExemptionRequest> {
    return (
      await this.#request('POST', '/requests', {
        body: { content },
        idempotencyKey: options?.idempotencyKey,
      })
    ).json();
  }

  async updateRequest(
    id: string,
    content: RequestContent,
    version: number,
    options?: MutationOptions,
  ): Promise<ExemptionRequest> {
    return (
      await this.#request('PUT', `/requests/${encodeURIComponent(id)}`, {
        body: { content, version },
        idempotencyKey: options?.idempotencyKey,
      })
    ).json();
  }

  async transition(
    id: string,
    input: TransitionInput,
    version?: number,
    options?: MutationOptions,
  ): Promise<ExemptionRequest> {
    return (
      await this.#request(
        'POST',
        `/requests/${encodeURIComponent(id)}/transitions`,
        {
          body: version === undefined ? input : { ...input, version },
          idempotencyKey: options?.idempotencyKey,
        },
      )
    ).json();
  }

  async vote(
    id: string,
    vote: { choice: VoteChoice; opinion?: string },
    options?: MutationOptions,
  ): Promise<ExemptionRequest> {
    const body = vote.opinion
      ? { choice: vote.choice, opinion: vote.opinion }
      : { choice: vote.choice };
    return (
      await this.#request('POST', `/requests/${encodeURIComponent(id)}/votes`, {
        body,
        idempotencyKey: options?.idempotencyKey,
      })
    ).json();
  }

  async listDecisions(
    filter: ListDecisionsFilter = {},
  ): Promise<Page<DecisionListItem>> {
    return (
      await this.#request('GET', '/decisions', {
        params: toSearchParams(filter),
      })
    ).json();
  }

  async exportDecisionsCsv(
    filter: Omit<ListDecisionsFilter, 'limit' | 'cursor'> = {},
  ): Promise<Blob> {
    return (
      await this.#request('GET', '/decisions/export.csv', {
        // People open the file in Excel or LibreOffice, which in the ru and
        // kk locales split columns at ';' (the comma is the decimal mark).
        params: toSearchParams({ ...filter, sep: ';' }),
      })
    ).blob();
  }

  async listSittings(): Promise<{ items: Sitting[] }> {
    return (await this.#request('GET', '/sittings')).json();
  }

  async getSitting(id: string): Promise<SittingWithRequests> {
    return (
      await this.#request('GET', `/sittings/${encodeURIComponent(id)}`)
    ).json();
  }

  async getExemptions(systemRef: string): Promise<{ items: Exemption[] }> {
    return (
      await this.#request('GET', '/exemptions', {
        params: new URLSearchParams({ system: systemRef }),
      })
    ).json();
  }

  async findSimilarSystems(q: string): Promise<{ items: SimilarSystem[] }> {
    return (
      await this.#request('GET', '/similar-systems', {
        params: new URLSearchParams({ q }),
      })
    ).json();
  }

  async verifyAudit(): Promise<AuditVerification> {
    return (await this.#request('GET', '/audit/verify')).json();
  }

  async #request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: {
      params?: URLSearchParams;
      body?: unknown;
      idempotencyKey?: string;
    } = {},
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('moratorium');
    const query = options.params?.toString();
    const init: RequestInit = { method };
    if (method !== 'GET') {
      init.headers = {
        'Content-Type': 'application/json',
        'Idempotency-Key': options.idempotencyKey ?? newIdempotencyKey(),
      };
      init.body = JSON.stringify(options.body ?? {});
    }
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** Only the parameters that are set; `mine=false` is left out too. */
function toSearchParams(filter: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      value === false
    ) {
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}
