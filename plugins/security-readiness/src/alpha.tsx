import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import SecurityIcon from '@material-ui/icons/Security';
import { Entity } from '@backstage/catalog-model';
import { STATE_INFORMATION_SYSTEM_TYPE } from '@qaztech/plugin-registry-common';
import { SecurityReadinessClient, securityReadinessApiRef } from './api';
import { ENTITY_TAB_PATH, rootRouteRef } from './routes';

/**
 * The security readiness backend client.
 *
 * @alpha
 */
export const securityReadinessApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: securityReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityReadinessClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The security readiness page at `/security-readiness` (national dashboard
 * and review queue); the app translates its nav title
 * (`page:security-readiness`).
 *
 * @alpha
 */
export const securityReadinessPage = PageBlueprint.make({
  params: {
    path: '/security-readiness',
    routeRef: rootRouteRef,
    title: 'Security readiness',
    // The page draws its own translated heading; the plugin header would
    // show this English title to Russian and Kazakh readers.
    noHeader: true,
    icon: <SecurityIcon />,
    loader: () =>
      import('./components/SecurityReadinessPage').then(m => (
        <m.SecurityReadinessPage />
      )),
  },
});

/**
 * Systems of type `state-information-system`, with a complete register
 * record or not yet (the scorecard then says what is missing).
 */
function isStateSystem(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' &&
    entity.spec?.type === STATE_INFORMATION_SYSTEM_TYPE
  );
}

/**
 * The scorecard tab on the pages of state information systems.
 *
 * @alpha
 */
export const securityReadinessEntityContent = EntityContentBlueprint.make({
  name: 'scorecard',
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Security',
    filter: isStateSystem,
    loader: () =>
      import('./components/EntitySecurityReadinessContent').then(m => (
        <m.EntitySecurityReadinessContent />
      )),
  },
});

/**
 * The security readiness plugin for the new frontend system.
 *
 * @alpha
 */
const securityReadinessPlugin = createFrontendPlugin({
  pluginId: 'security-readiness',
  title: 'Security readiness',
  icon: <SecurityIcon />,
  routes: {
    root: rootRouteRef,
  },
  extensions: [
    securityReadinessApi,
    securityReadinessPage,
    securityReadinessEntityContent,
  ],
});

export default securityReadinessPlugin;

export { rootRouteRef as securityReadinessRootRouteRef } from './routes';
export {
  securityReadinessTranslationRef,
  securityReadinessTranslations,
} from './translations';
