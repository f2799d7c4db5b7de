import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ExemptionSource } from '@qaztech/plugin-registry-common';

/**
 * Lets other catalog modules add sources of moratorium exemptions. The
 * registry catalog module asks every source for the exemptions of a system
 * each time it evaluates the system's moratorium status, on top of the
 * exemption written in the system's own register record.
 *
 * @public
 */
export interface RegistryExemptionSourceExtensionPoint {
  /**
   * Adds a source of exemptions, e.g. the moratorium plugin's approved
   * decisions. A source that throws makes the system fail processing, so the
   * catalog keeps its last known status rather than one computed without it.
   */
  addExemptionSource(source: ExemptionSource): void;
}

/**
 * The extension point through which catalog modules plug exemption sources
 * into the registry catalog module (`@qaztech/plugin-catalog-backend-module-registry`).
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'catalog',
 *   moduleId: 'moratorium-exemptions',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { exemptions: registryExemptionSourceExtensionPoint },
 *       async init({ exemptions }) {
 *         exemptions.addExemptionSource(myDecisionsSource);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const registryExemptionSourceExtensionPoint =
  createExtensionPoint<RegistryExemptionSourceExtensionPoint>({
    id: 'registry.exemption-source',
  });
