import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import authPlugin from '@backstage/plugin-auth-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import qazTechPolicy from '@qaztech/plugin-permission-backend-module-qaztech-policy';
import scaffolderModuleQaztech, {
  catalogModuleLocalFileLocations,
} from '@qaztech/plugin-scaffolder-backend-module-qaztech';
import request from 'supertest';
import { stringify } from 'yaml';
import { authModuleDemoProvider } from '../../modules/demoSignIn';

/** The repository's "Register an existing information system" template. */
export const REGISTER_SYSTEM_TEMPLATE = resolve(
  __dirname,
  '../../../../../examples/templates/register-system/template.yaml',
);

/** The state bodies of the register-system insider test. */
export const REGISTER_BODIES = { own: 'minzdrav', other: 'mcriap' } as const;

/** Their БИНs, as in examples/org/state-bodies.yaml. */
const BINS: Record<string, string> = {
  minzdrav: '990740809717',
  mcriap: '190740682689',
};

/** The people of the register-system insider test. */
export const REGISTER_PEOPLE = {
  /** A developer of minzdrav. */
  developer: {
    name: 'insider.registrar',
    memberOf: ['qaztech-developers', REGISTER_BODIES.own],
  },
} as const;

function entityFile(entities: object[]): string {
  return entities.map(e => stringify(e)).join('---\n');
}

/**
 * Starts the catalog (a small org whose state bodies are Groups of type
 * `state-body`, and the repository's register-system template), the real
 * auth backend with demo sign-in, the permission backend with the QazTech
 * role policy, the scaffolder with the QazTech scaffolder module (local
 * publishing into a temporary directory, so a task runs to its end).
 */
export async function startRegisterSystemBackend(options: {
  database: JsonObject;
}) {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-insider-register-'));
  const org = join(dir, 'org.yaml');
  await writeFile(
    org,
    entityFile([
      ...Object.values(REGISTER_BODIES).map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name,
          labels: { 'qaztech.kz/owner-kind': 'state-body' },
          annotations: { 'qaztech.kz/bin': BINS[name] },
        },
        spec: { type: 'state-body', children: [] },
      })),
      ...['qaztech-developers', 'qaztech-admins'].map(name => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name },
        spec: { type: 'team', children: [] },
      })),
      ...Object.values(REGISTER_PEOPLE).map(p => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: p.name },
        spec: { profile: { displayName: p.name }, memberOf: [...p.memberOf] },
      })),
    ]),
  );

  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { database: options.database },
          auth: { environment: 'development', providers: { demo: {} } },
          permission: { enabled: true },
          catalog: {
            rules: [
              { allow: ['Group', 'User', 'Template', 'Location', 'System'] },
            ],
            locations: [org, REGISTER_SYSTEM_TEMPLATE].map(target => ({
              type: 'file',
              target,
            })),
          },
          scaffolder: {},
          qaztech: {
            scaffolder: {
              localPublish: {
                enabled: true,
                directory: join(dir, 'repositories'),
              },
            },
          },
        },
      }),
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleLocalFileLocations,
      authPlugin,
      authModuleDemoProvider,
      permissionPlugin,
      qazTechPolicy,
      scaffolderPlugin,
      scaffolderModuleQaztech,
    ],
  });
  const server = backend.server;

  /** A fresh sign-in of a person (their token, as the app would get it). */
  async function signIn(userName: string): Promise<string> {
    const res = await request(server)
      .get('/api/auth/demo/refresh')
      .set('x-requested-with', 'XMLHttpRequest')
      .set('x-qaztech-demo-user', userName);
    if (res.status !== 200) {
      throw new Error(
        `Sign-in of ${userName} answered ${res.status}: ${JSON.stringify(
          res.body,
        )}`,
      );
    }
    return res.body.backstageIdentity.token as string;
  }

  return {
    server,
    signIn,
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A started {@link startRegisterSystemBackend}. */
export type RegisterSystemBackend = Awaited<
  ReturnType<typeof startRegisterSystemBackend>
>;
