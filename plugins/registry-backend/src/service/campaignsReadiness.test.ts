import { mockCredentials } from '@backstage/backend-test-utils';
// The real readiness plugin, started next to this one in the test backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import securityReadinessPlugin from '@qaztech/plugin-security-readiness-backend';
import request from 'supertest';
import {
  startRegistryBackend,
  systemEntity,
} from '../__testUtils__/startRegistryBackend';

jest.setTimeout(120_000);

const USER = mockCredentials.user.header();

const definition = {
  title: { ru: 'Проверки', kk: 'Тексерулер', en: 'Checks' },
  owner: 'group:default/mcriap',
  scope: {},
  startDate: '2020-01-01',
  milestones: [{ date: '2099-12-31', share: 1 }],
};

// The registry reads levels and named checks from the real security
// readiness plugin, through discovery and its own token.
describe('campaigns over the security readiness plugin', () => {
  it('counts the systems that pass the named checks and reach the level', async () => {
    const backend = await startRegistryBackend(
      [
        systemEntity('egov-portal'),
        // Hosted abroad: fails the hosting check.
        systemEntity('e-licensing', {
          title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау' },
          platform: { onPlatform: false },
          hosting: { kind: 'commercial', country: 'DE' },
        }),
      ],
      {
        features: [securityReadinessPlugin],
        config: {
          registry: {
            campaigns: {
              definitions: [
                {
                  ...definition,
                  id: 'hosting-and-data',
                  goal: {
                    kind: 'checks-pass',
                    checkIds: ['hosting', 'data-categories'],
                  },
                },
                {
                  ...definition,
                  id: 'ready',
                  goal: { kind: 'readiness-level', level: 'ready' },
                },
              ],
            },
          },
        },
      },
    );
    try {
      await backend.waitForCatalog(['egov-portal', 'e-licensing']);
      await backend.sync();
      await backend.runTask('security-readiness-evaluate');
      await backend.runTask('registry-campaigns');

      // What the readiness plugin says of each system…
      const expected = { checks: 0, ready: 0 };
      for (const name of ['egov-portal', 'e-licensing']) {
        const scorecard = await request(backend.server)
          .get(`/api/security-readiness/scorecards/default/${name}`)
          .set('Authorization', USER);
        expect(scorecard.status).toBe(200);
        const { result } = scorecard.body;
        const passes = ['hosting', 'data-categories'].every(id =>
          ['pass', 'waived', 'not-applicable'].includes(
            result.checks.find((c: { checkId: string }) => c.checkId === id)
              ?.status,
          ),
        );
        expected.checks += passes ? 1 : 0;
        expected.ready += result.level === 'ready' ? 1 : 0;
      }

      // …is what the campaigns count.
      for (const [id, done] of [
        ['hosting-and-data', expected.checks],
        ['ready', expected.ready],
      ] as const) {
        const progress = await request(backend.server)
          .get(`/api/registry/campaigns/${id}/progress`)
          .set('Authorization', USER);
        expect(progress.status).toBe(200);
        expect([id, progress.body.total, progress.body.done]).toEqual([
          id,
          2,
          done,
        ]);
      }
      // The portal is hosted on the platform and declares its data; the
      // other is hosted abroad. Neither is ready without a test act.
      expect(expected).toEqual({ checks: 1, ready: 0 });
      const done = await request(backend.server)
        .get('/api/registry/campaigns/hosting-and-data/progress')
        .query({ status: 'done' })
        .set('Authorization', USER);
      expect(
        done.body.systems.items.map((s: { entityRef: string }) => s.entityRef),
      ).toEqual(['system:default/egov-portal']);
    } finally {
      await backend.stop();
    }
  });
});
