import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { randomUUID } from 'node:crypto';
import { EvidenceLookup } from '../evidence/EvidenceLookup';
import { RegistryEvidenceStore } from '../evidence/RegistryEvidenceStore';
import {
  ExportLocation,
  exportLocation,
  redactText,
} from '../provider/readExport';
import { PlatformInventoryConfig } from './readPlatformInventoryConfigs';
import {
  RejectedDeployment,
  parsePlatformInventory,
} from './parsePlatformInventory';

/** At most this many systems are refreshed at once after a change. */
const MAX_REFRESHES = 2_000;

/**
 * How one inventory run ended.
 *
 * @public
 */
export type PlatformInventoryRun = {
  sourceId: string;
  /** The source with credentials redacted. */
  source: string;
  status: 'succeeded' | 'failed';
  deployments: number;
  added: number;
  removed: number;
  rejected: RejectedDeployment[];
  error?: string;
};

/**
 * Imports one platform inventory (a JSON file or URL listing the systems
 * deployed on the platform) into the evidence store on a schedule. Only the
 * platform writes the inventory; the moratorium rule believes a system is on
 * the platform when an inventory lists it. Systems that enter or leave the
 * listing are refreshed in the catalog, so their status follows within a
 * processing pass.
 *
 * @public
 */
export class PlatformInventoryImport {
  readonly #config: PlatformInventoryConfig;
  readonly #location: ExportLocation;
  readonly #store: RegistryEvidenceStore;
  readonly #lookup?: EvidenceLookup;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;

  constructor(options: {
    config: PlatformInventoryConfig;
    store: RegistryEvidenceStore;
    lookup?: EvidenceLookup;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    reader: UrlReaderService;
    maxBytes?: number;
  }) {
    this.#config = options.config;
    this.#location = exportLocation(options.config.source, {
      reader: options.reader,
      maxBytes: options.maxBytes,
    });
    this.#store = options.store;
    this.#lookup = options.lookup;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
  }

  /** The id of the scheduled task: `registry-inventory:<id>:refresh`. */
  getTaskId(): string {
    return `registry-inventory:${this.#config.id}:refresh`;
  }

  /** Schedules the import. */
  async start(): Promise<void> {
    await this.#taskRunner.run({
      id: this.getTaskId(),
      fn: async () => {
        await this.run();
      },
    });
  }

  /** Runs the import once; never throws (a failure keeps the last listing). */
  async run(): Promise<PlatformInventoryRun> {
    const logger = this.#logger.child({
      task: this.getTaskId(),
      runId: randomUUID(),
      source: this.#location.sourceUrl,
    });
    const base = {
      sourceId: this.#config.id,
      source: this.#location.sourceUrl,
    };
    const failed = (error: unknown, rejected: RejectedDeployment[] = []) => {
      const message = redactText(
        (error as Error)?.message ?? String(error),
        this.#config.source,
      );
      logger.error(
        `Platform inventory import from ${base.source} failed; the last listing stays: ${message}`,
      );
      return {
        ...base,
        status: 'failed' as const,
        deployments: 0,
        added: 0,
        removed: 0,
        rejected,
        error: message,
      };
    };
    let parsed;
    try {
      parsed = parsePlatformInventory(await this.#location.read());
    } catch (error) {
      return failed(error);
    }
    for (const r of parsed.rejected) {
      logger.warn(`Rejected inventory entry ${r.index}: ${r.reason}`);
    }
    if (parsed.entries > 0 && parsed.deployments.length === 0) {
      return failed(
        new Error(
          `none of the ${parsed.entries} entries of the inventory is valid`,
        ),
        parsed.rejected,
      );
    }
    let change;
    try {
      change = await this.#store.replaceInventory(
        this.#config.id,
        parsed.deployments,
      );
    } catch (error) {
      return failed(error, parsed.rejected);
    }
    this.#lookup?.inventoryChanged();
    await this.#refresh([...change.added, ...change.removed], logger);
    logger.info(
      `Platform inventory imported: ${parsed.deployments.length} deployments, ${change.added.length} added, ${change.removed.length} removed`,
    );
    return {
      ...base,
      status: 'succeeded',
      deployments: parsed.deployments.length,
      added: change.added.length,
      removed: change.removed.length,
      rejected: parsed.rejected,
    };
  }

  /** Asks the catalog to process the changed systems again soon. */
  async #refresh(refs: string[], logger: LoggerService): Promise<void> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    for (const ref of refs.slice(0, MAX_REFRESHES)) {
      try {
        await this.#catalog.refreshEntity(ref, { credentials });
      } catch (error) {
        // A listed system the catalog does not have yet needs no refresh.
        logger.debug(`Could not refresh ${ref}: ${(error as Error).message}`);
      }
    }
  }
}
