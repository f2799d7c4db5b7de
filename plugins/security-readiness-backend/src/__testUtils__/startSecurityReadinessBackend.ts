import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
  SchedulerService,
  coreServices,
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
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { RegistryRecord } from '@qaztech/plugin-registry-common';
import { userLanguageReaderServiceRef } from '@qaztech/plugin-registry-node';
import { securityReadinessConditions } from '@qaztech/plugin-security-readiness-common';
import { JsonObject } from '@backstage/types';
import knexFactory, { Knex } from 'knex';
import { securityReadinessPlugin } from '../plugin';
import {
  EVALUATE_TASK_ID,
  MAINTENANCE_TASK_ID,
} from '../service/readSecurityReadinessConfig';

/** The people of the tests, by role. */
export const USERS = {
  /** A developer of the Ministry (mcriap), which owns e-license. */
  owner: 'user:default/aidar',
  /** A developer of the Ministry of Finance, which owns tax-portal. */
  outsider: 'user:default/bota',
  /** A member of mcriap without the read permission (the owner rule only). */
  guest: 'user:default/guest',
  officer: 'user:default/officer',
  officer2: 'user:default/officer2',
  auditor: 'user:default/auditor',
} as const;

/** The subject of the test service principal (a CI pipeline's token). */
export const CI_SERVICE = 'external:test-service';

export const STATE_BODY = 'group:default/mcriap';
export const OTHER_BODY = 'group:default/minfin';
const OFFICERS = 'group:default/security-officers';

/** The systems of the tests. */
export const SYSTEMS = {
  eLicense: 'system:default/e-license',
  taxPortal: 'system:default/tax-portal',
} as const;

const MEMBERSHIP: Record<string, string[]> = {
  [USERS.owner]: [STATE_BODY],
  [USERS.outsider]: [OTHER_BODY],
  [USERS.guest]: [STATE_BODY],
  [USERS.officer]: [OFFICERS],
  [USERS.officer2]: [OFFICERS],
  [USERS.auditor]: [],
};

const ALL = [
  'security-readiness.evidence.read',
  'security-readiness.scorecard.read',
  'security-readiness.summary.read',
  'security-readiness.evaluate',
  'security-readiness.fact.create',
  'security-readiness.attestation.create',
  'security-readiness.waiver.request',
  'security-readiness.waiver.decide',
  'security-readiness.signoff.create',
];
const DEVELOPER = [
  'security-readiness.scorecard.read',
  'security-readiness.summary.read',
  'security-readiness.evaluate',
  'security-readiness.waiver.request',
];

/**
 * The grants of the test roles, close to the suite's role policy (which
 * lives in another package): developers read, evaluate and request waivers;
 * security officers do everything; auditors read; the CI service pushes
 * facts and reads.
 */
export const GRANTS: Record<string, string[]> = {
  [USERS.owner]: DEVELOPER,
  [USERS.outsider]: DEVELOPER,
  [USERS.guest]: ['security-readiness.waiver.request'],
  [USERS.officer]: ALL,
  [USERS.officer2]: ALL,
  [USERS.auditor]: [
    'security-readiness.scorecard.read',
    'security-readiness.summary.read',
    'security-readiness.evidence.read',
  ],
  [CI_SERVICE]: [
    'security-readiness.scorecard.read',
    'security-readiness.fact.create',
  ],
};

/**
 * The config of the tests unless one is given: the test service principal
 * (CI) reports as ci:gitlab on both bodies' systems.
 */
export const DEFAULT_CONFIG = {
  securityReadiness: {
    factSources: [
      {
        subject: CI_SERVICE.replace(/^external:/, ''),
        source: 'ci:gitlab',
        ownerGroups: [STATE_BODY, OTHER_BODY],
      },
    ],
  },
};

/** A complete register record of a system in industrial operation. */
export function registryRecord(
  overrides: Partial<RegistryRecord> = {},
): RegistryRecord {
  return {
    registryNumber: 'ИС-10001',
    title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау', en: 'E-licensing' },
    purpose: 'Issuing licences online',
    legalBasis: { actType: 'resolution', number: '1076', date: '2012-02-25' },
    ownerKind: 'state-body',
    parties: {
      owner: { name: 'Ministry', bin: '190740682689' },
      operator: { name: 'NIT', bin: '000340112436' },
    },
    securityOfficer: USERS.officer,
    createdAt: '2012-03-01',
    lifecycle: {
      stage: 'industrial-operation',
      history: [
        { stage: 'planned', date: '2012-03-01' },
        { stage: 'industrial-operation', date: '2013-03-01' },
      ],
    },
    platform: { onPlatform: true },
    hosting: { kind: 'platform', country: 'KZ' },
    classification: {
      critical: false,
      confidentiality: 'medium',
      integrity: 'medium',
      availability: 'medium',
    },
    dataCategories: ['open'],
    securityTestAct: {
      number: 'ГТС-2025/1',
      date: '2025-01-17',
      version: '3.2.0',
    },
    ...overrides,
  };
}

function system(
  name: string,
  owner: string,
  registry: RegistryRecord,
  releaseVersion = '3.2.0',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'qaztech.kz/release-version': releaseVersion },
    },
    spec: { type: 'state-information-system', owner, registry },
  };
}

function group(ref: string, type: string): Entity {
  const name = ref.split('/')[1];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type, children: [] },
    relations: Object.entries(MEMBERSHIP)
      .filter(([, groups]) => groups.includes(ref))
      .map(([user]) => ({ type: 'hasMember', targetRef: user })),
  };
}

/**
 * The catalog of the tests: two state bodies, two registry systems (one in
 * industrial operation, one in pilot operation) and a System that is not in
 * the register.
 */
export const ENTITIES: Entity[] = [
  group(STATE_BODY, 'state-body'),
  group(OTHER_BODY, 'state-body'),
  group(OFFICERS, 'role'),
  system('e-license', STATE_BODY, registryRecord()),
  system(
    'tax-portal',
    OTHER_BODY,
    registryRecord({
      registryNumber: 'ИС-20002',
      title: { ru: 'Налоговый портал', kk: 'Салық порталы', en: 'Tax portal' },
      dataCategories: ['personal', 'financial'],
      lifecycle: {
        stage: 'pilot-operation',
        history: [
          { stage: 'creation', date: '2024-03-01' },
          { stage: 'pilot-operation', date: '2025-03-01' },
        ],
      },
    }),
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'internal-wiki', namespace: 'default' },
    spec: { type: 'service', owner: STATE_BODY },
  },
];

/** The user or service subject of a request's credentials. */
function subjectOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal
    | { type: 'none' };
  if (principal.type === 'user') {
    return principal.userEntityRef;
  }
  return principal.type === 'service' ? principal.subject : undefined;
}

/** One auditor event as the tests see it. */
export type RecordedAuditEvent = {
  eventId: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'failure';
};

/**
 * Starts a backend with the security readiness plugin on a database the
 * test can reach (`knex`: from TestDatabases, or an in-memory SQLite), the
 * test catalog, a permission service granting by {@link GRANTS} (tests may
 * change `grants`), captured notifications and audit events, and a
 * scheduler whose triggered tasks run only when the test says (`runTask`),
 * as a replica's scheduler would run them later.
 */
export async function startSecurityReadinessBackend(
  options: { config?: JsonObject; knex?: Knex } = {},
) {
  const ownKnex = !options.knex;
  const knex: Knex =
    options.knex ??
    knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  const grants: Record<string, string[]> = structuredClone(GRANTS);
  const sent: NotificationSendOptions[] = [];
  const audit: RecordedAuditEvent[] = [];
  const triggered: string[] = [];
  const catalog = catalogServiceMock({ entities: ENTITIES });
  const mockScheduler = mockServices.scheduler();
  const scheduler: SchedulerService = {
    scheduleTask: task => mockScheduler.scheduleTask(task),
    createScheduledTaskRunner: schedule =>
      mockScheduler.createScheduledTaskRunner(schedule),
    getScheduledTasks: () => mockScheduler.getScheduledTasks(),
    cancelTask: id => mockScheduler.cancelTask(id),
    async triggerTask(id) {
      triggered.push(id);
    },
  };

  const decide = (credentials: BackstageCredentials, name: string) => {
    const subject = subjectOf(credentials);
    return subject && grants[subject]?.includes(name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  const permissions: PermissionsService = {
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result: decide(credentials, permission.name),
      })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(({ permission }) => {
        const result = decide(credentials, permission.name);
        const user = subjectOf(credentials);
        // As the role policy does: people without the evidence grant read
        // the evidence of their own bodies' systems (a conditional decision).
        if (
          result === AuthorizeResult.DENY &&
          permission.name === 'security-readiness.evidence.read' &&
          user?.startsWith('user:')
        ) {
          return {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'security-readiness',
            resourceType: 'security-readiness-system',
            conditions: securityReadinessConditions.isOwnerBody([
              user,
              ...(MEMBERSHIP[user] ?? []),
            ]),
          };
        }
        return { result };
      }) as any;
    },
  };

  const auditor: AuditorService = {
    async createEvent(event: AuditorServiceCreateEventOptions) {
      const recorded: RecordedAuditEvent = {
        eventId: event.eventId,
        meta: event.meta,
      };
      audit.push(recorded);
      return {
        async success() {
          recorded.outcome = 'success';
        },
        async fail() {
          recorded.outcome = 'failure';
        },
      };
    },
  };

  const backend = await startTestBackend({
    features: [
      securityReadinessPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: options.config ?? DEFAULT_CONFIG,
      }),
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
        service: coreServices.auditor,
        deps: {},
        factory: () => auditor,
      }),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const user = subjectOf(credentials)!;
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
      // Nobody picked a language: notices go out in the configured one.
      createServiceFactory({
        service: userLanguageReaderServiceRef,
        deps: {},
        factory: () => ({ getLanguages: async () => ({}) }),
      }),
    ],
  });

  return {
    server: backend.server,
    knex,
    grants,
    /** Every notification sent so far. */
    sent,
    /** Every auditor event so far, with its outcome. */
    audit,
    /** The ids of the tasks the plugin asked the scheduler to trigger. */
    triggered,
    /** Runs a scheduled task once, as the scheduler would. */
    async runTask(id: typeof EVALUATE_TASK_ID | typeof MAINTENANCE_TASK_ID) {
      await mockScheduler.triggerTask(id);
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

/** The Authorization header of the test service principal (CI). */
export function asService(): string {
  return mockCredentials.service.header();
}
