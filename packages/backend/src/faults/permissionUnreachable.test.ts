import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { TestDatabases } from '@backstage/backend-test-utils';
import moratoriumPlugin from '@qaztech/plugin-moratorium-backend';
import request from 'supertest';
import {
  GRANTS,
  MEMBERSHIP,
  MORATORIUM_ENTITIES,
  PEOPLE,
  completeRequest,
  expectStatus,
  moratoriumApi,
} from './__testUtils__/moratoriumFixtures';
import { freePort } from './__testUtils__/privatePostgres';
import {
  FaultBackend,
  asUser,
  startFaultBackend,
} from './__testUtils__/startFaultBackend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the moratorium with its permission backend unreachable, on %s',
  databaseId => {
    let backend: FaultBackend | undefined;

    afterAll(async () => {
      await backend?.stop();
    });

    it('refuses writes and reveals nothing, instead of allowing', async () => {
      const db = await databases.init(databaseId);

      // A request exists, made while permissions were answered.
      const healthy = await startFaultBackend({
        features: [moratoriumPlugin],
        databases: { moratorium: db },
        entities: MORATORIUM_ENTITIES,
        grants: GRANTS,
        membership: MEMBERSHIP,
      });
      backend = healthy;
      await healthy.waitForCatalog();
      const created = await moratoriumApi(healthy).create(
        completeRequest({
          kind: 'planned',
          entityRef: 'system:default/e-permits',
          title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
        }),
      );
      expectStatus(created, 201);
      const { id } = created.body;
      await healthy.stop();

      // The same plugin with the real permission client, which finds the
      // permission backend at a port nobody listens on.
      const deadPort = await freePort();
      const cutOff = await startFaultBackend({
        features: [moratoriumPlugin],
        databases: { moratorium: db },
        entities: MORATORIUM_ENTITIES,
        membership: MEMBERSHIP,
        config: { permission: { enabled: true } },
        permissions: permissionsServiceFactory,
        discovery: port =>
          createServiceFactory({
            service: coreServices.discovery,
            deps: {},
            factory: () => {
              const urlOf = async (pluginId: string) =>
                pluginId === 'permission'
                  ? `http://127.0.0.1:${deadPort}/api/permission`
                  : `http://localhost:${port()}/api/${pluginId}`;
              return { getBaseUrl: urlOf, getExternalBaseUrl: urlOf };
            },
          }),
      });
      backend = cutOff;
      await cutOff.waitForCatalog();
      const before = {
        requests: await db('moratorium_requests').count({ n: '*' }),
        audit: await db('moratorium_audit').count({ n: '*' }),
        history: await db('moratorium_history').count({ n: '*' }),
      };

      const api = moratoriumApi(cutOff);
      const writes = [
        await api.create(
          completeRequest({
            kind: 'planned',
            entityRef: 'system:default/e-archive',
            title: { ru: 'Электронный архив', kk: 'Электрондық мұрағат' },
          }),
        ),
        await api.act(id, PEOPLE.applicant, { action: 'submit' }),
        await api.act(id, PEOPLE.applicant, { action: 'withdraw' }),
      ];
      for (const res of writes) {
        expect(res.status).toBe(503);
        expect(res.body.error.message).toBe(
          'The permission service could not be reached, so nothing was done; try again later',
        );
      }
      expect({
        requests: await db('moratorium_requests').count({ n: '*' }),
        audit: await db('moratorium_audit').count({ n: '*' }),
        history: await db('moratorium_history').count({ n: '*' }),
      }).toEqual(before);
      expect(await db('moratorium_requests').where({ id })).toEqual([
        expect.objectContaining({ state: 'draft', version: 1 }),
      ]);

      // Reads answer an error, never the request.
      const reads = [
        await api.get(id),
        await request(cutOff.server)
          .get('/api/moratorium/requests')
          .set('Authorization', asUser(PEOPLE.applicant)),
        await request(cutOff.server)
          .get('/api/moratorium/audit')
          .set('Authorization', asUser(PEOPLE.auditor)),
        await api.verify(),
      ];
      for (const res of reads) {
        expect(res.status).toBe(503);
        // No internal address of the permission backend.
        expect(JSON.stringify(res.body)).not.toMatch(
          /127\.0\.0\.1|localhost:\d+\/api\/permission/,
        );
        // The standard error body, which echoes the URL asked for, and no
        // more: neither the request's number nor its content.
        expect(Object.keys(res.body).sort()).toEqual([
          'error',
          'request',
          'response',
        ]);
        expect(JSON.stringify(res.body)).not.toMatch(/EX-\d{4}/);
        expect(JSON.stringify(res.body)).not.toContain('Учёт разрешений');
      }
    });
  },
);
