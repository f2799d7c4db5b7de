import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import GavelIcon from '@material-ui/icons/Gavel';
import { Entity } from '@backstage/catalog-model';
import { STATE_INFORMATION_SYSTEM_TYPE } from '@qaztech/plugin-registry-common';
import { MoratoriumClient, moratoriumApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The moratorium backend client.
 *
 * @alpha
 */
export const moratoriumApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: moratoriumApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MoratoriumClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The moratorium pages at `/moratorium` (with `new`, `requests/:id`,
 * `sittings/:id` under it); the app translates its nav title
 * (`page:moratorium`).
 *
 * @alpha
 */
export const moratoriumPage = PageBlueprint.make({
  params: {
    path: '/moratorium',
    routeRef: rootRouteRef,
    title: 'Moratorium',
    // The page draws its own translated heading; the plugin header would
    // show this English title to Russian and Kazakh readers.
    noHeader: true,
    icon: <GavelIcon />,
    loader: () =>
      import('./components/MoratoriumPage').then(m => <m.MoratoriumPage />),
  },
});

/** Systems of type `state-information-system`, registered or not yet complete. */
function isStateSystem(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' &&
    entity.spec?.type === STATE_INFORMATION_SYSTEM_TYPE
  );
}

/**
 * The "Exemption" tab on the pages of state information systems.
 *
 * @alpha
 */
export const moratoriumEntityContent = EntityContentBlueprint.make({
  name: 'exemption',
  params: {
    path: 'exemption',
    title: 'Exemption',
    filter: isStateSystem,
    loader: () =>
      import('./components/EntityExemptionContent').then(m => (
        <m.EntityExemptionContent />
      )),
  },
});

/**
 * The moratorium plugin for the new frontend system.
 *
 * @alpha
 */
const moratoriumPlugin = createFrontendPlugin({
  pluginId: 'moratorium',
  title: 'Moratorium',
  icon: <GavelIcon />,
  routes: {
    root: rootRouteRef,
  },
  extensions: [moratoriumApi, moratoriumPage, moratoriumEntityContent],
});

export default moratoriumPlugin;

export { rootRouteRef as moratoriumRootRouteRef } from './routes';
export {
  moratoriumTranslationRef,
  moratoriumTranslations,
} from './translations';
