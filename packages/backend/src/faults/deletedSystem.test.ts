import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness-backend';
import request from 'supertest';
import { expectStatus } from './__testUtils__/moratoriumFixtures';
import {
  READINESS_GROUP,
  readinessSystem,
} from './__testUtils__/readinessFixtures';
import {
  FaultBackend,
  asUser,
  startFaultBackend,
} from './__testUtils__/startFaultBackend';

jest.setTimeout(180_000);

const OFFICER = 'user:default/officer';
/** A developer of the state body that owns both systems. */
const OWNER = 'user:default/aidar';
const KEEPER = 'system:default/keeper';
const LEAVER = 'system:default/leaver';
/** The tables that hold something of a system. */
const TABLES = [
  'sr_scorecards',
  'sr_history',
  'sr_facts',
  'sr_attestations',
  'sr_waivers',
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'a system deleted from the catalog, on %s',
  databaseId => {
    let backend: FaultBackend | undefined;

    afterAll(async () => {
      await backend?.stop();
    });

    it('leaves no scorecard, history, fact, attestation or waiver of it after the next run', async () => {
      const db = await databases.init(databaseId);
      const started = await startFaultBackend({
        features: [securityReadinessPlugin],
        databases: { 'security-readiness': db },
        entities: [
          READINESS_GROUP,
          readinessSystem('keeper', 1),
          readinessSystem('leaver', 2),
        ],
        grants: {
          [OFFICER]: [
            'security-readiness.scorecard.read',
            'security-readiness.attestation.create',
          ],
          [OWNER]: ['security-readiness.waiver.request'],
        },
        membership: { [OWNER]: ['group:default/mcriap'] },
      });
      backend = started;
      await started.waitForCatalog();
      await started.runTask('security-readiness-evaluate');

      const post = (path: string, body: object, user = OFFICER) =>
        request(started.server)
          .post(`/api/security-readiness${path}`)
          .set('Authorization', asUser(user))
          .send(body);
      for (const systemRef of [KEEPER, LEAVER]) {
        expectStatus(
          await post('/attestations', {
            systemRef,
            checkId: 'soc-monitoring',
            result: 'pass',
            evidence: { notes: 'Договор с ОЦИБ № 12' },
          }),
          201,
        );
        expectStatus(
          await post(
            '/waivers',
            {
              systemRef,
              checkId: 'restore-and-exercise',
              justification: 'Учения перенесены на следующий квартал.',
              expiresAt: new Date(Date.now() + 30 * 864e5).toISOString(),
            },
            OWNER,
          ),
          201,
        );
      }

      /** How many rows of each table belong to a system. */
      const rowsOf = async (systemRef: string) => {
        const counts: Record<string, number> = {};
        for (const table of TABLES) {
          const [{ n }] = await db(table)
            .whereRaw('lower(system_ref) = ?', [systemRef])
            .count({ n: '*' });
          counts[table] = Number(n);
        }
        return counts;
      };
      const before = await rowsOf(LEAVER);
      for (const table of TABLES) {
        expect([table, before[table]]).toEqual([table, expect.any(Number)]);
        expect(before[table]).toBeGreaterThan(0);
      }
      const keeperBefore = await rowsOf(KEEPER);

      // An operator unregisters the system from the catalog.
      const entity = await request(started.server)
        .get('/api/catalog/entities/by-name/system/default/leaver')
        .set('Authorization', mockCredentials.service.header());
      expectStatus(entity, 200);
      expectStatus(
        await request(started.server)
          .delete(`/api/catalog/entities/by-uid/${entity.body.metadata.uid}`)
          .set('Authorization', mockCredentials.service.header()),
        204,
      );

      await started.runTask('security-readiness-evaluate');
      expect(await rowsOf(LEAVER)).toEqual(
        Object.fromEntries(TABLES.map(t => [t, 0])),
      );
      const keeperAfter = await rowsOf(KEEPER);
      expect(keeperAfter.sr_scorecards).toBe(1);
      expect(keeperAfter.sr_attestations).toBe(keeperBefore.sr_attestations);
      expect(keeperAfter.sr_waivers).toBe(keeperBefore.sr_waivers);

      const gone = await request(started.server)
        .get('/api/security-readiness/scorecards/default/leaver')
        .set('Authorization', asUser(OFFICER));
      expect(gone.status).toBe(404);
    });
  },
);
