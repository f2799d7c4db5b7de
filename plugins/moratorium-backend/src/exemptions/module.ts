import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { registryExemptionSourceExtensionPoint } from '@qaztech/plugin-registry-node';
import { HttpExemptionSource } from './HttpExemptionSource';

/**
 * A catalog module that plugs the moratorium's decisions into the register:
 * the registry catalog module then counts an approved, unexpired exemption
 * when it evaluates a system's moratorium status. Add it next to
 * `@qaztech/plugin-catalog-backend-module-registry`.
 *
 * @public
 */
export const catalogModuleMoratoriumExemptions = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'moratorium-exemptions',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        exemptions: registryExemptionSourceExtensionPoint,
      },
      async init({ config, discovery, auth, exemptions }) {
        exemptions.addExemptionSource(
          new HttpExemptionSource({
            discovery,
            auth,
            cacheSeconds:
              config.getOptionalNumber(
                'moratorium.exemptionSource.cacheSeconds',
              ) ?? 30,
          }),
        );
      },
    });
  },
});
