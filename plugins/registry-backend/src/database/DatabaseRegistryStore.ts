import { createHash } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import {
  foldText,
  likePattern,
  searchStems,
} from '@qaztech/plugin-registry-common';
import {
  RegistryImport,
  RegistryImportInput,
  RegistrySortField,
  RegistryStats,
  RegistryStore,
  RegistrySystem,
  RegistrySystemDetails,
  RegistrySystemFilter,
  RegistrySystemInput,
  RegistrySystemPage,
  RegistryWriteResult,
  RegistrySort,
} from './RegistryStore';

const SYSTEMS = 'registry_systems';
const CATEGORIES = 'registry_system_data_categories';
const IMPORTS = 'registry_imports';

/** Keeps IN lists and multi-row inserts well below every driver's limits. */
const CHUNK = 200;

/** Rows a sweep reads at a time, in entity ref order. */
const SWEEP_BATCH = 1000;

/**
 * How long a count by filter, a first page and the statistics are served
 * from memory. A
 * write through this store drops them at once; another replica's write shows
 * after at most this long.
 */
const DEFAULT_CACHE_TTL_MS = 5_000;

/** At most this many filters keep a cached count. */
const COUNT_CACHE_SIZE = 1_000;

/** At most this many first pages (filter, sort, limit) are kept. */
const FIRST_PAGE_CACHE_SIZE = 200;

const SORT_COLUMNS: Record<RegistrySortField, string> = {
  name: 'name',
  title: 'title_sort',
  registryNumber: 'registry_number',
  lifecycleStage: 'lifecycle_stage',
  platformStatus: 'platform_status',
  updatedAt: 'updated_at',
};

/** The columns of a list item; the record stays out of lists. */
const ITEM_COLUMNS = [
  'entity_ref',
  'namespace',
  'name',
  'title_ru',
  'title_kk',
  'title_en',
  'registry_number',
  'owner_ref',
  'owner_bin',
  'owner_kind',
  'lifecycle_stage',
  'platform_status',
  'platform_reason',
  'critical',
  'hosting_kind',
  'hosting_country',
  'data_categories',
  'unverified_claims',
  'updated_at',
];

type SystemRow = {
  entity_ref: string;
  namespace: string;
  name: string;
  title_ru: string;
  title_kk: string;
  title_en: string | null;
  registry_number: string;
  owner_ref: string;
  owner_bin: string | null;
  owner_kind: string;
  lifecycle_stage: string;
  platform_status: string;
  platform_reason: string;
  critical: boolean | number;
  hosting_kind: string;
  hosting_country: string;
  data_categories: string;
  unverified_claims?: string | null;
  updated_at: string;
  record?: string;
};

type ImportRow = {
  id: string | number;
  source_id: string;
  source: string;
  format: string;
  started_at: Date | string | number;
  finished_at: Date | string | number;
  status: RegistryImportInput['status'];
  rows_read: number;
  imported: number;
  rejected: string;
  error: string | null;
  created_at: Date | string | number;
};

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** A timestamp from either driver (Date on pg, epoch ms on SQLite). */
function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function toItem(row: SystemRow): RegistrySystem {
  return {
    entityRef: row.entity_ref,
    namespace: row.namespace,
    name: row.name,
    title: {
      ru: row.title_ru,
      kk: row.title_kk,
      ...(row.title_en ? { en: row.title_en } : {}),
    },
    ...(row.registry_number ? { registryNumber: row.registry_number } : {}),
    owner: {
      ref: row.owner_ref,
      ...(row.owner_bin ? { bin: row.owner_bin } : {}),
    },
    ownerKind: row.owner_kind as RegistrySystem['ownerKind'],
    lifecycleStage: row.lifecycle_stage as RegistrySystem['lifecycleStage'],
    platformStatus: row.platform_status as RegistrySystem['platformStatus'],
    platformReason: row.platform_reason,
    critical: Boolean(row.critical),
    hostingKind: row.hosting_kind as RegistrySystem['hostingKind'],
    hostingCountry: row.hosting_country,
    dataCategories: JSON.parse(row.data_categories),
    ...(row.unverified_claims
      ? { unverifiedClaims: JSON.parse(row.unverified_claims) }
      : {}),
    updatedAt: row.updated_at,
  };
}

function toRow(system: RegistrySystemInput, hash: string, updatedAt: string) {
  const registryNumber = system.registryNumber ?? '';
  return {
    entity_ref: system.entityRef.toLocaleLowerCase('en-US'),
    namespace: system.namespace,
    name: system.name,
    title_ru: system.title.ru,
    title_kk: system.title.kk,
    title_en: system.title.en ?? null,
    title_sort: foldText(system.title.ru),
    registry_number: registryNumber,
    owner_ref: system.owner.ref.toLocaleLowerCase('en-US'),
    owner_bin: system.owner.bin ?? null,
    owner_kind: system.ownerKind,
    lifecycle_stage: system.lifecycleStage,
    platform_status: system.platformStatus,
    platform_reason: system.platformReason,
    critical: system.critical,
    hosting_kind: system.hostingKind,
    hosting_country: system.hostingCountry,
    data_categories: JSON.stringify(system.dataCategories),
    claims_unverified: Boolean(system.unverifiedClaims?.length),
    unverified_claims: system.unverifiedClaims?.length
      ? JSON.stringify(system.unverifiedClaims)
      : null,
    search_text: foldText(
      [
        system.title.ru,
        system.title.kk,
        system.title.en ?? '',
        registryNumber,
        system.name,
        // The purpose too: the moratorium's reuse check finds systems that
        // do the same thing under another name.
        system.record.purpose ?? '',
      ].join('\n'),
    ),
    record: JSON.stringify(system.record),
    entity_hash: hash,
    updated_at: updatedAt,
  };
}

function hashOf(system: RegistrySystemInput): string {
  return createHash('sha256').update(JSON.stringify(system)).digest('hex');
}

/** A filter as a cache key: the same filter gives the same key. */
function filterKey(filter: RegistrySystemFilter): string {
  return JSON.stringify(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [
        key,
        Array.isArray(value) ? [...new Set(value)].sort() : value,
      ])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

type CacheEntry<T> = {
  value: Promise<T>;
  /** When the value arrived; undefined while its query runs. */
  settledAt?: number;
  /** Whether a background query is refreshing the value. */
  refreshing?: boolean;
};

/**
 * Values computed by the database, kept for a short time and shared by
 * concurrent callers: one query however many requests arrive together.
 * For one more TTL after it expires a value is still served while a single
 * background query refreshes it, so no request waits on a refresh.
 * `clear()` (after a write) drops every value at once. Bounded: the oldest
 * key goes first. A failed query is not kept.
 */
class ShortLivedCache<T> {
  readonly #entries = new Map<string, CacheEntry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) {
      return load();
    }
    const hit = this.#entries.get(key);
    if (hit) {
      const age = hit.settledAt === undefined ? 0 : Date.now() - hit.settledAt;
      if (age < this.ttlMs) {
        return hit.value;
      }
      if (age < 2 * this.ttlMs) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          const next = load();
          next.then(
            () => {
              // Unless a write cleared the cache meanwhile.
              if (this.#entries.get(key) === hit) {
                this.#set(key, { value: next, settledAt: Date.now() });
              }
            },
            () => {
              hit.refreshing = false;
            },
          );
        }
        return hit.value;
      }
    }
    const entry: CacheEntry<T> = { value: load() };
    entry.value.then(
      () => {
        entry.settledAt = Date.now();
      },
      () => {
        if (this.#entries.get(key) === entry) {
          this.#entries.delete(key);
        }
      },
    );
    this.#set(key, entry);
    return entry.value;
  }

  clear() {
    this.#entries.clear();
  }

  #set(key: string, entry: CacheEntry<T>) {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}

/**
 * The register projection in the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseRegistryStore implements RegistryStore {
  /** Runs the migrations (unless skipped) and returns the store. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /**
     * How long counts, first pages and statistics are served from memory, 5 s by default;
     * 0 turns the cache off.
     */
    cacheTtlMs?: number;
  }): Promise<DatabaseRegistryStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-registry-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseRegistryStore(
      client,
      options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    );
  }

  readonly #counts: ShortLivedCache<number>;
  readonly #firstPages: ShortLivedCache<RegistrySystemPage>;
  readonly #stats: ShortLivedCache<RegistryStats>;

  private constructor(private readonly db: Knex, cacheTtlMs: number) {
    this.#counts = new ShortLivedCache(cacheTtlMs, COUNT_CACHE_SIZE);
    this.#firstPages = new ShortLivedCache(cacheTtlMs, FIRST_PAGE_CACHE_SIZE);
    this.#stats = new ShortLivedCache(cacheTtlMs, 1);
  }

  /** Drops cached counts, first pages and statistics; after every write. */
  #changed() {
    this.#counts.clear();
    this.#firstPages.clear();
    this.#stats.clear();
  }

  async upsertChanged(
    systems: RegistrySystemInput[],
  ): Promise<RegistryWriteResult> {
    const result: RegistryWriteResult = {
      inserted: 0,
      updated: 0,
      unchanged: 0,
    };
    const byRef = new Map<string, RegistrySystemInput>();
    for (const system of systems) {
      byRef.set(system.entityRef.toLocaleLowerCase('en-US'), system);
    }
    const updatedAt = new Date().toISOString();

    try {
      for (const batch of chunks([...byRef.entries()])) {
        // Reading the hashes needs no transaction: a row that changes in
        // between is written again by the next run.
        const existing = new Map<string, string>(
          (
            await this.db(SYSTEMS)
              .whereIn(
                'entity_ref',
                batch.map(([ref]) => ref),
              )
              .select('entity_ref', 'entity_hash')
          ).map(r => [r.entity_ref, r.entity_hash]),
        );
        const changed: Array<ReturnType<typeof toRow>> = [];
        for (const [ref, system] of batch) {
          const hash = hashOf(system);
          const known = existing.get(ref);
          if (known === hash) {
            result.unchanged += 1;
            continue;
          }
          if (known === undefined) {
            result.inserted += 1;
          } else {
            result.updated += 1;
          }
          changed.push(toRow(system, hash, updatedAt));
        }
        if (!changed.length) {
          continue;
        }
        await this.db.transaction(async tx => {
          await tx(SYSTEMS).insert(changed).onConflict('entity_ref').merge();
          const refs = changed.map(r => r.entity_ref);
          await tx(CATEGORIES).whereIn('entity_ref', refs).delete();
          const categories = changed.flatMap(row =>
            [...new Set<string>(JSON.parse(row.data_categories))].map(
              category => ({ entity_ref: row.entity_ref, category }),
            ),
          );
          for (const part of chunks(categories)) {
            await tx(CATEGORIES).insert(part);
          }
        });
      }
    } finally {
      if (result.inserted || result.updated) {
        this.#changed();
      }
    }
    return result;
  }

  async deleteMissing(seen: ReadonlySet<string>): Promise<number> {
    const keep = new Set<string>();
    for (const ref of seen) {
      keep.add(ref.toLocaleLowerCase('en-US'));
    }
    let deleted = 0;
    let after: string | undefined;
    try {
      for (;;) {
        // Keyset over the primary key: each batch is one index range read.
        const query = this.db(SYSTEMS)
          .select('entity_ref')
          .orderBy('entity_ref')
          .limit(SWEEP_BATCH);
        if (after !== undefined) {
          query.where('entity_ref', '>', after);
        }
        const refs: string[] = (await query).map(r => r.entity_ref);
        const missing = refs.filter(ref => !keep.has(ref));
        for (const part of chunks(missing)) {
          deleted += await this.db.transaction(async tx => {
            await tx(CATEGORIES).whereIn('entity_ref', part).delete();
            return Number(
              await tx(SYSTEMS).whereIn('entity_ref', part).delete(),
            );
          });
        }
        if (refs.length < SWEEP_BATCH) {
          return deleted;
        }
        after = refs[refs.length - 1];
      }
    } finally {
      if (deleted) {
        this.#changed();
      }
    }
  }

  listSystems(options: {
    filter: RegistrySystemFilter;
    sort: RegistrySort;
    limit: number;
    cursor?: string;
  }): Promise<RegistrySystemPage> {
    if (options.cursor) {
      return this.#listPage(options);
    }
    // First pages are what the register page asks for on every visit and
    // facet change; they are kept like the counts.
    const { filter, sort, limit } = options;
    return this.#firstPages.get(
      JSON.stringify([filterKey(filter), sort.field, sort.order, limit]),
      () => this.#listPage(options),
    );
  }

  async #listPage(options: {
    filter: RegistrySystemFilter;
    sort: RegistrySort;
    limit: number;
    cursor?: string;
  }): Promise<RegistrySystemPage> {
    const { filter, sort, limit, cursor } = options;
    const column = SORT_COLUMNS[sort.field];
    const key = filterKey(filter);
    const position = cursor ? decodeCursor(sort, cursor, key) : undefined;

    const page = this.filtered(filter)
      .select<SystemRow[]>(ITEM_COLUMNS)
      .select({ sort_value: column })
      .orderBy([
        { column, order: sort.order },
        { column: 'entity_ref', order: sort.order },
      ])
      .limit(limit + 1);
    if (position) {
      // Row-value comparison: one index range scan on (key, entity_ref).
      page.whereRaw(
        `(??, entity_ref) ${sort.order === 'asc' ? '>' : '<'} (?, ?)`,
        [column, position.value, position.entityRef],
      );
    }
    // The first page counts the filter (a scan of every matching row, tens
    // of milliseconds at 100,000 systems); later pages carry that total in
    // their cursor instead of counting again on every page.
    const [rows, totalCount] = await Promise.all([
      page,
      position?.total ? position.total.count : this.#count(filter),
    ]);

    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toItem),
      ...(last
        ? {
            nextCursor: encodeCursor(sort, {
              value: (last as SystemRow & { sort_value: string }).sort_value,
              entityRef: last.entity_ref,
              total: { count: totalCount, filterKey: key },
            }),
          }
        : {}),
      totalCount,
    };
  }

  /**
   * How many systems match a filter. Every page of a list reports the
   * total, so it is counted once per filter and kept for a few seconds
   * rather than counted again for each page and each client.
   */
  #count(filter: RegistrySystemFilter): Promise<number> {
    return this.#counts.get(filterKey(filter), async () => {
      const row = await this.filtered(filter).count({ count: '*' }).first();
      return Number(row?.count ?? 0);
    });
  }

  async getSystem(
    entityRef: string,
  ): Promise<RegistrySystemDetails | undefined> {
    const row = await this.db(SYSTEMS)
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .select<SystemRow[]>([...ITEM_COLUMNS, 'record'])
      .first();
    if (!row) {
      return undefined;
    }
    return { ...toItem(row), record: JSON.parse(row.record!) };
  }

  stats(): Promise<RegistryStats> {
    return this.#stats.get('stats', () => this.#computeStats());
  }

  async #computeStats(): Promise<RegistryStats> {
    // One GROUP BY over the three facets: at most bodies × statuses × stages
    // rows come back, however many systems there are; folding them here
    // never touches the systems themselves.
    const groups = (await this.db(SYSTEMS)
      .select({
        owner: 'owner_ref',
        status: 'platform_status',
        stage: 'lifecycle_stage',
      })
      .count({ count: '*' })
      .groupBy('owner_ref', 'platform_status', 'lifecycle_stage')) as Array<{
      owner: string;
      status: string;
      stage: string;
      count: string | number;
    }>;

    let total = 0;
    const byPlatformStatus: Record<string, number> = {};
    const byLifecycleStage: Record<string, number> = {};
    const owners = new Map<
      string,
      { ref: string; total: number; byPlatformStatus: Record<string, number> }
    >();
    for (const row of groups) {
      const count = Number(row.count);
      total += count;
      byPlatformStatus[row.status] =
        (byPlatformStatus[row.status] ?? 0) + count;
      byLifecycleStage[row.stage] = (byLifecycleStage[row.stage] ?? 0) + count;
      const owner = owners.get(row.owner) ?? {
        ref: row.owner,
        total: 0,
        byPlatformStatus: {},
      };
      owner.total += count;
      owner.byPlatformStatus[row.status] =
        (owner.byPlatformStatus[row.status] ?? 0) + count;
      owners.set(row.owner, owner);
    }
    return {
      total,
      byPlatformStatus,
      // Stages in code-point order, as the database sorted them before.
      byLifecycleStage: Object.fromEntries(
        Object.entries(byLifecycleStage).sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
      byOwner: [...owners.values()].sort(
        (a, b) => b.total - a.total || (a.ref < b.ref ? -1 : 1),
      ),
    };
  }

  async *streamSystems(
    filter: RegistrySystemFilter,
    batchSize = 500,
  ): AsyncIterable<RegistrySystem[]> {
    let after: string | undefined;
    for (;;) {
      const query = this.filtered(filter)
        .select<SystemRow[]>(ITEM_COLUMNS)
        .orderBy('entity_ref')
        .limit(batchSize);
      if (after !== undefined) {
        query.where('entity_ref', '>', after);
      }
      const rows = await query;
      if (rows.length) {
        yield rows.map(toItem);
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async *streamRecords(
    batchSize = 500,
  ): AsyncIterable<RegistrySystemDetails[]> {
    let after: string | undefined;
    for (;;) {
      const query = this.db(SYSTEMS)
        .select<SystemRow[]>([...ITEM_COLUMNS, 'record'])
        .orderBy('entity_ref')
        .limit(batchSize);
      if (after !== undefined) {
        query.where('entity_ref', '>', after);
      }
      const rows = await query;
      if (rows.length) {
        yield rows.map(row => ({
          ...toItem(row),
          record: JSON.parse(row.record!),
        }));
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async addImport(entry: RegistryImportInput): Promise<string> {
    const [row] = await this.db(IMPORTS).insert(
      {
        source_id: entry.sourceId,
        source: entry.source,
        format: entry.format,
        started_at: new Date(entry.startedAt),
        finished_at: new Date(entry.finishedAt),
        status: entry.status,
        rows_read: entry.rowsRead,
        imported: entry.imported,
        rejected: JSON.stringify(entry.rejected),
        error: entry.error ?? null,
        created_at: new Date(),
      },
      ['id'],
    );
    return String(typeof row === 'object' ? row.id : row);
  }

  async listImports(limit: number): Promise<RegistryImport[]> {
    const rows: ImportRow[] = await this.db(IMPORTS)
      .select('*')
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(row => ({
      id: String(row.id),
      sourceId: row.source_id,
      source: row.source,
      format: row.format,
      startedAt: toIso(row.started_at),
      finishedAt: toIso(row.finished_at),
      status: row.status,
      rowsRead: Number(row.rows_read),
      imported: Number(row.imported),
      rejected: JSON.parse(row.rejected),
      ...(row.error ? { error: row.error } : {}),
      createdAt: toIso(row.created_at),
    }));
  }

  /** The systems table narrowed by the filter; used by list, count and export. */
  private filtered(filter: RegistrySystemFilter): Knex.QueryBuilder {
    const query = this.db(SYSTEMS);
    if (filter.owner?.length) {
      query.whereIn(
        'owner_ref',
        filter.owner.map(ref => ref.toLocaleLowerCase('en-US')),
      );
    }
    if (filter.platformStatus?.length) {
      query.whereIn('platform_status', filter.platformStatus);
    }
    if (filter.lifecycleStage?.length) {
      query.whereIn('lifecycle_stage', filter.lifecycleStage);
    }
    if (filter.hostingKind?.length) {
      query.whereIn('hosting_kind', filter.hostingKind);
    }
    if (filter.critical !== undefined) {
      query.where('critical', filter.critical);
    }
    if (filter.unverified !== undefined) {
      query.where('claims_unverified', filter.unverified);
    }
    if (filter.dataCategory?.length) {
      query.whereIn(
        'entity_ref',
        this.db(CATEGORIES)
          .whereIn('category', filter.dataCategory)
          .select('entity_ref'),
      );
    }
    if (filter.q?.trim()) {
      const q = filter.q.trim();
      // The text as typed, or (for Russian and Kazakh) every word by its
      // stem, so that «лицензии» and «лицензиялау» find «лицензирования».
      // Stems are prefixes of the stored words: plain LIKE on both
      // databases, served by the trigram index on PostgreSQL.
      const stems = /\p{Script=Latin}/u.test(q)
        ? []
        : searchStems(q).filter(stem => stem.length >= 3);
      query.where(inner => {
        inner.whereRaw(`search_text LIKE ? ESCAPE '!'`, [likePattern(q)]);
        if (stems.length > 0) {
          inner.orWhere(all => {
            for (const stem of stems) {
              all.whereRaw(`search_text LIKE ? ESCAPE '!'`, [
                likePattern(stem),
              ]);
            }
          });
        }
      });
    }
    return query;
  }
}
