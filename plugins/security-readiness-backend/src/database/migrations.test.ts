import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@qaztech/plugin-security-readiness-backend',
  'migrations',
);

const TABLES = [
  'sr_facts',
  'sr_attestations',
  'sr_waivers',
  'sr_scorecards',
  'sr_history',
  'sr_signoffs',
  'sr_runs',
  'sr_trend',
];

jest.setTimeout(60_000);

/** Whether the database refused the statement. */
async function refused(statement: PromiseLike<unknown>): Promise<boolean> {
  try {
    await statement;
    return false;
  } catch {
    return true;
  }
}

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'migrate up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory: migrationsDir });

      const fact = {
        id: 'f1',
        system_ref: 'system:default/egov',
        type: 'findings',
        source: 'scanner:trivy',
        observed_at: '2026-11-27T10:00:00.000Z',
        value: '{}',
        created_at: '2026-11-27T10:00:00.000Z',
      };
      await knex('sr_facts').insert(fact);
      // One fact per (system, type, source, observed_at).
      expect(
        await refused(knex('sr_facts').insert({ ...fact, id: 'f2' })),
      ).toBe(true);
      const run = {
        scope_key: 'all',
        scope: '{"kind":"all"}',
        trigger: 'schedule',
        status: 'queued',
        total: 0,
        done: 0,
        changed: 0,
        created_at: '2026-11-27T10:00:00.000Z',
        started_at: '2026-11-27T10:00:00.000Z',
      };
      await knex('sr_runs').insert({ ...run, id: 'r1', active_key: 'all' });
      // One active run of a scope; finished runs (no key) are many.
      expect(
        await refused(
          knex('sr_runs').insert({ ...run, id: 'r2', active_key: 'all' }),
        ),
      ).toBe(true);
      await knex('sr_runs').insert({ ...run, id: 'r3', active_key: null });
      await knex('sr_runs').insert({ ...run, id: 'r4', active_key: null });
      await knex.destroy();
    },
  );
});
