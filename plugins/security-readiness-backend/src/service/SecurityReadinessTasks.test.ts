import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_SCORECARD } from '@qaztech/plugin-security-readiness-common';
import { DatabaseSecurityReadinessStore } from '../database/DatabaseSecurityReadinessStore';
import { SecurityReadinessNotifier } from '../notifications/SecurityReadinessNotifier';
import { NOW, makeSystem } from '../collectors/__fixtures__/systems';
import { recordingLogger } from '../collectors/__fixtures__/logger';
import { EvaluationEngine } from './EvaluationEngine';
import { SecurityReadinessTasks } from './SecurityReadinessTasks';
import { CatalogSystemSource } from './SystemSource';
import { DEFAULT_SCHEDULES } from './readSecurityReadinessConfig';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const DAY = 24 * 60 * 60 * 1000;
const OFFICER = 'user:default/officer';

async function setup(databaseId: TestDatabaseId, language: 'ru' | 'en' = 'ru') {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  const store = await DatabaseSecurityReadinessStore.create({ database });
  const systems = [
    makeSystem('egov', { owner: 'group:default/mcriap' }),
    makeSystem('medinfo', {
      owner: 'group:default/minzdrav',
      record: {
        title: { ru: 'Мединфо', kk: 'Мединфо', en: 'Medinfo' },
      },
    }),
  ];
  const logger = recordingLogger();
  let clock = NOW;
  const engine = new EvaluationEngine({
    store,
    systems: new CatalogSystemSource({
      catalog: catalogServiceMock({ entities: systems }),
      auth: mockServices.auth(),
    }),
    collectors: [],
    scorecard: DEFAULT_SCORECARD,
    logger,
    clock: () => clock,
  });
  const sent: Parameters<NotificationService['send']>[0][] = [];
  const notifications: NotificationService = {
    send: async options => void sent.push(options),
  };
  const tasks = new SecurityReadinessTasks({
    store,
    engine,
    notifier: new SecurityReadinessNotifier({
      // The ref as given, in the configured language: who expands groups
      // and picks languages is LocalizedNotificationSender's own test.
      sender: {
        async send({ recipients, render, defaultLanguage = 'ru' }) {
          await notifications.send({
            recipients: { type: 'entity', entityRef: recipients },
            payload: render(defaultLanguage),
          });
          return { [defaultLanguage]: recipients };
        },
      },
      logger,
      language,
      scorecard: DEFAULT_SCORECARD,
    }),
    config: {
      facts: { retentionDays: 400, maxClockSkewMs: 300_000 },
      attestations: { remindDaysBefore: 30 },
      schedules: DEFAULT_SCHEDULES,
    },
    logger,
    now: () => clock,
    staleAfterMs: 10 * 60 * 1000,
  });
  return {
    store,
    tasks,
    sent,
    setClock(date: Date) {
      clock = date;
    },
  };
}

describe('SecurityReadinessTasks', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('runs a scheduled evaluation of all systems when nothing is queued', async () => {
      const { store, tasks } = await setup(databaseId);
      const runs = await tasks.evaluate();
      expect(runs).toEqual([
        expect.objectContaining({
          trigger: 'schedule',
          scope: { kind: 'all' },
          status: 'succeeded',
          total: 2,
          done: 2,
          changed: 2,
          finishedAt: NOW.toISOString(),
        }),
      ]);
      expect(await store.listSystemRefs()).toEqual([
        'system:default/egov',
        'system:default/medinfo',
      ]);
    });

    it('runs queued on-demand runs first, and a run whose replica died', async () => {
      const { store, tasks, setClock } = await setup(databaseId);
      const { run: single } = await store.createRun({
        scope: { kind: 'system', systemRef: 'system:default/egov' },
        trigger: 'manual',
        requestedBy: OFFICER,
        now: NOW,
      });
      const { run: missing } = await store.createRun({
        scope: { kind: 'system', systemRef: 'system:default/gone' },
        trigger: 'manual',
        now: new Date(NOW.getTime() + 1000),
      });
      const runs = await tasks.evaluate();
      expect(runs.map(r => [r.id, r.status, r.changed])).toEqual([
        [single.id, 'succeeded', 1],
        [missing.id, 'failed', 0],
      ]);
      expect(runs[1].error).toMatch(/No state information system/);
      expect(
        await store.getScorecard('system:default/medinfo'),
      ).toBeUndefined();

      // A replica claimed a run of all systems and died.
      await store.createRun({
        scope: { kind: 'all' },
        trigger: 'manual',
        now: NOW,
      });
      const dead = await store.claimQueuedRun(NOW);
      setClock(new Date(NOW.getTime() + 15 * 60 * 1000));
      const resumed = await tasks.evaluate();
      expect(resumed).toEqual([
        expect.objectContaining({ id: dead!.id, status: 'succeeded', done: 2 }),
      ]);
    });

    it('reminds the owner of an expiring attestation once', async () => {
      const { store, tasks, sent, setClock } = await setup(databaseId);
      await tasks.evaluate();
      await store.insertAttestation({
        id: 'a1',
        systemRef: 'system:default/medinfo',
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {},
        attestedBy: OFFICER,
        attestedAt: new Date(NOW.getTime() - 340 * DAY).toISOString(),
        expiresAt: new Date(NOW.getTime() + 25 * DAY).toISOString(),
      });
      // Not due yet: expires in 60 days.
      await store.insertAttestation({
        id: 'a2',
        systemRef: 'system:default/egov',
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {},
        attestedBy: OFFICER,
        attestedAt: NOW.toISOString(),
        expiresAt: new Date(NOW.getTime() + 60 * DAY).toISOString(),
      });
      expect(await tasks.maintain()).toEqual({
        factsPurged: 0,
        attestationReminders: 1,
        dropNotifications: 0,
      });
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: ['group:default/minzdrav'] },
          payload: expect.objectContaining({
            title: 'Истекает подтверждение: Мединфо',
            link: '/catalog/default/system/medinfo/security-readiness',
            topic: 'security-readiness',
            severity: 'normal',
          }),
        },
      ]);
      expect(sent[0].payload.description).toContain('10.07.2026');

      setClock(new Date(NOW.getTime() + DAY));
      expect((await tasks.maintain()).attestationReminders).toBe(0);
      expect(sent).toHaveLength(1);
    });

    it('tells the owner and the signing officer once when a signed system drops', async () => {
      const { store, tasks, sent, setClock } = await setup(databaseId);
      await tasks.evaluate();
      const card = (await store.getScorecard('system:default/egov'))!;
      await store.insertSignOff({
        id: 's1',
        systemRef: 'system:default/egov',
        // Signed at a better level than the system has now.
        level: 'ready',
        score: 9.5,
        signedBy: OFFICER,
        signedAt: NOW.toISOString(),
        evidenceHash: card.result.inputsHash!,
        results: card.result.checks,
      });
      expect(card.result.level).not.toBe('ready');

      setClock(new Date(NOW.getTime() + DAY));
      expect((await tasks.maintain()).dropNotifications).toBe(1);
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['group:default/mcriap', OFFICER],
          },
          payload: expect.objectContaining({
            title: 'Готовность снизилась: Е-лицензирование',
            severity: 'high',
            link: '/catalog/default/system/egov/security-readiness',
          }),
        },
      ]);
      expect(sent[0].payload.description).toContain('«готова»');
      expect((await tasks.maintain()).dropNotifications).toBe(0);
      expect(sent).toHaveLength(1);
    });

    it('deletes facts past the retention, keeping the newest of each kind', async () => {
      const { store, tasks } = await setup(databaseId);
      await tasks.evaluate();
      const old = (days: number) =>
        new Date(NOW.getTime() - days * DAY).toISOString();
      await store.insertFacts([
        {
          systemRef: 'system:default/egov',
          type: 'findings',
          source: 'ci',
          observedAt: old(500),
          value: 1,
        },
        {
          systemRef: 'system:default/egov',
          type: 'findings',
          source: 'ci',
          observedAt: old(450),
          value: 2,
        },
        {
          systemRef: 'system:default/egov',
          type: 'findings',
          source: 'ci',
          observedAt: old(10),
          value: 3,
        },
        {
          systemRef: 'system:default/egov',
          type: 'sbom',
          source: 'ci',
          observedAt: old(500),
          value: 4,
        },
      ]);
      expect((await tasks.maintain()).factsPurged).toBe(2);
      expect(
        (await store.listFacts('system:default/egov')).map(f => f.value),
      ).toEqual([3, 4]);
    });
  });
});
