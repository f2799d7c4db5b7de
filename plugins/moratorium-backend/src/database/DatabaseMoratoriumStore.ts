import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AuditVerification,
  Condition,
  Decision,
  HistoryEntry,
  Page,
  RequestContent,
  RequestState,
  Sitting,
  Vote,
  formatRequestNumber,
} from '@qaztech/plugin-moratorium-common';
import { CalendarDate, Exemption } from '@qaztech/plugin-registry-common';
import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { DateTime } from 'luxon';
import { AuditSigner } from '../audit/AuditSigner';
import { CheckpointSink } from '../audit/CheckpointSink';
import { DatabaseAuditLog } from '../audit/DatabaseAuditLog';
import { decodeCursor, encodeCursor } from './cursor';
import { foldText, likePattern } from '@qaztech/plugin-registry-common';
import {
  AuditEntry,
  AuditInput,
  ConditionPatch,
  DecisionFilter,
  DueDeadline,
  IdempotentResponse,
  MoratoriumStore,
  PageRequest,
  RequestFilter,
  RequestQuery,
  RequestSort,
  StoreInstant,
  StoreTx,
  StoredDeadline,
  StoredDecisionSummary,
  StoredRequest,
  StoredRequestPatch,
  StoredRequestSummary,
  SystemPresence,
  SystemRequest,
} from './MoratoriumStore';

const REQUESTS = 'moratorium_requests';
const COUNTERS = 'moratorium_counters';
const HISTORY = 'moratorium_history';
const VOTES = 'moratorium_votes';
const SITTINGS = 'moratorium_sittings';
const DECISIONS = 'moratorium_decisions';
const CONDITIONS = 'moratorium_conditions';
const DEADLINES = 'moratorium_deadlines';
const IDEMPOTENCY = 'moratorium_idempotency';
const PRESENCE = 'moratorium_system_presence';

// The chain's format lives with the audit record; re-exported for tools.
export { GENESIS_HASH, auditHash } from '../audit/auditFormat';

/** Request numbers take the year of the day the request was created here. */
const NUMBER_ZONE = 'Asia/Almaty';

const APPROVED_OUTCOMES = ['approved', 'approved-with-conditions'];

/** Request states that carry an exemption, and the status each one gives it. */
const EXEMPTION_STATUS: Partial<Record<RequestState, Exemption['status']>> = {
  approved: 'approved',
  'approved-with-conditions': 'approved',
  expired: 'expired',
  revoked: 'revoked',
};

type Db = Knex | Knex.Transaction;

type RequestRow = {
  id: string;
  number: string;
  state: RequestState;
  resume_state: RequestState | null;
  version: number | string;
  content: string;
  applicant: string;
  state_body_ref: string | null;
  system_ref: string | null;
  system: string | null;
  purpose: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  similar_systems: string;
  opinions: string;
  questions: string | null;
  sitting_id: string | null;
  ballot_round: number | string;
  deferrals: number | string;
  draft_decision: string | null;
  revocation_proposal: string | null;
  content_changed: boolean | number;
};

type DeadlineRow = {
  request_id: string;
  subject: string;
  due_at: string;
  paused_at: string | null;
  remaining_working_days: number | string | null;
  reminded_at: string | null;
  missed_notified_at: string | null;
  closed_at: string | null;
};

type DecisionRow = {
  id: number | string;
  request_id: string;
  outcome: Decision['outcome'];
  protocol_number: string;
  sitting_date: string;
  reasons: string | null;
  expires_at: string | null;
  recorded_by: string;
  recorded_at: string;
};

type ConditionRow = {
  decision_id: number | string;
  id: string;
  request_id: string;
  text: string;
  due_date: string;
  status: Condition['status'];
  resolved_at: string | null;
  resolved_by: string | null;
  evidence: string | null;
};

type SummaryRow = Pick<
  RequestRow,
  | 'id'
  | 'number'
  | 'state'
  | 'version'
  | 'applicant'
  | 'created_at'
  | 'updated_at'
  | 'submitted_at'
  | 'system'
  | 'state_body_ref'
  | 'purpose'
  | 'sitting_id'
> & {
  sitting_date: string | null;
  d_subject: string | null;
  d_due_at: string;
  d_paused_at: string | null;
  d_remaining: number | string | null;
  d_reminded_at: string | null;
  d_missed_at: string | null;
};

type DecisionSummaryRow = DecisionRow & {
  request_number: string;
  request_state: RequestState;
  request_system: string | null;
  request_body: string | null;
};

type CountRow = { count: number | string } | undefined;

/**
 * Adds the conditions of a permission decision to a query of requests
 * (aliased `r`): allOf, anyOf and not become AND, OR and NOT.
 */
function applyRequestCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<RequestQuery>,
): void {
  if ('allOf' in criteria) {
    if (criteria.allOf.length === 0) {
      return;
    }
    for (const c of criteria.allOf) {
      query.andWhere(q => applyRequestCriteria(q, c));
    }
    return;
  }
  if ('anyOf' in criteria) {
    if (criteria.anyOf.length === 0) {
      query.whereRaw('1 = 0');
      return;
    }
    for (const c of criteria.anyOf) {
      query.orWhere(q => applyRequestCriteria(q, c));
    }
    return;
  }
  if ('not' in criteria) {
    const inner = criteria.not;
    query.whereNot(q => applyRequestCriteria(q, inner));
    return;
  }
  switch (criteria.kind) {
    case 'applicant-body': {
      const refs = criteria.refs.map(lowerRef);
      if (refs.length === 0) {
        query.whereRaw('1 = 0');
        return;
      }
      query.where(q =>
        q.whereIn('r.state_body_ref', refs).orWhereIn('r.applicant', refs),
      );
      return;
    }
    case 'on-agenda':
      query.whereNotNull('r.sitting_id');
      return;
    default:
      query.whereRaw('1 = 0');
  }
}

/** A UTC ISO 8601 instant with milliseconds: its text order is time order. */
function toIso(value: StoreInstant): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Not a valid instant: ${String(value)}`);
  }
  return date.toISOString();
}

/** Entity refs compare in lower case, as the catalog does. */
function lowerRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [P in K]?: V;
  };
}

/** The columns that follow from a request's content. */
function contentColumns(number: string, content: RequestContent) {
  const system = content.system;
  return {
    content: JSON.stringify(content),
    state_body_ref: content.stateBodyRef
      ? lowerRef(content.stateBodyRef)
      : null,
    system_ref: system?.entityRef ? lowerRef(system.entityRef) : null,
    system: system ? JSON.stringify(system) : null,
    purpose: content.purpose ?? null,
    search_text: foldText(
      [
        number,
        system?.entityRef ?? '',
        ...(system?.kind === 'planned'
          ? [system.title.ru, system.title.kk, system.title.en ?? '']
          : []),
        content.purpose ?? '',
      ].join('\n'),
    ),
  };
}

function toRequest(row: RequestRow): StoredRequest {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    ...optional('resumeState', row.resume_state),
    version: Number(row.version),
    content: JSON.parse(row.content),
    applicant: row.applicant,
    ...optional('stateBodyRef', row.state_body_ref),
    ...optional('systemRef', row.system_ref),
    ...optional('submittedBy', row.submitted_by),
    ...optional('submittedAt', row.submitted_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    similarSystems: JSON.parse(row.similar_systems),
    opinions: JSON.parse(row.opinions),
    ...optional('questions', row.questions),
    ...optional('sittingId', row.sitting_id),
    ballotRound: Number(row.ballot_round ?? 0),
    deferrals: Number(row.deferrals ?? 0),
    ...optional(
      'draftDecision',
      row.draft_decision ? JSON.parse(row.draft_decision) : null,
    ),
    ...optional(
      'revocationProposal',
      row.revocation_proposal ? JSON.parse(row.revocation_proposal) : null,
    ),
    contentChanged: Boolean(row.content_changed),
  };
}

function toDeadline(row: DeadlineRow): StoredDeadline {
  return {
    subject: row.subject,
    dueAt: row.due_at,
    ...optional('pausedAt', row.paused_at),
    ...optional(
      'remainingWorkingDays',
      row.remaining_working_days === null
        ? null
        : Number(row.remaining_working_days),
    ),
    ...optional('remindedAt', row.reminded_at),
    ...optional('missedNotifiedAt', row.missed_notified_at),
    ...optional('closedAt', row.closed_at),
  };
}

function toCondition(row: ConditionRow): Condition {
  return {
    id: row.id,
    text: row.text,
    dueDate: row.due_date,
    status: row.status,
    ...optional('resolvedAt', row.resolved_at),
    ...optional('resolvedBy', row.resolved_by),
    ...optional('evidence', row.evidence),
  };
}

function toDecision(row: DecisionRow, conditions: Condition[]): Decision {
  return {
    requestId: row.request_id,
    outcome: row.outcome,
    protocolNumber: row.protocol_number,
    sittingDate: row.sitting_date,
    ...optional('reasons', row.reasons),
    ...optional('expiresAt', row.expires_at),
    conditions,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

/** Rows of a page of `limit` items fetched with `limit + 1`. */
function pageOf<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (row: R) => string,
  totalCount: number,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  return {
    items: items.map(map),
    ...(last ? { nextCursor: cursorOf(last) } : {}),
    totalCount,
  };
}

/**
 * The moratorium's store in the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseMoratoriumStore implements MoratoriumStore {
  /** Runs the migrations (unless skipped) and returns the store. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /**
     * Signs audit entries and checkpoints; without one, a key is generated
     * for this store (tests, development).
     */
    auditSigner?: AuditSigner;
    /** Where checkpoints are published outside the database. */
    checkpointSink?: CheckpointSink;
  }): Promise<DatabaseMoratoriumStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-moratorium-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseMoratoriumStore(
      client,
      new DatabaseAuditLog({
        db: client,
        signer: options.auditSigner ?? AuditSigner.ephemeral(),
        sink: options.checkpointSink,
      }),
    );
  }

  private constructor(
    private readonly db: Knex,
    /** The audit record: signed chain, checkpoints and verification. */
    readonly audit: DatabaseAuditLog,
  ) {}

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  // Requests

  async createRequest(
    tx: StoreTx,
    request: {
      id: string;
      number?: string;
      applicant: string;
      content: RequestContent;
      createdAt: StoreInstant;
    },
  ): Promise<StoredRequest> {
    const createdAt = toIso(request.createdAt);
    let number = request.number;
    if (!number) {
      const year = DateTime.fromISO(createdAt, { zone: NUMBER_ZONE }).year;
      number = formatRequestNumber(
        year,
        await this.nextCounter(tx, `request-number:${year}`),
      );
    }
    await tx(REQUESTS).insert({
      id: request.id,
      number,
      state: 'draft',
      resume_state: null,
      version: 1,
      applicant: lowerRef(request.applicant),
      ...contentColumns(number, request.content),
      submitted_by: null,
      submitted_at: null,
      created_at: createdAt,
      updated_at: createdAt,
      similar_systems: '[]',
      opinions: '[]',
      questions: null,
      sitting_id: null,
    });
    return (await this.getRequest(request.id, tx))!;
  }

  async getRequest(
    id: string,
    tx?: StoreTx,
  ): Promise<StoredRequest | undefined> {
    const row = await (tx ?? this.db)<RequestRow>(REQUESTS)
      .where('id', id)
      .first();
    return row ? toRequest(row) : undefined;
  }

  async updateRequest(
    tx: StoreTx,
    id: string,
    expectedVersion: number,
    patch: StoredRequestPatch,
  ): Promise<StoredRequest | undefined> {
    const update: Record<string, unknown> = {
      version: expectedVersion + 1,
      updated_at: toIso(patch.updatedAt ?? new Date()),
    };
    if (patch.state !== undefined) update.state = patch.state;
    if (patch.resumeState !== undefined) {
      update.resume_state = patch.resumeState;
    }
    if (patch.submittedBy !== undefined) {
      update.submitted_by = patch.submittedBy;
    }
    if (patch.submittedAt !== undefined) {
      update.submitted_at =
        patch.submittedAt === null ? null : toIso(patch.submittedAt);
    }
    if (patch.similarSystems !== undefined) {
      update.similar_systems = JSON.stringify(patch.similarSystems);
    }
    if (patch.opinions !== undefined) {
      update.opinions = JSON.stringify(patch.opinions);
    }
    if (patch.questions !== undefined) update.questions = patch.questions;
    if (patch.sittingId !== undefined) update.sitting_id = patch.sittingId;
    if (patch.ballotRound !== undefined) {
      update.ballot_round = patch.ballotRound;
    }
    if (patch.deferrals !== undefined) update.deferrals = patch.deferrals;
    if (patch.draftDecision !== undefined) {
      update.draft_decision =
        patch.draftDecision === null
          ? null
          : JSON.stringify(patch.draftDecision);
    }
    if (patch.revocationProposal !== undefined) {
      update.revocation_proposal =
        patch.revocationProposal === null
          ? null
          : JSON.stringify(patch.revocationProposal);
    }
    if (patch.contentChanged !== undefined) {
      update.content_changed = patch.contentChanged;
    }
    if (patch.content !== undefined) {
      const current = await tx(REQUESTS)
        .where('id', id)
        .select('number')
        .first();
      if (!current) {
        return undefined;
      }
      Object.assign(update, contentColumns(current.number, patch.content));
    }

    // The version in the WHERE makes this a compare-and-set: on PostgreSQL a
    // concurrent writer waits for the row lock, re-checks and matches nothing.
    const count = await tx(REQUESTS)
      .where({ id, version: expectedVersion })
      .update(update);
    if (!count) {
      return undefined;
    }
    return this.getRequest(id, tx);
  }

  async listRequests(
    filter: RequestFilter,
    page: PageRequest & { sort?: RequestSort },
  ): Promise<Page<StoredRequestSummary>> {
    const sortColumn = page.sort === 'createdAt' ? 'created_at' : 'updated_at';
    const list = `requests:${sortColumn}`;
    const query = this.filteredRequests(filter)
      .leftJoin({ s: SITTINGS }, 's.id', 'r.sitting_id')
      .leftJoin({ d: DEADLINES }, function joinDeadline() {
        this.on('d.request_id', '=', 'r.id')
          .andOn('d.subject', '=', 'r.state')
          .andOnNull('d.closed_at');
      })
      .select(
        'r.id',
        'r.number',
        'r.state',
        'r.version',
        'r.applicant',
        'r.created_at',
        'r.updated_at',
        'r.submitted_at',
        'r.system',
        'r.state_body_ref',
        'r.purpose',
        'r.sitting_id',
        { sitting_date: 's.date' },
        { d_subject: 'd.subject' },
        { d_due_at: 'd.due_at' },
        { d_paused_at: 'd.paused_at' },
        { d_remaining: 'd.remaining_working_days' },
        { d_reminded_at: 'd.reminded_at' },
        { d_missed_at: 'd.missed_notified_at' },
      )
      .orderBy([
        { column: `r.${sortColumn}`, order: 'desc' },
        { column: 'r.id', order: 'desc' },
      ])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [value, id] = decodeCursor(list, page.cursor, ['string', 'string']);
      query.whereRaw(`(??, r.id) < (?, ?)`, [`r.${sortColumn}`, value, id]);
    }
    const [rows, count] = (await Promise.all([
      query,
      this.filteredRequests(filter).count({ count: '*' }).first(),
    ])) as [SummaryRow[], CountRow];
    return pageOf(
      rows,
      page.limit,
      (row): StoredRequestSummary => ({
        id: row.id,
        number: row.number,
        state: row.state,
        version: Number(row.version),
        applicant: row.applicant,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        ...optional('submittedAt', row.submitted_at),
        ...optional('system', row.system ? JSON.parse(row.system) : null),
        ...optional('stateBodyRef', row.state_body_ref),
        ...optional('purpose', row.purpose),
        ...optional('sittingId', row.sitting_id),
        ...optional('sittingDate', row.sitting_date),
        ...(row.d_subject
          ? {
              currentDeadline: toDeadline({
                request_id: row.id,
                subject: row.d_subject,
                due_at: row.d_due_at,
                paused_at: row.d_paused_at,
                remaining_working_days: row.d_remaining,
                reminded_at: row.d_reminded_at,
                missed_notified_at: row.d_missed_at,
                closed_at: null,
              }),
            }
          : {}),
      }),
      row =>
        encodeCursor(list, [
          sortColumn === 'created_at' ? row.created_at : row.updated_at,
          row.id,
        ]),
      Number(count?.count ?? 0),
    );
  }

  // History and votes

  async appendHistory(
    tx: StoreTx,
    requestId: string,
    entry: HistoryEntry,
  ): Promise<void> {
    await tx(HISTORY).insert({
      request_id: requestId,
      action: entry.action,
      from_state: entry.from ?? null,
      to_state: entry.to ?? null,
      actor: entry.actor,
      at: toIso(entry.at),
      details: entry.details ? JSON.stringify(entry.details) : null,
    });
  }

  async listHistory(requestId: string, tx?: StoreTx): Promise<HistoryEntry[]> {
    const rows = await (tx ?? this.db)(HISTORY)
      .where('request_id', requestId)
      .orderBy('id');
    return rows.map(row => ({
      action: row.action,
      ...optional('from', row.from_state),
      ...optional('to', row.to_state),
      actor: row.actor,
      at: row.at,
      ...optional('details', row.details ? JSON.parse(row.details) : null),
    }));
  }

  async upsertVote(tx: StoreTx, requestId: string, vote: Vote): Promise<void> {
    await tx(VOTES)
      .insert({
        request_id: requestId,
        round: vote.round ?? 0,
        member: lowerRef(vote.member),
        choice: vote.choice,
        opinion: vote.opinion ?? null,
        at: toIso(vote.at),
      })
      .onConflict(['request_id', 'round', 'member'])
      .merge(['choice', 'opinion', 'at']);
  }

  async listVotes(
    requestId: string,
    tx?: StoreTx,
    round?: number,
  ): Promise<Vote[]> {
    const query = (tx ?? this.db)(VOTES).where('request_id', requestId);
    if (round !== undefined) {
      query.where('round', round);
    }
    const rows = await query.orderBy([
      { column: 'round', order: 'asc' },
      { column: 'member', order: 'asc' },
    ]);
    return rows.map(row => ({
      member: row.member,
      choice: row.choice,
      ...optional('opinion', row.opinion),
      at: row.at,
      round: Number(row.round),
    }));
  }

  async clearVotes(tx: StoreTx, requestId: string): Promise<void> {
    await tx(VOTES).where('request_id', requestId).delete();
  }

  // Sittings

  async findOrCreateSitting(tx: StoreTx, date: CalendarDate): Promise<Sitting> {
    await tx(SITTINGS)
      .insert({
        id: randomUUID(),
        date,
        created_at: new Date().toISOString(),
      })
      .onConflict('date')
      .ignore();
    return (await this.sittings(tx, tx(SITTINGS).where('date', date)))[0];
  }

  async getSitting(id: string, tx?: StoreTx): Promise<Sitting | undefined> {
    const db = tx ?? this.db;
    return (await this.sittings(db, db(SITTINGS).where('id', id)))[0];
  }

  async listSittings(
    filter: { from?: CalendarDate; to?: CalendarDate } = {},
  ): Promise<Sitting[]> {
    const query = this.db(SITTINGS);
    if (filter.from) query.where('date', '>=', filter.from);
    if (filter.to) query.where('date', '<=', filter.to);
    return this.sittings(this.db, query);
  }

  /** The sittings a query selects, newest first, with their agendas. */
  private async sittings(db: Db, query: Knex.QueryBuilder): Promise<Sitting[]> {
    const rows: Array<{ id: string; date: string }> = await query
      .select('id', 'date')
      .orderBy('date', 'desc');
    if (!rows.length) {
      return [];
    }
    const agenda = new Map<string, string[]>(rows.map(r => [r.id, []]));
    const requests: Array<{ id: string; sitting_id: string }> = await db(
      REQUESTS,
    )
      .whereIn(
        'sitting_id',
        rows.map(r => r.id),
      )
      .select('id', 'sitting_id')
      .orderBy('number');
    for (const request of requests) {
      agenda.get(request.sitting_id)?.push(request.id);
    }
    return rows.map(r => ({
      id: r.id,
      date: r.date,
      requestIds: agenda.get(r.id)!,
    }));
  }

  // Decisions and conditions

  async recordDecision(tx: StoreTx, decision: Decision): Promise<void> {
    const [inserted] = await tx(DECISIONS).insert(
      {
        request_id: decision.requestId,
        outcome: decision.outcome,
        protocol_number: decision.protocolNumber,
        sitting_date: decision.sittingDate,
        reasons: decision.reasons ?? null,
        expires_at: decision.expiresAt ?? null,
        recorded_by: decision.recordedBy,
        recorded_at: toIso(decision.recordedAt),
        state_body_ref: tx(REQUESTS)
          .select('state_body_ref')
          .where('id', decision.requestId),
      },
      ['id'],
    );
    const decisionId = typeof inserted === 'object' ? inserted.id : inserted;
    if (decision.conditions.length) {
      await tx(CONDITIONS).insert(
        decision.conditions.map((condition, position) => ({
          decision_id: decisionId,
          id: condition.id,
          request_id: decision.requestId,
          position,
          text: condition.text,
          due_date: condition.dueDate,
          status: condition.status,
          resolved_at: condition.resolvedAt
            ? toIso(condition.resolvedAt)
            : null,
          resolved_by: condition.resolvedBy ?? null,
          evidence: condition.evidence ?? null,
        })),
      );
    }
  }

  async getDecision(
    requestId: string,
    tx?: StoreTx,
  ): Promise<Decision | undefined> {
    const db = tx ?? this.db;
    const row: DecisionRow | undefined = await db(DECISIONS)
      .where('request_id', requestId)
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    const conditions = await this.conditionsOf(db, [row.id]);
    return toDecision(row, conditions.get(String(row.id)) ?? []);
  }

  async listDecisions(
    filter: DecisionFilter,
    page: PageRequest,
  ): Promise<Page<StoredDecisionSummary>> {
    const list = 'decisions';
    const query = this.filteredDecisions(filter)
      .select(
        'd.*',
        { request_number: 'r.number' },
        { request_state: 'r.state' },
        { request_system: 'r.system' },
        { request_body: 'r.state_body_ref' },
      )
      .orderBy([
        { column: 'd.recorded_at', order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [recordedAt, id] = decodeCursor(list, page.cursor, [
        'string',
        'number',
      ]);
      query.whereRaw('(d.recorded_at, d.id) < (?, ?)', [recordedAt, id]);
    }
    const [rows, count] = (await Promise.all([
      query,
      this.countDecisions(filter),
    ])) as [DecisionSummaryRow[], CountRow | undefined];
    const conditions = await this.conditionsOf(
      this.db,
      rows.slice(0, page.limit).map(row => row.id),
    );
    return pageOf(
      rows,
      page.limit,
      (row): StoredDecisionSummary => ({
        ...toDecision(row, conditions.get(String(row.id)) ?? []),
        requestNumber: row.request_number,
        state: row.request_state,
        ...optional(
          'system',
          row.request_system ? JSON.parse(row.request_system) : null,
        ),
        ...optional('stateBodyRef', row.request_body),
      }),
      row => encodeCursor(list, [row.recorded_at, Number(row.id)]),
      Number(count?.count ?? 0),
    );
  }

  async updateCondition(
    tx: StoreTx,
    requestId: string,
    conditionId: string,
    patch: ConditionPatch,
  ): Promise<boolean> {
    const update: Record<string, unknown> = {};
    if (patch.status !== undefined) update.status = patch.status;
    if (patch.resolvedAt !== undefined) {
      update.resolved_at =
        patch.resolvedAt === null ? null : toIso(patch.resolvedAt);
    }
    if (patch.resolvedBy !== undefined) update.resolved_by = patch.resolvedBy;
    if (patch.evidence !== undefined) update.evidence = patch.evidence;
    const latest = await tx(CONDITIONS)
      .where({ request_id: requestId, id: conditionId })
      .max({ decision_id: 'decision_id' })
      .first();
    if (latest?.decision_id === null || latest?.decision_id === undefined) {
      return false;
    }
    if (!Object.keys(update).length) {
      return true;
    }
    const count = await tx(CONDITIONS)
      .where({ decision_id: latest.decision_id, id: conditionId })
      .update(update);
    return count > 0;
  }

  async listOpenConditionsDue(
    before: CalendarDate,
  ): Promise<Array<Condition & { requestId: string; requestNumber: string }>> {
    const rows = await this.db({ c: CONDITIONS })
      .join({ r: REQUESTS }, 'r.id', 'c.request_id')
      .where('c.status', 'open')
      .where('c.due_date', '<=', before)
      .where('r.state', 'approved-with-conditions')
      .whereRaw(
        `c.decision_id = (select max(d.id) from ${DECISIONS} d where d.request_id = c.request_id)`,
      )
      .select('c.*', { request_number: 'r.number' })
      .orderBy([
        { column: 'c.due_date', order: 'asc' },
        { column: 'r.number', order: 'asc' },
        { column: 'c.position', order: 'asc' },
      ]);
    return rows.map(row => ({
      ...toCondition(row),
      requestId: row.request_id,
      requestNumber: row.request_number,
    }));
  }

  // Deadlines

  async upsertDeadline(
    tx: StoreTx,
    requestId: string,
    deadline: StoredDeadline,
  ): Promise<void> {
    const iso = (value?: string) => (value ? toIso(value) : null);
    await tx(DEADLINES)
      .insert({
        request_id: requestId,
        subject: deadline.subject,
        due_at: toIso(deadline.dueAt),
        paused_at: iso(deadline.pausedAt),
        remaining_working_days: deadline.remainingWorkingDays ?? null,
        reminded_at: iso(deadline.remindedAt),
        missed_notified_at: iso(deadline.missedNotifiedAt),
        closed_at: iso(deadline.closedAt),
      })
      .onConflict(['request_id', 'subject'])
      .merge();
  }

  async closeDeadlines(
    tx: StoreTx,
    requestId: string,
    at: StoreInstant,
    subjects?: string[],
  ): Promise<void> {
    const query = tx(DEADLINES)
      .where('request_id', requestId)
      .whereNull('closed_at');
    if (subjects) {
      query.whereIn('subject', subjects);
    }
    await query.update({ closed_at: toIso(at) });
  }

  async listDeadlines(
    requestId: string,
    tx?: StoreTx,
  ): Promise<StoredDeadline[]> {
    const rows: DeadlineRow[] = await (tx ?? this.db)(DEADLINES)
      .where('request_id', requestId)
      .orderBy([
        { column: 'due_at', order: 'asc' },
        { column: 'subject', order: 'asc' },
      ]);
    return rows.map(toDeadline);
  }

  async listDueDeadlines(
    before: StoreInstant,
    limit = 500,
  ): Promise<DueDeadline[]> {
    const rows = await this.db({ d: DEADLINES })
      .join({ r: REQUESTS }, 'r.id', 'd.request_id')
      .whereNull('d.closed_at')
      .whereNull('d.paused_at')
      .where('d.due_at', '<=', toIso(before))
      .where(q =>
        q.whereNull('d.reminded_at').orWhereNull('d.missed_notified_at'),
      )
      .select(
        'd.*',
        { request_number: 'r.number' },
        { state: 'r.state' },
        { applicant: 'r.applicant' },
        { state_body_ref: 'r.state_body_ref' },
        { system: 'r.system' },
      )
      .orderBy([
        { column: 'd.due_at', order: 'asc' },
        { column: 'd.request_id', order: 'asc' },
        { column: 'd.subject', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(row => ({
      ...toDeadline(row),
      requestId: row.request_id,
      requestNumber: row.request_number,
      state: row.state,
      applicant: row.applicant,
      ...optional('stateBodyRef', row.state_body_ref),
      ...optional('system', row.system ? JSON.parse(row.system) : null),
    }));
  }

  async markReminded(
    requestId: string,
    subject: string,
    at: StoreInstant,
    tx?: StoreTx,
  ): Promise<boolean> {
    const count = await (tx ?? this.db)(DEADLINES)
      .where({ request_id: requestId, subject })
      .whereNull('reminded_at')
      .update({ reminded_at: toIso(at) });
    return count > 0;
  }

  async markMissedNotified(
    requestId: string,
    subject: string,
    at: StoreInstant,
    tx?: StoreTx,
  ): Promise<boolean> {
    const count = await (tx ?? this.db)(DEADLINES)
      .where({ request_id: requestId, subject })
      .whereNull('missed_notified_at')
      .update({ missed_notified_at: toIso(at) });
    return count > 0;
  }

  // Exemptions

  async listExemptions(systemRef: string): Promise<Exemption[]> {
    const rows = await this.db({ d: DECISIONS })
      .join({ r: REQUESTS }, 'r.id', 'd.request_id')
      .where('r.system_ref', lowerRef(systemRef))
      .whereIn('d.outcome', APPROVED_OUTCOMES)
      .whereIn('r.state', Object.keys(EXEMPTION_STATUS))
      .select('d.protocol_number', 'd.sitting_date', 'd.expires_at', {
        state: 'r.state',
      })
      .orderBy([
        { column: 'd.sitting_date', order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ]);
    return rows.map(row => ({
      decisionNumber: row.protocol_number,
      decisionDate: row.sitting_date,
      ...optional('expiresAt', row.expires_at),
      status: EXEMPTION_STATUS[row.state as RequestState]!,
      source: 'moratorium',
    }));
  }

  async listExemptionChangesSince(since: StoreInstant): Promise<string[]> {
    const rows = await this.db(REQUESTS)
      .where('updated_at', '>', toIso(since))
      .whereIn('state', Object.keys(EXEMPTION_STATUS))
      .whereNotNull('system_ref')
      .distinct('system_ref')
      .orderBy('system_ref');
    return rows.map(row => row.system_ref);
  }

  // Systems that leave the catalog

  async listSystemRequests(states: RequestState[]): Promise<SystemRequest[]> {
    const rows = await this.db(REQUESTS)
      .whereIn('state', states)
      .whereNotNull('system_ref')
      .select('id', 'number', 'state', 'system_ref', 'system')
      .orderBy('number');
    return rows.map(row => ({
      id: row.id,
      number: row.number,
      state: row.state,
      systemRef: row.system_ref,
      kind: JSON.parse(row.system).kind,
    }));
  }

  async getSystemPresence(systemRefs: string[]): Promise<SystemPresence[]> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    const rows: Array<{
      system_ref: string;
      seen_at: string | null;
      missing_since: string | null;
    }> = [];
    // Chunks keep each IN list well below SQLite's variable limit.
    for (let i = 0; i < refs.length; i += 500) {
      rows.push(
        ...(await this.db(PRESENCE).whereIn(
          'system_ref',
          refs.slice(i, i + 500),
        )),
      );
    }
    return rows.map(row => ({
      systemRef: row.system_ref,
      ...optional('seenAt', row.seen_at),
      ...optional('missingSince', row.missing_since),
    }));
  }

  async recordSystemPresence(
    found: Array<{ systemRef: string; present: boolean }>,
    at: StoreInstant,
    keepStates: RequestState[],
  ): Promise<void> {
    const when = toIso(at);
    const known = new Map(
      (await this.getSystemPresence(found.map(f => f.systemRef))).map(p => [
        p.systemRef,
        p,
      ]),
    );
    // Only changes are written: a system that stays present or stays
    // missing costs nothing on the next runs.
    type Row = {
      system_ref: string;
      seen_at: string | null;
      missing_since: string | null;
    };
    const changed = found.flatMap(({ systemRef, present }): Row[] => {
      const ref = lowerRef(systemRef);
      const before = known.get(ref);
      if (present && (!before?.seenAt || before.missingSince)) {
        return [{ system_ref: ref, seen_at: when, missing_since: null }];
      }
      if (!present && !before?.missingSince) {
        return [
          {
            system_ref: ref,
            seen_at: before?.seenAt ?? null,
            missing_since: when,
          },
        ];
      }
      return [];
    });
    await this.db.transaction(async tx => {
      for (let i = 0; i < changed.length; i += 200) {
        await tx(PRESENCE)
          .insert(changed.slice(i, i + 200))
          .onConflict('system_ref')
          .merge();
      }
      await tx(PRESENCE)
        .whereNotIn(
          'system_ref',
          tx(REQUESTS)
            .whereIn('state', keepStates)
            .whereNotNull('system_ref')
            .select('system_ref'),
        )
        .delete();
    });
  }

  // Idempotency

  async getIdempotent(
    actor: string,
    key: string,
    tx?: StoreTx,
  ): Promise<IdempotentResponse | undefined> {
    const row = await (tx ?? this.db)(IDEMPOTENCY)
      .where({ actor, key })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      requestHash: row.request_hash,
      status: Number(row.status),
      body: JSON.parse(row.body),
      createdAt: row.created_at,
    };
  }

  async saveIdempotent(
    tx: StoreTx,
    entry: {
      actor: string;
      key: string;
      requestHash: string;
      status: number;
      body: unknown;
    },
  ): Promise<boolean> {
    // ON CONFLICT DO NOTHING: a concurrent insert of the same key waits for
    // the other transaction and then inserts nothing, without aborting ours.
    const inserted = await tx(IDEMPOTENCY)
      .insert({
        actor: entry.actor,
        key: entry.key,
        request_hash: entry.requestHash,
        status: entry.status,
        body: JSON.stringify(entry.body ?? null),
        created_at: new Date().toISOString(),
      })
      .onConflict(['actor', 'key'])
      .ignore()
      .returning('key');
    return inserted.length > 0;
  }

  async purgeIdempotentBefore(before: Date): Promise<number> {
    // ISO 8601 instants in UTC compare as strings.
    return await this.db(IDEMPOTENCY)
      .where('created_at', '<', before.toISOString())
      .delete();
  }

  // Audit: the chain, its signatures and checkpoints live in DatabaseAuditLog.

  async appendAudit(tx: StoreTx, entry: AuditInput): Promise<AuditEntry> {
    return this.audit.append(tx, entry);
  }

  async verifyAudit(): Promise<AuditVerification> {
    return this.audit.verify();
  }

  async listAudit(
    filter: { requestId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(filter, page);
  }

  // Helpers

  /** Adds one to a named counter and returns the new value (1 when new). */
  private async nextCounter(tx: StoreTx, name: string): Promise<number> {
    // One statement, so two creators never get the same number: PostgreSQL
    // locks the counter row until commit, SQLite has a single writer.
    const [row] = await tx(COUNTERS)
      .insert({ name, value: 1 })
      .onConflict('name')
      .merge({ value: tx.raw('?? + 1', [`${COUNTERS}.value`]) })
      .returning('value');
    return Number(typeof row === 'object' ? row.value : row);
  }

  private filteredRequests(filter: RequestFilter): Knex.QueryBuilder {
    const query = this.db({ r: REQUESTS });
    if (filter.states?.length) {
      query.whereIn('r.state', filter.states);
    }
    if (filter.stateBodyRefs?.length) {
      query.whereIn('r.state_body_ref', filter.stateBodyRefs.map(lowerRef));
    }
    if (filter.applicant) {
      query.where('r.applicant', lowerRef(filter.applicant));
    }
    if (filter.systemRef) {
      query.where('r.system_ref', lowerRef(filter.systemRef));
    }
    if (filter.sittingId) {
      query.where('r.sitting_id', filter.sittingId);
    }
    if (filter.q?.trim()) {
      query.whereRaw(`r.search_text LIKE ? ESCAPE '!'`, [
        likePattern(filter.q.trim()),
      ]);
    }
    if (filter.permission) {
      const criteria = filter.permission;
      query.where(q => applyRequestCriteria(q, criteria));
    }
    const visibleTo = filter.draftsVisibleTo;
    if (visibleTo) {
      query.where(q => {
        q.whereNot('r.state', 'draft').orWhere(
          'r.applicant',
          lowerRef(visibleTo.userRef),
        );
        if (visibleTo.ownershipRefs.length) {
          q.orWhereIn(
            'r.state_body_ref',
            visibleTo.ownershipRefs.map(lowerRef),
          );
        }
      });
    }
    return query;
  }

  /**
   * How many decisions match. Every decision has its request and carries
   * its state body, so the count reads the decisions' indexes alone and
   * reaches requests only for a system filter, through the request index:
   * a join of the whole decisions table would be read sequentially.
   */
  private countDecisions(
    filter: DecisionFilter,
  ): Promise<CountRow | undefined> {
    const query = this.db(DECISIONS);
    if (filter.outcomes?.length) {
      query.whereIn('outcome', filter.outcomes);
    }
    if (filter.requestId) {
      query.where('request_id', filter.requestId);
    }
    if (filter.stateBodyRefs?.length) {
      query.whereIn('state_body_ref', filter.stateBodyRefs.map(lowerRef));
    }
    if (filter.systemRef) {
      query.whereIn(
        'request_id',
        this.db(REQUESTS)
          .select('id')
          .where('system_ref', lowerRef(filter.systemRef)),
      );
    }
    return query.count({ count: '*' }).first() as Promise<CountRow | undefined>;
  }

  private filteredDecisions(filter: DecisionFilter): Knex.QueryBuilder {
    const query = this.db({ d: DECISIONS }).join(
      { r: REQUESTS },
      'r.id',
      'd.request_id',
    );
    if (filter.outcomes?.length) {
      query.whereIn('d.outcome', filter.outcomes);
    }
    if (filter.stateBodyRefs?.length) {
      query.whereIn('d.state_body_ref', filter.stateBodyRefs.map(lowerRef));
    }
    if (filter.systemRef) {
      query.where('r.system_ref', lowerRef(filter.systemRef));
    }
    if (filter.requestId) {
      query.where('d.request_id', filter.requestId);
    }
    return query;
  }

  /** The conditions of the decisions, by decision id, in their order. */
  private async conditionsOf(
    db: Db,
    decisionIds: Array<number | string>,
  ): Promise<Map<string, Condition[]>> {
    const result = new Map<string, Condition[]>();
    if (!decisionIds.length) {
      return result;
    }
    const rows: ConditionRow[] = await db(CONDITIONS)
      .whereIn('decision_id', decisionIds)
      .orderBy([
        { column: 'decision_id', order: 'asc' },
        { column: 'position', order: 'asc' },
      ]);
    for (const row of rows) {
      const key = String(row.decision_id);
      result.set(key, [...(result.get(key) ?? []), toCondition(row)]);
    }
    return result;
  }
}
