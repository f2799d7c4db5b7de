import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthService,
  BackendFeature,
  SchedulerService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import authPlugin from '@backstage/plugin-auth-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import qazTechPolicy from '@qaztech/plugin-permission-backend-module-qaztech-policy';
import catalogModuleRegistry from '@qaztech/plugin-catalog-backend-module-registry';
import registryPlugin from '@qaztech/plugin-registry-backend';
import moratoriumPlugin from '@qaztech/plugin-moratorium-backend';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness-backend';
import request from 'supertest';
import { authModuleDemoProvider } from '../../modules/demoSignIn';
import {
  EXAMPLES,
  EXAMPLE_FILES,
  entitiesInFiles,
  eventually,
  exampleLocations,
} from './demoBackend';
import { SigningKey, createSigningKey } from './tokens';

/** The static token of the CI pipeline that pushes readiness facts. */
export const CI_TOKEN = 'authz-matrix-ci-token-0123456789abcdef';
/** The source the CI token's facts must carry. */
export const CI_SOURCE = 'ci:pipeline';
/** The state body whose systems the CI token may report on. */
export const CI_BODY = 'minzdrav';

/**
 * Starts the suite's backend as the app runs it, for authorization tests:
 * the catalog with the demo data, the real auth backend with the demo
 * sign-in (signing user tokens with a key the test holds), the permission
 * backend with the QazTech role policy, the registry, moratorium and
 * security readiness plugins, and a probe plugin whose auth service issues
 * service tokens. Scheduled tasks run only when the test triggers them;
 * the register is synced from the catalog before this returns.
 */
export async function startSuiteBackend(
  database: JsonObject,
  options: {
    /** `backend.reading.allow`: hosts the catalog may read locations from. */
    readingAllow?: JsonObject[];
    /** More `registry` config, e.g. `platformInventories`. */
    registry?: JsonObject;
    /** More `catalog` config, e.g. `processingInterval` (benchmarks). */
    catalog?: JsonObject;
    /** More features, e.g. a catalog module providing synthetic systems. */
    features?: BackendFeature[];
    /** Systems the register must hold before this returns; the demo's by default. */
    systems?: number;
    /** How long to wait for the catalog and the register to hold them. */
    syncTimeoutMs?: number;
  } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-authz-'));
  const key: SigningKey = await createSigningKey(dir);
  let probeAuth: AuthService | undefined;
  // The test's scheduler is one for all plugins: the probe's triggers theirs.
  let scheduler: SchedulerService | undefined;
  const probe = createBackendPlugin({
    pluginId: 'authz-probe',
    register(env) {
      env.registerInit({
        deps: { auth: coreServices.auth, tasks: coreServices.scheduler },
        async init({ auth, tasks }) {
          probeAuth = auth;
          scheduler = tasks;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            database,
            ...(options.readingAllow
              ? { reading: { allow: options.readingAllow } }
              : {}),
            // As in app-config.production.yaml: CI pushes facts with a
            // static token restricted to that one permission.
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: CI_TOKEN, subject: 'ci-pipeline' },
                  accessRestrictions: [
                    {
                      plugin: 'security-readiness',
                      permission: 'security-readiness.fact.create',
                    },
                  ],
                },
              ],
            },
          },
          auth: {
            environment: 'development',
            providers: { demo: {} },
            keyStore: key.keyStoreConfig,
          },
          permission: { enabled: true },
          // The CI token reports, as ci:pipeline, on the systems of the
          // matrix's "other" body only (docs/security-readiness.md).
          securityReadiness: {
            // Tighter than the default 5 minutes, so that the insider suite
            // can tell a configured skew from the old fixed one.
            facts: { maxClockSkewMinutes: 1 },
            factSources: [
              {
                subject: 'ci-pipeline',
                source: CI_SOURCE,
                ownerGroups: [`group:default/${CI_BODY}`],
              },
            ],
          },
          catalog: {
            rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
            locations: exampleLocations(),
            ...options.catalog,
          },
          // As in app-config.yaml: the demo systems file stands in for the
          // national register, so its records are believed.
          registry: {
            trustedRecordLocations: EXAMPLE_FILES.System.map(file =>
              join(EXAMPLES, file),
            ),
            ...options.registry,
          },
        },
      }),
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      catalogPlugin,
      catalogModuleRegistry,
      authPlugin,
      authModuleDemoProvider,
      permissionPlugin,
      qazTechPolicy,
      signalsPlugin,
      notificationsPlugin,
      registryPlugin,
      moratoriumPlugin,
      securityReadinessPlugin,
      probe,
      ...(options.features ?? []),
    ],
  });
  const server = backend.server;

  // The register is a projection of the catalog: once the catalog has
  // processed every demo system, a sync fills it.
  const systems =
    options.systems ?? entitiesInFiles(EXAMPLE_FILES.System).length;
  await eventually(async () => {
    await scheduler!.triggerTask('registry-sync');
    const res = await request(server)
      .get('/api/registry/systems?limit=1')
      .set('authorization', `Bearer ${await serviceToken('registry')}`);
    if (res.body?.totalCount !== systems) {
      throw new Error(
        `The register has ${res.body?.totalCount} of ${systems} systems`,
      );
    }
  }, options.syncTimeoutMs ?? 120_000);

  async function serviceToken(targetPluginId: string): Promise<string> {
    const auth = probeAuth!;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId,
    });
    return token;
  }

  return {
    server,
    key,
    /** A service token the probe plugin got for calling `targetPluginId`. */
    serviceToken,
    /** Runs a plugin's scheduled task once, as its schedule would. */
    async triggerTask(id: string) {
      await scheduler!.triggerTask(id);
    },
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A started {@link startSuiteBackend}. */
export type SuiteBackend = Awaited<ReturnType<typeof startSuiteBackend>>;
