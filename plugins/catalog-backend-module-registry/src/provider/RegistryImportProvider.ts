import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  BIN_ANNOTATION,
  STATE_BODY_GROUP_TYPE,
  explainBin,
  validateRegistrySystem,
} from '@qaztech/plugin-registry-common';
import { createHash, randomUUID } from 'node:crypto';
import { buildRegistrySystem, exportFieldOf } from './buildRegistrySystem';
import { ExportLocation, exportLocation, redactText } from './readExport';
import { ImportReport } from './ImportReport';
import { RejectedRow, parseRegisterExport } from './parseRegisterExport';
import { RegistryImportConfig } from './readRegistryImportConfigs';

/**
 * What a {@link RegistryImportProvider} needs.
 *
 * @public
 */
export interface RegistryImportProviderOptions {
  config: RegistryImportConfig;
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  /** Reads URL sources, so `backend.reading.allow` applies. */
  reader: UrlReaderService;
  /** The size cap of the export in bytes; 50 MB by default. */
  maxBytes?: number;
}

/** The owners of a run: БИН → Group refs (more than one is an ambiguity). */
type OwnerMap = Map<string, string[]>;

/** What the last applied import looked like, to recognise an unchanged one. */
interface AppliedImport {
  fingerprint: string;
  rowsRead: number;
  imported: number;
  rejected: RejectedRow[];
}

function describeError(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  const cause = e?.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e?.message ?? String(error)}${cause}`;
}

/**
 * Imports one national register export (CSV or JSON, from a file or a URL)
 * into the catalog as state information systems, as a scheduled task.
 *
 * Each run reads the export, finds the owner of each row by the БИН of its
 * state body Group, validates every built System, skips bad rows (reported
 * with line and reason) and applies the good ones as a full mutation, so
 * systems removed from the export leave the catalog. A run whose export and
 * owners are the same as the last applied one writes nothing (`unchanged`).
 * A run that cannot read or parse the export writes nothing either, so the
 * catalog keeps the last good import (`failed`). Every run is reported to the
 * registry backend.
 *
 * @public
 */
export class RegistryImportProvider implements EntityProvider {
  readonly #config: RegistryImportConfig;
  readonly #location: ExportLocation;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #discovery: DiscoveryService;
  #connection?: EntityProviderConnection;
  #lastApplied?: AppliedImport;

  constructor(options: RegistryImportProviderOptions) {
    this.#config = options.config;
    this.#location = exportLocation(options.config.source, {
      reader: options.reader,
      maxBytes: options.maxBytes,
    });
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#discovery = options.discovery;
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `registry-import:${this.#config.id}`;
  }

  /** The id of the scheduled task that runs this import. */
  getTaskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  /**
   * Schedules the import. The first run happens on the schedule, never inside
   * `connect()`: a full mutation here would hold up the catalog's start.
   */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: this.getTaskId(),
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /**
   * Runs the import once and reports it; what the scheduled task calls.
   * Never throws: a failure is logged and reported.
   */
  async refresh(): Promise<ImportReport> {
    const logger = this.#logger.child({
      task: this.getTaskId(),
      runId: randomUUID(),
      sourceId: this.#config.id,
      source: this.#location.sourceUrl,
    });
    const startedAt = new Date().toISOString();
    const outcome = await this.#run(logger);
    const report: ImportReport = {
      sourceId: this.#config.id,
      source: this.#location.sourceUrl,
      format: this.#config.format,
      startedAt,
      finishedAt: new Date().toISOString(),
      ...outcome,
      // Errors name the source; its credentials never reach the log.
      ...(outcome.error
        ? { error: redactText(outcome.error, this.#config.source) }
        : {}),
    };
    if (report.status === 'failed') {
      logger.error(
        `Import of the national register from ${report.source} failed; the catalog keeps the last good import: ${report.error}`,
      );
    } else {
      logger.info(
        `Import of the national register ${report.status}: ${report.imported} systems, ${report.rejected.length} rejected rows`,
        {
          status: report.status,
          imported: report.imported,
          rejected: report.rejected.length,
        },
      );
    }
    for (const row of report.rejected) {
      logger.warn(`Rejected row: ${row.reason}`, { line: row.line });
    }
    await this.#report(report, logger);
    return report;
  }

  async #run(
    logger: LoggerService,
  ): Promise<
    Omit<
      ImportReport,
      'sourceId' | 'source' | 'format' | 'startedAt' | 'finishedAt'
    >
  > {
    const failed = (error: unknown) => ({
      status: 'failed' as const,
      rowsRead: 0,
      imported: 0,
      rejected: [],
      error: describeError(error),
    });
    if (!this.#connection) {
      return failed(new Error('the provider is not connected to the catalog'));
    }

    let data: Buffer;
    let owners: OwnerMap;
    try {
      data = await this.#location.read();
    } catch (error) {
      return failed(
        new Error(
          `cannot read ${this.#location.sourceUrl}: ${describeError(error)}`,
        ),
      );
    }
    try {
      owners = await this.#loadOwners();
    } catch (error) {
      return failed(
        new Error(
          `cannot look up the state body Groups in the catalog: ${describeError(
            error,
          )}`,
        ),
      );
    }

    const fingerprint = this.#fingerprint(data, owners);
    const last = this.#lastApplied;
    if (last?.fingerprint === fingerprint) {
      logger.debug('The export and the owners are unchanged; nothing to write');
      return {
        status: 'unchanged',
        rowsRead: last.rowsRead,
        imported: last.imported,
        rejected: last.rejected,
      };
    }

    let entities: DeferredEntity[];
    let rejected: RejectedRow[];
    let rowsRead: number;
    try {
      ({ entities, rejected, rowsRead } = this.#buildEntities(data, owners));
    } catch (error) {
      return failed(error);
    }
    if (rowsRead > 0 && entities.length === 0) {
      // Most likely a broken export or owners not yet in the catalog; applying
      // it would empty the register.
      return {
        ...failed(
          new Error(`none of the ${rowsRead} rows of the export is valid`),
        ),
        rowsRead,
        rejected,
      };
    }

    try {
      await this.#connection.applyMutation({ type: 'full', entities });
    } catch (error) {
      return { ...failed(error), rowsRead, rejected };
    }
    this.#lastApplied = {
      fingerprint,
      rowsRead,
      imported: entities.length,
      rejected,
    };
    return {
      status: 'succeeded',
      rowsRead,
      imported: entities.length,
      rejected,
    };
  }

  #fingerprint(data: Buffer, owners: OwnerMap): string {
    const hash = createHash('sha256');
    hash.update(this.#config.format).update('\0').update(data).update('\0');
    hash.update(JSON.stringify([...owners.entries()].sort()));
    return hash.digest('hex');
  }

  async #loadOwners(): Promise<OwnerMap> {
    const { items } = await this.#catalog.getEntities(
      {
        filter: { kind: 'Group', 'spec.type': STATE_BODY_GROUP_TYPE },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    const owners: OwnerMap = new Map();
    for (const group of items) {
      const bin = group.metadata.annotations?.[BIN_ANNOTATION];
      if (bin) {
        const refs = owners.get(bin) ?? [];
        refs.push(stringifyEntityRef(group));
        owners.set(bin, refs);
      }
    }
    return owners;
  }

  #buildEntities(data: Buffer, owners: OwnerMap) {
    const { rows, unreadable } = parseRegisterExport(data, this.#config.format);
    const rejected: RejectedRow[] = [...unreadable];
    const entities: DeferredEntity[] = [];
    const lineOfName = new Map<string, string>();

    for (const row of rows) {
      const reject = (reason: string) =>
        rejected.push({ line: row.line, reason: `${row.label}: ${reason}` });

      const bin =
        row.fields.ownerBin === undefined || row.fields.ownerBin === null
          ? ''
          : String(row.fields.ownerBin).trim();
      const ownerRefs = owners.get(bin) ?? [];
      let entity: Entity;
      try {
        entity = buildRegistrySystem(row.fields, {
          // A placeholder keeps validation going when the owner is unknown;
          // the row is rejected below either way.
          owner:
            ownerRefs.length === 1
              ? ownerRefs[0]
              : 'group:default/unknown-state-body',
          locationRef: this.#location.locationRef,
        });
      } catch (error) {
        reject(describeError(error));
        continue;
      }

      const problems = new Set<string>();
      const validation = validateRegistrySystem(entity);
      if (!validation.valid) {
        for (const p of validation.problems) {
          problems.add(`${exportFieldOf(p.path)}: ${p.message}`);
        }
      }
      if (explainBin(bin) === undefined && ownerRefs.length !== 1) {
        problems.add(
          ownerRefs.length === 0
            ? `ownerBin: no state body Group in the catalog has the БИН ${bin} (annotation ${BIN_ANNOTATION})`
            : `ownerBin: the БИН ${bin} belongs to more than one state body Group (${ownerRefs.join(
                ', ',
              )})`,
        );
      }
      const name = entity.metadata.name;
      const previous = lineOfName.get(name);
      if (previous && problems.size === 0) {
        problems.add(
          `name: the system ${name} is already imported from ${previous}`,
        );
      }
      if (problems.size > 0) {
        reject([...problems].join('; '));
        continue;
      }
      lineOfName.set(name, row.label);
      entities.push({ entity, locationKey: this.getProviderName() });
    }
    rejected.sort((a, b) => a.line - b.line);
    return { entities, rejected, rowsRead: rows.length + unreadable.length };
  }

  async #report(report: ImportReport, logger: LoggerService): Promise<void> {
    try {
      const baseUrl = await this.#discovery.getBaseUrl('registry');
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: 'registry',
      });
      const response = await fetch(`${baseUrl}/imports`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(report),
      });
      if (!response.ok) {
        throw new Error(
          `${response.status} ${response.statusText}: ${await response.text()}`,
        );
      }
    } catch (error) {
      logger.warn(
        `Could not report the import run to the registry backend: ${describeError(
          error,
        )}`,
      );
    }
  }
}
