import { createRouteRef } from '@backstage/frontend-plugin-api';
import { createRouteRef as createLegacyRouteRef } from '@backstage/core-plugin-api';

/**
 * The moratorium page (`/moratorium`), in the new frontend system. The
 * wizard, request and sitting pages live under it (`new`, `requests/:id`,
 * `sittings/:id`).
 *
 * @alpha
 */
export const rootRouteRef = createRouteRef();

/**
 * The moratorium page, for apps on the legacy frontend system.
 *
 * @public
 */
export const legacyRootRouteRef = createLegacyRouteRef({ id: 'moratorium' });
