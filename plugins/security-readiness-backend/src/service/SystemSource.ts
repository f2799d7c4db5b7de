import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  STATE_INFORMATION_SYSTEM_TYPE,
  StateInformationSystemEntity,
  isStateInformationSystem,
} from '@qaztech/plugin-registry-common';

/**
 * Where the engine finds the registry systems it evaluates.
 */
export interface SystemSource {
  /** The registry system with this ref, or undefined when there is none. */
  getSystem(
    systemRef: string,
  ): Promise<StateInformationSystemEntity | undefined>;
  /** How many registry systems there are (for a run's progress). */
  count(): Promise<number>;
  /** Every registry system, a page at a time. */
  pages(): AsyncIterable<StateInformationSystemEntity[]>;
}

const FILTER = {
  kind: 'system',
  'spec.type': STATE_INFORMATION_SYSTEM_TYPE,
};

/**
 * The registry systems of the catalog, read with the plugin's own
 * credentials in cursor pages.
 */
export class CatalogSystemSource implements SystemSource {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly pageSize: number;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    /** Entities a catalog request returns (default 500). */
    pageSize?: number;
  }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.pageSize = options.pageSize ?? 500;
  }

  private credentials(): Promise<BackstageCredentials> {
    return this.auth.getOwnServiceCredentials();
  }

  async getSystem(
    systemRef: string,
  ): Promise<StateInformationSystemEntity | undefined> {
    const entity = await this.catalog.getEntityByRef(systemRef, {
      credentials: await this.credentials(),
    });
    return entity && isStateInformationSystem(entity) ? entity : undefined;
  }

  async count(): Promise<number> {
    const response = await this.catalog.queryEntities(
      { filter: FILTER, limit: 0 },
      { credentials: await this.credentials() },
    );
    return response.totalItems;
  }

  async *pages(): AsyncIterable<StateInformationSystemEntity[]> {
    let cursor: string | undefined;
    do {
      const credentials = await this.credentials();
      const response = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: this.pageSize }
          : {
              filter: FILTER,
              limit: this.pageSize,
              orderFields: { field: 'metadata.name', order: 'asc' },
            },
        { credentials },
      );
      const systems = response.items.filter(isStateInformationSystem);
      if (systems.length > 0) {
        yield systems;
      }
      cursor = response.pageInfo.nextCursor;
    } while (cursor);
  }
}
