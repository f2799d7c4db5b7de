import {
  ApiBlueprint,
  AppRootElementBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import LibraryBooksIcon from '@material-ui/icons/LibraryBooks';
import { isStateInformationSystem } from '@qaztech/plugin-registry-common';
import { RegistryClient, registryApiRef } from './api';
import { rootRouteRef } from './routes';
import { LanguageRecorder } from './components/LanguageRecorder';

/**
 * The registry backend client.
 *
 * @alpha
 */
export const registryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: registryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RegistryClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The register page at `/registry`; its nav item is titled "Register".
 *
 * @alpha
 */
export const registryPage = PageBlueprint.make({
  params: {
    path: '/registry',
    routeRef: rootRouteRef,
    title: 'Register',
    // The page draws its own translated heading; the plugin header would
    // show this English title to Russian and Kazakh readers.
    noHeader: true,
    icon: <LibraryBooksIcon />,
    // The register, its campaigns (`/registry/campaigns`, one campaign at
    // `/registry/campaigns/:id`) and the integration graph
    // (`/registry/integrations`), as header tabs of one page.
    loader: () =>
      import('./components/RegistryRoutes').then(m => <m.RegistryRoutes />),
  },
});

/**
 * The registry card, on the pages of state information systems only.
 *
 * @alpha
 */
export const registryEntityCard = EntityCardBlueprint.make({
  name: 'registry',
  params: {
    filter: isStateInformationSystem,
    loader: () =>
      import('./components/RegistryCard').then(m => <m.RegistryCard />),
  },
});

/**
 * The campaigns a system is in and where it stands in each, on the pages of
 * state information systems.
 *
 * @alpha
 */
export const registryCampaignsEntityCard = EntityCardBlueprint.make({
  name: 'campaigns',
  params: {
    filter: isStateInformationSystem,
    loader: () =>
      import('./components/EntityCampaignsCard').then(m => (
        <m.EntityCampaignsCard />
      )),
  },
});

/**
 * Systems with an overlapping purpose, on the pages of state information
 * systems.
 *
 * @alpha
 */
export const registrySimilarSystemsEntityCard = EntityCardBlueprint.make({
  name: 'similar-systems',
  params: {
    filter: isStateInformationSystem,
    loader: () =>
      import('./components/SimilarSystemsCard').then(m => (
        <m.SimilarSystemsCard />
      )),
  },
});

/**
 * The register plugin for the new frontend system.
 *
 * @alpha
 */
/**
 * Records the language the user picks in Settings, so that their
 * notifications are written in it.
 *
 * @alpha
 */
export const registryLanguageRecorder = AppRootElementBlueprint.make({
  name: 'language-recorder',
  params: { element: <LanguageRecorder /> },
});

const registryPlugin = createFrontendPlugin({
  pluginId: 'registry',
  title: 'Register',
  icon: <LibraryBooksIcon />,
  routes: {
    root: rootRouteRef,
  },
  extensions: [
    registryApi,
    registryPage,
    registryEntityCard,
    registryCampaignsEntityCard,
    registrySimilarSystemsEntityCard,
    registryLanguageRecorder,
  ],
});

export default registryPlugin;

export { rootRouteRef as registryRootRouteRef } from './routes';
export { registryTranslationRef, registryTranslations } from './translations';
