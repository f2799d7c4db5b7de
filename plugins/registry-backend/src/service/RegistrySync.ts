import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  STATE_BODY_GROUP_TYPE,
  STATE_INFORMATION_SYSTEM_TYPE,
} from '@qaztech/plugin-registry-common';
import { RegistryStore, RegistrySystemInput } from '../database/RegistryStore';
import { toRegistrySystem } from './toRegistrySystem';

/** Entities read from the catalog a request; also the write batch size. */
const PAGE_SIZE = 500;

/** What the projection needs of an entity; relations and status stay home. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.registry',
];

/** What one sync run did. */
export interface RegistrySyncResult {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  invalid: number;
}

/**
 * Keeps the register projection in step with the catalog: reads every state
 * information system a page at a time, writes the rows whose content
 * changed, and removes the rows of systems the catalog no longer has.
 */
export class RegistrySync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: RegistryStore;
      logger: LoggerService;
      moratoriumStart?: string;
    },
  ) {}

  /** One full pass over the catalog. */
  async run(): Promise<RegistrySyncResult> {
    const { catalog, auth, store } = this.options;
    const logger = this.options.logger.child({ task: 'registry-sync' });
    const started = Date.now();
    const at = new Date();
    // The refs of the valid systems this pass wrote or found unchanged; the
    // sweep removes every other row.
    const seen = new Set<string>();
    const result: RegistrySyncResult = {
      read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      invalid: 0,
    };

    const stateBodies = await this.#stateBodies();
    let cursor: string | undefined;
    do {
      const credentials = await auth.getOwnServiceCredentials();
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: FIELDS }
          : {
              fields: FIELDS,
              filter: {
                kind: 'system',
                'spec.type': STATE_INFORMATION_SYSTEM_TYPE,
              },
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      result.read += page.items.length;
      const systems: RegistrySystemInput[] = [];
      for (const entity of page.items) {
        const mapped = toRegistrySystem(entity, {
          at,
          moratoriumStart: this.options.moratoriumStart,
          stateBodies,
        });
        if (mapped.ok) {
          systems.push(mapped.system);
          seen.add(mapped.system.entityRef.toLocaleLowerCase('en-US'));
        } else {
          result.invalid += 1;
          logger.warn(
            `Skipped ${mapped.entityRef}: not a valid registry system`,
            {
              entityRef: mapped.entityRef,
              problems: mapped.problems
                .map(p => `${p.path} ${p.message}`)
                .join('; '),
            },
          );
        }
      }
      const written = await store.upsertChanged(systems);
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.unchanged += written.unchanged;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    // Only a complete pass may sweep: a failed page throws before this line.
    result.deleted = await store.deleteMissing(seen);
    logger.info(
      `Register sync read ${result.read} systems: ${result.inserted} new, ${result.updated} changed, ${result.deleted} removed`,
      { ...result, durationMs: Date.now() - started },
    );
    return result;
  }

  /**
   * Writes one system the catalog has just processed, from the processed
   * entity the registry catalog module announced (after a decision, a
   * revocation or an expiry), so the register follows within seconds instead
   * of at the next full pass. Reads only the owner Group from the catalog,
   * to check it is a state body. Returns whether the row changed.
   */
  async syncOne(entity: Entity): Promise<boolean> {
    const { catalog, auth, store } = this.options;
    if (
      entity.kind.toLocaleLowerCase('en-US') !== 'system' ||
      entity.spec?.type !== STATE_INFORMATION_SYSTEM_TYPE
    ) {
      return false;
    }
    const ownerRef = stringifyEntityRef(
      parseEntityRef(String(entity.spec?.owner), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
    const owner = await catalog.getEntityByRef(ownerRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    const stateBodies = new Set<string>(
      owner?.kind.toLocaleLowerCase('en-US') === 'group' &&
      owner.spec?.type === STATE_BODY_GROUP_TYPE
        ? [ownerRef.toLocaleLowerCase('en-US')]
        : [],
    );
    const mapped = toRegistrySystem(entity, {
      at: new Date(),
      moratoriumStart: this.options.moratoriumStart,
      stateBodies,
    });
    if (!mapped.ok) {
      return false;
    }
    const written = await store.upsertChanged([mapped.system]);
    return written.inserted + written.updated > 0;
  }

  /**
   * The refs (lower case) of the catalog's state bodies: Groups with
   * `spec.type: state-body`. A few hundred at national scale, read once a
   * pass, so checking each system's owner costs nothing per system.
   */
  async #stateBodies(): Promise<Set<string>> {
    const { catalog, auth } = this.options;
    const refs = new Set<string>();
    let cursor: string | undefined;
    do {
      const credentials = await auth.getOwnServiceCredentials();
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              fields: ['kind', 'metadata.name', 'metadata.namespace'],
              filter: { kind: 'group', 'spec.type': STATE_BODY_GROUP_TYPE },
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      for (const group of page.items) {
        refs.add(stringifyEntityRef(group).toLocaleLowerCase('en-US'));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return refs;
  }
}
