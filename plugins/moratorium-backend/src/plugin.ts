import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { localizedNotificationServiceRef } from '@qaztech/plugin-registry-node';
import {
  moratoriumPermissions,
  moratoriumRequestReadPermission,
} from '@qaztech/plugin-moratorium-common';
import {
  moratoriumRequestResourceRef,
  moratoriumRequestRules,
} from './permissions/rules';
import { DatabaseMoratoriumStore } from './database/DatabaseMoratoriumStore';
import { AuditRecordService } from './audit/AuditRecordService';
import { AuditSigner } from './audit/AuditSigner';
import {
  AUDIT_CHECKPOINT_TASK_ID,
  CheckpointPublisher,
  DEFAULT_CHECKPOINT_SCHEDULE,
} from './audit/CheckpointPublisher';
import { readCheckpointSink } from './audit/CheckpointSink';
import { MoratoriumNotifier } from './notifications/MoratoriumNotifier';
import { CommissionDirectory } from './service/CommissionDirectory';
import { createAuthorizer } from './service/createAuthorizer';
import { createRouter } from './service/createRouter';
import { MoratoriumService } from './service/MoratoriumService';
import { MoratoriumTasks } from './service/MoratoriumTasks';
import { readMoratoriumConfig } from './service/readMoratoriumConfig';
import { RemovedSystems } from './service/RemovedSystems';
import { SimilarSystemsFinder } from './service/SimilarSystemsFinder';
import { SystemRefresher } from './service/SystemRefresher';

/** The id of the scheduled task; tests trigger it by this id. */
export const MORATORIUM_TASK_ID = 'moratorium-deadlines';

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/**
 * The moratorium backend plugin: the exemption workflow's API, its scheduled
 * task (deadlines, conditions, expiries, systems that left the catalog) and
 * its permissions.
 *
 * @public
 */
export const moratoriumPlugin = createBackendPlugin({
  pluginId: 'moratorium',
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
        discovery: coreServices.discovery,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: localizedNotificationServiceRef,
      },
      async init(deps) {
        const { logger, auth, catalog } = deps;
        const config = readMoratoriumConfig(deps.config);
        const store = await DatabaseMoratoriumStore.create({
          database: deps.database,
          auditSigner: AuditSigner.fromConfig(deps.config, { logger }),
          checkpointSink: readCheckpointSink(deps.config),
        });
        const notifier = new MoratoriumNotifier({
          sender: deps.notifications,
          logger,
          language: config.language,
          secretaryGroups: config.secretaryGroups,
          commissionGroups: config.commissionGroups,
        });
        const refresher = new SystemRefresher({ catalog, auth, logger });
        const service = new MoratoriumService({
          store,
          authorizer: createAuthorizer(deps),
          userInfo: deps.userInfo,
          auth,
          catalog,
          directory: new CommissionDirectory({
            catalog,
            auth,
            commissionGroups: config.commissionGroups,
          }),
          notifier,
          finder: new SimilarSystemsFinder({
            discovery: deps.discovery,
            auth,
            logger,
          }),
          refresher,
          config,
          logger,
        });

        const taskLogger = logger.child({ task: MORATORIUM_TASK_ID });
        const tasks = new MoratoriumTasks({
          store,
          service,
          notifier,
          refresher,
          removedSystems: new RemovedSystems({
            store,
            service,
            catalog,
            auth,
            graceHours: config.removedSystemGraceHours,
            logger: taskLogger,
          }),
          config,
          logger: taskLogger,
        });
        const schedule = deps.config.getOptionalConfig('moratorium.schedule');
        await deps.scheduler.scheduleTask({
          id: MORATORIUM_TASK_ID,
          scope: 'global',
          ...(schedule
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
            : DEFAULT_SCHEDULE),
          fn: async () => {
            await tasks.run();
          },
        });

        // Signed checkpoints of the audit chain, to the public record and
        // the sink outside the database.
        const checkpoints = new CheckpointPublisher({
          audit: store.audit,
          logger: logger.child({ task: AUDIT_CHECKPOINT_TASK_ID }),
        });
        const checkpointSchedule = deps.config.getOptionalConfig(
          'moratorium.audit.checkpoints.schedule',
        );
        await deps.scheduler.scheduleTask({
          id: AUDIT_CHECKPOINT_TASK_ID,
          scope: 'global',
          ...(checkpointSchedule
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                checkpointSchedule,
              )
            : DEFAULT_CHECKPOINT_SCHEDULE),
          fn: async () => {
            await checkpoints.run();
          },
        });

        // Dossiers are a resource type: the policy narrows reading them with
        // conditions (own body, on an agenda) that these rules apply.
        deps.permissionsRegistry.addResourceType({
          resourceRef: moratoriumRequestResourceRef,
          permissions: [moratoriumRequestReadPermission],
          rules: moratoriumRequestRules,
          getResources: async ids =>
            Promise.all(ids.map(id => store.getRequest(id))),
        });
        deps.permissionsRegistry.addPermissions(
          moratoriumPermissions.filter(
            p => p.name !== moratoriumRequestReadPermission.name,
          ),
        );
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            publicRecord: config.publicRecord,
            auditRecord: new AuditRecordService({ audit: store.audit }),
          }),
        );
        if (config.publicRecord) {
          // The register of decisions (and its CSV) and the audit check.
          deps.httpRouter.addAuthPolicy({
            path: '/decisions',
            allow: 'unauthenticated',
          });
          for (const path of [
            '/audit/verify',
            '/audit/checkpoints',
            '/audit/keys',
          ]) {
            deps.httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
          }
        }
      },
    });
  },
});
