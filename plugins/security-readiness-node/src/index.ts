/**
 * What other backend plugins and modules use of security readiness: the
 * extension point through which they add fact collectors.
 *
 * @packageDocumentation
 */

export { securityReadinessCollectorsExtensionPoint } from './extensions';
export type {
  FactCollector,
  FactCollectorRequest,
  SecurityReadinessCollectorsExtensionPoint,
} from './extensions';
