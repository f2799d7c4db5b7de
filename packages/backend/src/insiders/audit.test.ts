import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonObject } from '@backstage/types';
import { Knex, knex as createKnex } from 'knex';
import request from 'supertest';
import { databases, dropDatabases } from '../authz/__testUtils__/demoBackend';
import { Fixtures } from '../authz/__testUtils__/fixtures';
import { OTHER_BODY } from '../authz/__testUtils__/matrix';
import {
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

jest.setTimeout(600_000);

/** The moratorium plugin's scheduled task that publishes audit checkpoints. */
const CHECKPOINT_TASK = 'moratorium-audit-checkpoints';

/**
 * The suite's databases, with SQLite in files so that the test can reach the
 * moratorium's database as its holder would.
 */
function suiteDatabases(dir: string): Array<[string, JsonObject]> {
  return databases('qaztech_insider_audit_').map(([name, database]) =>
    database.client === 'pg'
      ? [name, database]
      : [name, { client: 'better-sqlite3', connection: { directory: dir } }],
  );
}

/** A connection to the moratorium's database, as the database holder. */
function holderOf(database: JsonObject, dir: string): Knex {
  if (database.client === 'pg') {
    const url = new URL(database.connection as string);
    url.pathname = `/${database.prefix}moratorium`;
    return createKnex({ client: 'pg', connection: url.href });
  }
  return createKnex({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'moratorium.sqlite') },
    useNullAsDefault: true,
  });
}

/**
 * What the database's holder can do without the application: on PostgreSQL
 * the triggers let the table owner through with the maintenance setting.
 */
async function asHolder(
  holder: Knex,
  fn: (tx: Knex.Transaction) => Promise<unknown>,
) {
  await holder.transaction(async tx => {
    if (holder.client.config.client === 'pg') {
      await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
    }
    await fn(tx);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'qaztech-insider-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(suiteDatabases(dir))(
  'the audit record against its database holder, on %s',
  (_name, database) => {
    let backend: SuiteBackend;
    let fixtures: Fixtures;
    let holder: Knex;

    beforeAll(async () => {
      backend = await startSuiteBackend(database);
      fixtures = new Fixtures(backend.server);
      holder = holderOf(database, dir);
    });

    afterAll(async () => {
      await holder?.destroy();
      await backend?.stop();
      await dropDatabases(database);
    });

    /** The verification as the public record answers it, without sign-in. */
    async function verify() {
      const res = await request(backend.server).get(
        '/api/moratorium/audit/verify',
      );
      expect(res.status).toBe(200);
      return res.body;
    }

    /** The published checkpoints, newest first, without sign-in. */
    async function checkpoints() {
      const res = await request(backend.server).get(
        '/api/moratorium/audit/checkpoints',
      );
      expect(res.status).toBe(200);
      return res.body as {
        items: Array<{ count: number }>;
        totalCount: number;
      };
    }

    function problemsOf(verification: {
      findings?: Array<{ problem: string; seq?: number }>;
    }) {
      return (verification.findings ?? []).map(f => [f.problem, f.seq]);
    }

    // One backend for the three cases (its start takes minutes): each case
    // puts back what the holder changed, so the next starts from a record
    // that verifies.

    it('names a decision row the holder changed, though the chain was left alone', async () => {
      const approved = await fixtures.approved(OTHER_BODY, true);
      await backend.triggerTask(CHECKPOINT_TASK);
      expect(await verify()).toMatchObject({ ok: true, findings: [] });

      const decision = await holder('moratorium_decisions')
        .where({ request_id: approved.id })
        .first();
      await holder('moratorium_decisions')
        .where({ id: decision.id })
        .update({ expires_at: '2099-12-31' });
      const verification = await verify();
      expect(verification.ok).toBe(false);
      expect(verification.findings).toEqual([
        expect.objectContaining({
          problem: 'row-disagrees',
          table: 'moratorium_decisions',
          row: String(decision.id),
          message: expect.stringContaining('expiresAt 2099-12-31'),
        }),
      ]);

      await holder('moratorium_decisions')
        .where({ id: decision.id })
        .update({ expires_at: decision.expires_at });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('names a chain cut back to an earlier head, below the published checkpoint', async () => {
      const before = (await checkpoints()).items[0].count;
      await fixtures.submitted(OTHER_BODY);
      await backend.triggerTask(CHECKPOINT_TASK);
      const published = (await checkpoints()).items[0].count;
      expect(published).toBeGreaterThan(before);

      // The entries since the earlier checkpoint removed, the head moved
      // back onto it: what is left is a consistent, shorter chain.
      const cut = await holder('moratorium_audit')
        .where('seq', '>', before)
        .orderBy('seq');
      const head = await holder('moratorium_audit_head').first();
      const last = await holder('moratorium_audit')
        .where({ seq: before })
        .first();
      await asHolder(holder, async tx => {
        await tx('moratorium_audit').where('seq', '>', before).delete();
        await tx('moratorium_audit_head')
          .where({ id: 1 })
          .update({ seq: before, hash: last.hash });
      });
      const verification = await verify();
      expect(verification.ok).toBe(false);
      expect(problemsOf(verification)).toEqual(
        expect.arrayContaining([
          ['truncated', before + 1],
          ['head-rolled-back', before],
        ]),
      );

      await asHolder(holder, async tx => {
        await tx('moratorium_audit').insert(cut);
        await tx('moratorium_audit_head')
          .where({ id: 1 })
          .update({ seq: head.seq, hash: head.hash });
      });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('names a decision the holder rewrote in the chain too, re-hashing it to match', async () => {
      const approved = await fixtures.approved(OTHER_BODY);
      await backend.triggerTask(CHECKPOINT_TASK);
      const published = (await checkpoints()).items[0].count;
      expect(await verify()).toMatchObject({ ok: true });

      // The exemption extended to 2099 in the decision row and in the
      // chain's decide entry, and every entry from there re-hashed.
      const decide = await holder('moratorium_audit')
        .where({ request_id: approved.id, action: 'decide' })
        .first();
      const payload = JSON.parse(decide.payload);
      payload.input.expiresAt = '2099-12-31';
      const canonical = (value: unknown) => JSON.stringify(sortKeys(value));
      await asHolder(holder, async tx => {
        await tx('moratorium_decisions')
          .where({ request_id: approved.id })
          .update({ expires_at: '2099-12-31' });
        await tx('moratorium_audit')
          .where({ seq: decide.seq })
          .update({ payload: canonical(payload) });
        const rows = await tx('moratorium_audit')
          .where('seq', '>=', decide.seq)
          .orderBy('seq');
        let prev: string = decide.prev_hash;
        for (const row of rows) {
          const hash = createHash('sha256')
            .update(
              prev +
                canonical({
                  seq: Number(row.seq),
                  requestId: row.request_id ?? null,
                  actor: row.actor,
                  action: row.action,
                  payload: JSON.parse(row.payload),
                  at: row.at,
                  ...(row.key_id ? { keyId: row.key_id } : {}),
                }),
            )
            .digest('hex');
          await tx('moratorium_audit')
            .where({ seq: row.seq })
            .update({ prev_hash: prev, hash });
          prev = hash;
        }
        await tx('moratorium_audit_head')
          .where({ id: 1 })
          .update({ seq: rows[rows.length - 1].seq, hash: prev });
      });

      // The chain links and the row matches it, but the signatures and the
      // published checkpoint give the rewrite away.
      const verification = await verify();
      expect(verification.ok).toBe(false);
      expect(problemsOf(verification)).toEqual(
        expect.arrayContaining([
          ['signature-invalid', Number(decide.seq)],
          ['checkpoint-mismatch', published],
        ]),
      );
      // And no later checkpoint vouches for the rewrite (the task logs why).
      const count = (await checkpoints()).totalCount;
      await backend.triggerTask(CHECKPOINT_TASK);
      expect((await checkpoints()).totalCount).toBe(count);
    });
  },
);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(key => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
