import moratoriumPlugin from '@qaztech/plugin-moratorium-backend';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness-backend';
import { Knex, knex as createKnex } from 'knex';
import {
  GRANTS,
  MEMBERSHIP,
  MORATORIUM_ENTITIES,
  PEOPLE,
  approval,
  expectStatus,
  moratoriumApi,
  readyForDecision,
} from './__testUtils__/moratoriumFixtures';
import {
  PrivatePostgres,
  startPrivatePostgres,
} from './__testUtils__/privatePostgres';
import {
  READINESS_GROUP,
  readinessSystem,
} from './__testUtils__/readinessFixtures';
import {
  FaultBackend,
  startFaultBackend,
} from './__testUtils__/startFaultBackend';

// A private PostgreSQL is created, stopped and started again, and whole
// backends boot on it: far beyond jest's 5 s default on a loaded machine.
jest.setTimeout(240_000);

/**
 * Stops PostgreSQL (synchronously, so nothing else runs meanwhile) the
 * first time a query matching `pattern` is about to be sent: the
 * transaction around it has written part of its rows and loses them all.
 */
function stopPostgresAt(knex: Knex, pg: PrivatePostgres, pattern: RegExp) {
  const hits: string[] = [];
  let armed = true;
  let seen = 0;
  const matches = { count: 1 };
  const listener = (query: { sql: string }) => {
    if (armed && pattern.test(query.sql)) {
      seen += 1;
      if (seen >= matches.count) {
        armed = false;
        hits.push(query.sql);
        pg.stopSync();
      }
    }
  };
  knex.on('query', listener);
  return {
    /** Stop at the n-th matching query instead of the first. */
    atOccurrence(n: number) {
      matches.count = n;
      return this;
    },
    /** The query PostgreSQL was stopped at, once it was. */
    hits,
    disarm() {
      armed = false;
      knex.removeListener('query', listener);
    },
  };
}

/** A database of its own on the private server, for one plugin. */
async function createDatabase(pg: PrivatePostgres, name: string) {
  const admin = createKnex({ client: 'pg', connection: pg.connectionString() });
  try {
    await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
  return createKnex({
    client: 'pg',
    connection: pg.connectionString(name),
    pool: { min: 0, max: 5 },
  });
}

describe('PostgreSQL restarted while the suite works', () => {
  let pg: PrivatePostgres;

  beforeAll(async () => {
    // No skipping: without a private server these tests cannot show what
    // they must, and CI has to say so.
    pg = await startPrivatePostgres();
  });

  afterAll(async () => {
    await pg?.destroy();
  });

  describe('during a commission decision', () => {
    let db: Knex;
    let backend: FaultBackend;

    beforeAll(async () => {
      db = await createDatabase(pg, 'moratorium_restart');
      backend = await startFaultBackend({
        features: [moratoriumPlugin],
        databases: { moratorium: db },
        entities: MORATORIUM_ENTITIES,
        grants: GRANTS,
        membership: MEMBERSHIP,
      });
      await backend.waitForCatalog();
    });

    afterAll(async () => {
      await backend?.stop();
      await db?.destroy();
    });

    it('leaves nothing partial, and a retry with the same key decides exactly once', async () => {
      const api = moratoriumApi(backend);
      const { id, version } = await readyForDecision(
        backend,
        'system:default/e-permits',
      );
      const auditBefore = await db('moratorium_audit').count({ n: '*' });
      const key = 'decision-after-restart';

      // The decision and the request's new state are written; the server
      // goes away just before the audit entry would be.
      const fault = stopPostgresAt(db, pg, /insert into "moratorium_audit"/i);
      const failed = await api.act(id, PEOPLE.secretary, approval(), key);
      fault.disarm();
      expect(fault.hits).toHaveLength(1);
      expect(failed.status).toBeGreaterThanOrEqual(500);

      await pg.start();
      // Nothing of the decision survived: no decision, no audit entry, no
      // stored answer under the key, the request as it was.
      expect(
        await db('moratorium_decisions').where({ request_id: id }),
      ).toEqual([]);
      expect(
        await db('moratorium_audit').where({
          request_id: id,
          action: 'decide',
        }),
      ).toEqual([]);
      expect(await db('moratorium_audit').count({ n: '*' })).toEqual(
        auditBefore,
      );
      expect(await db('moratorium_idempotency').where({ key })).toEqual([]);
      const unchanged = await api.get(id);
      expectStatus(unchanged, 200);
      expect(unchanged.body).toMatchObject({ state: 'on-agenda', version });
      expect(unchanged.body.decision).toBeUndefined();

      // The retry decides; a further one replays the same answer.
      const retried = await api.act(id, PEOPLE.secretary, approval(), key);
      expectStatus(retried, 200);
      expect(retried.body).toMatchObject({
        state: 'approved',
        version: version + 1,
      });
      const replayed = await api.act(id, PEOPLE.secretary, approval(), key);
      expectStatus(replayed, 200);
      expect(replayed.body).toEqual(retried.body);

      expect(
        await db('moratorium_decisions').where({ request_id: id }),
      ).toHaveLength(1);
      expect(
        await db('moratorium_audit').where({
          request_id: id,
          action: 'decide',
        }),
      ).toHaveLength(1);
      const verified = await api.verify();
      expectStatus(verified, 200);
      expect(verified.body).toMatchObject({ ok: true, firstBroken: null });
    });
  });

  describe('during a readiness run', () => {
    // Two engine batches (200 systems each): the first commits, the
    // second is cut off by the restart.
    const systems = Array.from({ length: 210 }, (_, i) =>
      readinessSystem(`sys-${String(i).padStart(3, '0')}`, i),
    );
    let db: Knex;
    let backend: FaultBackend;

    beforeAll(async () => {
      db = await createDatabase(pg, 'readiness_restart');
      backend = await startFaultBackend({
        features: [securityReadinessPlugin],
        databases: { 'security-readiness': db },
        entities: [READINESS_GROUP, ...systems],
      });
      await backend.waitForCatalog([systems[0], systems[209]]);
    });

    afterAll(async () => {
      await backend?.stop();
      await db?.destroy();
    });

    /** Scorecards, and the systems whose history they lack or vice versa. */
    async function consistency() {
      const cards: { system_ref: string }[] = await db('sr_scorecards').select(
        'system_ref',
      );
      const history: { system_ref: string }[] = await db('sr_history')
        .distinct('system_ref')
        .select('system_ref');
      const withHistory = new Set(history.map(h => h.system_ref));
      const scored = new Set(cards.map(c => c.system_ref));
      return {
        scorecards: cards.length,
        historyEntries: Number((await db('sr_history').count({ n: '*' }))[0].n),
        withoutHistory: [...scored].filter(r => !withHistory.has(r)),
        historyWithoutScorecard: [...withHistory].filter(r => !scored.has(r)),
      };
    }

    it('keeps whole batches only, and the next run completes every system', async () => {
      // The third history insert is the second batch's (the first writes
      // two chunks of 100).
      const fault = stopPostgresAt(
        db,
        pg,
        /insert into "sr_history"/i,
      ).atOccurrence(3);
      await backend.runTask('security-readiness-evaluate');
      fault.disarm();
      expect(fault.hits).toHaveLength(1);

      await pg.start();
      expect(await consistency()).toEqual({
        scorecards: 200,
        historyEntries: 200,
        withoutHistory: [],
        historyWithoutScorecard: [],
      });
      const [interrupted] = await db('sr_runs');
      expect(interrupted.status).not.toBe('succeeded');

      await backend.runTask('security-readiness-evaluate');
      expect(await consistency()).toEqual({
        scorecards: 210,
        historyEntries: 210,
        withoutHistory: [],
        historyWithoutScorecard: [],
      });
      const runs = await db('sr_runs').orderBy('created_at');
      expect(runs.map(r => r.status)).toEqual(['failed', 'succeeded']);
      expect(runs[1]).toMatchObject({ done: 210, total: 210 });
    });
  });
});
