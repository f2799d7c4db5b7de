import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckMoratoriumAction } from './actions/checkMoratorium';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRegisterLocalAction } from './actions/registerLocal';
import { createRegisterSystemAction } from './actions/registerSystem';
import { createRequestExemptionAction } from './actions/requestExemption';
import { MoratoriumClient } from './service/MoratoriumClient';
import { readScaffolderModuleConfig } from './service/readScaffolderModuleConfig';

/**
 * The scaffolder module of the QazTech platform. Adds the actions
 * `qaztech:system:register`, `qaztech:moratorium:check`,
 * `qaztech:moratorium:request`, and, when
 * `qaztech.scaffolder.localPublish.enabled` is true, `qaztech:publish:local`
 * and `qaztech:catalog:register-local` (add
 * `catalogModuleLocalFileLocations` to the catalog with them).
 *
 * @public
 */
export const scaffolderModuleQaztech = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'qaztech',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        scaffolder: scaffolderActionsExtensionPoint,
      },
      async init({
        config,
        logger,
        auth,
        discovery,
        auditor,
        userInfo,
        catalog,
        scaffolder,
      }) {
        const options = readScaffolderModuleConfig(config);
        const moratorium = new MoratoriumClient({ discovery, auth });
        scaffolder.addActions(
          createRegisterSystemAction({
            catalog,
            auditor,
            userInfo,
            // The same admin Groups as the role policy's.
            adminGroups:
              config.getOptionalStringArray('qaztech.roles.admin') ?? undefined,
          }),
          createCheckMoratoriumAction({
            moratorium,
            auditor,
            appBaseUrl: options.appBaseUrl,
            moratoriumStart: options.moratoriumStart,
          }),
          createRequestExemptionAction({
            moratorium,
            catalog,
            auditor,
            appBaseUrl: options.appBaseUrl,
          }),
        );
        if (options.localPublishEnabled) {
          scaffolder.addActions(
            createPublishLocalAction({
              directory: options.localPublishDirectory,
              auditor,
            }),
            createRegisterLocalAction({
              catalog,
              auditor,
              directory: options.localPublishDirectory,
            }),
          );
          logger.info(
            `Local publishing writes repositories to ${options.localPublishDirectory}`,
          );
        }
      },
    });
  },
});
