import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import authPlugin from '@backstage/plugin-auth-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import qazTechPolicy from '@qaztech/plugin-permission-backend-module-qaztech-policy';
import { authModuleDemoProvider } from './modules/demoSignIn';
import {
  EXAMPLE_FILES,
  databases,
  dropDatabases,
  entitiesInFiles,
  eventually,
  exampleLocations,
} from './authz/__testUtils__/demoBackend';

// A whole backend boots, loads the demo data and signs people in: on a
// loaded 2-core machine that takes far longer than jest's 5 s default.
jest.setTimeout(120_000);

describe.each(databases('qaztech_demo_'))(
  'the demo backend on %s',
  (_name, database) => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let stop: () => Promise<void>;

    beforeAll(async () => {
      const backend = await startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              backend: { database },
              auth: { environment: 'development', providers: { demo: {} } },
              permission: { enabled: true },
              catalog: {
                rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
                locations: exampleLocations(),
              },
            },
          }),
          // The real token services, so that tokens issued at sign-in are
          // what the permission backend checks.
          authServiceFactory,
          httpAuthServiceFactory,
          userInfoServiceFactory,
          permissionsServiceFactory,
          catalogPlugin,
          authPlugin,
          authModuleDemoProvider,
          permissionPlugin,
          qazTechPolicy,
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop?.();
      await dropDatabases(database);
    });

    async function signIn(userName: string) {
      return request(server)
        .get('/api/auth/demo/refresh')
        .set('x-requested-with', 'XMLHttpRequest')
        .set('x-qaztech-demo-user', userName);
    }

    it('loads every demo entity into the catalog without a processing error', async () => {
      const { body: token } = await eventually(async () => {
        const res = await signIn('platform.admin');
        expect(res.status).toBe(200);
        return res;
      });
      const auth = `Bearer ${token.backstageIdentity.token}`;
      const app = server;

      for (const [kind, files] of Object.entries(EXAMPLE_FILES)) {
        const expected = entitiesInFiles(files)
          .map(e => e.metadata.name)
          .sort();
        const entities = await eventually(async () => {
          const res = await request(app)
            .get('/api/catalog/entities')
            .query({ filter: `kind=${kind}` })
            .set('authorization', auth);
          expect(res.status).toBe(200);
          expect(res.body.length).toBe(expected.length);
          return res.body as Entity[];
        });
        expect(entities.map(e => e.metadata.name).sort()).toEqual(expected);
        const withErrors = entities.filter(e =>
          (e as any).status?.items?.some((i: any) => i.level === 'error'),
        );
        expect(withErrors.map(e => e.metadata.name)).toEqual([]);
      }
    });

    it('signs a demo user in with their catalog profile and groups', async () => {
      const res = await signIn('gulnara.akhmetova');
      expect(res.status).toBe(200);
      expect(res.body.profile.displayName).toBe('Гульнара Ахметова');
      expect(res.body.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef: 'user:default/gulnara.akhmetova',
        ownershipEntityRefs: expect.arrayContaining([
          'user:default/gulnara.akhmetova',
          'group:default/mcriap',
          'group:default/qaztech-commission-secretaries',
        ]),
      });
    });

    it('refuses a user who is not in the catalog, and a request without one', async () => {
      const unknown = await signIn('nobody.here');
      expect(unknown.status).toBeGreaterThanOrEqual(400);
      expect(unknown.status).toBeLessThan(500);
      expect(unknown.body.error.message).toMatch(/nobody\.here|not found/i);

      const missing = await request(server)
        .get('/api/auth/demo/refresh')
        .set('x-requested-with', 'XMLHttpRequest');
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('x-qaztech-demo-user');
    });

    it('decides permissions by role for real sign-in tokens', async () => {
      async function decide(userName: string, name: string) {
        const session = await signIn(userName);
        const res = await request(server)
          .post('/api/permission/authorize')
          .set(
            'authorization',
            `Bearer ${session.body.backstageIdentity.token}`,
          )
          .send({
            items: [
              {
                id: '1',
                // As moratorium-common defines them: the policy denies a
                // known name asked with other attributes.
                permission: { type: 'basic', name, attributes: {} },
              },
            ],
          });
        expect(res.status).toBe(200);
        return res.body.items[0].result;
      }
      await expect(
        decide('gulnara.akhmetova', 'moratorium.decision.record'),
      ).resolves.toBe('ALLOW');
      await expect(
        decide('kairat.sadvakasov', 'moratorium.decision.record'),
      ).resolves.toBe('DENY');
      await expect(
        decide('kairat.sadvakasov', 'moratorium.vote.cast'),
      ).resolves.toBe('ALLOW');
      await expect(
        decide('dinara.seitkazieva', 'moratorium.vote.cast'),
      ).resolves.toBe('DENY');
    });
  },
);
