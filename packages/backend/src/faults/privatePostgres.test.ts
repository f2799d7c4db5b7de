import { knex as createKnex } from 'knex';
import { startPrivatePostgres } from './__testUtils__/privatePostgres';

jest.setTimeout(120_000);

describe('startPrivatePostgres', () => {
  it('starts a server that survives a stop and start, and removes it', async () => {
    const pg = await startPrivatePostgres();
    const db = createKnex({
      client: 'pg',
      connection: pg.connectionString(),
      pool: { min: 0, max: 2 },
    });
    try {
      await db.raw('CREATE TABLE t (v int)');
      await db('t').insert({ v: 1 });
      pg.stopSync();
      await expect(db.raw('SELECT 1')).rejects.toThrow();
      await pg.start();
      const rows = await db('t').select('v');
      expect(rows).toEqual([{ v: 1 }]);
    } finally {
      await db.destroy();
      await pg.destroy();
    }
  });
});
