import { createRouteRef } from '@backstage/frontend-plugin-api';
import { createRouteRef as createLegacyRouteRef } from '@backstage/core-plugin-api';

/**
 * The register page, in the new frontend system.
 *
 * @alpha
 */
export const rootRouteRef = createRouteRef();

/**
 * The register page, for apps on the legacy frontend system.
 *
 * @public
 */
export const legacyRootRouteRef = createLegacyRouteRef({ id: 'registry' });
