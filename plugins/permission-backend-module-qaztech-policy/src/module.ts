import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
import {
  CatalogOwnershipResolver,
  catalogGroupLookup,
  readMembershipTtlMs,
} from './membership';
import { readRoleMembership } from './roles';

/**
 * Installs the QazTech role policy into the permission backend. A person's
 * groups (and so roles) are read from the catalog and cached for at most
 * `qaztech.roleMembership.cacheTtl` (5 minutes by default and at most).
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, logger, auth, catalog }) {
        const membership = readRoleMembership(config);
        const ttlMs = readMembershipTtlMs(config);
        logger.info('QazTech role policy installed', {
          roleGroups: [...membership.keys()].join(', '),
          membershipCacheTtlMs: ttlMs,
        });
        policy.setPolicy(
          new QazTechPermissionPolicy({
            membership,
            ownership: new CatalogOwnershipResolver({
              lookup: catalogGroupLookup({ catalog, auth }),
              ttlMs,
            }),
          }),
        );
      },
    });
  },
});
