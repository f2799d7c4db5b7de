import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  UserLanguage,
  userLanguageReaderServiceRef,
} from '@qaztech/plugin-registry-node';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { moratoriumRequestConditions } from '@qaztech/plugin-moratorium-common';
import express from 'express';
import Router from 'express-promise-router';
import knexFactory, { Knex } from 'knex';
import { MORATORIUM_TASK_ID, moratoriumPlugin } from '../plugin';
import { AUDIT_CHECKPOINT_TASK_ID } from '../audit/CheckpointPublisher';

/** The people of the tests, by role. */
export const USERS = {
  applicant: 'user:default/aidar',
  colleague: 'user:default/bota',
  developer: 'user:default/outsider',
  secretary: 'user:default/saule',
  architect: 'user:default/arman',
  member1: 'user:default/member1',
  member2: 'user:default/member2',
  member3: 'user:default/member3',
  /** A commission member who works at the applicant's state body. */
  conflictedMember: 'user:default/member4',
  auditor: 'user:default/auditor',
} as const;

const STATE_BODY = 'group:default/mcriap';
const OTHER_BODY = 'group:default/minfin';
const MEMBERS = 'group:default/qaztech-commission-members';
const SECRETARIES = 'group:default/qaztech-commission-secretaries';

/** Which group each test user belongs to. */
const MEMBERSHIP: Record<string, string[]> = {
  [USERS.applicant]: [STATE_BODY],
  [USERS.colleague]: [STATE_BODY],
  [USERS.developer]: [OTHER_BODY],
  [USERS.secretary]: [SECRETARIES],
  [USERS.architect]: [],
  [USERS.member1]: [MEMBERS],
  [USERS.member2]: [MEMBERS],
  [USERS.member3]: [MEMBERS],
  [USERS.conflictedMember]: [MEMBERS, STATE_BODY],
  [USERS.auditor]: [],
};

/**
 * Dossier reading as the suite's policy grants it: `…@own-body` is a
 * conditional decision for the caller's own body's requests, `…@agenda`
 * adds those on an agenda (commission members).
 */
const READ_OWN_BODY = 'moratorium.request.read@own-body';
const READ_ON_AGENDA = 'moratorium.request.read@agenda';

const APPLICANT = [
  READ_OWN_BODY,
  'moratorium.request.create',
  'moratorium.request.update',
  'moratorium.request.submit',
  'moratorium.request.withdraw',
  'moratorium.decision.read',
];
const MEMBER = [
  READ_ON_AGENDA,
  'moratorium.decision.read',
  'moratorium.vote.cast',
  'moratorium.vote.recuse',
];

/**
 * The grants of the test roles, close to the suite's role policy (which
 * lives in another package): who holds which moratorium permission.
 */
export const GRANTS: Record<string, string[]> = {
  [USERS.applicant]: APPLICANT,
  [USERS.colleague]: APPLICANT,
  [USERS.developer]: APPLICANT,
  [USERS.secretary]: [
    'moratorium.request.read',
    'moratorium.request.intake',
    'moratorium.request.request-info',
    'moratorium.review.ministry',
    'moratorium.agenda.set',
    'moratorium.decision.record',
    'moratorium.decision.revoke',
    'moratorium.decision.read',
    'moratorium.condition.update',
  ],
  [USERS.architect]: [
    'moratorium.request.read',
    'moratorium.review.platform',
    'moratorium.request.request-info',
  ],
  [USERS.member1]: MEMBER,
  [USERS.member2]: MEMBER,
  [USERS.member3]: MEMBER,
  // Everything a member may do, and the secretary's decision too: the
  // conflict of interest, not a missing permission, must stop them.
  [USERS.conflictedMember]: [...MEMBER, 'moratorium.decision.record'],
  [USERS.auditor]: [
    'moratorium.request.read',
    'moratorium.decision.read',
    'moratorium.audit.read',
  ],
};

function group(ref: string, type: string, members: string[]): Entity {
  const name = ref.split('/')[1];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type, children: [] },
    relations: members.map(targetRef => ({ type: 'hasMember', targetRef })),
  };
}

function membersOf(groupRef: string) {
  return Object.entries(MEMBERSHIP)
    .filter(([, groups]) => groups.includes(groupRef))
    .map(([user]) => user);
}

/** The catalog of the tests: the groups, and one registered system. */
export const ENTITIES: Entity[] = [
  group(STATE_BODY, 'state-body', membersOf(STATE_BODY)),
  group(OTHER_BODY, 'state-body', membersOf(OTHER_BODY)),
  group(MEMBERS, 'role', membersOf(MEMBERS)),
  group(SECRETARIES, 'role', membersOf(SECRETARIES)),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'e-licensing', namespace: 'default' },
    spec: { type: 'state-information-system', owner: STATE_BODY },
  },
];

/** Register systems the stand-in registry answers searches with. */
const REGISTER = [
  {
    entityRef: 'system:default/e-licensing',
    title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау' },
    registryNumber: 'ИС-1',
    owner: { ref: STATE_BODY },
  },
  {
    entityRef: 'system:default/permits-registry',
    title: {
      ru: 'Реестр разрешений и уведомлений',
      kk: 'Рұқсаттар мен хабарламалар тізілімі',
    },
    registryNumber: 'ИС-2',
    owner: { ref: OTHER_BODY },
  },
];

/**
 * A stand-in for the registry backend's search (`GET /systems?q=`), which
 * lives in another package: matches the query in the Russian title.
 */
function fakeRegistry(state: { registryDown: boolean }) {
  return createBackendPlugin({
    pluginId: 'registry',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(express.json());
          router.get('/systems', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['service'] });
            if (state.registryDown) {
              res.status(503).json({
                error: { name: 'Error', message: 'registry is down' },
              });
              return;
            }
            const q = String(req.query.q).toLocaleLowerCase('ru');
            const items = REGISTER.filter(s =>
              s.title.ru.toLocaleLowerCase('ru').includes(q),
            );
            res.json({ items, totalCount: items.length });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

/** The user of a request's credentials. */
function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * Starts a backend with the moratorium plugin on an SQLite database the test
 * can reach (`knex`), the test catalog, a permission service granting by
 * {@link GRANTS} (tests may change `grants`), captured notifications, a
 * stand-in registry and a scheduler the test triggers (`runTask`).
 */
export async function startMoratoriumBackend(
  options: { config?: JsonObject; knex?: Knex } = {},
) {
  // A database the test can also reach, to change rows behind the service's
  // back (a passed due date, a tampered audit row): the one given (e.g. from
  // TestDatabases, which cleans it up), or an in-memory SQLite.
  const ownKnex = !options.knex;
  const knex: Knex =
    options.knex ??
    knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  const grants: Record<string, string[]> = structuredClone(GRANTS);
  // The languages people picked in Settings (nobody, unless a test says).
  const languages: Record<string, UserLanguage> = {};
  const sent: NotificationSendOptions[] = [];
  const state = { registryDown: false };
  const catalog = catalogServiceMock({ entities: ENTITIES });
  const refreshed: string[] = [];
  catalog.refreshEntity = async (entityRef: string) => {
    refreshed.push(entityRef);
  };
  const scheduler = mockServices.scheduler();

  const permissions: PermissionsService = {
    async authorize(requests, { credentials }) {
      const user = userOf(credentials);
      return requests.map(({ permission }) => ({
        result:
          !user || grants[user]?.includes(permission.name)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as PolicyDecision[] as any;
    },
    async authorizeConditional(requests, { credentials }) {
      const user = userOf(credentials);
      return requests.map(({ permission }) => {
        if (!user || grants[user]?.includes(permission.name)) {
          return { result: AuthorizeResult.ALLOW };
        }
        const own = moratoriumRequestConditions.isApplicantBody({
          refs: [user, ...(MEMBERSHIP[user] ?? [])],
        });
        const conditional = (conditions: object) => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'moratorium',
          resourceType: 'moratorium-request',
          conditions,
        });
        if (grants[user]?.includes(`${permission.name}@agenda`)) {
          return conditional({
            anyOf: [own, moratoriumRequestConditions.isOnAgenda()],
          });
        }
        if (grants[user]?.includes(`${permission.name}@own-body`)) {
          return conditional(own);
        }
        return { result: AuthorizeResult.DENY };
      }) as any;
    },
  };

  const backend = await startTestBackend({
    features: [
      moratoriumPlugin,
      fakeRegistry(state),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const user = userOf(credentials)!;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [user, ...(MEMBERSHIP[user] ?? [])],
            };
          },
        }),
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          async send(notification: NotificationSendOptions) {
            sent.push(notification);
          },
        }),
      }),
      createServiceFactory({
        service: userLanguageReaderServiceRef,
        deps: {},
        factory: () => ({
          async getLanguages(refs: string[]) {
            return Object.fromEntries(
              refs.filter(r => languages[r]).map(r => [r, languages[r]]),
            );
          },
        }),
      }),
    ],
  });

  return {
    server: backend.server,
    knex,
    grants,
    /** Every notification sent so far. */
    sent,
    /** The languages users picked; tests may add some. */
    languages,
    /** System refs the catalog was asked to refresh. */
    refreshed,
    /** Makes the stand-in registry answer 503. */
    setRegistryDown(down: boolean) {
      state.registryDown = down;
    },
    /** Runs the scheduled task once, as its schedule would. */
    async runTask() {
      await scheduler.triggerTask(MORATORIUM_TASK_ID);
    },
    /** Publishes an audit checkpoint, as its schedule would. */
    async publishCheckpoint() {
      await scheduler.triggerTask(AUDIT_CHECKPOINT_TASK_ID);
    },
    async stop() {
      await backend.stop();
      if (ownKnex) {
        await knex.destroy();
      }
    },
  };
}

/** The Authorization header of a test user. */
export function as(user: string): string {
  return mockCredentials.user.header(user);
}
