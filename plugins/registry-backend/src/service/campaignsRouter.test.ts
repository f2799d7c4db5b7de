import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startRegistryBackend,
  systemEntity,
} from '../__testUtils__/startRegistryBackend';
import { registryPlugin } from '../plugin';

jest.setTimeout(120_000);

const USER = mockCredentials.user.header();

function ownedBy(entity: Entity, owner: string): Entity {
  return { ...entity, spec: { ...entity.spec, owner } };
}

const MINFIN: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'minfin' },
  spec: {
    type: 'state-body',
    profile: { displayName: 'Министерство финансов' },
    children: [],
  },
};
const HEADS: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'qaztech-digital-heads' },
  spec: { type: 'team', children: [] },
};
function user(name: string, memberOf: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf },
  };
}

// Every state body must have half of its systems on the platform or
// exempted since mid-2020, and all of them by the end of 2099: those below
// half are late whatever day the test runs.
const campaign = {
  id: 'migration',
  title: {
    ru: 'Переход на платформу',
    kk: 'Платформаға көшу',
    en: 'Migration to the platform',
  },
  owner: 'user:default/minister',
  scope: { lifecycleStages: ['industrial-operation'] },
  goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
  startDate: '2020-01-01',
  milestones: [
    { date: '2020-06-30', share: 0.5 },
    { date: '2099-12-31', share: 1 },
  ],
};

const legacy = {
  platform: { onPlatform: false, migration: { deadline: '2026-09-30' } },
  hosting: { kind: 'own' as const, country: 'KZ' },
};

describe('campaigns API', () => {
  let backend: Awaited<ReturnType<typeof startRegistryBackend>>;

  beforeAll(async () => {
    backend = await startRegistryBackend(
      [
        systemEntity('egov-portal', {
          title: {
            ru: 'Портал электронного правительства',
            kk: 'Электрондық үкімет порталы',
          },
          purpose: 'Государственные услуги гражданам онлайн.',
          integrations: [
            { system: 'e-licensing', via: 'shep' },
            { system: 'system:default/minfin-budget', via: 'shep' },
          ],
        }),
        systemEntity('e-licensing', {
          title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау' },
          purpose: 'Выдача лицензий и разрешений.',
          ...legacy,
        }),
        ownedBy(
          systemEntity('minfin-budget', {
            title: { ru: 'Бюджетное планирование', kk: 'Бюджеттік жоспарлау' },
            purpose: 'Планирование и исполнение бюджета.',
            ...legacy,
            integrations: [{ system: 'default/treasury-old', via: 'direct' }],
          }),
          'group:default/minfin',
        ),
        ownedBy(
          systemEntity('minfin-treasury', {
            title: {
              ru: 'Казначейское исполнение бюджета',
              kk: 'Бюджеттің қазынашылық атқарылуы',
            },
            purpose: 'Казначейское обслуживание исполнения бюджета.',
            ...legacy,
          }),
          'group:default/minfin',
        ),
        MINFIN,
        HEADS,
        user('daulet', ['minfin', 'qaztech-digital-heads']),
        user('developer', ['minfin']),
      ],
      {
        config: {
          registry: {
            campaigns: {
              readiness: { enabled: false },
              definitions: [
                {
                  ...campaign,
                  id: 'from-config',
                  goal: { kind: 'readiness-level', level: 'ready' },
                },
              ],
            },
          },
        },
      },
    );
    await backend.waitForCatalog([
      'egov-portal',
      'e-licensing',
      'minfin-budget',
      'minfin-treasury',
    ]);
    await backend.sync();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const api = () => request(backend.server);

  it('refuses an invalid campaign, naming the field', async () => {
    const res = await api()
      .post('/api/registry/campaigns')
      .set('Authorization', USER)
      .send({
        ...campaign,
        milestones: [
          { date: '2020-06-30', share: 0.5 },
          { date: '2099-12-31', share: 0.9 },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'milestones[1].share the last milestone must be 1',
    );

    const unknown = await api()
      .post('/api/registry/campaigns')
      .set('Authorization', USER)
      .send({ ...campaign, deadline: '2026-09-30' });
    expect(unknown.status).toBe(400);
  });

  it('creates a campaign, computes its progress and shows who is late', async () => {
    const created = await api()
      .post('/api/registry/campaigns')
      .set('Authorization', USER)
      .send({ ...campaign, state: 'active' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'migration',
      state: 'active',
      source: 'app',
      version: 1,
    });

    await backend.runTask('registry-campaigns');

    const list = await api()
      .get('/api/registry/campaigns')
      .query({ state: 'active' })
      .set('Authorization', USER);
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([
      'from-config',
      'migration',
    ]);

    const res = await api()
      .get('/api/registry/campaigns/migration/progress')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'late',
      total: 4,
      done: 1,
      share: 0.25,
      requiredShare: 0.5,
      nextMilestone: { date: '2099-12-31', share: 1 },
    });
    expect(res.body.bodies).toEqual([
      {
        stateBodyRef: 'group:default/minfin',
        title: 'Министерство финансов',
        responsible: ['user:default/daulet'],
        total: 2,
        done: 0,
        share: 0,
        status: 'late',
      },
      {
        stateBodyRef: 'group:default/mcriap',
        title: 'mcriap',
        responsible: [],
        total: 2,
        done: 1,
        share: 0.5,
        status: 'on-track',
      },
    ]);
    // The days since the campaign's start (2020) are rebuilt from the
    // stored records on its first computation; today's point is computed.
    expect(res.body.history[0].date).toBe('2020-01-01');
    expect(res.body.history.length).toBeGreaterThan(365);
    expect(res.body.history[res.body.history.length - 1]).toEqual(
      expect.objectContaining({ total: 4, done: 1, share: 0.25 }),
    );

    const late = await api()
      .get('/api/registry/campaigns/migration/progress')
      .query({
        stateBody: 'group:default/minfin',
        status: 'late',
        limit: 1,
      })
      .set('Authorization', USER);
    expect(late.body.systems.totalCount).toBe(2);
    expect(late.body.systems.items).toEqual([
      {
        entityRef: 'system:default/minfin-budget',
        title: { ru: 'Бюджетное планирование', kk: 'Бюджеттік жоспарлау' },
        stateBodyRef: 'group:default/minfin',
        status: 'late',
        done: false,
        whatToDo: {
          code: 'move-to-platform',
          values: {
            statuses: ['on-platform', 'exempted'],
            current: 'legacy-migrating',
          },
        },
      },
    ]);
    const next = await api()
      .get('/api/registry/campaigns/migration/progress')
      .query({
        stateBody: 'group:default/minfin',
        status: 'late',
        limit: 1,
        cursor: late.body.systems.nextCursor,
      })
      .set('Authorization', USER);
    expect(next.body.systems.items.map((s: any) => s.entityRef)).toEqual([
      'system:default/minfin-treasury',
    ]);

    const csv = await api()
      .get('/api/registry/campaigns/migration/late.csv')
      .set('Authorization', USER);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFFentityRef,titleRu,titleKk,titleEn,stateBodyRef,stateBody,responsible,whatToDo',
      'system:default/minfin-budget,Бюджетное планирование,Бюджеттік жоспарлау,,group:default/minfin,Министерство финансов,user:default/daulet,перейти в статус: на платформе или исключение одобрено',
      'system:default/minfin-treasury,Казначейское исполнение бюджета,Бюджеттің қазынашылық атқарылуы,,group:default/minfin,Министерство финансов,user:default/daulet,перейти в статус: на платформе или исключение одобрено',
      '',
    ]);
    const semicolons = await api()
      .get('/api/registry/campaigns/migration/late.csv?sep=;')
      .set('Authorization', USER);
    expect(semicolons.text.split('\r\n')[1]).toBe(
      'system:default/minfin-budget;Бюджетное планирование;Бюджеттік жоспарлау;;group:default/minfin;Министерство финансов;user:default/daulet;перейти в статус: на платформе или исключение одобрено',
    );
    const badSep = await api()
      .get('/api/registry/campaigns/migration/late.csv?sep=|')
      .set('Authorization', USER);
    expect(badSep.status).toBe(400);
    expect(badSep.body.error.message).toMatch(/sep/);

    const system = await api()
      .get('/api/registry/systems/default/minfin-budget/campaigns')
      .set('Authorization', USER);
    expect(system.body.items).toEqual([
      expect.objectContaining({
        id: 'from-config',
        status: 'late',
        whatToDo: { code: 'reach-readiness', values: { level: 'ready' } },
      }),
      expect.objectContaining({
        id: 'migration',
        state: 'active',
        status: 'late',
        done: false,
        title: campaign.title,
        nextMilestone: { date: '2099-12-31', share: 1 },
      }),
    ]);
  });

  it('checks the version of an update and the order of states', async () => {
    await api()
      .post('/api/registry/campaigns')
      .set('Authorization', USER)
      .send({ ...campaign, id: 'versioned' });
    const changed = await api()
      .put('/api/registry/campaigns/versioned')
      .set('Authorization', USER)
      .send({
        ...campaign,
        id: 'versioned',
        owner: 'group:default/minfin',
        version: 1,
      });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      version: 2,
      owner: 'group:default/minfin',
    });

    const stale = await api()
      .put('/api/registry/campaigns/versioned')
      .set('Authorization', USER)
      .send({ ...campaign, id: 'versioned', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('changed by someone else');

    const noVersion = await api()
      .put('/api/registry/campaigns/versioned')
      .set('Authorization', USER)
      .send({ ...campaign, id: 'versioned' });
    expect(noVersion.status).toBe(400);

    const skip = await api()
      .post('/api/registry/campaigns/versioned/state')
      .set('Authorization', USER)
      .send({ state: 'ended', version: 2 });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toContain(
      'is draft; it cannot become ended',
    );

    const start = await api()
      .post('/api/registry/campaigns/versioned/state')
      .set('Authorization', USER)
      .send({ state: 'active', version: 2 });
    expect(start.body).toMatchObject({ state: 'active', version: 3 });

    const fromConfig = await api()
      .put('/api/registry/campaigns/from-config')
      .set('Authorization', USER)
      .send({ ...campaign, id: 'from-config', version: 1 });
    expect(fromConfig.status).toBe(409);
    expect(fromConfig.body.error.message).toContain('app configuration');

    const missing = await api()
      .get('/api/registry/campaigns/nope/progress')
      .set('Authorization', USER);
    expect(missing.status).toBe(404);
  });

  it('finds systems with overlapping purpose', async () => {
    const res = await api()
      .get('/api/registry/systems/default/minfin-treasury/similar')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'system:default/minfin-budget',
        stateBodyRef: 'group:default/minfin',
        sharedTerms: expect.arrayContaining(['бюджет']),
      }),
    ]);
  });

  it('draws the integration graph of a state body', async () => {
    const res = await api()
      .get('/api/registry/integrations')
      .query({ stateBody: 'group:default/minfin' })
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'system:default/egov-portal',
          to: 'system:default/minfin-budget',
          via: 'shep',
        },
        {
          from: 'system:default/minfin-budget',
          to: 'system:default/treasury-old',
          via: 'direct',
        },
      ]),
    );
    expect(res.body.edges).toHaveLength(2);
    expect(res.body.nodes.map((n: any) => [n.entityRef, n.registered])).toEqual(
      [
        ['system:default/egov-portal', true],
        ['system:default/minfin-budget', true],
        ['system:default/minfin-treasury', true],
        ['system:default/treasury-old', false],
      ],
    );
  });
});

describe('campaigns API without the permission', () => {
  it('answers 403 to reads and writes', async () => {
    const backend = await startTestBackend({
      features: [
        registryPlugin,
        mockServices.permissions.factory({
          result: 'DENY' as AuthorizeResult.DENY,
        }),
      ],
    });
    try {
      const read = await request(backend.server)
        .get('/api/registry/campaigns')
        .set('Authorization', USER);
      expect(read.status).toBe(403);
      expect(read.body.error.message).toBe(
        'Not allowed: registry.campaign.read',
      );
      const write = await request(backend.server)
        .post('/api/registry/campaigns')
        .set('Authorization', USER)
        .send(campaign);
      expect(write.status).toBe(403);
      expect(write.body.error.message).toBe(
        'Not allowed: registry.campaign.create',
      );
    } finally {
      await backend.stop();
    }
  });
});
