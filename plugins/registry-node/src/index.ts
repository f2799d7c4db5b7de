/**
 * What other backend plugins use of the register: the extension point through
 * which exemption sources (the moratorium's decisions) are plugged into the
 * registry catalog module, and the names of the fields that module writes on
 * state information systems.
 *
 * @packageDocumentation
 */

export { registryExemptionSourceExtensionPoint } from './extensions';
export { withDecisionCache } from './decisionCache';
export type { DecisionCacheOptions } from './decisionCache';
export type { RegistryExemptionSourceExtensionPoint } from './extensions';
export {
  PLATFORM_STATUS_DETAIL_ANNOTATION,
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
} from '@qaztech/plugin-registry-common';
export type {
  Exemption,
  ExemptionSource,
  MoratoriumReasonDetail,
} from '@qaztech/plugin-registry-common';
