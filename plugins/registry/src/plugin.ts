import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RegistryClient, registryApiRef } from './api';
import { legacyRootRouteRef } from './routes';

/**
 * The register plugin for apps on the legacy frontend system. Apps on the new
 * frontend system use the default export of `@qaztech/plugin-registry/alpha`.
 *
 * @public
 */
export const registryPlugin = createPlugin({
  id: 'registry',
  apis: [
    createApiFactory({
      api: registryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RegistryClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
  },
});

/**
 * The register page (table, filters, chart and export) with its campaigns
 * under `campaigns` and the integration graph under `integrations`.
 *
 * @public
 */
export const RegistryPage = registryPlugin.provide(
  createRoutableExtension({
    name: 'RegistryPage',
    component: () =>
      import('./components/RegistryRoutes').then(m => m.RegistryRoutes),
    mountPoint: legacyRootRouteRef,
  }),
);

/**
 * The registry card for the entity page of a state information system;
 * renders nothing for other entities.
 *
 * @public
 */
export const EntityRegistryCard = registryPlugin.provide(
  createComponentExtension({
    name: 'EntityRegistryCard',
    component: {
      lazy: () => import('./components/RegistryCard').then(m => m.RegistryCard),
    },
  }),
);

/**
 * The campaigns card for the entity page of a state information system:
 * the campaigns it is in, its status and what it must do in each.
 *
 * @public
 */
export const EntityCampaignsCard = registryPlugin.provide(
  createComponentExtension({
    name: 'EntityCampaignsCard',
    component: {
      lazy: () =>
        import('./components/EntityCampaignsCard').then(
          m => m.EntityCampaignsCard,
        ),
    },
  }),
);

/**
 * The similar systems card for the entity page of a state information
 * system: registry systems with an overlapping purpose.
 *
 * @public
 */
export const EntitySimilarSystemsCard = registryPlugin.provide(
  createComponentExtension({
    name: 'EntitySimilarSystemsCard',
    component: {
      lazy: () =>
        import('./components/SimilarSystemsCard').then(
          m => m.SimilarSystemsCard,
        ),
    },
  }),
);
