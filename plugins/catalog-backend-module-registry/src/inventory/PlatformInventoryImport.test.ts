import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseRegistryEvidenceStore } from '../evidence/DatabaseRegistryEvidenceStore';
import { PlatformInventoryImport } from './PlatformInventoryImport';
import { DEFAULT_INVENTORY_SCHEDULE } from './readPlatformInventoryConfigs';

jest.setTimeout(60_000);

describe('PlatformInventoryImport', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'platform-inventory-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function importOf(
    store: DatabaseRegistryEvidenceStore,
    source: string,
    maxBytes?: number,
  ) {
    return new PlatformInventoryImport({
      config: { id: 'platform', source, schedule: DEFAULT_INVENTORY_SCHEDULE },
      store,
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      taskRunner: { run: async () => {} },
      reader: UrlReaders.default({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }),
      maxBytes,
    });
  }

  it.each(databases.eachSupportedId())(
    'stores the listing, keeps it when a run fails, and redacts the source, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRegistryEvidenceStore.forClient(knex);
      const file = join(dir, `${databaseId}.json`);
      await writeFile(
        file,
        JSON.stringify({
          deployments: [
            { system: 'egov', cluster: 'ast-1', namespace: 'egov' },
            { system: 'component:default/x', cluster: 'c', namespace: 'n' },
          ],
        }),
      );
      const run = await importOf(store, file).run();
      expect(run).toMatchObject({
        status: 'succeeded',
        deployments: 1,
        added: 1,
        removed: 0,
        rejected: [{ index: 1 }],
      });
      expect([...(await store.loadInventory()).keys()]).toEqual([
        'system:default/egov',
      ]);

      // Unreadable, over the size cap, or all bad: the listing stays.
      await writeFile(file, 'not json');
      expect((await importOf(store, file).run()).status).toBe('failed');
      await writeFile(
        file,
        JSON.stringify({ deployments: [{ system: 'egov' }] }),
      );
      expect((await importOf(store, file).run()).error).toBe(
        'none of the 1 entries of the inventory is valid',
      );
      expect((await importOf(store, file, 10).run()).error).toContain(
        'larger than the size cap of 10 bytes',
      );
      expect((await store.loadInventory()).size).toBe(1);

      // A URL outside backend.reading.allow is not read; its credentials
      // are never shown.
      const url = 'https://inv:p4ss@deploy.example.kz/inventory.json?token=t0k';
      const refused = await importOf(store, url).run();
      expect(refused.status).toBe('failed');
      expect(refused.source).toBe(
        'https://***@deploy.example.kz/inventory.json?token=***',
      );
      expect(JSON.stringify(refused)).not.toMatch(/p4ss|t0k/);
      expect((await store.loadInventory()).size).toBe(1);
      await knex.destroy();
    },
  );
});
