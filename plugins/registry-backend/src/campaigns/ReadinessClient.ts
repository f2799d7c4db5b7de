import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CampaignReadinessLevel } from '@qaztech/plugin-registry-common';
import { ReadinessRow } from '../database/CampaignStore';

/** The largest page the security readiness API serves. */
const PAGE_SIZE = 500;

/** A guard against a cursor that never ends. */
const MAX_PAGES = 10_000;

type ScorecardListItem = {
  systemRef: string;
  level: CampaignReadinessLevel;
  evaluatedAt: string;
  /** Present when the API was asked for checks (`checks=`). */
  passedChecks?: string[];
};

/**
 * Reads every system's readiness level from the security readiness plugin
 * (`GET /api/security-readiness/scorecards`, paged) with the registry
 * plugin's own token.
 */
export class ReadinessClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  /**
   * Every scorecard; throws when the plugin cannot be read to the end. With
   * `checkIds`, each row also says which of those checks pass.
   */
  async listAll(checkIds: string[] = []): Promise<ReadinessRow[]> {
    const baseUrl = await this.#discovery.getBaseUrl('security-readiness');
    const rows: ReadinessRow[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'security-readiness',
      });
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cursor) {
        params.set('cursor', cursor);
      }
      if (checkIds.length) {
        params.set('checks', [...new Set(checkIds)].sort().join(','));
      }
      const response = await fetch(`${baseUrl}/scorecards?${params}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as {
        items: ScorecardListItem[];
        nextCursor?: string;
      };
      for (const item of page.items) {
        rows.push({
          systemRef: item.systemRef,
          level: item.level,
          evaluatedAt: item.evaluatedAt,
          ...(Array.isArray(item.passedChecks)
            ? { passedChecks: item.passedChecks }
            : {}),
        });
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < MAX_PAGES);
    return rows;
  }
}
