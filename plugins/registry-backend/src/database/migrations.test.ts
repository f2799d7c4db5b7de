import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@qaztech/plugin-registry-backend',
  'migrations',
);

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'migrate up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const tables = [
        'registry_systems',
        'registry_system_data_categories',
        'registry_imports',
        'registry_campaigns',
        'registry_campaign_progress',
        'registry_campaign_bodies',
        'registry_campaign_history',
        'registry_readiness',
        'registry_campaign_notifications',
        'registry_user_languages',
      ];

      await knex.migrate.latest({ directory: migrationsDir });
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of tables) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }

      await knex.migrate.latest({ directory: migrationsDir });
      await knex('registry_imports').insert({
        source_id: 'national-register',
        source: 'file:///register.json',
        format: 'json',
        started_at: new Date(),
        finished_at: new Date(),
        status: 'succeeded',
        rows_read: 1,
        imported: 1,
        rejected: '[]',
        created_at: new Date(),
      });
      expect(await knex('registry_imports').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      await knex.destroy();
    },
  );
});
