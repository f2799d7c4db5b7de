import {
  BackstageCredentials,
  BackstageUserPrincipal,
  DatabaseService,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { userLanguageReaderServiceRef } from '@qaztech/plugin-registry-node';
import knexFactory, { Knex } from 'knex';
import { DateTime } from 'luxon';
import request from 'supertest';
import { GRANTS, USERS, as } from '../__testUtils__/startMoratoriumBackend';
import { MORATORIUM_TASK_ID, moratoriumPlugin } from '../plugin';

// A request about a system that has left the catalog is closed by the
// scheduled task, with the real catalog deciding what is there: only after
// the system has been missing on two runs and for the grace period, never
// for a system that is briefly dropped and comes back, never for a planned
// system, never for a draft.

jest.setTimeout(180_000);

const HOUR = 60 * 60 * 1000;
const STATE_BODY = 'group:default/mcriap';
const MEMBERS = 'group:default/qaztech-commission-members';
const SECRETARIES = 'group:default/qaztech-commission-secretaries';

const LEAVER = 'system:default/leaver';
/** Leaves the catalog before the scheduled task ever sees it. */
const GONE = 'system:default/gone-early';
const FLICKER = 'system:default/flicker';
const KEEPER = 'system:default/keeper';
const PLANNED = 'system:default/new-portal';

/** The groups of each test user, in the catalog and in their identity. */
const MEMBERSHIP: Record<string, string[]> = {
  [USERS.applicant]: [STATE_BODY],
  [USERS.secretary]: [SECRETARIES],
  [USERS.architect]: [],
  [USERS.member1]: [MEMBERS],
  [USERS.member2]: [MEMBERS],
  [USERS.member3]: [MEMBERS],
  [USERS.auditor]: [],
};

const name = (ref: string) => ref.split('/')[1];

const GROUPS: Entity[] = [
  [STATE_BODY, 'state-body'],
  [MEMBERS, 'role'],
  [SECRETARIES, 'role'],
].map(([ref, type]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: name(ref) },
  spec: { type, children: [] },
}));

const PEOPLE: Entity[] = Object.entries(MEMBERSHIP).map(([ref, groups]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: name(ref) },
  spec: { memberOf: groups },
}));

function system(ref: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: name(ref) },
    spec: { type: 'state-information-system', owner: STATE_BODY },
  };
}

/** The catalog file: JSON documents are YAML. */
function catalogFile(systems: string[]): string {
  return [...GROUPS, ...PEOPLE, ...systems.map(system)]
    .map(entity => `---\n${JSON.stringify(entity)}\n`)
    .join('');
}

/** The user of a request's credentials. */
function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A backend with the real catalog (on its own SQLite, reading a file the
 * test rewrites) and the moratorium plugin on the given database.
 */
async function start(knex: Knex) {
  const directory = createMockDirectory();
  directory.setContent({
    'catalog.yaml': catalogFile([LEAVER, GONE, FLICKER, KEEPER]),
  });
  const catalogDb = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const scheduler = mockServices.scheduler();
  const sent: NotificationSendOptions[] = [];
  const allow = (credentials: BackstageCredentials, permission: string) => {
    const user = userOf(credentials);
    // Plugins calling each other (the moratorium reading the catalog) may.
    // Reading dossiers is narrowed by conditions elsewhere; not this test's
    // concern, so a conditional grant counts as a grant here.
    const granted = GRANTS[user ?? '']?.some(
      g => g === permission || g.startsWith(`${permission}@`),
    );
    return !user || granted ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
  };
  const permissions: PermissionsService = {
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result: allow(credentials, permission.name),
      })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result: allow(credentials, permission.name),
      })) as any;
    },
  };

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      moratoriumPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
            locations: [
              { type: 'file', target: directory.resolve('catalog.yaml') },
            ],
            processingInterval: { seconds: 1 },
            orphanStrategy: 'delete',
          },
        },
      }),
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }): DatabaseService => ({
          getClient: async () =>
            plugin.getId() === 'moratorium' ? knex : catalogDb,
        }),
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

  /** The System names the catalog serves. */
  const catalogSystems = async () => {
    const res = await request(backend.server)
      .get('/api/catalog/entities?filter=kind=system')
      .set('Authorization', mockCredentials.service.header());
    return ((res.body ?? []) as Entity[]).map(e => e.metadata.name).sort();
  };

  return {
    server: backend.server,
    sent,
    /**
     * Rewrites the catalog file with these systems and waits until the
     * catalog serves exactly them (the catalog's own tasks, orphan cleanup
     * among them, run meanwhile), as a re-import would leave it.
     */
    async setSystems(refs: string[]) {
      directory.setContent({ 'catalog.yaml': catalogFile(refs) });
      const expected = refs.map(name).sort();
      const deadline = Date.now() + 60_000;
      for (;;) {
        const names = await catalogSystems();
        if (JSON.stringify(names) === JSON.stringify(expected)) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `The catalog has ${names.join(', ')}, not ${expected.join(', ')}`,
          );
        }
        for (const task of await scheduler.getScheduledTasks()) {
          if (task.id !== MORATORIUM_TASK_ID) {
            await scheduler.triggerTask(task.id);
          }
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    },
    /** Waits until the catalog has read its file and built the memberships. */
    async waitForCatalog() {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res = await request(backend.server)
          .get(`/api/catalog/entities/by-name/group/default/${name(MEMBERS)}`)
          .set('Authorization', mockCredentials.service.header());
        const members = (res.body?.relations ?? []).filter(
          (r: { type: string }) => r.type === 'hasMember',
        );
        if (members.length === 3 && (await catalogSystems()).length === 4) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error('The catalog did not load its file in time');
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    },
    async runTask() {
      await scheduler.triggerTask(MORATORIUM_TASK_ID);
    },
    async stop() {
      await backend.stop();
      await catalogDb.destroy();
    },
  };
}

type Backend = Awaited<ReturnType<typeof start>>;

/** Expects a status, showing the error body when it differs. */
function expectStatus(res: request.Response, status: number) {
  if (res.status !== status) {
    throw new Error(
      `Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}

/** A day `days` ahead in Asia/Almaty. */
function day(days: number): string {
  return DateTime.now().setZone('Asia/Almaty').plus({ days }).toISODate()!;
}

const COMPLETE = {
  purpose: 'Учёт лицензий и разрешений',
  capabilityGaps: [
    {
      capability: 'Обработка секретных данных',
      reason: 'Платформа не аттестована для секретных данных.',
    },
  ],
  cost: { amountKzt: 120_000_000, budgetProgramme: '001 «Цифровизация»' },
  dataCategories: ['personal'],
  hosting: { kind: 'state-operator-dc', country: 'KZ' },
  securityPlan: 'План обеспечения ИБ согласован с ГТС.',
  exitPlan: 'Переход на платформу к 2028 году.',
};

function api(backend: Backend) {
  const server = () => request(backend.server);
  const act = async (id: string, user: string, body: object) => {
    const res = await server()
      .post(`/api/moratorium/requests/${id}/transitions`)
      .set('Authorization', as(user))
      .send(body);
    expectStatus(res, 200);
    return res.body;
  };
  return {
    act,
    /** A draft about an existing system, or a planned one. */
    async draft(systemRef: string, kind: 'existing' | 'planned' = 'existing') {
      const res = await server()
        .post('/api/moratorium/requests')
        .set('Authorization', as(USERS.applicant))
        .send({
          content: {
            ...COMPLETE,
            system:
              kind === 'existing'
                ? { kind, entityRef: systemRef }
                : {
                    kind,
                    entityRef: systemRef,
                    title: { ru: 'Новый портал', kk: 'Жаңа портал' },
                  },
          },
        });
      expectStatus(res, 201);
      return res.body.id as string;
    },
    async submitted(
      systemRef: string,
      kind: 'existing' | 'planned' = 'existing',
    ) {
      const id = await this.draft(systemRef, kind);
      await act(id, USERS.applicant, { action: 'submit' });
      return id;
    },
    async approved(systemRef: string) {
      const id = await this.submitted(systemRef);
      await act(id, USERS.secretary, { action: 'accept' });
      await act(id, USERS.architect, {
        action: 'complete-platform-review',
        finding: 'platform-cannot-serve',
        text: 'Платформа не обрабатывает секретные данные.',
      });
      await act(id, USERS.secretary, {
        action: 'set-agenda',
        sittingDate: day(7),
        ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
      });
      await act(id, USERS.secretary, {
        action: 'propose-decision',
        outcome: 'approved-with-conditions',
        expiresAt: day(400),
        conditions: [{ text: 'Представить план миграции', dueDate: day(60) }],
      });
      for (const member of [USERS.member1, USERS.member2]) {
        expectStatus(
          await server()
            .post(`/api/moratorium/requests/${id}/votes`)
            .set('Authorization', as(member))
            .send({ choice: 'for' }),
          200,
        );
      }
      await act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: 'П-7',
        sittingDate: day(7),
        expiresAt: day(400),
        conditions: [{ text: 'Представить план миграции', dueDate: day(60) }],
      });
      return id;
    },
    async get(id: string) {
      const res = await server()
        .get(`/api/moratorium/requests/${id}`)
        .set('Authorization', as(USERS.applicant));
      expectStatus(res, 200);
      return res.body;
    },
    async state(id: string) {
      return (await this.get(id)).state as string;
    },
    async audit(id: string) {
      const res = await server()
        .get('/api/moratorium/audit')
        .query({ request: id })
        .set('Authorization', as(USERS.auditor));
      expectStatus(res, 200);
      return res.body.items as Array<{
        actor: string;
        action: string;
        payload: any;
      }>;
    },
    async auditCount() {
      const res = await server()
        .get('/api/moratorium/audit')
        .query({ limit: 1 })
        .set('Authorization', as(USERS.auditor));
      expectStatus(res, 200);
      return res.body.totalCount as number;
    },
    async verify() {
      const res = await server()
        .get('/api/moratorium/audit/verify')
        .set('Authorization', as(USERS.auditor));
      expectStatus(res, 200);
      return res.body;
    },
    async exemptions(systemRef: string) {
      const res = await server()
        .get('/api/moratorium/exemptions')
        .query({ system: systemRef })
        .set('Authorization', as(USERS.auditor));
      expectStatus(res, 200);
      return res.body.items;
    },
    async decisions(systemRef: string) {
      const res = await server()
        .get('/api/moratorium/decisions')
        .query({ system: systemRef })
        .set('Authorization', as(USERS.auditor));
      expectStatus(res, 200);
      return res.body.items;
    },
  };
}

/** Fakes only Date (and so luxon's clock), from `now` on, ticking in real time. */
function setAppClock(now: Date) {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'requests about a system that left the catalog, on %s',
  databaseId => {
    let backend: Backend | undefined;

    afterEach(async () => {
      jest.useRealTimers();
      await backend?.stop();
      backend = undefined;
    });

    it('are closed by the scheduled task after the grace period, and only they', async () => {
      const started = await start(await databases.init(databaseId));
      backend = started;
      await started.waitForCatalog();
      const a = api(started);

      const underReview = await a.submitted(LEAVER);
      await a.act(underReview, USERS.secretary, { action: 'accept' });
      const exempted = await a.approved(LEAVER);
      const draft = await a.draft(LEAVER);
      const planned = await a.submitted(PLANNED, 'planned');
      const flickering = await a.submitted(FLICKER);
      const kept = await a.submitted(KEEPER);
      // A planned system that has since been registered as LEAVER.
      const registered = await a.submitted(LEAVER, 'planned');
      const goneEarly = await a.submitted(GONE);
      const untouched = [draft, planned, flickering, kept];
      const statesOf = async (ids: string[]) =>
        Promise.all(ids.map(id => a.state(id)));
      expect(await statesOf(untouched)).toEqual([
        'draft',
        'submitted',
        'submitted',
        'submitted',
      ]);
      expect(await a.exemptions(LEAVER)).toEqual([
        expect.objectContaining({ decisionNumber: 'П-7', status: 'approved' }),
      ]);

      // One system leaves before the task runs: submission saw it, the task
      // never does. The others are seen in the catalog on this run.
      await started.setSystems([LEAVER, FLICKER, KEEPER]);
      await started.runTask();
      // A re-import drops two systems; one of them comes back later.
      await started.setSystems([KEEPER]);
      const auditBefore = await a.auditCount();
      // Deadline reminders may go out meanwhile; these are the notices here.
      const goneNotices = () =>
        started.sent.filter(n =>
          n.payload.scope?.includes(':system-left-catalog:'),
        );

      // Missing on one run, and on a second one within the grace period:
      // nothing is closed, nobody is told.
      await started.runTask();
      await started.runTask();
      expect(await a.state(underReview)).toBe('platform-review');
      expect(await a.state(exempted)).toBe('approved-with-conditions');
      expect(await a.state(goneEarly)).toBe('submitted');
      expect(await a.auditCount()).toBe(auditBefore);
      expect(goneNotices()).toEqual([]);

      await started.setSystems([KEEPER, FLICKER]);
      // A day and an hour later, past the default grace of 24 hours.
      setAppClock(new Date(Date.now() + 25 * HOUR));
      await started.runTask();

      // The undecided request is withdrawn by the system, saying why.
      const withdrawn = await a.get(underReview);
      expect(withdrawn.state).toBe('withdrawn');
      expect(withdrawn.deadlines).toEqual([]);
      expect(withdrawn.history.at(-1)).toEqual({
        action: 'withdraw',
        from: 'platform-review',
        to: 'withdrawn',
        actor: 'system:moratorium',
        at: expect.any(String),
        details: {
          systemLeftCatalog: LEAVER,
          missingSince: expect.any(String),
        },
      });
      const [withdrawal] = await a.audit(underReview);
      expect(withdrawal).toMatchObject({
        actor: 'system:moratorium',
        action: 'withdraw',
        payload: {
          from: 'platform-review',
          to: 'withdrawn',
          cause: {
            kind: 'system-left-catalog',
            systemRef: LEAVER,
            missingSince: withdrawn.history.at(-1).details.missingSince,
          },
        },
      });
      // Missing since the first run that found it gone, over 24 hours ago.
      expect(
        Date.now() - Date.parse(withdrawal.payload.cause.missingSince),
      ).toBeGreaterThanOrEqual(24 * HOUR);

      // The approval is revoked: no longer an exemption for the ref, but the
      // decision stays in the register of decisions.
      const revoked = await a.get(exempted);
      expect(revoked.state).toBe('revoked');
      expect(revoked.decision).toMatchObject({
        outcome: 'approved-with-conditions',
        protocolNumber: 'П-7',
        conditions: [{ text: 'Представить план миграции', status: 'open' }],
      });
      expect(revoked.deadlines).toEqual([]);
      const [revocation] = await a.audit(exempted);
      expect(revocation).toMatchObject({
        actor: 'system:moratorium',
        action: 'revoke',
        payload: {
          from: 'approved-with-conditions',
          to: 'revoked',
          cause: { kind: 'system-left-catalog', systemRef: LEAVER },
        },
      });
      expect(await a.exemptions(LEAVER)).toEqual([
        expect.objectContaining({ decisionNumber: 'П-7', status: 'revoked' }),
      ]);
      expect(await a.decisions(LEAVER)).toEqual([
        expect.objectContaining({
          protocolNumber: 'П-7',
          outcome: 'approved-with-conditions',
          state: 'revoked',
        }),
      ]);

      // Also closed: the request about the system the task never saw (it
      // was in the catalog at submission), and the planned system seen
      // registered before it left.
      expect(await a.state(goneEarly)).toBe('withdrawn');
      expect((await a.audit(goneEarly))[0].payload.cause).toMatchObject({
        systemRef: GONE,
      });
      expect(await a.state(registered)).toBe('withdrawn');

      // The applicant is told, in the configured language (ru), once each.
      const number = async (id: string) => (await a.get(id)).number;
      const notices = goneNotices();
      expect(
        notices.map(n => ({
          to: n.recipients,
          title: n.payload.title,
          severity: n.payload.severity,
        })),
      ).toEqual([
        {
          to: { type: 'entity', entityRef: [USERS.applicant] },
          title: `Заявка ${withdrawn.number}: система выбыла из каталога`,
          severity: 'normal',
        },
        {
          to: { type: 'entity', entityRef: [USERS.applicant] },
          title: `Заявка ${revoked.number}: система выбыла из каталога`,
          severity: 'high',
        },
        {
          to: { type: 'entity', entityRef: [USERS.applicant] },
          title: `Заявка ${await number(
            registered,
          )}: система выбыла из каталога`,
          severity: 'normal',
        },
        {
          to: { type: 'entity', entityRef: [USERS.applicant] },
          title: `Заявка ${await number(
            goneEarly,
          )}: система выбыла из каталога`,
          severity: 'normal',
        },
      ]);
      expect(notices[0].payload.description).toContain(
        'закрыта как отозванная',
      );

      // A draft, a planned system, a system that came back and one that
      // never left: untouched.
      expect(await statesOf(untouched)).toEqual([
        'draft',
        'submitted',
        'submitted',
        'submitted',
      ]);

      // Nothing more on the next run, and the chain still holds.
      const auditAfter = await a.auditCount();
      await started.runTask();
      expect(await a.auditCount()).toBe(auditAfter);
      expect(goneNotices()).toHaveLength(4);
      expect(await a.verify()).toMatchObject({ ok: true, firstBroken: null });
    });
  },
);
