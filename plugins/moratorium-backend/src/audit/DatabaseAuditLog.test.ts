import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { AuditVerification } from '@qaztech/plugin-moratorium-common';
import { Knex } from 'knex';
import { DatabaseMoratoriumStore } from '../database/DatabaseMoratoriumStore';
import { AuditSigner } from './AuditSigner';
import { auditHash } from './auditFormat';
import { FileCheckpointSink } from './CheckpointSink';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const SECRETARY = 'user:default/secretary';
const MEMBERS = ['user:default/m1', 'user:default/m2', 'user:default/m3'];

function pem() {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
}

const temp = mkdtempSync(join(tmpdir(), 'moratorium-audit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let sinkCount = 0;

async function createStore(
  databaseId: TestDatabaseId,
  options: { signer?: AuditSigner; knex?: Knex; sinkFile?: string } = {},
) {
  const knex = options.knex ?? (await databases.init(databaseId));
  const database: DatabaseService = { getClient: async () => knex };
  const sinkFile =
    options.sinkFile ?? join(temp, `checkpoints-${(sinkCount += 1)}.jsonl`);
  const store = await DatabaseMoratoriumStore.create({
    database,
    auditSigner: options.signer ?? AuditSigner.ephemeral('test-key'),
    checkpointSink: new FileCheckpointSink(sinkFile),
  });
  return { knex, store, sinkFile };
}

async function appendSome(store: DatabaseMoratoriumStore, count: number) {
  for (let i = 0; i < count; i++) {
    await store.transaction(tx =>
      store.appendAudit(tx, {
        requestId: i % 2 ? 'r1' : undefined,
        actor: ALICE,
        action: `action-${i + 1}`,
        payload: { i, nested: { b: 1, a: [2, 'x'] } },
        at: new Date(Date.UTC(2026, 2, 2, 6, i)),
      }),
    );
  }
}

/**
 * Changes rows behind the application's back, as the database owner would:
 * on PostgreSQL the triggers let only the owner do it, with the maintenance
 * setting on for the transaction.
 */
async function tamper(
  knex: Knex,
  fn: (tx: Knex.Transaction) => Promise<unknown>,
): Promise<void> {
  await knex.transaction(async tx => {
    if (knex.client.config.client === 'pg') {
      await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
    }
    await fn(tx);
  });
}

/** Recomputes the hashes from entry `from` on, as a re-hashing insider would. */
async function rehashFrom(tx: Knex.Transaction, from: number) {
  const rows = await tx('moratorium_audit')
    .where('seq', '>=', from)
    .orderBy('seq');
  let prev = (
    await tx('moratorium_audit')
      .where('seq', from - 1)
      .first()
  )?.hash;
  prev = prev ?? '0'.repeat(64);
  for (const row of rows) {
    const hash = auditHash(prev!, {
      seq: Number(row.seq),
      requestId: row.request_id,
      actor: row.actor,
      action: row.action,
      payload: JSON.parse(row.payload),
      at: row.at,
      keyId: row.key_id,
    });
    await tx('moratorium_audit')
      .where('seq', row.seq)
      .update({ prev_hash: prev, hash });
    prev = hash;
  }
  const last = rows[rows.length - 1];
  await tx('moratorium_audit_head')
    .where('id', 1)
    .update({ seq: last.seq, hash: prev });
}

function problems(verification: AuditVerification) {
  return (verification.findings ?? []).map(f => ({
    problem: f.problem,
    ...(f.seq !== undefined ? { seq: f.seq } : {}),
    ...(f.table ? { table: f.table } : {}),
    ...(f.row ? { row: f.row } : {}),
  }));
}

/** A request with a decision, conditions and votes, as the service records them. */
async function decidedRequest(store: DatabaseMoratoriumStore, id: string) {
  await store.transaction(tx =>
    store.createRequest(tx, {
      id,
      applicant: ALICE,
      content: {
        system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
        stateBodyRef: 'group:default/mcriap',
        purpose: 'Licensing',
      },
      createdAt: '2026-03-02T06:00:00.000Z',
    }),
  );
  for (const [i, member] of MEMBERS.entries()) {
    await store.transaction(async tx => {
      const vote = {
        member,
        choice: i === 2 ? ('against' as const) : ('for' as const),
        at: `2026-03-05T06:0${i}:00.000Z`,
      };
      await store.upsertVote(tx, id, vote);
      await store.appendAudit(tx, {
        requestId: id,
        actor: member,
        action: 'vote',
        payload: { ...vote },
        at: vote.at,
      });
    });
  }
  const input = {
    action: 'decide',
    outcome: 'approved-with-conditions',
    protocolNumber: 'P-7',
    sittingDate: '2026-03-05',
    expiresAt: '2027-03-04',
    conditions: [
      { text: 'Move to the platform', dueDate: '2026-09-01' },
      { text: 'Pass the security review', dueDate: '2026-06-01' },
    ],
  };
  const conditionIds = [`${id}-c1`, `${id}-c2`];
  await store.transaction(async tx => {
    await store.recordDecision(tx, {
      requestId: id,
      outcome: 'approved-with-conditions',
      protocolNumber: 'P-7',
      sittingDate: '2026-03-05',
      expiresAt: '2027-03-04',
      conditions: input.conditions.map((c, i) => ({
        id: conditionIds[i],
        text: c.text,
        dueDate: c.dueDate,
        status: 'open',
      })),
      recordedBy: SECRETARY,
      recordedAt: '2026-03-05T08:00:00.000Z',
    });
    await store.appendAudit(tx, {
      requestId: id,
      actor: SECRETARY,
      action: 'decide',
      payload: { from: 'on-agenda', to: 'approved-with-conditions', input },
      at: '2026-03-05T08:00:00.000Z',
    });
  });
  await store.transaction(async tx => {
    await store.updateCondition(tx, id, conditionIds[1], {
      status: 'met',
      resolvedAt: '2026-05-01T08:00:00.000Z',
      resolvedBy: SECRETARY,
      evidence: 'https://evidence.example/review',
    });
    await store.appendAudit(tx, {
      requestId: id,
      actor: SECRETARY,
      action: 'mark-condition',
      payload: {
        from: 'approved-with-conditions',
        to: 'approved-with-conditions',
        input: {
          action: 'mark-condition',
          conditionId: conditionIds[1],
          status: 'met',
          evidence: 'https://evidence.example/review',
        },
      },
      at: '2026-05-01T08:00:00.000Z',
    });
  });
  return { conditionIds };
}

describe('DatabaseAuditLog', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('links and signs each entry with the active key', async () => {
      const signer = AuditSigner.fromKeys(
        [{ id: 'audit-2026', privateKey: pem() }],
        'audit-2026',
      );
      const { store } = await createStore(databaseId, { signer });
      expect(await store.verifyAudit()).toEqual({
        ok: true,
        checked: 0,
        firstBroken: null,
        findings: [],
        unsigned: 0,
        checkpoints: { checked: 0, latest: null },
      });
      const entry = await store.transaction(tx =>
        store.appendAudit(tx, {
          actor: ALICE,
          action: 'create',
          payload: { z: 1, a: { y: 2, b: 3 } },
          at: '2026-03-02T06:00:00Z',
        }),
      );
      expect(entry).toEqual({
        seq: 1,
        actor: ALICE,
        action: 'create',
        payload: { a: { b: 3, y: 2 }, z: 1 },
        at: '2026-03-02T06:00:00.000Z',
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        keyId: 'audit-2026',
        signature: expect.any(String),
      });
      // The published public key verifies the stored signature of the hash.
      const [key] = signer.publicKeys();
      expect(
        verify(
          null,
          Buffer.from(entry.hash),
          createPublicKey(key.publicKey),
          Buffer.from(entry.signature!, 'base64'),
        ),
      ).toBe(true);
      await appendSome(store, 4);
      // A rolled-back transaction leaves no entry behind.
      await expect(
        store.transaction(async tx => {
          await store.appendAudit(tx, {
            actor: BOB,
            action: 'lost',
            payload: {},
            at: new Date(),
          });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await store.verifyAudit()).toMatchObject({
        ok: true,
        checked: 5,
        firstBroken: null,
      });

      const page = await store.listAudit({}, { limit: 3 });
      expect(page.totalCount).toBe(5);
      expect(page.items.map(e => e.seq)).toEqual([5, 4, 3]);
      expect(page.items[1].prevHash).toBe(page.items[2].hash);
      expect(page.items.every(e => e.keyId === 'audit-2026')).toBe(true);
      const rest = await store.listAudit(
        {},
        { limit: 3, cursor: page.nextCursor },
      );
      expect(rest.items.map(e => e.seq)).toEqual([2, 1]);
      expect(rest.nextCursor).toBeUndefined();
      const ofRequest = await store.listAudit(
        { requestId: 'r1' },
        { limit: 10 },
      );
      expect(ofRequest.items.map(e => e.seq)).toEqual([5, 3]);
      expect(ofRequest.totalCount).toBe(2);
    });

    it('keeps a valid chain under concurrent appends', async () => {
      const { store } = await createStore(databaseId);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction(async tx => {
            await store.appendAudit(tx, {
              requestId: `r${i}`,
              actor: ALICE,
              action: 'parallel',
              payload: { i },
              at: new Date(),
            });
          }),
        ),
      );
      expect(await store.verifyAudit()).toMatchObject({
        ok: true,
        checked: 20,
        firstBroken: null,
      });
      const page = await store.listAudit({}, { limit: 50 });
      expect(page.items.map(e => e.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => 20 - i),
      );
    });

    it('verifies older entries with their own key after a rotation', async () => {
      const oldKey = pem();
      const first = AuditSigner.fromKeys(
        [{ id: 'audit-2025', privateKey: oldKey }],
        'audit-2025',
      );
      const { store, knex } = await createStore(databaseId, { signer: first });
      await appendSome(store, 2);
      const retiredPublic = first.publicKeys()[0].publicKey;

      // The new key signs from now on; the old one is kept public only.
      const rotated = AuditSigner.fromKeys(
        [
          { id: 'audit-2026', privateKey: pem() },
          { id: 'audit-2025', publicKey: retiredPublic },
        ],
        'audit-2026',
      );
      const { store: after } = await createStore(databaseId, {
        knex,
        signer: rotated,
      });
      await appendSome(after, 2);
      const page = await after.listAudit({}, { limit: 10 });
      expect(page.items.map(e => [e.seq, e.keyId])).toEqual([
        [4, 'audit-2026'],
        [3, 'audit-2026'],
        [2, 'audit-2025'],
        [1, 'audit-2025'],
      ]);
      expect(await after.verifyAudit()).toMatchObject({ ok: true, checked: 4 });

      // Forget the retired key and its entries can no longer be vouched for.
      const forgetful = AuditSigner.fromKeys(
        [{ id: 'audit-2026', privateKey: pem() }],
        'audit-2026',
      );
      const { store: without } = await createStore(databaseId, {
        knex,
        signer: forgetful,
      });
      expect(problems(await without.verifyAudit())).toEqual(
        expect.arrayContaining([
          { problem: 'unknown-key', seq: 1 },
          { problem: 'unknown-key', seq: 2 },
        ]),
      );
    });

    it('accepts unsigned entries from before signing only at the start', async () => {
      const { store, knex } = await createStore(databaseId);
      // Two entries as the code before signing wrote them.
      await tamper(knex, async tx => {
        let prev = '0'.repeat(64);
        for (const seq of [1, 2]) {
          const entry = {
            seq,
            requestId: null,
            actor: ALICE,
            action: 'legacy',
            payload: { seq },
            at: '2026-01-01T00:00:00.000Z',
          };
          const hash = auditHash(prev, entry);
          await tx('moratorium_audit').insert({
            seq,
            request_id: null,
            actor: ALICE,
            action: 'legacy',
            payload: JSON.stringify({ seq }),
            at: entry.at,
            prev_hash: prev,
            hash,
          });
          await tx('moratorium_audit_head')
            .where('id', 1)
            .update({ seq, hash });
          prev = hash;
        }
      });
      await appendSome(store, 2);
      const ok = await store.verifyAudit();
      expect(ok).toMatchObject({ ok: true, checked: 4, unsigned: 2 });

      // An unsigned entry after signed ones was not written by the application.
      await tamper(knex, async tx => {
        await tx('moratorium_audit')
          .where('seq', 4)
          .update({ key_id: null, signature: null });
        await rehashFrom(tx, 4);
      });
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'unsigned', seq: 4 },
      ]);
    });

    it('finds a removed entry in the middle and at the end', async () => {
      const { store, knex } = await createStore(databaseId);
      await appendSome(store, 6);
      await tamper(knex, tx => tx('moratorium_audit').where('seq', 6).delete());
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        checked: 5,
        firstBroken: { seq: 6, problem: 'prev-mismatch' },
      });
      await tamper(knex, tx => tx('moratorium_audit').where('seq', 3).delete());
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'prev-mismatch', seq: 4 },
        { problem: 'prev-mismatch', seq: 6 },
      ]);
    });

    it('finds entries that were swapped', async () => {
      const { store, knex } = await createStore(databaseId);
      await appendSome(store, 4);
      const [rowA, rowB] = await Promise.all([
        knex('moratorium_audit').where('seq', 2).first(),
        knex('moratorium_audit').where('seq', 3).first(),
      ]);
      const { seq: _a, ...contentA } = rowA;
      const { seq: _b, ...contentB } = rowB;
      await tamper(knex, async tx => {
        await tx('moratorium_audit').whereIn('seq', [2, 3]).delete();
        await tx('moratorium_audit').insert({ seq: 2, ...contentB });
        await tx('moratorium_audit').insert({ seq: 3, ...contentA });
      });
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        firstBroken: { seq: 2, problem: 'prev-mismatch' },
      });
    });

    it('publishes signed checkpoints to the record and the sink', async () => {
      const { store, sinkFile } = await createStore(databaseId);
      await appendSome(store, 3);
      const checkpoint = await store.audit.createCheckpoint();
      await store.audit.publishToSink(checkpoint);
      const head = (await store.listAudit({}, { limit: 1 })).items[0];
      expect(checkpoint).toEqual({
        count: 3,
        headHash: head.hash,
        publishedAt: expect.any(String),
        keyId: 'test-key',
        signature: expect.any(String),
      });
      expect(
        readFileSync(sinkFile, 'utf8')
          .trim()
          .split('\n')
          .map(line => JSON.parse(line)),
      ).toEqual([checkpoint]);
      expect(await store.audit.listCheckpoints({ limit: 10 })).toEqual({
        items: [checkpoint],
        totalCount: 1,
      });
      await appendSome(store, 2);
      const second = await store.audit.createCheckpoint();
      expect(second.count).toBe(5);
      expect(await store.verifyAudit()).toMatchObject({
        ok: true,
        checkpoints: { checked: 2, latest: second },
      });
    });

    it('names a rewritten row, with and without re-hashing, against the checkpoint', async () => {
      const { store, knex } = await createStore(databaseId);
      await appendSome(store, 6);
      await store.audit.createCheckpoint();

      // Rewritten in place: its hash no longer matches.
      await tamper(knex, tx =>
        tx('moratorium_audit')
          .where('seq', 4)
          .update({ payload: '{"i":3,"nested":{"a":[2,"x"],"b":2}}' }),
      );
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        firstBroken: { seq: 4, requestId: 'r1', problem: 'hash-mismatch' },
      });
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'hash-mismatch', seq: 4 },
      ]);

      // Re-hashed from there on: the chain links, but without the key the
      // signatures fail, and the checkpoint names the head it vouched for.
      await tamper(knex, tx => rehashFrom(tx, 4));
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'signature-invalid', seq: 4 },
        { problem: 'signature-invalid', seq: 5 },
        { problem: 'signature-invalid', seq: 6 },
        { problem: 'checkpoint-mismatch', seq: 6 },
      ]);
      // And no new checkpoint vouches for the rewrite.
      await expect(store.audit.createCheckpoint()).rejects.toThrow(
        /No checkpoint published/,
      );
    });

    it('names a truncated chain and a rolled-back head', async () => {
      const { store, knex } = await createStore(databaseId);
      await appendSome(store, 6);
      await store.audit.createCheckpoint();
      const rows = await knex('moratorium_audit').orderBy('seq');

      // The head alone moved back: the entries after it are still there.
      await tamper(knex, tx =>
        tx('moratorium_audit_head')
          .where('id', 1)
          .update({ seq: 4, hash: rows[3].hash }),
      );
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'prev-mismatch', seq: 7 },
        { problem: 'head-rolled-back', seq: 4 },
      ]);

      // The tail removed with it: a consistent but shorter chain.
      await tamper(knex, tx =>
        tx('moratorium_audit').where('seq', '>', 4).delete(),
      );
      const verification = await store.verifyAudit();
      expect(problems(verification)).toEqual([
        { problem: 'truncated', seq: 5 },
        { problem: 'head-rolled-back', seq: 4 },
      ]);
      expect(verification.findings![0].message).toMatch(
        /has 4 entries, but the checkpoint .* vouches for 6: entries 5…6 were removed/,
      );
    });

    it('reads checkpoints back from the sink and refuses forged ones', async () => {
      const { store, knex } = await createStore(databaseId);
      await appendSome(store, 3);
      const checkpoint = await store.audit.createCheckpoint();
      await store.audit.publishToSink(checkpoint);

      // The database's record of checkpoints emptied, and the chain cut:
      // the sink still holds the checkpoint.
      await tamper(knex, async tx => {
        await tx('moratorium_audit_checkpoints').delete();
        await tx('moratorium_audit').where('seq', 3).delete();
        const two = await tx('moratorium_audit').where('seq', 2).first();
        await tx('moratorium_audit_head')
          .where('id', 1)
          .update({ seq: 2, hash: two.hash });
      });
      expect(problems(await store.verifyAudit())).toEqual([
        { problem: 'checkpoint-missing', seq: 3 },
        { problem: 'truncated', seq: 3 },
        { problem: 'head-rolled-back', seq: 2 },
      ]);

      // A checkpoint written into the record without the key is not relied on.
      await knex('moratorium_audit_checkpoints').insert({
        count: 2,
        head_hash: 'f'.repeat(64),
        published_at: '2026-03-02T07:00:00.000Z',
        key_id: 'test-key',
        signature: Buffer.alloc(64).toString('base64'),
      });
      expect(problems(await store.verifyAudit())).toContainEqual({
        problem: 'checkpoint-signature-invalid',
        seq: 2,
      });
    });

    it('cross-checks decisions, conditions and votes with the chain', async () => {
      const { store, knex } = await createStore(databaseId);
      const { conditionIds } = await decidedRequest(store, 'req-1');
      await decidedRequest(store, 'req-2');
      expect(await store.verifyAudit()).toMatchObject({
        ok: true,
        findings: [],
      });
      const decision = await knex('moratorium_decisions')
        .where('request_id', 'req-1')
        .first();
      const decisionId = String(decision.id);

      // A longer exemption, an easier condition, a missed one marked met, a
      // member's vote turned, a vote slipped in: each row is named.
      await knex('moratorium_decisions')
        .where('id', decision.id)
        .update({ expires_at: '2099-12-31' });
      await knex('moratorium_conditions')
        .where('id', conditionIds[0])
        .update({ text: 'Consider the platform', status: 'met' });
      await knex('moratorium_votes')
        .where({ request_id: 'req-1', member: MEMBERS[2] })
        .update({ choice: 'for' });
      await knex('moratorium_votes').insert({
        request_id: 'req-1',
        member: 'user:default/ghost',
        choice: 'for',
        at: '2026-03-05T06:09:00.000Z',
      });
      // The whole decision of req-2 removed, with its conditions.
      const other = await knex('moratorium_decisions')
        .where('request_id', 'req-2')
        .first();
      await knex('moratorium_conditions')
        .where('decision_id', other.id)
        .delete();
      await knex('moratorium_decisions').where('id', other.id).delete();
      await knex('moratorium_votes')
        .where({ request_id: 'req-2', member: MEMBERS[0] })
        .delete();

      const verification = await store.verifyAudit();
      expect(verification.ok).toBe(false);
      expect(problems(verification)).toEqual([
        {
          problem: 'row-disagrees',
          seq: 4,
          table: 'moratorium_decisions',
          row: decisionId,
        },
        {
          problem: 'row-disagrees',
          seq: 4,
          table: 'moratorium_conditions',
          row: conditionIds[0],
        },
        {
          problem: 'row-disagrees',
          seq: 4,
          table: 'moratorium_conditions',
          row: conditionIds[0],
        },
        {
          problem: 'row-unrecorded',
          table: 'moratorium_votes',
          row: 'req-1/user:default/ghost#0',
        },
        {
          problem: 'row-disagrees',
          seq: 3,
          table: 'moratorium_votes',
          row: `req-1/${MEMBERS[2]}#0`,
        },
        { problem: 'row-missing', seq: 9, table: 'moratorium_decisions' },
        { problem: 'row-missing', seq: 6, table: 'moratorium_votes' },
      ]);
      const messages = verification.findings!.map(f => f.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          `Decision ${decisionId} of request req-1 has expiresAt 2099-12-31, but audit entry 4 records 2027-03-04`,
          `Condition ${conditionIds[0]} of decision ${decisionId} has text "Consider the platform", but audit entry 4 records "Move to the platform"`,
          `Condition ${conditionIds[0]} of decision ${decisionId} is met, but the audit chain records it open`,
          `The vote of ${MEMBERS[2]} on request req-1 is "for", but audit entry 3 records "against"`,
        ]),
      );
    });

    it('compares vote choices only where the chain discloses them', async () => {
      const { store, knex } = await createStore(databaseId);
      // A secret ballot: vote entries carry no choice, the decision entry
      // discloses the votes (with their round).
      for (const member of MEMBERS) {
        await store.transaction(async tx => {
          await store.upsertVote(tx, 'req-s', {
            member,
            choice: 'for',
            round: 1,
            at: '2026-03-05T06:00:00.000Z',
          });
          await store.appendAudit(tx, {
            requestId: 'req-s',
            actor: member,
            action: 'vote',
            payload: { member, round: 1 },
            at: '2026-03-05T06:00:00.000Z',
          });
        });
      }
      await store.transaction(async tx => {
        await store.recordDecision(tx, {
          requestId: 'req-s',
          outcome: 'rejected',
          protocolNumber: 'P-8',
          sittingDate: '2026-03-05',
          reasons: 'No',
          conditions: [],
          recordedBy: SECRETARY,
          recordedAt: '2026-03-05T08:00:00.000Z',
        });
        await store.appendAudit(tx, {
          requestId: 'req-s',
          actor: SECRETARY,
          action: 'decide',
          payload: {
            decision: {
              outcome: 'rejected',
              protocolNumber: 'P-8',
              sittingDate: '2026-03-05',
            },
            votes: MEMBERS.map(member => ({ member, choice: 'for', round: 1 })),
          },
          at: '2026-03-05T08:00:00.000Z',
        });
      });
      expect(await store.verifyAudit()).toMatchObject({ ok: true });

      await knex('moratorium_votes')
        .where({ request_id: 'req-s', member: MEMBERS[1] })
        .update({ choice: 'against' });
      expect(problems(await store.verifyAudit())).toEqual([
        {
          problem: 'row-disagrees',
          seq: 4,
          table: 'moratorium_votes',
          row: `req-s/${MEMBERS[1]}#1`,
        },
      ]);
    });
  });
});
