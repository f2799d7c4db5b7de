import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { PlatformDeployment } from '@qaztech/plugin-registry-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import {
  FirstSight,
  InventoryChange,
  InventoryDeployment,
  RegistryEvidenceStore,
} from './RegistryEvidenceStore';

const FIRST_SEEN = 'registry_first_seen';
const INVENTORY = 'registry_platform_inventory';
const SOURCES = 'registry_inventory_sources';

/** Keeps multi-row inserts and IN lists below every driver's limits. */
const CHUNK = 200;

/** The module's own migrations table, beside the catalog's. */
const MIGRATIONS_TABLE = 'registry_module_knex_migrations';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * {@link RegistryEvidenceStore} in the catalog's database (SQLite or
 * PostgreSQL), with the module's own migrations.
 *
 * @public
 */
export class DatabaseRegistryEvidenceStore implements RegistryEvidenceStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseRegistryEvidenceStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-catalog-backend-module-registry',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
      });
    }
    return new DatabaseRegistryEvidenceStore(client);
  }

  /** For tests: the store over a migrated knex client. */
  static async forClient(client: Knex): Promise<DatabaseRegistryEvidenceStore> {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@qaztech/plugin-catalog-backend-module-registry',
        'migrations',
      ),
      tableName: MIGRATIONS_TABLE,
    });
    return new DatabaseRegistryEvidenceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async loadFirstSights(): Promise<Map<string, FirstSight>> {
    const rows = await this.db(FIRST_SEEN).select(
      'entity_ref',
      'first_seen',
      'owner_ref',
    );
    return new Map(
      rows.map(r => [
        r.entity_ref as string,
        { firstSeen: r.first_seen as string, ownerRef: r.owner_ref as string },
      ]),
    );
  }

  async recordFirstSight(
    entityRef: string,
    sight: FirstSight,
  ): Promise<FirstSight> {
    const ref = lower(entityRef);
    // Another replica may record the same system at the same time: the
    // first insert wins and everyone reads it back.
    await this.db(FIRST_SEEN)
      .insert({
        entity_ref: ref,
        first_seen: sight.firstSeen,
        owner_ref: lower(sight.ownerRef),
        created_at: new Date(),
      })
      .onConflict('entity_ref')
      .ignore();
    const row = await this.db(FIRST_SEEN)
      .where({ entity_ref: ref })
      .first('first_seen', 'owner_ref');
    return { firstSeen: row.first_seen, ownerRef: row.owner_ref };
  }

  async moveOwner(entityRef: string, ownerRef: string): Promise<void> {
    await this.db(FIRST_SEEN)
      .where({ entity_ref: lower(entityRef) })
      .update({ owner_ref: lower(ownerRef) });
  }

  async replaceInventory(
    sourceId: string,
    deployments: InventoryDeployment[],
  ): Promise<InventoryChange> {
    const byRef = new Map<string, InventoryDeployment>();
    for (const d of deployments) {
      byRef.set(lower(d.entityRef), d);
    }
    const rows = [...byRef.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([ref, d]) => ({
        source_id: sourceId,
        entity_ref: ref,
        cluster: d.cluster,
        namespace: d.namespace,
      }));
    const version = createHash('sha256')
      .update(JSON.stringify(rows))
      .digest('hex');

    return this.db.transaction(async tx => {
      const before = new Set<string>(
        (
          await tx(INVENTORY)
            .where({ source_id: sourceId })
            .select('entity_ref')
        ).map(r => r.entity_ref),
      );
      await tx(INVENTORY).where({ source_id: sourceId }).delete();
      for (const chunk of chunks(rows)) {
        await tx(INVENTORY).insert(chunk);
      }
      await tx(SOURCES)
        .insert({
          source_id: sourceId,
          version,
          deployments: rows.length,
          updated_at: new Date(),
        })
        .onConflict('source_id')
        .merge(['version', 'deployments', 'updated_at']);
      return {
        added: [...byRef.keys()].filter(ref => !before.has(ref)),
        removed: [...before].filter(ref => !byRef.has(ref)),
        version,
      };
    });
  }

  async inventoryVersion(): Promise<string> {
    const rows = await this.db(SOURCES)
      .select('source_id', 'version')
      .orderBy('source_id');
    return rows.map(r => `${r.source_id}=${r.version}`).join(';');
  }

  async loadInventory(): Promise<Map<string, PlatformDeployment>> {
    const rows = await this.db(INVENTORY)
      .select('source_id', 'entity_ref', 'cluster', 'namespace')
      .orderBy(['entity_ref', 'source_id']);
    const result = new Map<string, PlatformDeployment>();
    for (const r of rows) {
      if (!result.has(r.entity_ref)) {
        result.set(r.entity_ref, {
          source: r.source_id,
          cluster: r.cluster,
          namespace: r.namespace,
        });
      }
    }
    return result;
  }
}
