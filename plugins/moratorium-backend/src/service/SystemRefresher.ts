import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Asks the catalog to process systems again after their exemptions changed,
 * so the register's moratorium status follows the decision without waiting
 * for the next processing pass. Best effort: a failure is logged, and the
 * catalog's own processing catches up later.
 */
export class SystemRefresher {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
  }

  /** Refreshes each System entity ref once. */
  async refresh(systemRefs: Iterable<string>): Promise<void> {
    const refs = [...new Set(systemRefs)];
    if (refs.length === 0) {
      return;
    }
    const credentials = await this.#auth.getOwnServiceCredentials();
    for (const entityRef of refs) {
      try {
        await this.#catalog.refreshEntity(entityRef, { credentials });
      } catch (error) {
        this.#logger.warn('Could not ask the catalog to refresh a system', {
          entityRef,
          error: String(error),
        });
      }
    }
  }
}
