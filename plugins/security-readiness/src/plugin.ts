import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SecurityReadinessClient, securityReadinessApiRef } from './api';
import { legacyRootRouteRef } from './routes';

/**
 * The security readiness plugin for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of
 * `@qaztech/plugin-security-readiness/alpha`.
 *
 * @public
 */
export const securityReadinessPlugin = createPlugin({
  id: 'security-readiness',
  apis: [
    createApiFactory({
      api: securityReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
  },
});

/**
 * The security readiness page: the national dashboard and the officers'
 * review queue. Mount it at `/security-readiness`.
 *
 * @public
 */
export const SecurityReadinessPage = securityReadinessPlugin.provide(
  createRoutableExtension({
    name: 'SecurityReadinessPage',
    component: () =>
      import('./components/SecurityReadinessPage').then(
        m => m.SecurityReadinessPage,
      ),
    mountPoint: legacyRootRouteRef,
  }),
);

/**
 * The scorecard tab content for the pages of state information systems:
 * level, score, checks by area, evidence, waivers, sign-off and history.
 *
 * @public
 */
export const EntitySecurityReadinessContent = securityReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntitySecurityReadinessContent',
    component: {
      lazy: () =>
        import('./components/EntitySecurityReadinessContent').then(
          m => m.EntitySecurityReadinessContent,
        ),
    },
  }),
);
