import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import { readScaffolderModuleConfig } from './service/readScaffolderModuleConfig';

/**
 * A catalog module that lets the catalog take registered locations of type
 * `file` besides `url`, which `qaztech:catalog:register-local` needs to
 * register what `qaztech:publish:local` published. It does so only when
 * `qaztech.scaffolder.localPublish.enabled` is true (development on one
 * machine): a file location makes the catalog read a file of the server, so
 * production, which publishes to a git server, leaves it off.
 *
 * @public
 */
export const catalogModuleLocalFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'qaztech-local-file-locations',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        locations: catalogLocationsExtensionPoint,
      },
      async init({ config, locations }) {
        if (readScaffolderModuleConfig(config).localPublishEnabled) {
          locations.setAllowedLocationTypes(['url', 'file']);
        }
      },
    });
  },
});
