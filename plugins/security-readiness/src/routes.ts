import { createRouteRef } from '@backstage/frontend-plugin-api';
import { createRouteRef as createLegacyRouteRef } from '@backstage/core-plugin-api';

/**
 * The security readiness page (`/security-readiness`), in the new frontend
 * system.
 *
 * @alpha
 */
export const rootRouteRef = createRouteRef();

/**
 * The security readiness page, for apps on the legacy frontend system.
 *
 * @public
 */
export const legacyRootRouteRef = createLegacyRouteRef({
  id: 'security-readiness',
});

/** The path of the scorecard tab under a System's entity page. */
export const ENTITY_TAB_PATH = 'security-readiness';
