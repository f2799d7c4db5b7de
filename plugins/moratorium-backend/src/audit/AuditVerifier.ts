import {
  AuditCheckpoint,
  AuditFinding,
  AuditVerification,
} from '@qaztech/plugin-moratorium-common';
import { AuditSigner } from './AuditSigner';
import {
  GENESIS_HASH,
  auditHash,
  checkpointSignedMessage,
  entrySignedMessage,
} from './auditFormat';

/** An audit row as stored, payload parsed when it is JSON. */
export type StoredAuditRow = {
  seq: number;
  requestId?: string;
  actor: string;
  action: string;
  payload: unknown;
  at: string;
  prevHash: string;
  hash: string;
  keyId?: string;
  signature?: string;
};

/** A row of moratorium_decisions, as the cross-check reads it. */
export type DecisionRecordRow = {
  id: string;
  requestId: string;
  outcome: string;
  protocolNumber: string;
  sittingDate: string;
  expiresAt: string | null;
};

/** A row of moratorium_conditions. */
export type ConditionRecordRow = {
  id: string;
  decisionId: string;
  requestId: string;
  position: number;
  text: string;
  dueDate: string;
  status: string;
  evidence: string | null;
};

/** A row of moratorium_votes; `round` when the table keeps rounds. */
export type VoteRecordRow = {
  requestId: string;
  member: string;
  choice: string;
  round?: number;
};

/** Findings beyond this many are summed up in one message. */
export const MAX_FINDINGS = 200;

/** The entry actions the cross-check reads. */
const CROSS_CHECKED = new Set([
  'decide',
  'vote',
  'mark-condition',
  'condition-missed',
  'set-agenda',
]);

type Recorded = { seq: number; action: string; actor: string; payload: any };

function text(value: unknown): string {
  return value === null || value === undefined ? 'none' : String(value);
}

function roundOf(payload: any): number | undefined {
  const round = payload?.round;
  return typeof round === 'number' ? round : undefined;
}

/**
 * Checks an audit chain, fed in order of seq: the hash links, each entry's
 * signature with the key it names, the published checkpoints (truncation,
 * re-hashing, a rolled-back head), and then the decision, condition and
 * vote rows against what the chain recorded of them. Every problem is one
 * finding naming the entry or row.
 */
export class AuditVerifier {
  readonly #signer: AuditSigner;
  readonly #findings: AuditFinding[] = [];
  #dropped = 0;
  #expectedSeq = 1;
  #expectedPrev = GENESIS_HASH;
  #checked = 0;
  #unsigned = 0;
  #signedSeen = false;
  /** The hash of each entry a trusted checkpoint vouches for. */
  readonly #watched = new Map<number, string>();
  readonly #checkpoints: AuditCheckpoint[] = [];
  readonly #recorded = new Map<string, Recorded[]>();
  #latest: AuditCheckpoint | null = null;
  #checkpointsChecked = 0;

  constructor(options: {
    signer: AuditSigner;
    /** Checkpoints from the public record and from the sink. */
    checkpoints: AuditCheckpoint[];
    /** Checkpoints seen in the sink but not in the database's record. */
    missingFromRecord?: AuditCheckpoint[];
    /** Start after an entry already vouched for (the chain is fed from there). */
    startAfter?: { seq: number; hash: string };
  }) {
    this.#signer = options.signer;
    if (options.startAfter) {
      this.#expectedSeq = options.startAfter.seq + 1;
      this.#expectedPrev = options.startAfter.hash;
    }
    const seen = new Set<string>();
    for (const checkpoint of options.checkpoints) {
      const key = `${checkpoint.count}/${checkpoint.headHash}/${checkpoint.signature}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      this.#checkpointsChecked += 1;
      const check = this.#signer.verify(
        checkpoint.keyId,
        checkpointSignedMessage(checkpoint),
        checkpoint.signature,
      );
      if (check !== 'valid') {
        this.#add({
          problem: 'checkpoint-signature-invalid',
          seq: checkpoint.count,
          message:
            check === 'unknown-key'
              ? `The checkpoint of ${checkpoint.count} entries published at ${checkpoint.publishedAt} names key "${checkpoint.keyId}", which this deployment does not know; it is not relied on`
              : `The checkpoint of ${checkpoint.count} entries published at ${checkpoint.publishedAt} has a signature that does not verify with key "${checkpoint.keyId}": it was forged or altered, and is not relied on`,
        });
        continue;
      }
      this.#checkpoints.push(checkpoint);
      if (checkpoint.count > 0) {
        this.#watched.set(checkpoint.count, checkpoint.headHash);
      }
      if (!this.#latest || checkpoint.count > this.#latest.count) {
        this.#latest = checkpoint;
      }
    }
    for (const checkpoint of options.missingFromRecord ?? []) {
      this.#add({
        problem: 'checkpoint-missing',
        seq: checkpoint.count,
        message: `The checkpoint of ${checkpoint.count} entries published to the sink at ${checkpoint.publishedAt} is missing from the database's record of checkpoints: it was deleted`,
      });
    }
  }

  #add(finding: AuditFinding): void {
    if (this.#findings.length < MAX_FINDINGS) {
      this.#findings.push(finding);
    } else {
      this.#dropped += 1;
    }
  }

  /** Checks the next entry of the chain. */
  add(row: StoredAuditRow): void {
    const { seq } = row;
    const requestId = row.requestId ? { requestId: row.requestId } : {};
    if (seq !== this.#expectedSeq || row.prevHash !== this.#expectedPrev) {
      this.#add({
        problem: 'prev-mismatch',
        seq,
        ...requestId,
        message:
          seq !== this.#expectedSeq
            ? `Audit entry ${seq} follows entry ${
                this.#expectedSeq - 1
              }: entries ${this.#expectedSeq}…${
                seq - 1
              } are missing or out of order`
            : `Audit entry ${seq} does not link to entry ${
                seq - 1
              }: an entry was removed, inserted or reordered`,
      });
    }
    this.#checked += 1;
    const hash = auditHash(row.prevHash, {
      seq,
      requestId: row.requestId,
      actor: row.actor,
      action: row.action,
      payload: row.payload,
      at: row.at,
      keyId: row.keyId,
    });
    if (hash !== row.hash) {
      this.#add({
        problem: 'hash-mismatch',
        seq,
        ...requestId,
        message: `Audit entry ${seq} was changed after it was recorded: its content does not match its hash`,
      });
    }
    if (!row.keyId || !row.signature) {
      if (this.#signedSeen) {
        this.#add({
          problem: 'unsigned',
          seq,
          ...requestId,
          message: `Audit entry ${seq} is not signed, though entries before it are: it was not written by the application`,
        });
      } else {
        this.#unsigned += 1;
      }
    } else {
      this.#signedSeen = true;
      const check = this.#signer.verify(
        row.keyId,
        entrySignedMessage(row.hash),
        row.signature,
      );
      if (check === 'unknown-key') {
        this.#add({
          problem: 'unknown-key',
          seq,
          ...requestId,
          message: `Audit entry ${seq} names signing key "${row.keyId}", which this deployment does not know (add its public key to moratorium.audit.verificationKeys if it was retired)`,
        });
      } else if (check === 'invalid') {
        this.#add({
          problem: 'signature-invalid',
          seq,
          ...requestId,
          message: `Audit entry ${seq} has a signature that does not verify with key "${row.keyId}": it was re-hashed or written without the signing key`,
        });
      }
    }
    const vouched = this.#watched.get(seq);
    if (vouched !== undefined && vouched !== row.hash) {
      this.#add({
        problem: 'checkpoint-mismatch',
        seq,
        ...requestId,
        message: `Audit entry ${seq} has hash ${row.hash}, but a published checkpoint vouches for ${vouched}: the chain up to it was rewritten`,
      });
    }
    if (row.requestId && CROSS_CHECKED.has(row.action)) {
      const list = this.#recorded.get(row.requestId) ?? [];
      list.push({
        seq,
        action: row.action,
        actor: row.actor,
        payload: row.payload,
      });
      this.#recorded.set(row.requestId, list);
    }
    this.#expectedSeq = seq + 1;
    this.#expectedPrev = row.hash;
  }

  /** After the last entry: the head and the checkpoints beyond the chain. */
  finishChain(head: { seq: number; hash: string } | undefined): void {
    const last = this.#expectedSeq - 1;
    if (!head || head.seq !== last || head.hash !== this.#expectedPrev) {
      this.#add({
        problem: 'prev-mismatch',
        seq: last + 1,
        message: `The audit chain ends at entry ${last}, but ${
          head ? head.seq : 'no'
        } entries were recorded`,
      });
    }
    const latest = this.#latest;
    if (latest && latest.count > last) {
      this.#add({
        problem: 'truncated',
        seq: last + 1,
        message: `The audit chain has ${last} entries, but the checkpoint published at ${
          latest.publishedAt
        } vouches for ${latest.count}: entries ${last + 1}…${
          latest.count
        } were removed`,
      });
    }
    if (latest && head && head.seq < latest.count) {
      this.#add({
        problem: 'head-rolled-back',
        seq: head.seq,
        message: `The head of the audit chain is at entry ${head.seq}, behind the checkpoint of ${latest.count} entries published at ${latest.publishedAt}: it was rolled back`,
      });
    }
  }

  /**
   * Compares the decision, condition and vote rows with what the chain
   * recorded: each decision with the request's `decide` entries in order
   * (outcome, protocol, sitting, expiry, conditions), each condition's
   * status with its `mark-condition`/`condition-missed` entries, and each
   * vote with its member's `vote` entries (the choice only where the chain
   * discloses it: in the vote entry, or in the decide entry's `votes`).
   */
  crossCheck(rows: {
    decisions: DecisionRecordRow[];
    conditions: ConditionRecordRow[];
    votes: VoteRecordRow[];
  }): void {
    const decisionsBy = groupBy(rows.decisions, d => d.requestId);
    const conditionsBy = groupBy(rows.conditions, c => c.decisionId);
    const votesBy = groupBy(rows.votes, v => v.requestId);
    const requests = new Set([
      ...decisionsBy.keys(),
      ...votesBy.keys(),
      ...this.#recorded.keys(),
    ]);
    for (const requestId of [...requests].sort()) {
      const recorded = this.#recorded.get(requestId) ?? [];
      this.#checkDecisions(
        requestId,
        decisionsBy.get(requestId) ?? [],
        recorded,
        conditionsBy,
      );
      this.#checkVotes(requestId, votesBy.get(requestId) ?? [], recorded);
    }
  }

  #checkDecisions(
    requestId: string,
    decisions: DecisionRecordRow[],
    recorded: Recorded[],
    conditionsBy: Map<string, ConditionRecordRow[]>,
  ): void {
    const decides = recorded.filter(r => r.action === 'decide');
    const rows = [...decisions].sort((a, b) => Number(a.id) - Number(b.id));
    const count = Math.max(rows.length, decides.length);
    for (let i = 0; i < count; i++) {
      const row = rows[i];
      const entry = decides[i];
      if (!entry) {
        this.#add({
          problem: 'row-unrecorded',
          requestId,
          table: 'moratorium_decisions',
          row: row.id,
          message: `Decision ${row.id} of request ${requestId} (${row.outcome}, protocol ${row.protocolNumber}) is not recorded in the audit chain: it was inserted behind the application`,
        });
        continue;
      }
      const terms = entry.payload?.decision ?? entry.payload?.input ?? {};
      if (!row) {
        this.#add({
          problem: 'row-missing',
          seq: entry.seq,
          requestId,
          table: 'moratorium_decisions',
          message: `Audit entry ${entry.seq} records decision "${text(
            terms.outcome,
          )}" (protocol ${text(
            terms.protocolNumber,
          )}) of request ${requestId}, but moratorium_decisions has no row for it: it was deleted`,
        });
        continue;
      }
      const fields: Array<[string, unknown, unknown]> = [
        ['outcome', row.outcome, terms.outcome],
        ['protocolNumber', row.protocolNumber, terms.protocolNumber],
        ['sittingDate', row.sittingDate, terms.sittingDate],
        ['expiresAt', row.expiresAt ?? null, terms.expiresAt ?? null],
      ];
      for (const [field, stored, chain] of fields) {
        if (field !== 'expiresAt' && chain === undefined) {
          continue;
        }
        if (stored !== chain) {
          this.#add({
            problem: 'row-disagrees',
            seq: entry.seq,
            requestId,
            table: 'moratorium_decisions',
            row: row.id,
            message: `Decision ${
              row.id
            } of request ${requestId} has ${field} ${text(
              stored,
            )}, but audit entry ${entry.seq} records ${text(chain)}`,
          });
        }
      }
      const conditions = [...(conditionsBy.get(row.id) ?? [])].sort(
        (a, b) => a.position - b.position,
      );
      const chainConditions: any[] = Array.isArray(terms.conditions)
        ? terms.conditions
        : [];
      this.#checkConditions(
        requestId,
        row.id,
        entry.seq,
        conditions,
        chainConditions,
        recorded,
      );
    }
  }

  #checkConditions(
    requestId: string,
    decisionId: string,
    seq: number,
    conditions: ConditionRecordRow[],
    chainConditions: any[],
    recorded: Recorded[],
  ): void {
    const count = Math.max(conditions.length, chainConditions.length);
    for (let i = 0; i < count; i++) {
      const row = conditions[i];
      const chain = chainConditions[i];
      if (!row) {
        this.#add({
          problem: 'row-missing',
          seq,
          requestId,
          table: 'moratorium_conditions',
          message: `Audit entry ${seq} records condition ${
            i + 1
          } of decision ${decisionId} ("${text(chain?.text)}", due ${text(
            chain?.dueDate,
          )}), but moratorium_conditions has no row for it: it was deleted`,
        });
        continue;
      }
      if (!chain) {
        this.#add({
          problem: 'row-unrecorded',
          requestId,
          table: 'moratorium_conditions',
          row: row.id,
          message: `Condition ${row.id} of decision ${decisionId} ("${row.text}") is not among the conditions audit entry ${seq} records: it was added behind the application`,
        });
        continue;
      }
      for (const [field, stored, value] of [
        ['text', row.text, chain.text],
        ['dueDate', row.dueDate, chain.dueDate],
        ['id', row.id, chain.id],
      ] as Array<[string, unknown, unknown]>) {
        if (value !== undefined && stored !== value) {
          this.#add({
            problem: 'row-disagrees',
            seq,
            requestId,
            table: 'moratorium_conditions',
            row: row.id,
            message: `Condition ${
              row.id
            } of decision ${decisionId} has ${field} "${text(
              stored,
            )}", but audit entry ${seq} records "${text(value)}"`,
          });
        }
      }
      const marks = recorded.filter(
        r =>
          r.seq > seq &&
          ((r.action === 'mark-condition' &&
            (r.payload?.input?.conditionId ?? r.payload?.conditionId) ===
              row.id) ||
            (r.action === 'condition-missed' &&
              r.payload?.conditionId === row.id)),
      );
      const mark = marks[marks.length - 1];
      let chainStatus = 'open';
      if (mark) {
        chainStatus = mark.action === 'condition-missed' ? 'missed' : 'met';
      }
      if (chainStatus !== row.status) {
        this.#add({
          problem: 'row-disagrees',
          ...(mark ? { seq: mark.seq } : { seq }),
          requestId,
          table: 'moratorium_conditions',
          row: row.id,
          message: `Condition ${row.id} of decision ${decisionId} is ${
            row.status
          }, but the audit chain records it ${chainStatus}${
            mark ? ` (entry ${mark.seq})` : ''
          }`,
        });
      }
      const evidence = mark?.payload?.input?.evidence;
      if (
        mark &&
        chainStatus === 'met' &&
        typeof evidence === 'string' &&
        row.status === 'met' &&
        row.evidence !== evidence
      ) {
        this.#add({
          problem: 'row-disagrees',
          seq: mark.seq,
          requestId,
          table: 'moratorium_conditions',
          row: row.id,
          message: `Condition ${row.id} has evidence "${text(
            row.evidence,
          )}", but audit entry ${mark.seq} records "${evidence}"`,
        });
      }
    }
  }

  #checkVotes(
    requestId: string,
    votes: VoteRecordRow[],
    recorded: Recorded[],
  ): void {
    const entries = recorded
      .filter(r => r.action === 'vote')
      .map(r => ({
        seq: r.seq,
        member: String(r.payload?.member ?? r.actor).toLocaleLowerCase('en-US'),
        choice: r.payload?.choice as string | undefined,
        round: roundOf(r.payload),
      }));
    const sameVote = (
      e: { member: string; round?: number },
      v: { member: string; round?: number },
    ) =>
      e.member === v.member.toLocaleLowerCase('en-US') &&
      (e.round === undefined || v.round === undefined || e.round === v.round);
    const rowName = (v: VoteRecordRow) =>
      `${v.requestId}/${v.member}${v.round === undefined ? '' : `#${v.round}`}`;

    for (const vote of votes) {
      const mine = entries.filter(e => sameVote(e, vote));
      const last = mine[mine.length - 1];
      if (!last) {
        this.#add({
          problem: 'row-unrecorded',
          requestId,
          table: 'moratorium_votes',
          row: rowName(vote),
          message: `The vote of ${vote.member} on request ${requestId} is not recorded in the audit chain: it was inserted behind the application`,
        });
        continue;
      }
      if (last.choice !== undefined && last.choice !== vote.choice) {
        this.#add({
          problem: 'row-disagrees',
          seq: last.seq,
          requestId,
          table: 'moratorium_votes',
          row: rowName(vote),
          message: `The vote of ${vote.member} on request ${requestId} is "${vote.choice}", but audit entry ${last.seq} records "${last.choice}"`,
        });
      }
    }

    // Votes a decide entry discloses (a secret ballot opens at the decision).
    for (const decide of recorded.filter(r => r.action === 'decide')) {
      const disclosed: any[] = Array.isArray(decide.payload?.votes)
        ? decide.payload.votes
        : [];
      for (const item of disclosed) {
        const member = String(item?.member ?? '');
        const round = roundOf(item);
        const row = votes.find(v =>
          sameVote({ member: member.toLocaleLowerCase('en-US'), round }, v),
        );
        if (!row) {
          this.#add({
            problem: 'row-missing',
            seq: decide.seq,
            requestId,
            table: 'moratorium_votes',
            message: `Audit entry ${decide.seq} discloses the vote of ${member} on request ${requestId}, but moratorium_votes has no row for it: it was deleted`,
          });
        } else if (item?.choice !== undefined && item.choice !== row.choice) {
          this.#add({
            problem: 'row-disagrees',
            seq: decide.seq,
            requestId,
            table: 'moratorium_votes',
            row: rowName(row),
            message: `The vote of ${member} on request ${requestId} is "${row.choice}", but audit entry ${decide.seq} discloses "${item.choice}"`,
          });
        }
      }
    }

    // Votes cast since the request last came back from a deferral must all
    // have rows (a re-agenda after deferral may start a new round).
    const restart = recorded
      .filter(r => r.action === 'set-agenda' && r.payload?.from === 'deferred')
      .map(r => r.seq)
      .pop();
    const current = entries.filter(
      e => restart === undefined || e.seq > restart || e.round !== undefined,
    );
    const named = new Set<string>();
    for (const entry of current) {
      const key = `${entry.member}#${entry.round ?? ''}`;
      if (named.has(key)) {
        continue;
      }
      if (!votes.some(v => sameVote(entry, v))) {
        named.add(key);
        this.#add({
          problem: 'row-missing',
          seq: entry.seq,
          requestId,
          table: 'moratorium_votes',
          message: `Audit entry ${entry.seq} records a vote of ${entry.member} on request ${requestId}, but moratorium_votes has no row for it: it was deleted`,
        });
      }
    }
  }

  /** The verification, with every finding. */
  result(): AuditVerification {
    const findings = [...this.#findings];
    if (this.#dropped > 0) {
      findings.push({
        problem: findings[findings.length - 1].problem,
        message: `…and ${this.#dropped} more findings`,
      });
    }
    const first = findings[0];
    return {
      ok: findings.length === 0,
      checked: this.#checked,
      firstBroken: first
        ? {
            seq: first.seq ?? 0,
            ...(first.requestId ? { requestId: first.requestId } : {}),
            problem: first.problem,
            message: first.message,
          }
        : null,
      findings,
      unsigned: this.#unsigned,
      checkpoints: {
        checked: this.#checkpointsChecked,
        latest: this.#latest,
      },
    };
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}
