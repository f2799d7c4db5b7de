import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DEFAULT_WORKING_CALENDAR } from '@qaztech/plugin-registry-common';
import { LocalizedNotificationSender } from '@qaztech/plugin-registry-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { testSystem } from '../__testUtils__/systems';
import { DatabaseCampaignStore } from '../database/DatabaseCampaignStore';
import { DatabaseRegistryStore } from '../database/DatabaseRegistryStore';
import { CampaignEngine } from './CampaignEngine';
import { CampaignNotifier } from './CampaignNotifier';
import { ReadinessClient } from './ReadinessClient';
import { StateBodyDirectory } from './StateBodyDirectory';
import { CampaignsConfig } from './readCampaignsConfig';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

// The security readiness API as the engine reads it, two pages.
const server = setupServer(
  http.get(
    'http://localhost:0/api/security-readiness/scorecards',
    ({ request }) => {
      const url = new URL(request.url);
      if (!request.headers.get('authorization')?.startsWith('Bearer ')) {
        return HttpResponse.json({}, { status: 401 });
      }
      if (url.searchParams.get('cursor') === 'page-2') {
        return HttpResponse.json({
          items: [
            {
              systemRef: 'system:default/kgd-tax',
              level: 'conditional',
              evaluatedAt: '2026-03-30T00:00:00.000Z',
            },
          ],
          totalCount: 2,
        });
      }
      // Asked for checks, the API says which of them pass.
      const checks = url.searchParams.get('checks')?.split(',') ?? [];
      return HttpResponse.json({
        items: [
          {
            systemRef: 'system:default/egov-portal',
            level: 'ready',
            evaluatedAt: '2026-03-30T00:00:00.000Z',
            ...(checks.length
              ? { passedChecks: checks.filter(c => c === 'test-act') }
              : {}),
          },
        ],
        nextCursor: 'page-2',
        totalCount: 2,
      });
    },
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function group(name: string, title: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'state-body', profile: { displayName: title } },
    relations: members.map(m => ({
      type: 'hasMember',
      targetRef: `user:default/${m}`,
    })),
  };
}

const catalog = catalogServiceMock({
  entities: [
    group('mcriap', 'МЦРИАП', ['aigerim', 'developer']),
    group('minfin', 'Министерство финансов', ['daulet']),
    group('qaztech-digital-heads', 'Digitalization heads', [
      'aigerim',
      'daulet',
    ]),
  ],
});

const config: CampaignsConfig = {
  definitions: [],
  schedule: { frequency: { minutes: 10 }, timeout: { minutes: 10 } },
  atRiskWorkingDays: 5,
  calendar: DEFAULT_WORKING_CALENDAR,
  language: 'en',
  headsGroup: 'group:default/qaztech-digital-heads',
  digestWeekday: 1,
  readinessEnabled: true,
};

async function setup(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  const registry = await DatabaseRegistryStore.create({
    database,
    cacheTtlMs: 0,
  });
  let now = new Date('2026-04-01T04:00:00Z'); // Wednesday, 09:00 in Almaty
  const store = await DatabaseCampaignStore.create({
    database,
    now: () => now,
  });
  const sent: NotificationSendOptions[] = [];
  const auth = mockServices.auth();
  const engine = new CampaignEngine({
    registry,
    store,
    readiness: new ReadinessClient({
      discovery: mockServices.discovery(),
      auth,
    }),
    bodies: new StateBodyDirectory({
      catalog,
      auth,
      headsGroup: config.headsGroup,
    }),
    notifier: new CampaignNotifier({
      sender: new LocalizedNotificationSender({
        notifications: {
          async send(notification) {
            sent.push(notification);
          },
        },
        catalog,
        auth,
        // Nobody picked a language: everyone reads the configured one.
        languages: { getLanguages: async () => ({}) },
        logger: mockServices.logger.mock(),
      }),
      logger: mockServices.logger.mock(),
      language: 'en',
    }),
    logger: mockServices.logger.mock(),
    config,
    now: () => now,
  });

  const mcriap = { owner: { ref: 'group:default/mcriap' } };
  const minfin = { owner: { ref: 'group:default/minfin' } };
  await registry.upsertChanged([
    testSystem('egov-portal', { ...mcriap, platformStatus: 'on-platform' }),
    testSystem('e-licensing', {
      ...mcriap,
      platformStatus: 'legacy-migrating',
    }),
    testSystem('kgd-tax', { ...minfin, platformStatus: 'exempted' }),
    testSystem('budget', { ...minfin, platformStatus: 'legacy-migrating' }),
    testSystem('treasury', { ...minfin, platformStatus: 'legacy-migrating' }),
    testSystem('planned-one', {
      ...minfin,
      platformStatus: 'legacy-migrating',
      lifecycleStage: 'planned',
    }),
  ]);
  await store.syncConfigCampaigns([
    {
      id: 'migration-2026',
      title: {
        ru: 'Переход на платформу',
        kk: 'Платформаға көшу',
        en: 'Migration to the platform',
      },
      owner: 'user:default/minister',
      scope: { lifecycleStages: ['industrial-operation'] },
      goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
      startDate: '2026-01-01',
      milestones: [
        { date: '2026-03-31', share: 0.5 },
        { date: '2026-09-30', share: 1 },
      ],
      state: 'active',
    },
    {
      id: 'secured-2026',
      title: {
        ru: 'Защищены',
        kk: 'Қорғалған',
        en: 'Every platform system secured',
      },
      owner: 'user:default/minister',
      scope: { onPlatform: true },
      goal: { kind: 'readiness-level', level: 'ready' },
      startDate: '2026-01-01',
      milestones: [{ date: '2026-04-07', share: 1 }],
      state: 'active',
    },
    {
      id: 'tested-2026',
      title: { ru: 'Испытаны', kk: 'Сыналған', en: 'Tested' },
      owner: 'user:default/minister',
      scope: {},
      goal: { kind: 'checks-pass', checkIds: ['test-act'] },
      startDate: '2026-01-01',
      milestones: [{ date: '2026-12-31', share: 1 }],
      state: 'draft',
    },
  ]);
  return {
    engine,
    store,
    sent,
    setNow(instant: string) {
      now = new Date(instant);
    },
  };
}

describe.each(databases.eachSupportedId())('CampaignEngine on %p', id => {
  it('computes progress by body and system, keeps history, and notifies each thing once', async () => {
    const { engine, store, sent, setNow } = await setup(id);

    expect(await engine.run()).toEqual({
      campaigns: 3,
      readinessSynced: true,
      notifications: expect.any(Number),
    });

    // 1 April: the 50 % milestone of 31 March has passed. МЦРИАП has 1 of 2
    // on the platform (met); the Ministry of Finance 1 of 3 (late); the
    // campaign 2 of 5 (late).
    const progress = await store.getCampaign('migration-2026');
    expect(progress?.progress).toMatchObject({
      status: 'late',
      bodies: { late: 1, 'at-risk': 0, 'on-track': 1, done: 0 },
      total: 5,
      done: 2,
      nextMilestone: { date: '2026-09-30', share: 1 },
    });
    expect(await store.listBodies('migration-2026')).toEqual(
      expect.arrayContaining([
        {
          stateBodyRef: 'group:default/minfin',
          title: 'Министерство финансов',
          responsible: ['user:default/daulet'],
          total: 3,
          done: 1,
          share: 1 / 3,
          status: 'late',
        },
        expect.objectContaining({
          stateBodyRef: 'group:default/mcriap',
          responsible: ['user:default/aigerim'],
          status: 'on-track',
        }),
      ]),
    );
    const late = await store.listSystems('migration-2026', {
      status: ['late'],
      limit: 10,
    });
    expect(late.items.map(s => [s.entityRef, s.whatToDo])).toEqual([
      [
        'system:default/budget',
        {
          code: 'move-to-platform',
          values: {
            statuses: ['on-platform', 'exempted'],
            current: 'legacy-migrating',
          },
        },
      ],
      ['system:default/treasury', expect.anything()],
    ]);

    // Readiness came from both pages: the portal is ready, the only system
    // on the platform, so the security campaign is done.
    expect(await store.getCampaign('secured-2026')).toMatchObject({
      progress: { status: 'done', total: 1, done: 1 },
    });
    // Only the portal passes the test-act check; a draft is computed too.
    expect(await store.getCampaign('tested-2026')).toMatchObject({
      progress: { total: 6, done: 1 },
    });
    expect(
      (
        await store.listSystems('tested-2026', { limit: 10, status: ['done'] })
      ).items.map(s => s.entityRef),
    ).toEqual(['system:default/egov-portal']);

    const late1 = sent.filter(n =>
      n.payload.title.startsWith('Deadline missed'),
    );
    expect(late1.map(n => n.payload.title).sort()).toEqual([
      'Deadline missed: Система budget',
      'Deadline missed: Система treasury',
    ]);
    expect(late1[0]).toMatchObject({
      // The state body's members, through the catalog.
      recipients: { type: 'entity', entityRef: ['user:default/daulet'] },
      payload: {
        description: expect.stringContaining(
          '50 % of systems were due by 31.03.2026',
        ),
        link: '/registry/campaigns/migration-2026?stateBody=group%3Adefault%2Fminfin',
        severity: 'high',
        topic: 'registry-campaigns',
      },
    });
    expect(late1[0].payload.description).toContain(
      'To do: reach the status on the platform or exempted.',
    );
    const digests = sent.filter(n =>
      n.payload.title.startsWith('Campaign week'),
    );
    expect(digests).toEqual([
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['user:default/daulet'] },
        payload: expect.objectContaining({
          title:
            'Campaign week "Migration to the platform": Министерство финансов',
          description:
            '1 of 3 systems done; 2 late, 0 at risk. Next deadline: 30.09.2026.',
        }),
      }),
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['user:default/aigerim'] },
      }),
    ]);
    expect(
      sent.filter(n => n.payload.title.startsWith('Late in campaign')),
    ).toEqual([
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['user:default/minister'] },
        payload: expect.objectContaining({
          description:
            'Bodies that missed a deadline: Министерство финансов (33 %).',
        }),
      }),
    ]);

    // Again the same day: nothing new is sent, the day's history row is
    // replaced, not added.
    const count = sent.length;
    await engine.run();
    expect(sent).toHaveLength(count);
    expect(await store.history('migration-2026')).toEqual([
      { date: '2026-04-01', total: 5, done: 2, share: 0.4 },
    ]);

    // Next day, still the same week and status: history grows, nothing sent.
    setNow('2026-04-02T04:00:00Z');
    await engine.run();
    expect(sent).toHaveLength(count);
    expect((await store.history('migration-2026')).map(p => p.date)).toEqual([
      '2026-04-01',
      '2026-04-02',
    ]);
  });

  it('warns owners before a milestone, counting working days', async () => {
    const { engine, sent, setNow } = await setup(id);
    // 18 March: the 31 March milestone is six working days away (Nauryz).
    setNow('2026-03-18T04:00:00Z');
    await engine.run();
    expect(
      sent.filter(n => n.payload.title.startsWith('Deadline close')),
    ).toEqual([]);

    // 19 March: five working days away; the Ministry of Finance (1 of 3,
    // needs 2) is at risk, МЦРИАП (1 of 2) is not.
    setNow('2026-03-19T04:00:00Z');
    await engine.run();
    const close = sent.filter(n =>
      n.payload.title.startsWith('Deadline close'),
    );
    expect(close.map(n => n.payload.title).sort()).toEqual([
      'Deadline close: Система budget',
      'Deadline close: Система treasury',
    ]);
    expect(close[0].payload.severity).toBe('normal');
  });

  it('keeps the readiness last read when the readiness plugin is down', async () => {
    const { engine, store } = await setup(id);
    await engine.run();
    server.use(
      http.get(
        'http://localhost:0/api/security-readiness/scorecards',
        () => new HttpResponse(null, { status: 503 }),
        { once: true },
      ),
    );
    expect(await engine.run()).toMatchObject({ readinessSynced: false });
    expect(await store.getCampaign('secured-2026')).toMatchObject({
      progress: { status: 'done' },
    });
  });
});
