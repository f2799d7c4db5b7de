import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import type { Fact } from '@qaztech/plugin-security-readiness-common';

/**
 * What a collector is asked for: facts about one batch of systems.
 *
 * @public
 */
export type FactCollectorRequest = {
  /** The registry systems of the batch (up to 100). */
  systems: StateInformationSystemEntity[];
  /** The evaluation's instant; use it as `observedAt` of fresh facts. */
  now: Date;
  /** Aborted when the run is cancelled or the backend stops. */
  signal?: AbortSignal;
};

/**
 * A source of facts about systems: an external tool, a probe, the entity
 * itself. The evaluation engine calls every collector for each batch of
 * systems before scoring them; the facts returned are stored (when they
 * differ from the latest stored ones) and read by the checks.
 *
 * A collector should not throw for one system's trouble: leave that
 * system's fact out (the check then shows "no data") and log. A thrown
 * error is logged and counted by the engine and the run goes on without
 * this collector's facts for the batch.
 *
 * @public
 */
export interface FactCollector {
  /**
   * A stable id, e.g. `entity` or `http:trivy`. It is the `source` of the
   * facts that do not set one.
   */
  readonly id: string;
  /** Facts about these systems (one batch of up to 100 entities). */
  collect(request: FactCollectorRequest): Promise<Omit<Fact, 'id'>[]>;
}

/**
 * Adds fact collectors to the security readiness backend.
 *
 * @public
 */
export interface SecurityReadinessCollectorsExtensionPoint {
  /** Adds a collector; ids must be unique. */
  addCollector(collector: FactCollector): void;
}

/**
 * The extension point for fact collectors, used from a backend module of
 * the `security-readiness` plugin:
 *
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'security-readiness',
 *   moduleId: 'sonarqube',
 *   register(env) {
 *     env.registerInit({
 *       deps: { collectors: securityReadinessCollectorsExtensionPoint },
 *       async init({ collectors }) {
 *         collectors.addCollector(new SonarQubeCollector());
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const securityReadinessCollectorsExtensionPoint =
  createExtensionPoint<SecurityReadinessCollectorsExtensionPoint>({
    id: 'security-readiness.collectors',
  });
