import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import { DEFAULT_SCORECARD } from '@qaztech/plugin-security-readiness-common';
import type { FactCollector } from '@qaztech/plugin-security-readiness-node';
import { DatabaseSecurityReadinessStore } from '../database/DatabaseSecurityReadinessStore';
import { EntityCollector } from '../collectors/EntityCollector';
import { NOW, makeSystem } from '../collectors/__fixtures__/systems';
import { recordingLogger } from '../collectors/__fixtures__/logger';
import { EvaluationEngine, trendDate } from './EvaluationEngine';
import { CatalogSystemSource } from './SystemSource';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const HOUR = 60 * 60 * 1000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A scanner that reports no vulnerabilities for every system. */
const scanner: FactCollector = {
  id: 'http:trivy',
  async collect({ systems, now }) {
    return systems.map(system => ({
      systemRef: `system:default/${system.metadata.name}`,
      type: 'vulnerabilities',
      source: '',
      observedAt: now.toISOString(),
      value: { critical: 0, high: 0, medium: 0, low: 0 },
    }));
  },
};

async function setup(
  databaseId: TestDatabaseId,
  systems: StateInformationSystemEntity[],
  collectors: FactCollector[] = [new EntityCollector(), scanner],
) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  const store = await DatabaseSecurityReadinessStore.create({ database });
  const logger = recordingLogger();
  const engineFor = (
    list: StateInformationSystemEntity[],
    withCollectors = collectors,
  ) =>
    new EvaluationEngine({
      store,
      systems: new CatalogSystemSource({
        catalog: catalogServiceMock({ entities: list }),
        auth: mockServices.auth(),
        pageSize: 150,
      }),
      collectors: withCollectors,
      scorecard: DEFAULT_SCORECARD,
      logger,
      batchSize: 100,
    });
  return { store, logger, engine: engineFor(systems), engineFor };
}

async function claimedRun(store: DatabaseSecurityReadinessStore, now: Date) {
  await store.createRun({ scope: { kind: 'all' }, trigger: 'schedule', now });
  return (await store.claimQueuedRun(now))!;
}

const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeSystem(`sys-${String(i).padStart(3, '0')}`, {
      owner: i % 2 ? 'group:default/minzdrav' : 'mcriap',
    }),
  );

describe('EvaluationEngine', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('evaluates every system in batches, then writes only what changed', async () => {
      const systems = many(250);
      const { store, engine } = await setup(databaseId, systems);

      const run = await claimedRun(store, NOW);
      const finished = await engine.runAll(run.id, NOW);
      expect(finished).toMatchObject({
        status: 'succeeded',
        total: 250,
        done: 250,
        changed: 250,
      });
      expect(engine.lastRunStats).toEqual({
        systems: 250,
        changed: 250,
        factsInserted: 500,
        collectorFailures: 0,
        purged: 0,
      });
      const card = await store.getScorecard('system:default/sys-001');
      expect(card).toMatchObject({
        stateBodyRef: 'group:default/minzdrav',
        title: 'Е-лицензирование',
        result: { systemRef: 'system:default/sys-001' },
      });
      expect(card!.result.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(
        (await store.getScorecard('system:default/sys-000'))?.stateBodyRef,
      ).toBe('group:default/mcriap');
      expect((await store.countByLevel()).total).toBe(250);
      expect(await store.trend('2026-01-01')).toEqual([
        expect.objectContaining({ date: trendDate(NOW) }),
      ]);

      // Nothing changed: no history, no new facts, results only touched.
      const second = await claimedRun(store, later(1));
      expect(await engine.runAll(second.id, later(1))).toMatchObject({
        status: 'succeeded',
        done: 250,
        changed: 0,
      });
      expect(engine.lastRunStats).toMatchObject({
        changed: 0,
        factsInserted: 0,
      });
      expect(await store.history('system:default/sys-001')).toHaveLength(1);
      const touched = await store.getScorecard('system:default/sys-001');
      expect(touched!.result.evaluatedAt).toBe(later(1).toISOString());
      expect(touched!.changedAt).toBe(NOW.toISOString());
      expect(await store.listFacts('system:default/sys-001')).toHaveLength(2);

      // An officer attests the SOC connection of one system: one change.
      await store.insertAttestation({
        id: 'a1',
        systemRef: 'system:default/sys-001',
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { url: 'https://soc/contract.pdf' },
        attestedBy: 'user:default/officer',
        attestedAt: later(2).toISOString(),
        expiresAt: later(24 * 300).toISOString(),
      });
      const third = await claimedRun(store, later(3));
      expect(await engine.runAll(third.id, later(3))).toMatchObject({
        changed: 1,
      });
      const history = await store.history('system:default/sys-001');
      expect(history).toHaveLength(2);
      expect(history[0].changedChecks).toEqual([
        expect.objectContaining({
          checkId: 'soc-monitoring',
          to: { status: 'pass', score: 10 },
        }),
      ]);
    });

    it('purges the systems gone from the catalog, with all their rows', async () => {
      const systems = many(3);
      const { store, engine, engineFor } = await setup(databaseId, systems);
      await engine.runAll((await claimedRun(store, NOW)).id, NOW);
      await store.insertAttestation({
        id: 'a1',
        systemRef: 'system:default/sys-002',
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {},
        attestedBy: 'user:default/officer',
        attestedAt: NOW.toISOString(),
        expiresAt: later(1000).toISOString(),
      });

      const fewer = engineFor(systems.slice(0, 2));
      await fewer.runAll((await claimedRun(store, later(1))).id, later(1));
      expect(fewer.lastRunStats?.purged).toBe(1);
      expect(await store.listSystemRefs()).toEqual([
        'system:default/sys-000',
        'system:default/sys-001',
      ]);
      expect(await store.listFacts('system:default/sys-002')).toEqual([]);
      expect(
        await store.attestationsForSystems(['system:default/sys-002']),
      ).toEqual([]);
      expect(await store.history('system:default/sys-002')).toEqual([]);

      // An empty catalog is taken for trouble, not for no systems.
      const none = engineFor([]);
      await none.runAll((await claimedRun(store, later(2))).id, later(2));
      expect(await store.listSystemRefs()).toHaveLength(2);
    });

    it('goes on when a collector fails, and counts it', async () => {
      const broken: FactCollector = {
        id: 'http:down',
        async collect() {
          throw new Error('connect ECONNREFUSED');
        },
      };
      const { store, engine, logger } = await setup(databaseId, many(3), [
        broken,
      ]);
      const run = await engine.runAll((await claimedRun(store, NOW)).id, NOW);
      expect(run).toMatchObject({ status: 'succeeded', done: 3, changed: 3 });
      expect(engine.lastRunStats?.collectorFailures).toBe(1);
      expect(logger.messages).toContainEqual({
        level: 'warn',
        message:
          'Collector http:down failed for 3 systems: connect ECONNREFUSED',
      });
    });

    it('evaluates one system on demand', async () => {
      const { store, engine } = await setup(databaseId, many(2));
      const card = await engine.evaluateSystem('System:default/SYS-001', NOW);
      expect(card).toMatchObject({
        stateBodyRef: 'group:default/minzdrav',
        changedAt: NOW.toISOString(),
        result: { systemRef: 'system:default/sys-001' },
      });
      expect(await store.getScorecard('system:default/sys-001')).toEqual(card);
      expect(
        await store.getScorecard('system:default/sys-000'),
      ).toBeUndefined();

      const again = await engine.evaluateSystem(
        'system:default/sys-001',
        later(1),
      );
      expect(again.changedAt).toBe(NOW.toISOString());
      expect(again.result.evaluatedAt).toBe(later(1).toISOString());

      await expect(
        engine.evaluateSystem('system:default/nope', NOW),
      ).rejects.toThrow(NotFoundError);
    });

    it('leaves a stopped run to another replica, which finishes it', async () => {
      const systems = many(300);
      const { store, engine } = await setup(databaseId, systems);
      const run = await claimedRun(store, NOW);
      const controller = new AbortController();
      // The backend stops after the first batch.
      const stopping: FactCollector = {
        id: 'stopper',
        async collect() {
          controller.abort();
          return [];
        },
      };
      const dying = new EvaluationEngine({
        store,
        systems: new CatalogSystemSource({
          catalog: catalogServiceMock({ entities: systems }),
          auth: mockServices.auth(),
        }),
        collectors: [stopping],
        scorecard: DEFAULT_SCORECARD,
        logger: recordingLogger(),
        batchSize: 100,
        clock: () => NOW,
      });
      const stopped = await dying.runAll(run.id, NOW, controller.signal);
      expect(stopped).toMatchObject({ status: 'running', done: 100 });

      // Another replica: no heartbeat for a while, so the run is requeued.
      expect(await store.requeueStaleRuns(later(0.5))).toBe(1);
      const resumed = await store.claimQueuedRun(later(0.5));
      expect(resumed?.id).toBe(run.id);
      const finished = await engine.runAll(run.id, later(0.5));
      expect(finished).toMatchObject({
        status: 'succeeded',
        total: 300,
        done: 300,
        changed: 300,
      });
    });
  });
});
