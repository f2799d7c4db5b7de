import type { RegistryRecord } from '@qaztech/plugin-registry-common';
import type { CheckApplicability } from './types';

/**
 * Whether a check applies to a system with this register record: every
 * field of the filter must match, and an empty filter matches every system.
 *
 * @public
 */
export function isApplicable(
  applicability: CheckApplicability | undefined,
  registry: RegistryRecord,
): boolean {
  if (!applicability) {
    return true;
  }
  const {
    lifecycleStages,
    critical,
    dataCategoriesAny,
    onPlatform,
    hostingKinds,
  } = applicability;
  if (lifecycleStages && !lifecycleStages.includes(registry.lifecycle?.stage)) {
    return false;
  }
  if (
    critical !== undefined &&
    critical !== Boolean(registry.classification?.critical)
  ) {
    return false;
  }
  if (
    dataCategoriesAny &&
    !dataCategoriesAny.some(c => (registry.dataCategories ?? []).includes(c))
  ) {
    return false;
  }
  if (
    onPlatform !== undefined &&
    onPlatform !== Boolean(registry.platform?.onPlatform)
  ) {
    return false;
  }
  if (hostingKinds && !hostingKinds.includes(registry.hosting?.kind)) {
    return false;
  }
  return true;
}
