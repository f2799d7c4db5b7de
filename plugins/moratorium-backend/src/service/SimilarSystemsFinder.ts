import { searchTerms } from '@qaztech/plugin-registry-common';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { SimilarSystem } from '@qaztech/plugin-moratorium-common';

type RegistryListItem = {
  entityRef: string;
  title: SimilarSystem['title'];
  registryNumber?: string;
  owner?: { ref?: string };
};

/**
 * Finds register systems whose titles share meaningful words with a
 * request's title and purpose, through the registry backend's search
 * (`GET /systems?q=`), one query per word.
 */
export class SimilarSystemsFinder {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #maxTerms: number;
  readonly #maxResults: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    logger: LoggerService;
    maxTerms?: number;
    maxResults?: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#maxTerms = options.maxTerms ?? 6;
    this.#maxResults = options.maxResults ?? 10;
  }

  /**
   * The similar systems, those matching most words first; `exclude` is the
   * request's own system. Throws when the registry cannot be asked.
   */
  async find(text: string, exclude?: string): Promise<SimilarSystem[]> {
    const terms = searchTerms(text, this.#maxTerms);
    if (terms.length === 0) {
      return [];
    }
    const baseUrl = await this.#discovery.getBaseUrl('registry');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'registry',
    });
    const found = new Map<string, SimilarSystem>();
    for (const term of terms) {
      const url = `${baseUrl}/systems?${new URLSearchParams({
        q: term,
        limit: '20',
      })}`;
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const { items } = (await response.json()) as {
        items: RegistryListItem[];
      };
      for (const item of items) {
        if (item.entityRef === exclude) {
          continue;
        }
        const known = found.get(item.entityRef);
        if (known) {
          known.matchedTerms.push(term);
        } else {
          found.set(item.entityRef, {
            entityRef: item.entityRef,
            title: item.title,
            ...(item.registryNumber
              ? { registryNumber: item.registryNumber }
              : {}),
            ...(item.owner?.ref ? { ownerRef: item.owner.ref } : {}),
            matchedTerms: [term],
          });
        }
      }
    }
    return [...found.values()]
      .sort(
        (a, b) =>
          b.matchedTerms.length - a.matchedTerms.length ||
          a.entityRef.localeCompare(b.entityRef),
      )
      .slice(0, this.#maxResults);
  }

  /** Like {@link SimilarSystemsFinder.find}, but logs and answers none when the registry is unavailable. */
  async findOrNone(text: string, exclude?: string): Promise<SimilarSystem[]> {
    try {
      return await this.find(text, exclude);
    } catch (error) {
      this.#logger.warn(
        'Could not search the register for similar systems; storing none',
        { error: String(error) },
      );
      return [];
    }
  }
}
