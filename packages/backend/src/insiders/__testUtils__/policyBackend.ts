import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import request from 'supertest';
import { stringify } from 'yaml';
import { authModuleDemoProvider } from '../../modules/demoSignIn';

/** The people of the policy insider tests, and the groups they start in. */
export const POLICY_PEOPLE = {
  /** Starts a task; a developer of minzdrav. */
  owner: {
    name: 'insider.owner',
    memberOf: ['qaztech-developers', 'minzdrav'],
  },
  /** Another developer of the same body: may not read the owner's task. */
  colleague: {
    name: 'insider.colleague',
    memberOf: ['qaztech-developers', 'minzdrav'],
  },
  /** Reads everything in the suite, but not people's scaffolder tasks. */
  auditor: { name: 'insider.auditor', memberOf: ['qaztech-auditors'] },
  admin: { name: 'insider.admin', memberOf: ['qaztech-admins'] },
  /** A secretary whom the test takes out of the secretaries. */
  secretary: {
    name: 'insider.secretary',
    memberOf: ['qaztech-commission-secretaries', 'mcriap'],
  },
} as const;

const GROUPS = [
  'qaztech-developers',
  'qaztech-auditors',
  'qaztech-admins',
  'qaztech-commission-secretaries',
  'minzdrav',
  'mcriap',
];

/** A template that only logs: what a task is does not matter here. */
const TEMPLATE = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'insider-noop', title: 'Does nothing' },
  spec: {
    owner: 'group:default/qaztech-admins',
    type: 'service',
    parameters: [
      {
        title: 'Anything',
        properties: { note: { type: 'string' } },
      },
    ],
    steps: [
      {
        id: 'log',
        name: 'Log',
        action: 'debug:log',
        input: { message: 'insider ${{ parameters.note }}' },
      },
    ],
  },
};

function userEntity(name: string, memberOf: readonly string[]) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { profile: { displayName: name }, memberOf: [...memberOf] },
  };
}

function groupEntity(name: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  };
}

/**
 * Starts the catalog (its own small org and one template, from files the
 * test may rewrite), the real auth backend with demo sign-in, the
 * permission backend with the QazTech role policy (its membership cache set
 * to `cacheTtlMs`), and the scaffolder.
 */
export async function startPolicyBackend(options: {
  database: JsonObject;
  cacheTtlMs: number;
}) {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-insider-policy-'));
  const files = {
    groups: join(dir, 'groups.yaml'),
    users: join(dir, 'users.yaml'),
    template: join(dir, 'template.yaml'),
  };
  const people = new Map<string, readonly string[]>(
    Object.values(POLICY_PEOPLE).map(p => [p.name, p.memberOf]),
  );
  async function writeUsers() {
    await writeFile(
      files.users,
      [...people]
        .map(([name, memberOf]) => stringify(userEntity(name, memberOf)))
        .join('---\n'),
    );
  }
  await writeFile(
    files.groups,
    GROUPS.map(g => stringify(groupEntity(g))).join('---\n'),
  );
  await writeFile(files.template, stringify(TEMPLATE));
  await writeUsers();

  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { database: options.database },
          auth: { environment: 'development', providers: { demo: {} } },
          permission: { enabled: true },
          qaztech: {
            roleMembership: {
              cacheTtl: { milliseconds: options.cacheTtlMs },
            },
          },
          catalog: {
            rules: [{ allow: ['Group', 'User', 'Template', 'Location'] }],
            locations: Object.values(files).map(target => ({
              type: 'file',
              target,
            })),
          },
          scaffolder: {},
        },
      }),
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      authPlugin,
      authModuleDemoProvider,
      permissionPlugin,
      qazTechPolicy,
      scaffolderPlugin,
    ],
  });
  const server = backend.server;

  const tokens = new Map<string, string>();
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
    const token = res.body.backstageIdentity.token as string;
    tokens.set(userName, token);
    return token;
  }

  return {
    server,
    signIn,
    /** The token of a person's first sign-in in this backend. */
    async token(userName: string): Promise<string> {
      return tokens.get(userName) ?? signIn(userName);
    },
    /** Rewrites a User's `spec.memberOf` in its catalog file. */
    async setMemberOf(userName: string, memberOf: readonly string[]) {
      people.set(userName, memberOf);
      await writeUsers();
    },
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A started {@link startPolicyBackend}. */
export type PolicyBackend = Awaited<ReturnType<typeof startPolicyBackend>>;
