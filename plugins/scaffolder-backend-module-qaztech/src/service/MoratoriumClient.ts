import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, ResponseError } from '@backstage/errors';
import { Exemption } from '@qaztech/plugin-registry-common';

/**
 * The content of an exemption request draft, as the moratorium backend's
 * `POST /requests` takes it (`RequestContent` in its OpenAPI spec).
 *
 * @public
 */
export interface ExemptionRequestContent {
  system?: {
    kind: 'existing' | 'planned';
    entityRef: string;
    title?: { ru?: string; kk?: string; en?: string };
  };
  stateBodyRef?: string;
  purpose?: string;
  capabilityGaps?: Array<{ capability: string; reason: string }>;
  cost?: { amountKzt?: number; budgetProgramme?: string };
  dataCategories?: string[];
  hosting?: { kind?: string; country?: string; provider?: string };
  securityPlan?: string;
  exitPlan?: string;
}

/**
 * What the moratorium backend answers about a created draft; only the fields
 * the actions use.
 *
 * @public
 */
export interface CreatedExemptionRequest {
  id: string;
  number: string;
  state: string;
}

/**
 * The calls the scaffolder actions make to the moratorium backend, found
 * through discovery and authenticated with plugin-to-plugin tokens.
 *
 * @public
 */
export class MoratoriumClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #fetch: typeof fetch;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** The HTTP client; tests stub it. */
    fetch?: typeof fetch;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? fetch;
  }

  /**
   * The exemptions the commission's decisions give a system (approved,
   * expired or revoked): the same source the register's catalog module
   * counts. Asked with the scaffolder's own service credentials, like the
   * catalog does, so the answer does not depend on who runs the template.
   */
  async listExemptions(systemRef: string): Promise<Exemption[]> {
    const response = await this.#call(
      await this.#auth.getOwnServiceCredentials(),
      `/exemptions?${new URLSearchParams({ system: systemRef })}`,
    );
    const { items } = (await response.json()) as { items: Exemption[] };
    return items;
  }

  /**
   * Starts an exemption request draft on behalf of `credentials` (the person
   * who runs the template), who becomes its applicant. The idempotency key
   * makes a retried step return the first draft instead of a second one.
   */
  async createDraft(
    credentials: BackstageCredentials,
    content: ExemptionRequestContent,
    idempotencyKey: string,
  ): Promise<CreatedExemptionRequest> {
    const response = await this.#call(credentials, '/requests', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify({ content }),
    });
    return (await response.json()) as CreatedExemptionRequest;
  }

  async #call(
    onBehalfOf: BackstageCredentials,
    path: string,
    init: RequestInit = {},
  ): Promise<Response> {
    const baseUrl = await this.#discovery.getBaseUrl('moratorium');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf,
      targetPluginId: 'moratorium',
    });
    const response = await this.#fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      // A 400 is the input's fault: say what the moratorium backend said.
      if (response.status === 400) {
        throw new InputError(
          `The moratorium backend refused the request: ${error.body.error.message}`,
        );
      }
      // A 403 says what the runner may not do (e.g. file for another
      // state body): pass the reason on to the task log.
      if (response.status === 403) {
        throw new NotAllowedError(
          `The moratorium backend refused the request: ${error.body.error.message}`,
        );
      }
      throw error;
    }
    return response;
  }
}
