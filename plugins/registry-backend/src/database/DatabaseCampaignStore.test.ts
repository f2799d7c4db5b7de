import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { CampaignSystemRow, CampaignWrite } from './CampaignStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

let clock: Date;
beforeEach(() => {
  clock = new Date('2026-03-02T06:00:00Z');
});

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  return DatabaseCampaignStore.create({ database, now: () => clock });
}

const migration: CampaignWrite = {
  id: 'migration-2026',
  title: {
    ru: 'Переход на платформу',
    kk: 'Платформаға көшу',
    en: 'Migration to the platform',
  },
  owner: 'group:default/mcriap',
  scope: { lifecycleStages: ['industrial-operation'] },
  goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
  startDate: '2026-01-01',
  milestones: [
    { date: '2026-03-31', share: 0.3 },
    { date: '2026-09-30', share: 1 },
  ],
  state: 'active',
};

function system(
  name: string,
  body: string,
  status: CampaignSystemRow['status'],
): CampaignSystemRow {
  const done = status === 'done';
  return {
    entityRef: `system:default/${name}`,
    stateBodyRef: `group:default/${body}`,
    title: { ru: `Система ${name}`, kk: `${name} жүйесі` },
    status,
    done,
    whatToDo: done
      ? { code: 'done' }
      : {
          code: 'move-to-platform',
          values: {
            statuses: ['on-platform', 'exempted'],
            current: 'legacy-migrating',
          },
        },
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseCampaignStore on %p',
  id => {
    it('creates, updates with a version check and moves states', async () => {
      const store = await createStore(id);
      const created = await store.createCampaign(
        { ...migration, state: 'draft' },
        'user:default/aigerim',
      );
      expect(created).toMatchObject({
        id: 'migration-2026',
        state: 'draft',
        source: 'app',
        version: 1,
        createdAt: '2026-03-02T06:00:00.000Z',
      });
      await expect(
        store.createCampaign(migration, 'user:default/aigerim'),
      ).rejects.toThrow('A campaign with id migration-2026 already exists');

      clock = new Date('2026-03-03T06:00:00Z');
      const updated = await store.updateCampaign(
        'migration-2026',
        { ...migration, milestones: [{ date: '2026-09-30', share: 1 }] },
        1,
        'user:default/aigerim',
      );
      expect(updated).toMatchObject({
        version: 2,
        milestones: [{ date: '2026-09-30', share: 1 }],
        updatedAt: '2026-03-03T06:00:00.000Z',
      });
      // Someone still holding version 1 loses.
      await expect(
        store.updateCampaign('migration-2026', migration, 1, 'user:default/b'),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('changed by someone else'),
      });
      await expect(
        store.setState('migration-2026', 'ended', 2, 'user:default/aigerim'),
      ).rejects.toThrow('is draft; it cannot become ended');
      expect(
        await store.setState('migration-2026', 'active', 2, 'user:default/a'),
      ).toMatchObject({ state: 'active', version: 3 });
      await expect(
        store.updateCampaign('nope', migration, 1, 'user:default/a'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('keeps config campaigns in step with the configuration', async () => {
      const store = await createStore(id);
      await store.createCampaign(
        { ...migration, id: 'app-one' },
        'user:default/aigerim',
      );
      expect(
        await store.syncConfigCampaigns([
          migration,
          { ...migration, id: 'app-one' },
        ]),
      ).toEqual({ clashes: ['app-one'] });
      expect(await store.getCampaign('migration-2026')).toMatchObject({
        source: 'config',
        version: 1,
      });
      await expect(
        store.updateCampaign('migration-2026', migration, 1, 'user:default/a'),
      ).rejects.toThrow('defined in the app configuration');

      await store.syncConfigCampaigns([migration]);
      expect((await store.getCampaign('migration-2026'))!.version).toBe(1);
      await store.syncConfigCampaigns([
        { ...migration, owner: 'user:default/aigerim' },
      ]);
      expect(await store.getCampaign('migration-2026')).toMatchObject({
        owner: 'user:default/aigerim',
        version: 2,
      });

      await store.syncConfigCampaigns([]);
      expect(await store.getCampaign('migration-2026')).toBeUndefined();
      expect((await store.listCampaigns()).map(c => c.id)).toEqual(['app-one']);
    });

    it('stores progress, pages systems by body and status, and keeps one history row a day', async () => {
      const store = await createStore(id);
      await store.createCampaign(migration, 'user:default/aigerim');
      const systems = [
        system('a-one', 'mcriap', 'done'),
        system('b-two', 'mcriap', 'late'),
        system('c-three', 'minfin', 'late'),
        system('d-four', 'minfin', 'done'),
        system('e-five', 'minfin', 'late'),
      ];
      const computation = (date: string, done: number) => ({
        summary: {
          status: 'late' as const,
          share: done / 5,
          total: 5,
          done,
          requiredShare: 0.3,
          nextMilestone: migration.milestones[1],
          bodies: { late: 2, 'at-risk': 0, 'on-track': 0, done: 0 },
          computedAt: `${date}T06:00:00.000Z`,
        },
        bodies: [
          {
            stateBodyRef: 'group:default/mcriap',
            title: 'МЦРИАП',
            responsible: ['user:default/head'],
            total: 2,
            done: 1,
            share: 0.5,
            status: 'late' as const,
          },
          {
            stateBodyRef: 'group:default/minfin',
            title: 'Минфин',
            responsible: [],
            total: 3,
            done: done - 1,
            share: (done - 1) / 3,
            status: 'late' as const,
          },
        ],
        systems,
        date,
        writeHistory: true,
      });
      await store.saveComputation(
        'migration-2026',
        computation('2026-04-01', 1),
      );
      await store.saveComputation(
        'migration-2026',
        computation('2026-04-01', 2),
      );
      await store.saveComputation(
        'migration-2026',
        computation('2026-04-02', 3),
      );

      expect(await store.getCampaign('migration-2026')).toMatchObject({
        progress: { status: 'late', total: 5, done: 3 },
      });

      // Two replicas computing at once: both succeed, one result stands.
      await Promise.all([
        store.saveComputation('migration-2026', computation('2026-04-02', 3)),
        store.saveComputation('migration-2026', computation('2026-04-02', 3)),
      ]);
      expect(
        (await store.listSystems('migration-2026', { limit: 10 })).totalCount,
      ).toBe(5);
      expect(await store.history('migration-2026')).toEqual([
        { date: '2026-04-01', total: 5, done: 2, share: 0.4 },
        { date: '2026-04-02', total: 5, done: 3, share: 0.6 },
      ]);
      expect(
        await store.history('migration-2026', {
          stateBody: 'group:default/MCRIAP',
        }),
      ).toEqual([
        { date: '2026-04-01', total: 2, done: 1, share: 0.5 },
        { date: '2026-04-02', total: 2, done: 1, share: 0.5 },
      ]);
      const [first] = await store.history('migration-2026', { byBody: true });
      expect(first.byBody).toEqual({
        'group:default/mcriap': { total: 2, done: 1 },
        'group:default/minfin': { total: 3, done: 1 },
      });
      expect(await store.listBodies('migration-2026')).toContainEqual(
        expect.objectContaining({
          stateBodyRef: 'group:default/mcriap',
          responsible: ['user:default/head'],
        }),
      );

      const late = await store.listSystems('migration-2026', {
        stateBody: 'group:default/minfin',
        status: ['late'],
        limit: 1,
      });
      expect(late.totalCount).toBe(2);
      expect(late.items.map(s => s.entityRef)).toEqual([
        'system:default/c-three',
      ]);
      const next = await store.listSystems('migration-2026', {
        stateBody: 'group:default/minfin',
        status: ['late'],
        limit: 1,
        cursor: late.nextCursor,
      });
      expect(next.items.map(s => s.entityRef)).toEqual([
        'system:default/e-five',
      ]);
      expect(next.nextCursor).toBeUndefined();
      await expect(
        store.listSystems('migration-2026', { limit: 1, cursor: 'garbage' }),
      ).rejects.toThrow('cursor is not valid');

      const streamed: string[] = [];
      for await (const batch of store.streamSystems(
        'migration-2026',
        ['late'],
        2,
      )) {
        streamed.push(...batch.map(s => s.entityRef));
      }
      expect(streamed).toEqual([
        'system:default/b-two',
        'system:default/c-three',
        'system:default/e-five',
      ]);

      expect(await store.systemCampaigns('system:default/B-TWO')).toEqual([
        expect.objectContaining({
          id: 'migration-2026',
          status: 'late',
          done: false,
          nextMilestone: { date: '2026-09-30', share: 1 },
          whatToDo: expect.objectContaining({ code: 'move-to-platform' }),
        }),
      ]);
    });

    it('replaces the readiness projection and sends each notification once', async () => {
      const store = await createStore(id);
      await store.replaceReadiness([
        {
          systemRef: 'system:default/A',
          level: 'ready',
          passedChecks: ['test-act'],
          evaluatedAt: '2026-03-01T00:00:00.000Z',
        },
        {
          systemRef: 'system:default/b',
          level: 'not-ready',
          evaluatedAt: '2026-03-01T00:00:00.000Z',
        },
      ]);
      await store.replaceReadiness([
        {
          systemRef: 'system:default/b',
          level: 'conditional',
          evaluatedAt: '2026-03-02T00:00:00.000Z',
        },
      ]);
      const readiness = await store.readiness([
        'system:default/a',
        'system:default/B',
      ]);
      expect([...readiness.values()]).toEqual([
        {
          systemRef: 'system:default/b',
          level: 'conditional',
          evaluatedAt: '2026-03-02T00:00:00.000Z',
        },
      ]);

      expect(await store.claimNotification('late:x:2026-03-31', 'x')).toBe(
        true,
      );
      expect(await store.claimNotification('late:x:2026-03-31', 'x')).toBe(
        false,
      );
    });
  },
);
