import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { securityReadinessPermissions } from '@qaztech/plugin-security-readiness-common';
import {
  FactCollector,
  securityReadinessCollectorsExtensionPoint,
} from '@qaztech/plugin-security-readiness-node';
import { EntityCollector } from './collectors/EntityCollector';
import { HttpJsonCollector } from './collectors/HttpJsonCollector';
import { DatabaseSecurityReadinessStore } from './database/DatabaseSecurityReadinessStore';
import { SecurityReadinessNotifier } from './notifications/SecurityReadinessNotifier';
import { createAuthorizer } from './service/createAuthorizer';
import { createRouter } from './service/createRouter';
import { EvaluationEngine } from './service/EvaluationEngine';
import { readSecurityReadinessConfig } from './service/readSecurityReadinessConfig';
import { SecurityReadinessService } from './service/SecurityReadinessService';
import { SecurityReadinessTasks } from './service/SecurityReadinessTasks';
import { CatalogSystemSource } from './service/SystemSource';

/**
 * The security readiness backend plugin: scorecards of the state
 * information systems, their evaluation on a schedule and on demand, facts
 * from collectors and CI, attestations, waivers, sign-offs, the scheduled
 * tasks (evaluation; retention, reminders and sign-off drops), the API and
 * the permissions.
 *
 * @public
 */
export const securityReadinessPlugin = createBackendPlugin({
  pluginId: 'security-readiness',
  register(env) {
    const collectors = new Map<string, FactCollector>();
    env.registerExtensionPoint(securityReadinessCollectorsExtensionPoint, {
      addCollector(collector) {
        if (collectors.has(collector.id)) {
          throw new Error(
            `A security readiness fact collector with id '${collector.id}' is already added`,
          );
        }
        collectors.set(collector.id, collector);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { logger } = deps;
        const config = readSecurityReadinessConfig(deps.config);
        const store = await DatabaseSecurityReadinessStore.create({
          database: deps.database,
        });
        const systems = new CatalogSystemSource({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        const engine = new EvaluationEngine({
          store,
          systems,
          collectors: [
            new EntityCollector(),
            ...config.collectors.http.map(
              http => new HttpJsonCollector({ config: http, logger }),
            ),
            ...collectors.values(),
          ],
          scorecard: config.scorecard,
          logger: logger.child({ component: 'engine' }),
        });
        const service = new SecurityReadinessService({
          store,
          evaluator: engine,
          systems,
          authorizer: createAuthorizer(deps),
          userInfo: deps.userInfo,
          scheduler: deps.scheduler,
          scorecard: config.scorecard,
          remindDaysBefore: config.attestations.remindDaysBefore,
          logger,
        });

        const tasks = new SecurityReadinessTasks({
          store,
          engine,
          notifier: new SecurityReadinessNotifier({
            notifications: deps.notifications,
            logger,
            language: config.notifications.language,
            scorecard: config.scorecard,
          }),
          config,
          logger,
        });
        await tasks.schedule(deps.scheduler);

        deps.permissionsRegistry.addPermissions(securityReadinessPermissions);
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
