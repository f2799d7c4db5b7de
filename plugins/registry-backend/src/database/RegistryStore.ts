import {
  DataCategory,
  HostingKind,
  LifecycleStage,
  MoratoriumStatusKind,
  OwnerKind,
  RegistryRecord,
  UnverifiedClaim,
} from '@qaztech/plugin-registry-common';

/**
 * One state information system as the register lists it: the fields the
 * list filters and sorts on.
 *
 * @public
 */
export type RegistrySystem = {
  entityRef: string;
  namespace: string;
  name: string;
  title: { ru: string; kk: string; en?: string };
  registryNumber?: string;
  /** The state body that owns the system: its Group ref and БИН. */
  owner: { ref: string; bin?: string };
  ownerKind: OwnerKind;
  lifecycleStage: LifecycleStage;
  platformStatus: MoratoriumStatusKind;
  platformReason: string;
  critical: boolean;
  hostingKind: HostingKind;
  hostingCountry: string;
  dataCategories: DataCategory[];
  /**
   * Claims of the record the evidence does not bear out (creation date,
   * platform status, exemption), each with what was claimed and what the
   * evidence says; absent when there are none.
   */
  unverifiedClaims?: UnverifiedClaim[];
  /** When the projection last saw the system change (UTC ISO 8601). */
  updatedAt: string;
};

/**
 * A system with its full register record.
 *
 * @public
 */
export type RegistrySystemDetails = RegistrySystem & {
  record: RegistryRecord;
};

/**
 * What the sync writes for one system; `updatedAt` is set by the store when
 * the row changes.
 *
 * @public
 */
export type RegistrySystemInput = Omit<RegistrySystemDetails, 'updatedAt'>;

/**
 * Which systems to list. Each array matches any of its values; the fields
 * together must all match.
 *
 * @public
 */
export interface RegistrySystemFilter {
  owner?: string[];
  platformStatus?: MoratoriumStatusKind[];
  lifecycleStage?: LifecycleStage[];
  critical?: boolean;
  dataCategory?: DataCategory[];
  hostingKind?: HostingKind[];
  /** Only systems with (true) or without (false) unverified claims. */
  unverified?: boolean;
  /** Free text over the titles, registry number and name, any letter case. */
  q?: string;
}

/** The fields the list can be sorted by. @public */
export const REGISTRY_SORT_FIELDS = [
  'name',
  'title',
  'registryNumber',
  'lifecycleStage',
  'platformStatus',
  'updatedAt',
] as const;

/** A field the list can be sorted by. @public */
export type RegistrySortField = (typeof REGISTRY_SORT_FIELDS)[number];

/** The order of a sorted list. @public */
export interface RegistrySort {
  field: RegistrySortField;
  order: 'asc' | 'desc';
}

/** One page of systems. @public */
export type RegistrySystemPage = {
  items: RegistrySystem[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
  /**
   * How many systems match the filter, over all pages: counted for the
   * first page; later pages report that count (carried in their cursor)
   * rather than counting again on every page.
   */
  totalCount: number;
};

/** How many systems there are, in total and by facet. @public */
export type RegistryStats = {
  total: number;
  byPlatformStatus: Record<string, number>;
  byLifecycleStage: Record<string, number>;
  /** Per state body: its total and its counts by platform status. */
  byOwner: Array<{
    ref: string;
    total: number;
    byPlatformStatus: Record<string, number>;
  }>;
};

/** What a sync run wrote. @public */
export interface RegistryWriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** One row an import rejected, and why. @public */
export type RegistryImportRejection = {
  line: number;
  reason: string;
};

/** One run of a register import, as its importer reports it. @public */
export type RegistryImportInput = {
  sourceId: string;
  source: string;
  format: string;
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed' | 'unchanged';
  rowsRead: number;
  imported: number;
  rejected: RegistryImportRejection[];
  error?: string;
};

/** A stored import run. @public */
export type RegistryImport = RegistryImportInput & {
  id: string;
  createdAt: string;
};

/**
 * The register projection: systems as the catalog has them, and the import
 * log.
 *
 * @public
 */
export interface RegistryStore {
  /**
   * Writes the systems whose content changed since the last run (compared
   * by hash); an unchanged system costs a read of its hash and no write.
   */
  upsertChanged(systems: RegistrySystemInput[]): Promise<RegistryWriteResult>;

  /**
   * Removes the systems whose entity refs (any letter case) are not in
   * `seen`, reading the projection in entity ref order a batch at a time.
   * Call it only after a complete pass over the catalog.
   */
  deleteMissing(seen: ReadonlySet<string>): Promise<number>;

  /**
   * One page of systems in keyset order. Counts and first pages are kept
   * for a few seconds: a write through this store shows at once, one by
   * another replica within seconds.
   */
  listSystems(options: {
    filter: RegistrySystemFilter;
    sort: RegistrySort;
    limit: number;
    cursor?: string;
  }): Promise<RegistrySystemPage>;

  /** One system with its record, or undefined. */
  getSystem(entityRef: string): Promise<RegistrySystemDetails | undefined>;

  /**
   * Counts by facet, computed in the database (GROUP BY) and kept for a few
   * seconds; a write through the store drops them.
   */
  stats(): Promise<RegistryStats>;

  /** Every matching system in entity ref order, a batch at a time. */
  streamSystems(
    filter: RegistrySystemFilter,
    batchSize?: number,
  ): AsyncIterable<RegistrySystem[]>;

  /** Every system with its record in entity ref order, a batch at a time. */
  streamRecords(batchSize?: number): AsyncIterable<RegistrySystemDetails[]>;

  /** Logs an import run and returns its id. */
  addImport(entry: RegistryImportInput): Promise<string>;

  /** The latest import runs, newest first. */
  listImports(limit: number): Promise<RegistryImport[]>;
}
