import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { Exemption, ExemptionSource } from '@qaztech/plugin-registry-common';

/**
 * The register's exemption source backed by the moratorium backend's
 * `GET /exemptions?system=`, called with a plugin-to-plugin token.
 *
 * The registry catalog module asks every source each time it processes a
 * state information system, i.e. for every system on every processing pass
 * and again when a refresh is requested. Without a cache that is one HTTP
 * round trip per system per pass; the answer of each system is therefore
 * kept for a short time (30 s by default), and concurrent lookups of one
 * system share one request. When the moratorium announces that a system's
 * exemptions changed, the registry module calls {@link HttpExemptionSource.forget}
 * before it refreshes that system, so a decision never waits for the cache. Failures are not cached and are thrown, so the catalog keeps
 * the system's last known status instead of one computed without its
 * exemptions.
 *
 * @public
 */
export class HttpExemptionSource implements ExemptionSource {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #fetchFn: typeof fetch;
  readonly #cache = new Map<
    string,
    { at: number; exemptions: Promise<Exemption[]> }
  >();

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Seconds an answer is kept; 0 turns the cache off. */
    cacheSeconds: number;
    /** The clock, in milliseconds; tests pin it. */
    now?: () => number;
    /** The HTTP client; tests stub it. */
    fetch?: typeof fetch;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#ttlMs = options.cacheSeconds * 1000;
    this.#now = options.now ?? Date.now;
    this.#fetchFn = options.fetch ?? fetch;
  }

  async getExemptions(systemRef: string): Promise<Exemption[]> {
    const now = this.#now();
    const cached = this.#cache.get(systemRef);
    if (cached && now - cached.at < this.#ttlMs) {
      return cached.exemptions;
    }
    this.#evictExpired(now);
    const exemptions = this.#fetch(systemRef);
    this.#cache.set(systemRef, { at: now, exemptions });
    exemptions.catch(() => {
      if (this.#cache.get(systemRef)?.exemptions === exemptions) {
        this.#cache.delete(systemRef);
      }
    });
    return exemptions;
  }

  forget(systemRef: string): void {
    this.#cache.delete(systemRef);
  }

  async #fetch(systemRef: string): Promise<Exemption[]> {
    const baseUrl = await this.#discovery.getBaseUrl('moratorium');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'moratorium',
    });
    const response = await this.#fetchFn(
      `${baseUrl}/exemptions?${new URLSearchParams({ system: systemRef })}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const { items } = (await response.json()) as { items: Exemption[] };
    return items;
  }

  /** Keeps the map from growing with every system ever seen. */
  #evictExpired(now: number) {
    if (this.#cache.size < 1000) {
      return;
    }
    for (const [ref, entry] of this.#cache) {
      if (now - entry.at >= this.#ttlMs) {
        this.#cache.delete(ref);
      }
    }
  }
}
