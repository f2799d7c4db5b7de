import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SimilarSystem } from '@qaztech/plugin-moratorium-common';
import { searchTerms, sharedWords } from '@qaztech/plugin-registry-common';

const lower = (ref?: string) => (ref ?? '').toLocaleLowerCase('en-US');

type RegistryListItem = {
  entityRef: string;
  title: SimilarSystem['title'];
  registryNumber?: string;
  owner?: { ref?: string };
};

/**
 * Finds register systems that resemble a request by meaning: the register is
 * searched (`GET /systems?q=`, titles and purposes) with the beginning of
 * each meaningful word of the request's title and purpose, then each
 * candidate is ranked by the whole words its title (two points each) and
 * purpose (one point) share with the request, read from the catalog.
 */
export class SimilarSystemsFinder {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #catalog: CatalogService;
  readonly #logger: LoggerService;
  readonly #maxTerms: number;
  readonly #maxResults: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    catalog: CatalogService;
    logger: LoggerService;
    maxTerms?: number;
    maxResults?: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#catalog = options.catalog;
    this.#logger = options.logger;
    this.#maxTerms = options.maxTerms ?? 8;
    this.#maxResults = options.maxResults ?? 10;
  }

  /**
   * The similar systems, the most alike first; `exclude` is the request's
   * own system. Throws a 503 when the register cannot be asked.
   */
  async find(text: string, exclude?: string): Promise<SimilarSystem[]> {
    const stems = searchTerms(text, this.#maxTerms);
    if (stems.length === 0) {
      return [];
    }
    const candidates = new Map<string, RegistryListItem>();
    try {
      const baseUrl = await this.#discovery.getBaseUrl('registry');
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'registry',
      });
      for (const stem of stems) {
        const url = `${baseUrl}/systems?${new URLSearchParams({
          q: stem,
          limit: '50',
        })}`;
        const response = await fetch(url, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (response.status === 404) {
          // No registry plugin in this backend: there is no register to
          // compare with. An outage (a refused connection, a 5xx) is a 503.
          this.#logger.warn(
            'No register to search for similar systems (404 from the registry)',
          );
          return [];
        }
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        const { items } = (await response.json()) as {
          items: RegistryListItem[];
        };
        for (const item of items) {
          if (lower(item.entityRef) !== lower(exclude)) {
            candidates.set(lower(item.entityRef), item);
          }
        }
      }
    } catch (error) {
      this.#logger.warn('Could not search the register for similar systems', {
        error: String(error),
      });
      throw new ServiceUnavailableError(
        'The register could not be searched for similar systems; try again',
      );
    }
    const purposes = await this.#purposes([...candidates.values()]);
    const ranked: Array<SimilarSystem & { score: number }> = [];
    for (const item of candidates.values()) {
      const shared = sharedWords(text, {
        title: [item.title.ru, item.title.kk, item.title.en ?? ''].join(' '),
        purpose: purposes.get(lower(item.entityRef)) ?? '',
      });
      if (shared.score === 0) {
        continue;
      }
      ranked.push({
        entityRef: item.entityRef,
        title: item.title,
        ...(item.registryNumber ? { registryNumber: item.registryNumber } : {}),
        ...(item.owner?.ref ? { ownerRef: item.owner.ref } : {}),
        matchedTerms: [...shared.inTitle, ...shared.inPurpose],
        score: shared.score,
      });
    }
    return ranked
      .sort(
        (a, b) => b.score - a.score || a.entityRef.localeCompare(b.entityRef),
      )
      .slice(0, this.#maxResults)
      .map(({ score: _score, ...item }) => item);
  }

  /** The purposes of the candidates, from their register records in the catalog. */
  async #purposes(items: RegistryListItem[]): Promise<Map<string, string>> {
    const purposes = new Map<string, string>();
    if (items.length === 0) {
      return purposes;
    }
    const { items: entities } = await this.#catalog.getEntitiesByRefs(
      {
        entityRefs: items.map(i => i.entityRef),
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec'],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    entities.forEach((entity: Entity | undefined, index) => {
      const purpose = (entity?.spec?.registry as { purpose?: unknown })
        ?.purpose;
      if (typeof purpose === 'string') {
        purposes.set(lower(items[index].entityRef), purpose);
      }
    });
    return purposes;
  }
}
