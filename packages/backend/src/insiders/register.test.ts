import { Entity } from '@backstage/catalog-model';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  databases,
  dropDatabases,
  entitiesInFiles,
  eventually,
} from '../authz/__testUtils__/demoBackend';
import { Fixtures } from '../authz/__testUtils__/fixtures';
import { PEOPLE } from '../authz/__testUtils__/matrix';
import {
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

// Issue 15, item 1: the moratorium believes only facts the governed cannot
// write. A developer registers their own catalog-info.yaml, the way anyone
// with catalog access can, claiming what would make the system compliant.
// Through the HTTP API with real sign-in tokens and the real policy.

jest.setTimeout(300_000);

const DEVELOPER = PEOPLE.developer; // madina.kassymova of akimat-almaty

/** A demo system's record, owned by the developer's body, renamed. */
function handWritten(
  name: string,
  claims: { createdAt: string; onPlatform: boolean },
  owner = `group:default/${DEVELOPER.body}`,
): Entity {
  const base = entitiesInFiles(['systems/state-information-systems.yaml']).find(
    e => e.spec?.owner === `group:default/${DEVELOPER.body}`,
  )!;
  const entity = structuredClone(base);
  entity.metadata = { name, namespace: 'default' };
  entity.spec!.owner = owner;
  const registry = entity.spec!.registry as Record<string, any>;
  delete registry.registryNumber;
  delete registry.integrations;
  registry.createdAt = claims.createdAt;
  registry.lifecycle = {
    stage: 'creation',
    history: [{ stage: 'creation', date: claims.createdAt }],
  };
  registry.platform = claims.onPlatform
    ? { onPlatform: true }
    : { onPlatform: false, migration: { deadline: '2030-12-31' } };
  registry.hosting = {
    kind: claims.onPlatform ? 'platform' : 'own',
    country: 'KZ',
  };
  return entity;
}

describe.each(databases('qaztech_insider_register_'))(
  'insiders against the register, on %s',
  (_name, database) => {
    let backend: SuiteBackend;
    let fixtures: Fixtures;
    // The developer's own repository: catalog-info files served over HTTP,
    // which they may change at will.
    const files = new Map<string, string>();
    let git: Server;
    let base: string;

    beforeAll(async () => {
      git = createServer((req, res) => {
        const body = files.get(req.url ?? '');
        if (body === undefined) {
          res.writeHead(404).end();
        } else {
          res.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
        }
      });
      await new Promise<void>(r => git.listen(0, '127.0.0.1', r));
      const port = (git.address() as AddressInfo).port;
      base = `http://127.0.0.1:${port}`;
      // The platform's own inventory lists the two systems of the owner
      // test as deployed, so that only their owner tells them apart.
      files.set(
        '/inventory.json',
        JSON.stringify({
          deployments: ['insider-team-owned', 'insider-body-owned'].map(
            name => ({
              system: `system:default/${name}`,
              cluster: 'ast-prod-1',
              namespace: name,
            }),
          ),
        }),
      );
      backend = await startSuiteBackend(database, {
        readingAllow: [{ host: `127.0.0.1:${port}` }],
        registry: {
          platformInventories: [
            { id: 'platform', source: `${base}/inventory.json` },
          ],
        },
      });
      fixtures = new Fixtures(backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
      await new Promise(r => git?.close(r));
    });

    async function asDeveloper() {
      return `Bearer ${await fixtures.token(DEVELOPER.user)}`;
    }

    /** Registers a file of the repository as a catalog location, as the developer. */
    async function register(path: string, entity: Entity) {
      files.set(path, stringify(entity));
      const res = await request(backend.server)
        .post('/api/catalog/locations')
        .set('authorization', await asDeveloper())
        .send({ type: 'url', target: `${base}${path}` });
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(201);
    }

    async function processed(name: string): Promise<Entity> {
      return eventually(async () => {
        const res = await request(backend.server)
          .get(`/api/catalog/entities/by-name/system/default/${name}`)
          .set('authorization', await asDeveloper());
        expect(res.status).toBe(200);
        expect(
          res.body.metadata.labels?.['qaztech.kz/platform-status'],
        ).toBeDefined();
        return res.body as Entity;
      }, 120_000);
    }

    async function inRegister(name: string) {
      return eventually(async () => {
        await backend.triggerTask('registry-sync');
        const res = await request(backend.server)
          .get('/api/registry/systems')
          .query({ unverified: 'true', q: name })
          .set('authorization', await asDeveloper());
        expect(res.status).toBe(200);
        const item = res.body.items.find(
          (i: { name: string }) => i.name === name,
        );
        expect(item).toBeDefined();
        return item;
      }, 60_000);
    }

    it('a hand-written record claiming to be on the platform stays in violation and shows the claim unverified', async () => {
      await register(
        '/claims-platform/catalog-info.yaml',
        handWritten('insider-claims-platform', {
          createdAt: '2026-11-01',
          onPlatform: true,
        }),
      );
      const entity = await processed('insider-claims-platform');
      expect(entity.metadata.labels).toMatchObject({
        'qaztech.kz/platform-status': 'violation',
        'qaztech.kz/unverified-claims': 'true',
      });
      const item = await inRegister('insider-claims-platform');
      expect(item.platformStatus).toBe('violation');
      expect(item.unverifiedClaims).toEqual(
        expect.arrayContaining([
          {
            field: 'onPlatform',
            claimed: 'true',
            evidence: 'false',
            source: 'platform-inventory',
          },
        ]),
      );
    });

    it('a hand-written record claiming a creation date before the moratorium stays in violation and shows the claim unverified', async () => {
      await register(
        '/claims-date/catalog-info.yaml',
        handWritten('insider-claims-date', {
          createdAt: '2025-12-01',
          onPlatform: false,
        }),
      );
      const entity = await processed('insider-claims-date');
      expect(entity.metadata.labels?.['qaztech.kz/platform-status']).toBe(
        'violation',
      );
      const item = await inRegister('insider-claims-date');
      expect(item.platformStatus).toBe('violation');
      expect(item.unverifiedClaims).toEqual([
        expect.objectContaining({
          field: 'createdAt',
          claimed: '2025-12-01',
          source: 'first-seen',
        }),
      ]);
      // The evidence is the day the register first saw it, after the start.
      expect(item.unverifiedClaims[0].evidence >= '2026-01-01').toBe(true);
    });

    it('a hand-written record cannot move its system to another state body', async () => {
      const file = '/moves/catalog-info.yaml';
      await register(
        file,
        handWritten('insider-moves-body', {
          createdAt: '2026-11-01',
          onPlatform: false,
        }),
      );
      await processed('insider-moves-body');
      files.set(
        file,
        stringify(
          handWritten(
            'insider-moves-body',
            { createdAt: '2026-11-01', onPlatform: false },
            'group:default/mcriap',
          ),
        ),
      );
      const refreshed = await request(backend.server)
        .post('/api/catalog/refresh')
        .set('authorization', `Bearer ${await backend.serviceToken('catalog')}`)
        .send({ entityRef: 'system:default/insider-moves-body' });
      expect(refreshed.status).toBe(200);
      const refused = await eventually(async () => {
        const res = await request(backend.server)
          .get(
            '/api/catalog/entities/by-name/system/default/insider-moves-body',
          )
          .set('authorization', await asDeveloper());
        const messages = (res.body.status?.items ?? [])
          .map((i: { error?: { message: string } }) => i.error?.message)
          .join('\n');
        expect(messages).toContain('may not move it to group:default/mcriap');
        return res.body as Entity;
      }, 120_000);
      expect(refused.spec?.owner).toBe(`group:default/${DEVELOPER.body}`);
    });

    it('a hand-written record owned by a Group that is not a state body is in violation in the register, showing why', async () => {
      const claims = { createdAt: '2026-11-01', onPlatform: true };
      // The same record twice, both listed by the platform inventory: one
      // names the developer's state body, one their team's Group.
      await register(
        '/body-owned/catalog-info.yaml',
        handWritten('insider-body-owned', claims),
      );
      await register(
        '/team-owned/catalog-info.yaml',
        handWritten(
          'insider-team-owned',
          claims,
          'group:default/qaztech-developers',
        ),
      );
      const onPlatform = (name: string) =>
        eventually(async () => {
          await backend.triggerTask('registry-inventory:platform:refresh');
          const entity = await processed(name);
          expect(entity.metadata.labels?.['qaztech.kz/platform-status']).toBe(
            'on-platform',
          );
        }, 120_000);
      await onPlatform('insider-body-owned');
      await onPlatform('insider-team-owned');

      const listed = async (name: string) =>
        eventually(async () => {
          await backend.triggerTask('registry-sync');
          const res = await request(backend.server)
            .get(`/api/registry/systems/default/${name}`)
            .set('authorization', await asDeveloper());
          expect(res.status).toBe(200);
          return res.body;
        }, 60_000);
      const bodyOwned = await listed('insider-body-owned');
      expect(bodyOwned.platformStatus).toBe('on-platform');
      // Its creation date is unverified, as in the tests above; its owner is
      // not.
      expect(
        bodyOwned.unverifiedClaims.map((c: { field: string }) => c.field),
      ).toEqual(['createdAt']);

      const teamOwned = await inRegister('insider-team-owned');
      expect(teamOwned.platformStatus).toBe('violation');
      expect(teamOwned.platformReason).toContain(
        'group:default/qaztech-developers is not a state body',
      );
      expect(teamOwned.unverifiedClaims).toEqual([
        expect.objectContaining({ field: 'createdAt' }),
        {
          field: 'owner',
          claimed: 'group:default/qaztech-developers',
          evidence: 'not-a-state-body',
          source: 'catalog',
        },
      ]);
    });
  },
);
