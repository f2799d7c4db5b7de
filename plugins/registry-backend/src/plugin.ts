import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { registryPermissions } from '@qaztech/plugin-registry-common';
import { DatabaseRegistryStore } from './database/DatabaseRegistryStore';
import { createRouter } from './service/createRouter';
import { RegistrySync } from './service/RegistrySync';
import { DatabaseCampaignStore } from './database/DatabaseCampaignStore';
import { DatabaseUserLanguageStore } from './database/DatabaseUserLanguageStore';
import { LocalizedNotificationSender } from '@qaztech/plugin-registry-node';
import { CampaignEngine } from './campaigns/CampaignEngine';
import { CampaignNotifier } from './campaigns/CampaignNotifier';
import { CampaignService } from './campaigns/CampaignService';
import { ReadinessClient } from './campaigns/ReadinessClient';
import { StateBodyDirectory } from './campaigns/StateBodyDirectory';
import { readCampaignsConfig } from './campaigns/readCampaignsConfig';

const DEFAULT_SYNC_SCHEDULE = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

/**
 * The registry backend plugin: the register projection of the catalog, its
 * API, the import log, and campaigns with their progress and reminders.
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
        discovery: coreServices.discovery,
        notifications: notificationService,
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

        const languages = await DatabaseUserLanguageStore.create({
          database: deps.database,
          // The registry store above has just run the same migrations.
          skipMigrations: true,
        });
        const localizedNotifications = new LocalizedNotificationSender({
          notifications: deps.notifications,
          catalog: deps.catalog,
          auth: deps.auth,
          languages,
          logger,
        });

        const campaignsConfig = readCampaignsConfig(config);
        const campaignStore = await DatabaseCampaignStore.create({
          database: deps.database,
          // The registry store above has just run the same migrations.
          skipMigrations: true,
        });
        const { clashes } = await campaignStore.syncConfigCampaigns(
          campaignsConfig.definitions,
        );
        for (const id of clashes) {
          logger.warn(
            `Config campaign ${id} is ignored: a campaign made in the app has the same id`,
            { campaignId: id },
          );
        }
        const engine = new CampaignEngine({
          registry: store,
          store: campaignStore,
          readiness: campaignsConfig.readinessEnabled
            ? new ReadinessClient({
                discovery: deps.discovery,
                auth: deps.auth,
              })
            : undefined,
          bodies: new StateBodyDirectory({
            catalog: deps.catalog,
            auth: deps.auth,
            headsGroup: campaignsConfig.headsGroup,
          }),
          notifier: new CampaignNotifier({
            sender: localizedNotifications,
            logger,
            language: campaignsConfig.language,
          }),
          logger,
          config: campaignsConfig,
        });
        await scheduler.scheduleTask({
          id: 'registry-campaigns',
          scope: 'global',
          ...campaignsConfig.schedule,
          fn: async () => {
            await engine.run();
          },
        });
        const campaigns = new CampaignService({
          store: campaignStore,
          registry: store,
          logger,
          recompute: id => engine.recompute(id),
          language: campaignsConfig.language,
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
            const result = await sync.run();
            if (result.inserted || result.updated || result.deleted) {
              // The register changed: campaigns follow at once, not at
              // their next scheduled run.
              await scheduler.triggerTask('registry-campaigns').catch(error =>
                logger.debug('Campaigns not recomputed after the sync', {
                  error: String(error),
                }),
              );
            }
          },
        });

        deps.permissionsRegistry.addPermissions(registryPermissions);
        deps.httpRouter.use(
          await createRouter({ store, campaigns, languages, ...deps }),
        );
      },
    });
  },
});
