import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import { readRoleMembership } from './roles';

/**
 * Installs the QazTech role policy into the permission backend.
 *
 * @public
 */
export const permissionModuleQazTechPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'qaztech-policy',
  register({ registerInit }) {
    registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, userInfo, config, logger }) {
        const membership = readRoleMembership(config);
        logger.info('QazTech role policy installed', {
          roleGroups: [...membership.keys()].join(', '),
        });
        policy.setPolicy(new QazTechPermissionPolicy({ userInfo, membership }));
      },
    });
  },
});
