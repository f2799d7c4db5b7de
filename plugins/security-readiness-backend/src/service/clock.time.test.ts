import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  SYSTEMS,
  USERS,
  as,
  startSecurityReadinessBackend,
} from '../__testUtils__/startSecurityReadinessBackend';
import { MAINTENANCE_TASK_ID } from './readSecurityReadinessConfig';

// The application's clock and the database's clock can be minutes apart.
// Attestation and waiver expiries are decided by the application's clock,
// which also writes every timestamp they are compared with; these tests
// move the application's clock (jest fakes only Date) minutes away from the
// database's and check that accepting, scoring and reminding agree.

jest.setTimeout(120_000);

type Backend = Awaited<ReturnType<typeof startSecurityReadinessBackend>>;

const MINUTE = 60_000;
const BASE = '/api/security-readiness';

/** Fake only Date, starting at `now` and ticking in real time. */
function setAppClock(now: Date) {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** The database server's own clock. */
async function databaseNow(knex: Knex): Promise<Date> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw('select now() as now');
    return new Date(rows[0].now);
  }
  const [row] = await knex.raw(
    "select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as now",
  );
  return new Date(row.now);
}

/** Column defaults of the plugin's tables that read the database clock. */
async function clockDefaults(knex: Knex): Promise<string[]> {
  const clock = /now|current_|localtime|clock|strftime|datetime/i;
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      `select table_name, column_name, column_default
         from information_schema.columns
        where table_schema = current_schema()
          and table_name like 'sr\\_%'
          and column_default is not null`,
    );
    return rows
      .filter((r: any) => clock.test(r.column_default))
      .map((r: any) => `${r.table_name}.${r.column_name}`);
  }
  const found: string[] = [];
  const tables: { name: string }[] = await knex.raw(
    "select name from sqlite_master where type = 'table' and name like 'sr\\_%' escape '\\'",
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const { name } of tables) {
    const columns: { name: string; dflt_value: string | null }[] =
      await knex.raw(`pragma table_info(${JSON.stringify(name)})`);
    for (const column of columns) {
      if (column.dflt_value !== null && clock.test(column.dflt_value)) {
        found.push(`${name}.${column.name}`);
      }
    }
  }
  return found;
}

function api(backend: Backend) {
  return {
    attest(expiresAt: string) {
      return request(backend.server)
        .post(`${BASE}/attestations`)
        .set('Authorization', as(USERS.officer))
        .send({
          systemRef: SYSTEMS.eLicense,
          checkId: 'soc-monitoring',
          result: 'pass',
          evidence: { notes: 'Договор с ОЦИБ' },
          expiresAt,
        });
    },
    evaluate() {
      return request(backend.server)
        .post(`${BASE}/evaluate`)
        .set('Authorization', as(USERS.officer))
        .send({ systemRef: SYSTEMS.eLicense });
    },
    async socCheck() {
      const res = await request(backend.server)
        .get(`${BASE}/scorecards/default/e-license`)
        .set('Authorization', as(USERS.officer));
      expect(res.status).toBe(200);
      return res.body.result.checks.find(
        (c: { checkId: string }) => c.checkId === 'soc-monitoring',
      );
    },
    async reviewQueue() {
      const res = await request(backend.server)
        .get(`${BASE}/review-queue`)
        .set('Authorization', as(USERS.officer));
      expect(res.status).toBe(200);
      return res.body;
    },
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the security readiness clock on %s',
  databaseId => {
    let backend: Backend;
    let a: ReturnType<typeof api>;

    beforeAll(async () => {
      backend = await startSecurityReadinessBackend({
        knex: await databases.init(databaseId),
      });
      a = api(backend);
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('takes no value from the database clock: no column defaults to it', async () => {
      const columns = await backend.knex('sr_attestations').columnInfo();
      expect(Object.keys(columns)).toEqual(
        expect.arrayContaining(['attested_at', 'expires_at', 'reminded_at']),
      );
      expect(await clockDefaults(backend.knex)).toEqual([]);
    });

    it('refuses an expiry already past for the application, though still ahead for the database', async () => {
      const dbNow = await databaseNow(backend.knex);
      setAppClock(new Date(dbNow.getTime() + 5 * MINUTE));
      const expiresAt = new Date(dbNow.getTime() + 2.5 * MINUTE).toISOString();
      const res = await a.attest(expiresAt);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `expiresAt must be in the future: ${expiresAt}`,
      );
    });

    it('scores, lists and reminds of an attestation by the application clock, 5 minutes behind the database, until that clock passes its expiry', async () => {
      const dbNow = await databaseNow(backend.knex);
      setAppClock(new Date(dbNow.getTime() - 5 * MINUTE));
      // Already past for the database, still ahead for the application.
      const expiresAt = new Date(dbNow.getTime() - 2.5 * MINUTE).toISOString();
      const attested = await a.attest(expiresAt);
      expect(attested.status).toBe(201);
      expect(attested.body.expiresAt).toBe(expiresAt);
      // Stored times come from the application clock.
      expect(Date.parse(attested.body.attestedAt)).toBeLessThan(
        Date.parse(expiresAt),
      );

      expect(await a.socCheck()).toMatchObject({
        status: 'pass',
        reason: { code: 'attested' },
        expiresAt,
      });
      expect((await a.reviewQueue()).expiringAttestations).toEqual([
        expect.objectContaining({ id: attested.body.id, expiresAt }),
      ]);
      // Expiring within the reminder window: the owner is reminded once.
      await backend.runTask(MAINTENANCE_TASK_ID);
      const row = await backend
        .knex('sr_attestations')
        .where({ id: attested.body.id })
        .first();
      expect(row.reminded_at).not.toBeNull();
      expect(Date.parse(row.reminded_at)).toBeLessThan(Date.parse(expiresAt));

      // The application clock passes the expiry: the next evaluation says so.
      jest.setSystemTime(new Date(dbNow.getTime() + 5 * MINUTE));
      expect((await a.evaluate()).status).toBe(202);
      expect(await a.socCheck()).toMatchObject({
        status: 'unknown',
        score: 0,
        reason: { code: 'attestation-expired', values: { expiresAt } },
      });
    });
  },
);
