import { PlatformDeployment } from '@qaztech/plugin-registry-common';

/**
 * When and as whose the register first saw a system.
 *
 * @public
 */
export type FirstSight = {
  /** YYYY-MM-DD, Asia/Almaty. */
  firstSeen: string;
  /** The lower-case Group ref of the state body that owns the system. */
  ownerRef: string;
};

/**
 * One system the platform inventory lists as deployed.
 *
 * @public
 */
export type InventoryDeployment = {
  /** The System's entity ref, any letter case. */
  entityRef: string;
  cluster: string;
  namespace: string;
};

/**
 * What replacing one inventory source's listing changed: the entity refs
 * (lower case) that entered or left it.
 *
 * @public
 */
export type InventoryChange = {
  added: string[];
  removed: string[];
  version: string;
};

/**
 * The evidence the moratorium rule takes from sources the governed cannot
 * write: the day the register first saw each system, and the platform
 * inventory.
 *
 * @public
 */
export interface RegistryEvidenceStore {
  /** Every first sight, by lower-case entity ref. */
  loadFirstSights(): Promise<Map<string, FirstSight>>;

  /**
   * Records the first sight of a system unless one is recorded already, and
   * returns the recorded one: a later call never moves the day.
   */
  recordFirstSight(entityRef: string, sight: FirstSight): Promise<FirstSight>;

  /**
   * Moves a system to another state body; only for a record from a trusted
   * register import. The first-seen day stays.
   */
  moveOwner(entityRef: string, ownerRef: string): Promise<void>;

  /** Replaces the listing of one inventory source, in one transaction. */
  replaceInventory(
    sourceId: string,
    deployments: InventoryDeployment[],
  ): Promise<InventoryChange>;

  /** A token that changes whenever any source's listing changes. */
  inventoryVersion(): Promise<string>;

  /** The whole inventory by lower-case entity ref (first source wins). */
  loadInventory(): Promise<Map<string, PlatformDeployment>>;
}
