import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ListRegistrySystemsRequest,
  ListRegistrySystemsResponse,
  RegistryApi,
  RegistryFilter,
  RegistryStats,
  RegistrySystemDetails,
} from './RegistryApi';

/**
 * The {@link RegistryApi} over HTTP: the registry backend found through
 * discovery, called with the signed-in user's credentials.
 *
 * @public
 */
export class RegistryClient implements RegistryApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listSystems(
    request: ListRegistrySystemsRequest = {},
  ): Promise<ListRegistrySystemsResponse> {
    const response = await this.#get('/systems', toSearchParams(request));
    return response.json();
  }

  async getSystem(ref: {
    namespace: string;
    name: string;
  }): Promise<RegistrySystemDetails | undefined> {
    const path = `/systems/${encodeURIComponent(
      ref.namespace,
    )}/${encodeURIComponent(ref.name)}`;
    const response = await this.#get(path, new URLSearchParams(), [404]);
    if (response.status === 404) {
      return undefined;
    }
    return response.json();
  }

  async getStats(): Promise<RegistryStats> {
    const response = await this.#get('/stats', new URLSearchParams());
    return response.json();
  }

  async exportCsv(filter: RegistryFilter = {}): Promise<Blob> {
    const response = await this.#get('/export.csv', toSearchParams(filter));
    return response.blob();
  }

  async #get(
    path: string,
    params: URLSearchParams,
    allowedStatuses: number[] = [],
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('registry');
    const query = params.toString();
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}${query ? `?${query}` : ''}`,
    );
    if (!response.ok && !allowedStatuses.includes(response.status)) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** Only the parameters that are set; `critical=false` is a filter too. */
function toSearchParams(
  request: ListRegistrySystemsRequest | RegistryFilter,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}
