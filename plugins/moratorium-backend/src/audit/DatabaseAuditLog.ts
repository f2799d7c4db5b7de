import {
  AuditCheckpoint,
  AuditVerification,
  Page,
} from '@qaztech/plugin-moratorium-common';
import { Knex } from 'knex';
import { canonicalJson } from '../database/canonicalJson';
import { decodeCursor, encodeCursor } from '../database/cursor';
import {
  AuditEntry,
  AuditInput,
  PageRequest,
  StoreInstant,
  StoreTx,
} from '../database/MoratoriumStore';
import { AuditLog } from './AuditLog';
import { AuditPublicKey, AuditSigner } from './AuditSigner';
import {
  ConditionRecordRow,
  DecisionRecordRow,
  AuditVerifier,
  StoredAuditRow,
  VoteRecordRow,
} from './AuditVerifier';
import {
  auditHash,
  checkpointSignedMessage,
  entrySignedMessage,
} from './auditFormat';
import { CheckpointSink } from './CheckpointSink';

const AUDIT = 'moratorium_audit';
const AUDIT_HEAD = 'moratorium_audit_head';
const CHECKPOINTS = 'moratorium_audit_checkpoints';
const DECISIONS = 'moratorium_decisions';
const CONDITIONS = 'moratorium_conditions';
const VOTES = 'moratorium_votes';

/** Rows read per query while verifying. */
const VERIFY_BATCH = 1000;

type AuditRow = {
  seq: number | string;
  request_id: string | null;
  actor: string;
  action: string;
  payload: string;
  at: string;
  prev_hash: string;
  hash: string;
  key_id?: string | null;
  signature?: string | null;
};

type CheckpointRow = {
  id: number | string;
  count: number | string;
  head_hash: string;
  published_at: string;
  key_id: string;
  signature: string;
};

type CountRow = { count: number | string } | undefined;

type Db = Knex | Knex.Transaction;

function toIso(value: StoreInstant): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Not a valid instant: ${String(value)}`);
  }
  return date.toISOString();
}

function toStored(row: AuditRow): StoredAuditRow {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = row.payload;
  }
  return {
    seq: Number(row.seq),
    ...(row.request_id ? { requestId: row.request_id } : {}),
    actor: row.actor,
    action: row.action,
    payload,
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
    ...(row.key_id ? { keyId: row.key_id } : {}),
    ...(row.signature ? { signature: row.signature } : {}),
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return toStored(row);
}

function toCheckpoint(row: CheckpointRow): AuditCheckpoint {
  return {
    count: Number(row.count),
    headHash: row.head_hash,
    publishedAt: row.published_at,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/**
 * The audit record in the moratorium's database: `moratorium_audit` (the
 * chain), `moratorium_audit_head` (its last entry, locked by each append)
 * and `moratorium_audit_checkpoints` (signed checkpoints). Entries are
 * signed with the {@link AuditSigner}'s key, which the database never holds;
 * checkpoints also go to a {@link CheckpointSink} outside it, and
 * verification reads them back from there where it can.
 */
export class DatabaseAuditLog implements AuditLog {
  readonly #db: Knex;
  readonly #signer: AuditSigner;
  readonly #sink?: CheckpointSink;
  readonly #isPostgres: boolean;
  readonly #now: () => Date;

  constructor(options: {
    db: Knex;
    signer: AuditSigner;
    sink?: CheckpointSink;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#signer = options.signer;
    this.#sink = options.sink;
    this.#isPostgres = options.db.client.config.client === 'pg';
    this.#now = options.now ?? (() => new Date());
  }

  async append(tx: StoreTx, entry: AuditInput): Promise<AuditEntry> {
    // Locking the head row serializes appends on PostgreSQL until commit;
    // SQLite has a single writer anyway.
    const headQuery = tx(AUDIT_HEAD).where('id', 1).select('seq', 'hash');
    if (this.#isPostgres) {
      headQuery.forUpdate();
    }
    const head = await headQuery.first();
    if (!head) {
      throw new Error(`The audit chain has no head row in ${AUDIT_HEAD}`);
    }
    const seq = Number(head.seq) + 1;
    const prevHash: string = head.hash;
    const at = toIso(entry.at);
    const payload = canonicalJson(entry.payload);
    const keyId = this.#signer.activeKeyId;
    const hash = auditHash(prevHash, {
      seq,
      requestId: entry.requestId,
      actor: entry.actor,
      action: entry.action,
      payload: JSON.parse(payload),
      at,
      keyId,
    });
    const { signature } = this.#signer.sign(entrySignedMessage(hash));
    await tx(AUDIT).insert({
      seq,
      request_id: entry.requestId ?? null,
      actor: entry.actor,
      action: entry.action,
      payload,
      at,
      prev_hash: prevHash,
      hash,
      key_id: keyId,
      signature,
    });
    await tx(AUDIT_HEAD).where('id', 1).update({ seq, hash });
    return {
      seq,
      ...(entry.requestId ? { requestId: entry.requestId } : {}),
      actor: entry.actor,
      action: entry.action,
      payload: JSON.parse(payload),
      at,
      prevHash,
      hash,
      keyId,
      signature,
    };
  }

  /** Every checkpoint: the database's record and the sink's copy. */
  async #allCheckpoints(db: Db): Promise<{
    checkpoints: AuditCheckpoint[];
    missingFromRecord: AuditCheckpoint[];
  }> {
    const recorded = (
      (await db(CHECKPOINTS).select('*').orderBy('id')) as CheckpointRow[]
    ).map(toCheckpoint);
    const published = (await this.#sink?.read?.()) ?? [];
    const key = (c: AuditCheckpoint) =>
      `${c.count}/${c.headHash}/${c.signature}`;
    const inRecord = new Set(recorded.map(key));
    const missingFromRecord = published.filter(c => !inRecord.has(key(c)));
    return {
      checkpoints: [...recorded, ...missingFromRecord],
      missingFromRecord,
    };
  }

  /** Feeds the entries from `fromSeq` on; returns the seq after the last. */
  async #feed(
    db: Db,
    verifier: AuditVerifier,
    fromSeq: number,
  ): Promise<number> {
    let next = fromSeq;
    for (;;) {
      const rows: AuditRow[] = await db(AUDIT)
        .where('seq', '>=', next)
        .orderBy('seq')
        .limit(VERIFY_BATCH);
      for (const row of rows) {
        const stored = toStored(row);
        verifier.add(stored);
        next = stored.seq + 1;
      }
      if (rows.length < VERIFY_BATCH) {
        return next;
      }
    }
  }

  /**
   * Feeds the chain and then compares it with the head. Appends committed
   * while the chain was read move the head on: those entries are read too,
   * so a busy chain is not mistaken for a broken one.
   */
  async #feedToHead(
    db: Db,
    verifier: AuditVerifier,
    fromSeq: number,
  ): Promise<{ seq: number; hash: string } | undefined> {
    let next = await this.#feed(db, verifier, fromSeq);
    let head = await this.#head(db);
    for (let round = 0; round < 5 && head && head.seq >= next; round++) {
      next = await this.#feed(db, verifier, next);
      head = await this.#head(db);
    }
    verifier.finishChain(head);
    return head;
  }

  async #head(db: Db): Promise<{ seq: number; hash: string } | undefined> {
    const head = await db(AUDIT_HEAD).where('id', 1).first();
    return head ? { seq: Number(head.seq), hash: head.hash } : undefined;
  }

  async verify(): Promise<AuditVerification> {
    // One snapshot for the chain and the rows it is compared with, so that
    // a change committed meanwhile is not taken for a disagreement.
    return this.#snapshot(async db => {
      const { checkpoints, missingFromRecord } = await this.#allCheckpoints(db);
      const verifier = new AuditVerifier({
        signer: this.#signer,
        checkpoints,
        missingFromRecord,
      });
      await this.#feedToHead(db, verifier, 1);
      verifier.crossCheck(await this.#recordRows(db));
      return verifier.result();
    });
  }

  /** Runs reads in one read-only snapshot (repeatable read on PostgreSQL). */
  async #snapshot<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.#isPostgres) {
      return this.#db.transaction(async tx => {
        await tx.raw(
          'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY',
        );
        return fn(tx);
      });
    }
    // SQLite: one transaction sees one state of the file.
    return this.#db.transaction(tx => fn(tx));
  }

  /** The decision, condition and vote rows, as the cross-check reads them. */
  async #recordRows(db: Db): Promise<{
    decisions: DecisionRecordRow[];
    conditions: ConditionRecordRow[];
    votes: VoteRecordRow[];
  }> {
    const [decisions, conditions, votes] = await Promise.all([
      db(DECISIONS).select('*').orderBy('id'),
      db(CONDITIONS).select('*').orderBy(['decision_id', 'position']),
      db(VOTES).select('*').orderBy(['request_id', 'member']),
    ]);
    return {
      decisions: decisions.map((row: any) => ({
        id: String(row.id),
        requestId: row.request_id,
        outcome: row.outcome,
        protocolNumber: row.protocol_number,
        sittingDate: row.sitting_date,
        expiresAt: row.expires_at ?? null,
      })),
      conditions: conditions.map((row: any) => ({
        id: row.id,
        decisionId: String(row.decision_id),
        requestId: row.request_id,
        position: Number(row.position),
        text: row.text,
        dueDate: row.due_date,
        status: row.status,
        evidence: row.evidence ?? null,
      })),
      votes: votes.map((row: any) => ({
        requestId: row.request_id,
        member: row.member,
        choice: row.choice,
        ...(row.round === undefined || row.round === null
          ? {}
          : { round: Number(row.round) }),
      })),
    };
  }

  async createCheckpoint(): Promise<AuditCheckpoint> {
    const db = this.#db;
    const { checkpoints } = await this.#allCheckpoints(db);
    // Only a checkpoint that verifies counts as the one to extend.
    const trusted = checkpoints
      .filter(
        c =>
          this.#signer.verify(
            c.keyId,
            checkpointSignedMessage(c),
            c.signature,
          ) === 'valid',
      )
      .sort((a, b) => b.count - a.count)[0];
    // Sign only a chain that extends the last checkpoint, every entry since
    // it intact and signed: otherwise a rewrite would get vouched for.
    const from = trusted && trusted.count > 0 ? trusted.count : 1;
    const verifier = new AuditVerifier({
      signer: this.#signer,
      checkpoints: trusted ? [trusted] : [],
      ...(from > 1 || (trusted && trusted.count === 1)
        ? {
            startAfter: {
              seq: from - 1,
              hash: await this.#prevHashOf(db, from),
            },
          }
        : {}),
    });
    const head = await this.#feedToHead(db, verifier, from);
    const result = verifier.result();
    if (!result.ok || !head) {
      throw new Error(
        `No checkpoint published: the audit chain does not verify since the last checkpoint: ${
          result.firstBroken?.message ?? 'no head'
        }`,
      );
    }
    const unsigned = {
      count: head.seq,
      headHash: head.hash,
      publishedAt: this.#now().toISOString(),
      keyId: this.#signer.activeKeyId,
    };
    const { signature } = this.#signer.sign(checkpointSignedMessage(unsigned));
    const checkpoint: AuditCheckpoint = { ...unsigned, signature };
    await this.#db(CHECKPOINTS).insert({
      count: checkpoint.count,
      head_hash: checkpoint.headHash,
      published_at: checkpoint.publishedAt,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    });
    return checkpoint;
  }

  /** The prevHash stored on entry seq (genesis-like for an empty chain). */
  async #prevHashOf(db: Db, seq: number): Promise<string> {
    const row = await db(AUDIT).where('seq', seq).first('prev_hash');
    return row?.prev_hash ?? '';
  }

  async listCheckpoints(page: PageRequest): Promise<Page<AuditCheckpoint>> {
    const list = 'audit-checkpoints';
    const query = this.#db(CHECKPOINTS)
      .select('*')
      .orderBy('id', 'desc')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [id] = decodeCursor(list, page.cursor, ['number']);
      query.where('id', '<', id);
    }
    const [rows, count] = (await Promise.all([
      query,
      this.#db(CHECKPOINTS).count({ count: '*' }).first(),
    ])) as [CheckpointRow[], CountRow];
    const items = rows.slice(0, page.limit);
    const last = rows.length > page.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toCheckpoint),
      ...(last ? { nextCursor: encodeCursor(list, [Number(last.id)]) } : {}),
      totalCount: Number(count?.count ?? 0),
    };
  }

  async list(
    filter: { requestId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const list = 'audit';
    const filtered = () => {
      const query = this.#db(AUDIT);
      if (filter.requestId) {
        query.where('request_id', filter.requestId);
      }
      return query;
    };
    const query = filtered()
      .select('*')
      .orderBy('seq', 'desc')
      .limit(page.limit + 1);
    if (page.cursor) {
      const [seq] = decodeCursor(list, page.cursor, ['number']);
      query.where('seq', '<', seq);
    }
    const [rows, count] = (await Promise.all([
      query,
      filtered().count({ count: '*' }).first(),
    ])) as [AuditRow[], CountRow];
    const items = rows.slice(0, page.limit);
    const last = rows.length > page.limit ? items[items.length - 1] : undefined;
    return {
      items: items.map(toEntry),
      ...(last ? { nextCursor: encodeCursor(list, [Number(last.seq)]) } : {}),
      totalCount: Number(count?.count ?? 0),
    };
  }

  publicKeys(): AuditPublicKey[] {
    return this.#signer.publicKeys();
  }

  /** Publishes a checkpoint to the sink (the database record is written first). */
  async publishToSink(checkpoint: AuditCheckpoint): Promise<void> {
    await this.#sink?.publish(checkpoint);
  }

  /** The sink, for logs. */
  get sinkDescription(): string | undefined {
    return this.#sink?.description;
  }
}
