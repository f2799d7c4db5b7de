import { PlatformDeployment } from '@qaztech/plugin-registry-common';
import { FirstSight, RegistryEvidenceStore } from './RegistryEvidenceStore';

/** How often the inventory's version is compared with the database. */
const DEFAULT_INVENTORY_CHECK_MS = 5_000;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * What the processor knows about a system from sources the governed cannot
 * write.
 *
 * @public
 */
export interface SystemEvidence {
  /** The first sight, recorded now when the system is new. */
  sight: FirstSight;
  /** The platform inventory's entry, when it lists the system. */
  deployment?: PlatformDeployment;
}

/**
 * The processor's view of the evidence store, kept in memory so processing
 * costs no query per entity: every first sight is loaded once (a new system
 * costs one insert), and the inventory is reloaded whole only when its
 * version changes (checked at most every few seconds).
 *
 * @public
 */
export class EvidenceLookup {
  readonly #store: RegistryEvidenceStore;
  readonly #inventoryCheckMs: number;
  #sights?: Promise<Map<string, FirstSight>>;
  #inventory: Map<string, PlatformDeployment> = new Map();
  #inventoryVersion?: string;
  #inventoryCheckedAt = 0;
  #inventoryLoading?: Promise<void>;

  constructor(options: {
    store: RegistryEvidenceStore;
    inventoryCheckMs?: number;
  }) {
    this.#store = options.store;
    this.#inventoryCheckMs =
      options.inventoryCheckMs ?? DEFAULT_INVENTORY_CHECK_MS;
  }

  /**
   * The evidence of one system; records its first sight (on `today`, as
   * owned by `ownerRef`) when it is new.
   */
  async evidenceOf(
    entityRef: string,
    ownerRef: string,
    today: string,
  ): Promise<SystemEvidence> {
    const ref = lower(entityRef);
    const sights = await this.#loadSights();
    let sight = sights.get(ref);
    if (!sight) {
      sight = await this.#store.recordFirstSight(ref, {
        firstSeen: today,
        ownerRef: lower(ownerRef),
      });
      sights.set(ref, sight);
    }
    await this.#refreshInventory();
    const deployment = this.#inventory.get(ref);
    return { sight, ...(deployment ? { deployment } : {}) };
  }

  /** Moves a system to another body (a trusted record did). */
  async moveOwner(entityRef: string, ownerRef: string): Promise<void> {
    const ref = lower(entityRef);
    await this.#store.moveOwner(ref, ownerRef);
    const sights = await this.#loadSights();
    const sight = sights.get(ref);
    if (sight) {
      sights.set(ref, { ...sight, ownerRef: lower(ownerRef) });
    }
  }

  /** Forgets when the inventory was checked, so the next lookup checks. */
  inventoryChanged(): void {
    this.#inventoryCheckedAt = 0;
  }

  #loadSights(): Promise<Map<string, FirstSight>> {
    if (!this.#sights) {
      this.#sights = this.#store.loadFirstSights();
      this.#sights.catch(() => {
        this.#sights = undefined;
      });
    }
    return this.#sights;
  }

  async #refreshInventory(): Promise<void> {
    if (Date.now() - this.#inventoryCheckedAt < this.#inventoryCheckMs) {
      return;
    }
    if (!this.#inventoryLoading) {
      this.#inventoryLoading = (async () => {
        try {
          const version = await this.#store.inventoryVersion();
          if (version !== this.#inventoryVersion) {
            this.#inventory = await this.#store.loadInventory();
            this.#inventoryVersion = version;
          }
          this.#inventoryCheckedAt = Date.now();
        } finally {
          this.#inventoryLoading = undefined;
        }
      })();
    }
    await this.#inventoryLoading;
  }
}
