import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { localizedNotificationServiceRef } from '@qaztech/plugin-registry-node';
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
import { securityReadinessSystemResourceRef } from './permissions/resource';
import { securityReadinessRules } from './permissions/rules';

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
        notifications: localizedNotificationServiceRef,
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
        const allCollectors = [
          new EntityCollector(),
          ...config.collectors.http.map(
            http => new HttpJsonCollector({ config: http, logger }),
          ),
          ...collectors.values(),
        ];
        const engine = new EvaluationEngine({
          store,
          systems,
          collectors: allCollectors,
          scorecard: config.scorecard,
          logger: logger.child({ component: 'engine' }),
        });
        // Raw evidence is a resource permission: the policy may answer with
        // conditions (the owner body), which the rules apply, as SQL in lists.
        deps.permissionsRegistry.addResourceType({
          resourceRef: securityReadinessSystemResourceRef,
          permissions: securityReadinessPermissions.filter(
            p => 'resourceType' in p,
          ),
          rules: securityReadinessRules,
          getResources: async refs =>
            Promise.all(
              refs.map(async ref => {
                const stored = await store.getScorecard(ref);
                const entity = stored
                  ? undefined
                  : await systems.getSystem(ref);
                const owner =
                  stored?.stateBodyRef ??
                  (entity?.spec as { owner?: string } | undefined)?.owner;
                return owner
                  ? {
                      systemRef: ref.toLocaleLowerCase('en-US'),
                      ownerRef: owner.toLocaleLowerCase('en-US'),
                    }
                  : undefined;
              }),
            ),
        });
        const service = new SecurityReadinessService({
          store,
          evaluator: engine,
          systems,
          authorizer: createAuthorizer({
            permissions: deps.permissions,
            ruleset: deps.permissionsRegistry.getPermissionRuleset(
              securityReadinessSystemResourceRef,
            ),
          }),
          allowOwnBody: config.allowOwnBody,
          factSources: config.factSources,
          maxClockSkewMs: config.facts.maxClockSkewMs,
          collectorIds: allCollectors.map(c => c.id),
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
            sender: deps.notifications,
            logger,
            language: config.notifications.language,
            scorecard: config.scorecard,
          }),
          config,
          logger,
        });
        await tasks.schedule(deps.scheduler);

        deps.permissionsRegistry.addPermissions(
          securityReadinessPermissions.filter(p => !('resourceType' in p)),
        );
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
