/**
 * The register of state information systems in the app: the register page
 * with its campaigns and integration graph, and the registry, campaigns and
 * similar systems cards on System entity pages.
 *
 * @packageDocumentation
 */

export {
  registryPlugin,
  RegistryPage,
  EntityRegistryCard,
  EntityCampaignsCard,
  EntitySimilarSystemsCard,
} from './plugin';
export { legacyRootRouteRef as registryRouteRef } from './routes';
export * from './api';
export {
  registryTranslationRef,
  registryTranslations,
  useRegistryTerms,
} from './translations';
export type { Terminology } from './translations';
export {
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
} from '@qaztech/plugin-registry-common';
