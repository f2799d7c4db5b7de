import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
  SecurityReadinessSystemResource,
} from '@qaztech/plugin-security-readiness-common';

/**
 * What a rule's condition becomes for the store: a filter on the systems'
 * owner bodies, turned into SQL by {@link applySystemFilter} (see the store).
 */
export type SystemQuery = { key: 'owner'; values: string[] };

/** The readiness record of a system, as permission rules see it. */
export const securityReadinessSystemResourceRef = createPermissionResourceRef<
  SecurityReadinessSystemResource,
  SystemQuery
>().with({
  pluginId: 'security-readiness',
  resourceType: SECURITY_READINESS_SYSTEM_RESOURCE_TYPE,
});
