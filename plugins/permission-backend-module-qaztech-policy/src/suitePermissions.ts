import { Permission } from '@backstage/plugin-permission-common';
import { moratoriumPermissions } from '@qaztech/plugin-moratorium-common';
import { registryPermissions } from '@qaztech/plugin-registry-common';
import { securityReadinessPermissions } from '@qaztech/plugin-security-readiness-common';

/**
 * Every permission of the suite, as the plugins' `-common` packages export
 * them (the same lists each backend registers with
 * `coreServices.permissionsRegistry`). A suite permission that is not in
 * one of these lists is unknown, and the policy denies it whatever the
 * grants say: a plugin that adds a permission adds it to its list.
 *
 * @public
 */
export const SUITE_PERMISSIONS: readonly Permission[] = [
  ...registryPermissions,
  ...moratoriumPermissions,
  ...securityReadinessPermissions,
];
