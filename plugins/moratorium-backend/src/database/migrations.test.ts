import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@qaztech/plugin-moratorium-backend',
  'migrations',
);

const TABLES = [
  'moratorium_requests',
  'moratorium_counters',
  'moratorium_history',
  'moratorium_votes',
  'moratorium_sittings',
  'moratorium_decisions',
  'moratorium_conditions',
  'moratorium_deadlines',
  'moratorium_idempotency',
  'moratorium_audit',
  'moratorium_audit_head',
  'moratorium_audit_checkpoints',
  'moratorium_system_presence',
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
      expect(await knex('moratorium_audit_head').select('id', 'seq')).toEqual([
        { id: 1, seq: expect.anything() },
      ]);

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }

      await knex.migrate.latest({ directory: migrationsDir });
      await knex('moratorium_votes').insert({
        request_id: 'r1',
        member: 'user:default/a',
        choice: 'for',
        at: '2026-11-27T10:00:00.000Z',
      });
      expect(
        await refused(
          knex('moratorium_votes').insert({
            request_id: 'r1',
            member: 'user:default/a',
            choice: 'against',
            at: '2026-11-27T10:00:00.000Z',
          }),
        ),
      ).toBe(true);
      await knex('moratorium_sittings').insert({
        id: 's1',
        date: '2026-12-01',
        created_at: '2026-11-27T10:00:00.000Z',
      });
      expect(
        await refused(
          knex('moratorium_sittings').insert({
            id: 's2',
            date: '2026-12-01',
            created_at: '2026-11-27T10:00:00.000Z',
          }),
        ),
      ).toBe(true);
      await knex.destroy();
    },
  );
});
