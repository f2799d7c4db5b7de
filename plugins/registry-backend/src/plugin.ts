import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { registryPermissions } from '@qaztech/plugin-registry-common';
import { DatabaseRegistryStore } from './database/DatabaseRegistryStore';
import { createRouter } from './service/createRouter';
import { RegistrySync } from './service/RegistrySync';

const DEFAULT_SYNC_SCHEDULE = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

/**
 * The registry backend plugin: the register projection of the catalog, its
 * API, and the import log.
 *
 * @public
 */
export const registryPlugin = createBackendPlugin({
  pluginId: 'registry',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const store = await DatabaseRegistryStore.create({
          database: deps.database,
          ...(config.has('registry.cache.ttl')
            ? {
                cacheTtlMs: durationToMilliseconds(
                  readDurationFromConfig(config, { key: 'registry.cache.ttl' }),
                ),
              }
            : {}),
        });

        const sync = new RegistrySync({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          logger,
          moratoriumStart: config.getOptionalString('registry.moratoriumStart'),
        });
        const scheduleConfig = config.getOptionalConfig(
          'registry.sync.schedule',
        );
        await scheduler.scheduleTask({
          id: 'registry-sync',
          scope: 'global',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : DEFAULT_SYNC_SCHEDULE),
          fn: async () => {
            await sync.run();
          },
        });

        deps.permissionsRegistry.addPermissions(registryPermissions);
        deps.httpRouter.use(await createRouter({ store, ...deps }));
      },
    });
  },
});
