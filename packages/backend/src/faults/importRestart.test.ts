import { readFileSync } from 'node:fs';
import { Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogModuleRegistry from '@qaztech/plugin-catalog-backend-module-registry';
import registryPlugin from '@qaztech/plugin-registry-backend';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import {
  FaultBackend,
  eventually,
  startFaultBackend,
} from './__testUtils__/startFaultBackend';

// Two backends boot one after the other and import the national register.
jest.setTimeout(240_000);

const EXAMPLES = resolve(__dirname, '../../../../examples');
const EXPORT = readFileSync(
  resolve(EXAMPLES, 'register/national-register.json'),
);
const EXPORTED = (JSON.parse(EXPORT.toString('utf8')).systems as unknown[])
  .length;
const STATE_BODIES: Entity[] = parseAllDocuments(
  readFileSync(resolve(EXAMPLES, 'org/state-bodies.yaml'), 'utf8'),
)
  .map(doc => doc.toJS() as Entity)
  .filter(Boolean);

const TASK_ID = 'registry-import:national:refresh';

/**
 * Serves the register export over HTTP; while `stalling`, a request gets
 * the headers and half of the body, then nothing: a slow national portal.
 */
function exportServer() {
  const state = { stalling: true, requests: 0 };
  const stalled: ServerResponse[] = [];
  const server: Server = createServer((_req, res) => {
    state.requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    if (state.stalling) {
      res.write(EXPORT.subarray(0, Math.floor(EXPORT.length / 2)));
      stalled.push(res);
      return;
    }
    res.end(EXPORT);
  });
  return {
    state,
    async start(): Promise<string> {
      await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/national-register.json`;
    },
    /** Cuts the stalled downloads, as a dead process's sockets are cut. */
    cutStalled() {
      stalled.splice(0).forEach(res => res.destroy());
    },
    async stop() {
      this.cutStalled();
      await new Promise(done => server.close(done));
    },
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the register import when the backend restarts mid-run, on %s',
  databaseId => {
    const portal = exportServer();
    let url: string;
    let backend: FaultBackend | undefined;

    beforeAll(async () => {
      url = await portal.start();
    });

    afterAll(async () => {
      await backend?.stop();
      await portal.stop();
    });

    it('completes the import on the next run of a new backend, with a consistent import log', async () => {
      const stores = {
        catalog: await databases.init(databaseId),
        registry: await databases.init(databaseId),
      };
      const start = () =>
        startFaultBackend({
          features: [catalogModuleRegistry, registryPlugin],
          databases: stores,
          entities: STATE_BODIES,
          config: {
            // The import reads through the backend's UrlReader: the portal
            // must be on the reading allow-list.
            backend: { reading: { allow: [{ host: new URL(url).host }] } },
            registry: {
              imports: [
                {
                  id: 'national',
                  source: url,
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 5 },
                    // the test triggers every run itself
                    initialDelay: { hours: 1 },
                  },
                },
              ],
            },
          },
        });

      // The first backend starts an import that hangs on the download, and
      // goes down in the middle of it.
      const first = await start();
      backend = first;
      await first.waitForCatalog();
      const interrupted = first.runTask(TASK_ID);
      await eventually(async () => {
        expect(portal.state.requests).toBe(1);
      });
      await first.stop();
      portal.cutStalled();
      await interrupted;

      // Nothing of the interrupted run reached the catalog.
      const leftovers = await stores
        .catalog('final_entities')
        .whereLike('entity_ref', 'system:%')
        .count({ n: '*' });
      expect(Number(leftovers[0].n)).toBe(0);

      // A new backend on the same databases; the portal answers now.
      portal.state.stalling = false;
      const second = await start();
      backend = second;
      await second.waitForCatalog();
      await second.runTask(TASK_ID);

      const log = await request(second.server)
        .get('/api/registry/imports')
        .set('Authorization', mockCredentials.service.header());
      expect(log.status).toBe(200);
      // Only finished runs are logged: the interrupted one never reported.
      expect(log.body.items).toEqual([
        expect.objectContaining({
          sourceId: 'national',
          status: 'succeeded',
          rowsRead: EXPORTED,
          imported: EXPORTED,
          rejected: [],
        }),
      ]);

      const systems = await eventually(async () => {
        const res = await request(second.server)
          .get('/api/catalog/entities/by-query')
          .query({
            filter: 'kind=system,spec.type=state-information-system',
            limit: 0,
          })
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(200);
        expect(res.body.totalItems).toBe(EXPORTED);
        return res.body.totalItems;
      }, 120_000);
      expect(systems).toBe(EXPORTED);
    });
  },
);
