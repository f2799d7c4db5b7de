import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MoratoriumClient, moratoriumApiRef } from './api';
import { legacyRootRouteRef } from './routes';

/**
 * The moratorium plugin for apps on the legacy frontend system. Apps on the
 * new frontend system use the default export of
 * `@qaztech/plugin-moratorium/alpha`.
 *
 * @public
 */
export const moratoriumPlugin = createPlugin({
  id: 'moratorium',
  apis: [
    createApiFactory({
      api: moratoriumApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MoratoriumClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
  },
});

/**
 * The moratorium pages: my requests, the intake queue, sittings, the
 * register of decisions, the request wizard, request and sitting pages.
 * Mount it at `/moratorium`.
 *
 * @public
 */
export const MoratoriumPage = moratoriumPlugin.provide(
  createRoutableExtension({
    name: 'MoratoriumPage',
    component: () =>
      import('./components/MoratoriumPage').then(m => m.MoratoriumPage),
    mountPoint: legacyRootRouteRef,
  }),
);

/**
 * The "Exemption" tab content for System entity pages: the system's
 * exemptions and exemption requests.
 *
 * @public
 */
export const EntityExemptionContent = moratoriumPlugin.provide(
  createComponentExtension({
    name: 'EntityExemptionContent',
    component: {
      lazy: () =>
        import('./components/EntityExemptionContent').then(
          m => m.EntityExemptionContent,
        ),
    },
  }),
);
