import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Campaign,
  CampaignInput,
  CampaignList,
  CampaignProgress,
  CampaignState,
  IntegrationGraph,
  SimilarSystem,
  SystemCampaign,
  UserLanguage,
} from '@qaztech/plugin-registry-common';
import {
  CampaignProgressRequest,
  CampaignUpdate,
  ListRegistrySystemsRequest,
  ListRegistrySystemsResponse,
  RegistryApi,
  RegistryFilter,
  RegistryStats,
  RegistrySystemDetails,
  RegistrySystemRef,
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

  async getSystem(
    ref: RegistrySystemRef,
  ): Promise<RegistrySystemDetails | undefined> {
    const response = await this.#get(systemPath(ref), new URLSearchParams(), [
      404,
    ]);
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
    const params = toSearchParams(filter);
    // People open the file in Excel or LibreOffice, which in the ru and kk
    // locales split columns at ';' (the comma is the decimal separator).
    params.set('sep', ';');
    const response = await this.#get('/export.csv', params);
    return response.blob();
  }

  async listCampaigns(): Promise<CampaignList> {
    const response = await this.#get('/campaigns', new URLSearchParams());
    return response.json();
  }

  async getCampaign(id: string): Promise<Campaign> {
    const response = await this.#get(campaignPath(id), new URLSearchParams());
    return response.json();
  }

  async createCampaign(input: CampaignInput): Promise<Campaign> {
    const response = await this.#send('POST', '/campaigns', input);
    return response.json();
  }

  async updateCampaign(id: string, update: CampaignUpdate): Promise<Campaign> {
    const response = await this.#send('PUT', campaignPath(id), update);
    return response.json();
  }

  async setCampaignState(
    id: string,
    change: { state: CampaignState; version: number },
  ): Promise<Campaign> {
    const response = await this.#send(
      'POST',
      `${campaignPath(id)}/state`,
      change,
    );
    return response.json();
  }

  async getCampaignProgress(
    id: string,
    request: CampaignProgressRequest = {},
  ): Promise<CampaignProgress> {
    const response = await this.#get(
      `${campaignPath(id)}/progress`,
      toSearchParams(request),
    );
    return response.json();
  }

  async exportLateCsv(id: string): Promise<Blob> {
    const response = await this.#get(
      `${campaignPath(id)}/late.csv`,
      new URLSearchParams({ sep: ';' }), // for Excel in ru and kk, as above
    );
    return response.blob();
  }

  async getSystemCampaigns(ref: RegistrySystemRef): Promise<SystemCampaign[]> {
    const response = await this.#get(
      `${systemPath(ref)}/campaigns`,
      new URLSearchParams(),
    );
    return (await response.json()).items;
  }

  async getSimilarSystems(ref: RegistrySystemRef): Promise<SimilarSystem[]> {
    const response = await this.#get(
      `${systemPath(ref)}/similar`,
      new URLSearchParams(),
    );
    return (await response.json()).items;
  }

  async getIntegrations(
    filter: { stateBody?: string } = {},
  ): Promise<IntegrationGraph> {
    const response = await this.#get('/integrations', toSearchParams(filter));
    return response.json();
  }

  async getMyLanguage(): Promise<{ language: UserLanguage; picked: boolean }> {
    const response = await this.#get('/me/language', new URLSearchParams());
    return response.json();
  }

  async setMyLanguage(language: UserLanguage): Promise<void> {
    await this.#send('PUT', '/me/language', { language });
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

  async #send(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('registry');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function systemPath(ref: RegistrySystemRef): string {
  return `/systems/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
    ref.name,
  )}`;
}

function campaignPath(id: string): string {
  return `/campaigns/${encodeURIComponent(id)}`;
}

/** Only the parameters that are set; `critical=false` is a filter too. */
function toSearchParams(
  request:
    | ListRegistrySystemsRequest
    | RegistryFilter
    | CampaignProgressRequest
    | { stateBody?: string },
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
