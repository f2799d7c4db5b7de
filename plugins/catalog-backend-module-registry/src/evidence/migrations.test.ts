import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const directory = resolvePackagePath(
  '@qaztech/plugin-catalog-backend-module-registry',
  'migrations',
);
const tableName = 'registry_module_knex_migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'migrate up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'registry_first_seen',
        'registry_platform_inventory',
        'registry_inventory_sources',
      ];
      await knex.migrate.latest({ directory, tableName });
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.rollback({ directory, tableName }, true);
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory, tableName });
      expect(await knex.schema.hasTable('registry_first_seen')).toBe(true);
      await knex.destroy();
    },
  );
});
