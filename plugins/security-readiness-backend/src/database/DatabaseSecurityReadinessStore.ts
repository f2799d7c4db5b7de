import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  Attestation,
  AttestationResult,
  EvaluationRun,
  EvaluationScope,
  Fact,
  LevelCounts,
  READINESS_LEVELS,
  ReadinessLevel,
  ScorecardHistoryEntry,
  ScorecardResult,
  SignOff,
  StateBodySummary,
  TrendPoint,
  Waiver,
  isBelowLevel,
} from '@qaztech/plugin-security-readiness-common';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { applySystemFilter, SystemFilter } from './systemFilter';
import {
  Page,
  ScorecardFilter,
  ScorecardWrite,
  SecurityReadinessStore,
  StoredScorecard,
} from './SecurityReadinessStore';

const FACTS = 'sr_facts';
const ATTESTATIONS = 'sr_attestations';
const WAIVERS = 'sr_waivers';
const SCORECARDS = 'sr_scorecards';
const HISTORY = 'sr_history';
const SIGNOFFS = 'sr_signoffs';
const RUNS = 'sr_runs';
const TREND = 'sr_trend';

/** Rows a statement reads or writes at once (SQLite's variable limit). */
const CHUNK = 500;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

type FactRow = {
  id: string;
  system_ref: string;
  type: string;
  source: string;
  observed_at: string;
  value: string;
};

type AttestationRow = {
  id: string;
  system_ref: string;
  check_id: string;
  result: string;
  evidence: string;
  attested_by: string;
  attested_at: string;
  expires_at: string;
  reminded_at: string | null;
};

type WaiverRow = {
  id: string;
  system_ref: string;
  check_id: string;
  justification: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  status: Waiver['status'];
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
};

type ScorecardRow = {
  system_ref: string;
  state_body_ref: string;
  title: string;
  score: number | string | null;
  level: ReadinessLevel;
  gates_failed: string;
  result: string;
  inputs_hash: string | null;
  evaluated_at: string;
  changed_at: string;
  signed_hash: string | null;
  /** The level of the latest sign-off, where the query joins it. */
  signed_level?: ReadinessLevel | null;
};

type SignOffRow = {
  id: string;
  system_ref: string;
  level: ReadinessLevel;
  score: number | string | null;
  signed_by: string;
  signed_at: string;
  comment: string | null;
  evidence_hash: string;
  results: string;
  latest_key: string | null;
  drop_notified_at: string | null;
};

type RunRow = {
  id: string;
  scope_key: string;
  scope: string;
  trigger: EvaluationRun['trigger'];
  requested_by: string | null;
  status: EvaluationRun['status'];
  total: number | string;
  done: number | string;
  changed: number | string;
  created_at: string;
  started_at: string;
  heartbeat_at: string | null;
  finished_at: string | null;
  error: string | null;
};

/** A UTC ISO 8601 instant with milliseconds: its text order is time order. */
function toIso(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Not a valid instant: ${String(value)}`);
  }
  return date.toISOString();
}

/** Entity refs compare in lower case, as the catalog does. */
function lowerRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) {
    return DEFAULT_LIMIT;
  }
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [P in K]?: V;
  };
}

function numberOrNull(value: number | string | null): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A mean rounded to one decimal, as scores are. */
function roundMean(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

function emptyCounts(): LevelCounts {
  return { ready: 0, conditional: 0, 'not-ready': 0 };
}

function toFact(row: FactRow): Fact {
  return {
    id: row.id,
    systemRef: row.system_ref,
    type: row.type,
    source: row.source,
    observedAt: row.observed_at,
    value: JSON.parse(row.value),
  };
}

function toAttestation(row: AttestationRow): Attestation {
  const result: AttestationResult =
    row.result === 'pass' || row.result === 'fail'
      ? row.result
      : Number(row.result);
  return {
    id: row.id,
    systemRef: row.system_ref,
    checkId: row.check_id,
    result,
    evidence: JSON.parse(row.evidence),
    attestedBy: row.attested_by,
    attestedAt: row.attested_at,
    expiresAt: row.expires_at,
  };
}

function toWaiver(row: WaiverRow): Waiver {
  return {
    id: row.id,
    systemRef: row.system_ref,
    checkId: row.check_id,
    justification: row.justification,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    status: row.status,
    ...optional('decidedBy', row.decided_by),
    ...optional('decidedAt', row.decided_at),
    ...optional('decisionComment', row.decision_comment),
  };
}

function toResult(row: ScorecardRow): ScorecardResult {
  const result: ScorecardResult = JSON.parse(row.result);
  // An unchanged result is only touched: the column says when it was last
  // evaluated.
  return { ...result, evaluatedAt: row.evaluated_at };
}

function toScorecard(row: ScorecardRow): StoredScorecard {
  return {
    result: toResult(row),
    stateBodyRef: row.state_body_ref,
    title: row.title,
    changedAt: row.changed_at,
    ...optional('signedLevel', row.signed_level),
  };
}

function toSignOff(row: SignOffRow): SignOff {
  return {
    id: row.id,
    systemRef: row.system_ref,
    level: row.level,
    score: numberOrNull(row.score),
    signedBy: row.signed_by,
    signedAt: row.signed_at,
    ...optional('comment', row.comment),
    evidenceHash: row.evidence_hash,
    results: JSON.parse(row.results),
  };
}

function toRun(row: RunRow): EvaluationRun {
  return {
    id: row.id,
    scope: JSON.parse(row.scope),
    trigger: row.trigger,
    ...optional('requestedBy', row.requested_by),
    status: row.status,
    total: Number(row.total),
    done: Number(row.done),
    changed: Number(row.changed),
    startedAt: row.started_at,
    ...optional('finishedAt', row.finished_at),
    ...optional('error', row.error),
  };
}

function scopeKey(scope: EvaluationScope): string {
  return scope.kind === 'all' ? 'all' : lowerRef(scope.systemRef);
}

function normalizeScope(scope: EvaluationScope): EvaluationScope {
  return scope.kind === 'all'
    ? { kind: 'all' }
    : { kind: 'system', systemRef: lowerRef(scope.systemRef) };
}

/**
 * The security readiness store on knex, for SQLite and PostgreSQL. See
 * {@link SecurityReadinessStore} for what each method promises.
 */
export class DatabaseSecurityReadinessStore implements SecurityReadinessStore {
  /**
   * Connects to the plugin's database and brings its schema up to date,
   * unless the backend's database config says to skip migrations.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseSecurityReadinessStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-security-readiness-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseSecurityReadinessStore(client);
  }

  private constructor(private readonly db: Knex) {}

  // Facts

  async insertFacts(facts: Omit<Fact, 'id'>[]): Promise<{ inserted: number }> {
    const createdAt = new Date().toISOString();
    const seen = new Set<string>();
    const rows: FactRow[] = [];
    for (const fact of facts) {
      const row = {
        id: randomUUID(),
        system_ref: lowerRef(fact.systemRef),
        type: fact.type,
        source: fact.source,
        observed_at: toIso(fact.observedAt),
        value: JSON.stringify(fact.value ?? null),
      };
      const key = `${row.system_ref}\u0000${row.type}\u0000${row.source}\u0000${row.observed_at}`;
      if (!seen.has(key)) {
        seen.add(key);
        rows.push(row);
      }
    }
    let inserted = 0;
    for (const chunk of chunks(rows, 200)) {
      const result = await this.db(FACTS)
        .insert(chunk.map(row => ({ ...row, created_at: createdAt })))
        .onConflict(['system_ref', 'type', 'source', 'observed_at'])
        .ignore()
        .returning('id');
      inserted += result.length;
    }
    return { inserted };
  }

  async factsForSystems(systemRefs: string[], since: Date): Promise<Fact[]> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    const result: Fact[] = [];
    for (const chunk of chunks(refs)) {
      const versions = this.db(FACTS)
        .select(
          'id',
          'system_ref',
          'type',
          'source',
          'observed_at',
          'value',
          this.db.raw(
            'row_number() over (partition by system_ref, type, source order by observed_at desc) as rn',
          ),
        )
        .whereIn('system_ref', chunk)
        .as('v');
      const rows: FactRow[] = await this.db
        .select('id', 'system_ref', 'type', 'source', 'observed_at', 'value')
        .from(versions)
        .where(q =>
          q.where('rn', 1).orWhere('observed_at', '>=', toIso(since)),
        );
      result.push(...rows.map(toFact));
    }
    return result;
  }

  async listFacts(
    systemRef: string,
    options: { type?: string; limit?: number } = {},
  ): Promise<Fact[]> {
    const query = this.db<FactRow>(FACTS)
      .where('system_ref', lowerRef(systemRef))
      .orderBy([
        { column: 'observed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(clampLimit(options.limit));
    if (options.type) {
      query.where('type', options.type);
    }
    return (await query).map(toFact);
  }

  async purgeFactsBefore(before: Date): Promise<number> {
    const db = this.db;
    // The newest fact of each (system, type, source) stays, so that a tool
    // that stopped reporting still shows its last word; facts of systems
    // that have no scorecard (never evaluated) are not kept.
    return db(FACTS)
      .where('observed_at', '<', toIso(before))
      .where(q =>
        q
          .whereExists(function newer() {
            this.select(db.raw('1'))
              .from({ n: FACTS })
              .whereRaw(
                `n.system_ref = ${FACTS}.system_ref and n.type = ${FACTS}.type and n.source = ${FACTS}.source and n.observed_at > ${FACTS}.observed_at`,
              );
          })
          .orWhereNotExists(function evaluated() {
            this.select(db.raw('1'))
              .from({ s: SCORECARDS })
              .whereRaw(`s.system_ref = ${FACTS}.system_ref`);
          }),
      )
      .delete();
  }

  // Attestations

  async insertAttestation(attestation: Attestation): Promise<void> {
    await this.db(ATTESTATIONS).insert({
      id: attestation.id,
      system_ref: lowerRef(attestation.systemRef),
      check_id: attestation.checkId,
      result: String(attestation.result),
      evidence: JSON.stringify(attestation.evidence ?? {}),
      attested_by: attestation.attestedBy,
      attested_at: toIso(attestation.attestedAt),
      expires_at: toIso(attestation.expiresAt),
      reminded_at: null,
    });
  }

  async attestationsForSystems(systemRefs: string[]): Promise<Attestation[]> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    const result: Attestation[] = [];
    for (const chunk of chunks(refs)) {
      const rows: AttestationRow[] = await this.db(ATTESTATIONS)
        .whereIn('system_ref', chunk)
        .orderBy([
          { column: 'attested_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      result.push(...rows.map(toAttestation));
    }
    return result;
  }

  /**
   * The newest attestation of each system and check: those with no newer
   * one (by attested_at, then id). Unlike a window over every attestation,
   * callers' filters (an expiry range) are read from an index first.
   */
  private currentAttestations() {
    return (
      this.db({ c: ATTESTATIONS })
        .select('c.*')
        // LIMIT 1 OFFSET 0 keeps PostgreSQL from turning the check into an
        // anti-join over the whole table (it overestimates the rows in an
        // expiry range): the check stays a probe of the attestation key index
        // for each row the expiry index found. Knex drops OFFSET 0, hence the
        // raw subquery.
        .whereRaw(
          'not exists (select 1 from ?? as n where n.system_ref = c.system_ref and n.check_id = c.check_id and (n.attested_at > c.attested_at or (n.attested_at = c.attested_at and n.id > c.id)) limit 1 offset 0)',
          [ATTESTATIONS],
        )
        .as('a')
    );
  }

  async attestationsExpiringUnreminded(
    from: Date,
    to: Date,
  ): Promise<Attestation[]> {
    const rows: AttestationRow[] = await this.db
      .select('*')
      .from(this.currentAttestations())
      .where('expires_at', '>=', toIso(from))
      .where('expires_at', '<', toIso(to))
      .whereNull('reminded_at')
      .orderBy([
        { column: 'expires_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toAttestation);
  }

  async markAttestationReminded(id: string, at: Date): Promise<boolean> {
    const count = await this.db(ATTESTATIONS)
      .where({ id })
      .whereNull('reminded_at')
      .update({ reminded_at: toIso(at) });
    return count > 0;
  }

  async listExpiringAttestations(
    to: Date,
    options: { limit?: number; systems?: SystemFilter } = {},
  ): Promise<Attestation[]> {
    const query = this.db
      .select('*')
      .from(this.currentAttestations())
      .where('expires_at', '<', toIso(to))
      .orderBy([
        { column: 'expires_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(clampLimit(options.limit));
    if (options.systems) {
      applySystemFilter(this.db, query, 'a.system_ref', options.systems);
    }
    const rows: AttestationRow[] = await query;
    return rows.map(toAttestation);
  }

  // Waivers

  async insertWaiver(waiver: Waiver): Promise<void> {
    const systemRef = lowerRef(waiver.systemRef);
    const openKey = `${systemRef} ${waiver.checkId}`;
    const now = toIso(waiver.requestedAt);
    try {
      await this.db.transaction(async tx => {
        // Waivers that ran out no longer block a new request.
        await tx(WAIVERS)
          .where({ open_key: openKey })
          .where('expires_at', '<=', now)
          .update({ status: 'expired', open_key: null });
        await tx(WAIVERS).insert({
          id: waiver.id,
          system_ref: systemRef,
          check_id: waiver.checkId,
          justification: waiver.justification,
          requested_by: waiver.requestedBy,
          requested_at: now,
          expires_at: toIso(waiver.expiresAt),
          status: waiver.status,
          decided_by: waiver.decidedBy ?? null,
          decided_at: waiver.decidedAt ? toIso(waiver.decidedAt) : null,
          decision_comment: waiver.decisionComment ?? null,
          open_key:
            waiver.status === 'requested' || waiver.status === 'granted'
              ? openKey
              : null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `System ${systemRef} already has a requested or granted waiver of check '${waiver.checkId}'`,
        );
      }
      throw error;
    }
  }

  async getWaiver(id: string): Promise<Waiver | undefined> {
    const row: WaiverRow | undefined = await this.db(WAIVERS)
      .where({ id })
      .first();
    return row ? toWaiver(row) : undefined;
  }

  async decideWaiver(
    id: string,
    decision: Pick<
      Waiver,
      'status' | 'decidedBy' | 'decidedAt' | 'decisionComment' | 'expiresAt'
    >,
  ): Promise<Waiver | undefined> {
    const update: Record<string, unknown> = {
      status: decision.status,
      decided_by: decision.decidedBy ?? null,
      decided_at: decision.decidedAt ? toIso(decision.decidedAt) : null,
      decision_comment: decision.decisionComment ?? null,
    };
    if (decision.expiresAt) {
      update.expires_at = toIso(decision.expiresAt);
    }
    if (decision.status !== 'granted') {
      update.open_key = null;
    }
    // Conditional on `requested`: of two officers deciding at once, one wins.
    const count = await this.db(WAIVERS)
      .where({ id, status: 'requested' })
      .update(update);
    return count ? this.getWaiver(id) : undefined;
  }

  async waiversForSystems(systemRefs: string[]): Promise<Waiver[]> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    const result: Waiver[] = [];
    for (const chunk of chunks(refs)) {
      const rows: WaiverRow[] = await this.db(WAIVERS)
        .whereIn('system_ref', chunk)
        .orderBy([
          { column: 'requested_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      result.push(...rows.map(toWaiver));
    }
    return result;
  }

  async listWaivers(options: {
    status?: Waiver['status'];
    limit?: number;
    systems?: SystemFilter;
  }): Promise<Waiver[]> {
    // A queue of requests is served oldest first; anything else newest first.
    const order = options.status === 'requested' ? 'asc' : 'desc';
    const query = this.db<WaiverRow>(WAIVERS)
      .orderBy([
        { column: 'requested_at', order },
        { column: 'id', order },
      ])
      .limit(clampLimit(options.limit));
    if (options.status) {
      query.where('status', options.status);
    }
    if (options.systems) {
      applySystemFilter(this.db, query, 'system_ref', options.systems);
    }
    return (await query).map(toWaiver);
  }

  // Scorecards and history

  async getScorecard(systemRef: string): Promise<StoredScorecard | undefined> {
    const row: ScorecardRow | undefined = await this.scorecardsWithSignedLevel()
      .where('sc.system_ref', lowerRef(systemRef))
      .first();
    return row ? toScorecard(row) : undefined;
  }

  /**
   * Scorecards (alias `sc`) with the level of their latest sign-off as
   * `signed_level`: one join on the unique `latest_key`, no query per row.
   */
  private scorecardsWithSignedLevel(
    query: Knex.QueryBuilder = this.db({ sc: SCORECARDS }),
  ) {
    return query
      .leftJoin({ so: SIGNOFFS }, 'so.latest_key', 'sc.system_ref')
      .select('sc.*', { signed_level: 'so.level' });
  }

  async getScorecards(
    systemRefs: string[],
  ): Promise<Map<string, StoredScorecard>> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    const result = new Map<string, StoredScorecard>();
    for (const chunk of chunks(refs)) {
      const rows: ScorecardRow[] = await this.db(SCORECARDS).whereIn(
        'system_ref',
        chunk,
      );
      for (const row of rows) {
        result.set(row.system_ref, toScorecard(row));
      }
    }
    return result;
  }

  async writeScorecards(writes: ScorecardWrite[]): Promise<void> {
    if (writes.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(writes, 100)) {
        const rows = chunk.map(write => {
          const result = {
            ...write.result,
            systemRef: lowerRef(write.result.systemRef),
          };
          return {
            system_ref: result.systemRef,
            state_body_ref: lowerRef(write.stateBodyRef),
            title: write.title,
            score: result.score,
            level: result.level,
            gates_failed: JSON.stringify(result.gatesFailed),
            result: JSON.stringify(result),
            inputs_hash: result.inputsHash ?? null,
            evaluated_at: toIso(result.evaluatedAt),
            changed_at: toIso(write.history.evaluatedAt),
          };
        });
        await tx(SCORECARDS)
          .insert(rows)
          .onConflict('system_ref')
          .merge([
            'state_body_ref',
            'title',
            'score',
            'level',
            'gates_failed',
            'result',
            'inputs_hash',
            'evaluated_at',
            'changed_at',
          ]);
        await tx(HISTORY).insert(
          chunk.map(write => ({
            system_ref: lowerRef(write.result.systemRef),
            evaluated_at: toIso(write.history.evaluatedAt),
            entry: JSON.stringify(write.history),
          })),
        );
      }
    });
  }

  async touchScorecards(
    systemRefs: string[],
    evaluatedAt: string,
  ): Promise<void> {
    const at = toIso(evaluatedAt);
    for (const chunk of chunks([...new Set(systemRefs.map(lowerRef))])) {
      await this.db(SCORECARDS)
        .whereIn('system_ref', chunk)
        .update({ evaluated_at: at });
    }
  }

  /** The filtered scorecards, as `sc` (columns are qualified for joins). */
  private filteredScorecards(filter: ScorecardFilter) {
    const query = this.db({ sc: SCORECARDS });
    if (filter.levels?.length) {
      query.whereIn('sc.level', filter.levels);
    }
    if (filter.stateBodyRefs?.length) {
      query.whereIn('sc.state_body_ref', filter.stateBodyRefs.map(lowerRef));
    }
    if (filter.awaitingSignOff !== undefined) {
      const awaiting = (q: Knex.QueryBuilder) =>
        q
          .whereNull('sc.signed_hash')
          .orWhereNull('sc.inputs_hash')
          .orWhereRaw('sc.signed_hash <> sc.inputs_hash');
      if (filter.awaitingSignOff) {
        query.where(awaiting);
      } else {
        query.whereNot(awaiting);
      }
    }
    return query;
  }

  async listScorecards(
    filter: ScorecardFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<StoredScorecard>> {
    const list = 'scorecards';
    const limit = clampLimit(page.limit);
    const query = this.scorecardsWithSignedLevel(
      this.filteredScorecards(filter),
    )
      .orderBy('sc.system_ref', 'asc')
      .limit(limit + 1);
    if (page.cursor) {
      const [after] = decodeCursor(list, page.cursor, ['string']);
      query.where('sc.system_ref', '>', after);
    }
    const [rows, count] = await Promise.all([
      query as Promise<ScorecardRow[]>,
      this.filteredScorecards(filter).count({ count: '*' }).first() as Promise<
        { count: number | string } | undefined
      >,
    ]);
    const items = rows.slice(0, limit);
    return {
      items: items.map(toScorecard),
      ...(rows.length > limit
        ? {
            nextCursor: encodeCursor(list, [
              items[items.length - 1].system_ref,
            ]),
          }
        : {}),
      totalCount: Number(count?.count ?? 0),
    };
  }

  async history(
    systemRef: string,
    options: { limit?: number; before?: string } = {},
  ): Promise<ScorecardHistoryEntry[]> {
    const query = this.db(HISTORY)
      .select('entry')
      .where('system_ref', lowerRef(systemRef))
      .orderBy([
        { column: 'evaluated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(clampLimit(options.limit));
    if (options.before) {
      query.where('evaluated_at', '<', toIso(options.before));
    }
    const rows: { entry: string }[] = await query;
    return rows.map(row => JSON.parse(row.entry));
  }

  async listSystemRefs(): Promise<string[]> {
    const rows: { system_ref: string }[] = await this.db(SCORECARDS)
      .select('system_ref')
      .orderBy('system_ref');
    return rows.map(row => row.system_ref);
  }

  async purgeSystems(systemRefs: string[]): Promise<number> {
    const refs = [...new Set(systemRefs.map(lowerRef))];
    if (refs.length === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      let purged = 0;
      for (const chunk of chunks(refs)) {
        for (const table of [FACTS, ATTESTATIONS, WAIVERS, HISTORY, SIGNOFFS]) {
          await tx(table).whereIn('system_ref', chunk).delete();
        }
        await tx(RUNS)
          .whereIn('scope_key', chunk)
          .whereNull('active_key')
          .delete();
        purged += await tx(SCORECARDS).whereIn('system_ref', chunk).delete();
      }
      return purged;
    });
  }

  // Summary and trend

  async countByLevel(): Promise<{
    byLevel: LevelCounts;
    averageScore: number | null;
    total: number;
    evaluatedAt?: string;
  }> {
    const rows: {
      level: ReadinessLevel;
      count: number | string;
      scored: number | string;
      sum: number | string | null;
      latest: string | null;
    }[] = await this.db(SCORECARDS)
      .select('level')
      .count({ count: '*' })
      .count({ scored: 'score' })
      .sum({ sum: 'score' })
      .max({ latest: 'evaluated_at' })
      .groupBy('level');
    const byLevel = emptyCounts();
    let total = 0;
    let scored = 0;
    let sum = 0;
    let evaluatedAt: string | undefined;
    for (const row of rows) {
      if ((READINESS_LEVELS as readonly string[]).includes(row.level)) {
        byLevel[row.level] = Number(row.count);
      }
      total += Number(row.count);
      scored += Number(row.scored);
      sum += Number(row.sum ?? 0);
      if (row.latest && (!evaluatedAt || row.latest > evaluatedAt)) {
        evaluatedAt = row.latest;
      }
    }
    return {
      byLevel,
      averageScore: roundMean(sum, scored),
      total,
      ...optional('evaluatedAt', evaluatedAt),
    };
  }

  async countByStateBody(): Promise<StateBodySummary[]> {
    const rows: {
      state_body_ref: string;
      level: ReadinessLevel;
      count: number | string;
      scored: number | string;
      sum: number | string | null;
    }[] = await this.db(SCORECARDS)
      .select('state_body_ref', 'level')
      .count({ count: '*' })
      .count({ scored: 'score' })
      .sum({ sum: 'score' })
      .groupBy('state_body_ref', 'level');
    const bodies = new Map<
      string,
      { summary: StateBodySummary; scored: number; sum: number }
    >();
    for (const row of rows) {
      let body = bodies.get(row.state_body_ref);
      if (!body) {
        body = {
          summary: {
            stateBodyRef: row.state_body_ref,
            total: 0,
            byLevel: emptyCounts(),
            averageScore: null,
          },
          scored: 0,
          sum: 0,
        };
        bodies.set(row.state_body_ref, body);
      }
      body.summary.byLevel[row.level] = Number(row.count);
      body.summary.total += Number(row.count);
      body.scored += Number(row.scored);
      body.sum += Number(row.sum ?? 0);
    }
    return [...bodies.values()]
      .map(({ summary, scored, sum }) => ({
        ...summary,
        averageScore: roundMean(sum, scored),
      }))
      .sort((a, b) =>
        a.stateBodyRef < b.stateBodyRef
          ? -1
          : Number(a.stateBodyRef > b.stateBodyRef),
      );
  }

  async recordTrendPoint(date: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new TypeError(`Not a YYYY-MM-DD date: ${date}`);
    }
    const { byLevel, averageScore } = await this.countByLevel();
    await this.db(TREND)
      .insert({
        date,
        ready: byLevel.ready,
        conditional: byLevel.conditional,
        not_ready: byLevel['not-ready'],
        average_score: averageScore,
        recorded_at: new Date().toISOString(),
      })
      .onConflict('date')
      .merge();
  }

  async trend(fromDate: string): Promise<TrendPoint[]> {
    const rows: {
      date: string;
      ready: number | string;
      conditional: number | string;
      not_ready: number | string;
      average_score: number | string | null;
    }[] = await this.db(TREND).where('date', '>=', fromDate).orderBy('date');
    return rows.map(row => ({
      date: row.date,
      byLevel: {
        ready: Number(row.ready),
        conditional: Number(row.conditional),
        'not-ready': Number(row.not_ready),
      },
      averageScore: numberOrNull(row.average_score),
    }));
  }

  // Sign-offs

  async insertSignOff(signOff: SignOff): Promise<void> {
    const systemRef = lowerRef(signOff.systemRef);
    try {
      await this.db.transaction(async tx => {
        // Updating the scorecard row first serialises sign-offs of one
        // system, so exactly one of them ends up the latest.
        await tx(SCORECARDS)
          .where({ system_ref: systemRef })
          .update({ signed_hash: signOff.evidenceHash });
        await tx(SIGNOFFS)
          .where({ latest_key: systemRef })
          .update({ latest_key: null });
        await tx(SIGNOFFS).insert({
          id: signOff.id,
          system_ref: systemRef,
          level: signOff.level,
          score: signOff.score,
          signed_by: signOff.signedBy,
          signed_at: toIso(signOff.signedAt),
          comment: signOff.comment ?? null,
          evidence_hash: signOff.evidenceHash,
          results: JSON.stringify(signOff.results),
          latest_key: systemRef,
          drop_notified_at: null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `System ${systemRef} was signed off by someone else at the same time; reload and try again`,
        );
      }
      throw error;
    }
  }

  async latestSignOff(systemRef: string): Promise<SignOff | undefined> {
    const row: SignOffRow | undefined = await this.db(SIGNOFFS)
      .where({ latest_key: lowerRef(systemRef) })
      .first();
    return row ? toSignOff(row) : undefined;
  }

  async listSignOffs(
    systemRef: string,
    options: { limit?: number } = {},
  ): Promise<SignOff[]> {
    const rows: SignOffRow[] = await this.db(SIGNOFFS)
      .where({ system_ref: lowerRef(systemRef) })
      .orderBy([
        { column: 'signed_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(clampLimit(options.limit));
    return rows.map(toSignOff);
  }

  async signOffsWithUnnotifiedDrop(): Promise<
    { signOff: SignOff; current: ScorecardResult; stateBodyRef: string }[]
  > {
    const rows: (SignOffRow & {
      sc_result: string;
      sc_level: ReadinessLevel;
      sc_evaluated_at: string;
      sc_state_body_ref: string;
    })[] = await this.db({ so: SIGNOFFS })
      .join({ sc: SCORECARDS }, 'sc.system_ref', 'so.latest_key')
      .whereNull('so.drop_notified_at')
      .whereRaw('sc.level <> so.level')
      .select('so.*', {
        sc_result: 'sc.result',
        sc_level: 'sc.level',
        sc_evaluated_at: 'sc.evaluated_at',
        sc_state_body_ref: 'sc.state_body_ref',
      })
      .orderBy('so.signed_at');
    return rows
      .filter(row => isBelowLevel(row.sc_level, row.level))
      .map(row => ({
        signOff: toSignOff(row),
        current: {
          ...JSON.parse(row.sc_result),
          evaluatedAt: row.sc_evaluated_at,
        },
        stateBodyRef: row.sc_state_body_ref,
      }));
  }

  async markDropNotified(signOffId: string, at: Date): Promise<boolean> {
    const count = await this.db(SIGNOFFS)
      .where({ id: signOffId })
      .whereNull('drop_notified_at')
      .update({ drop_notified_at: toIso(at) });
    return count > 0;
  }

  // Evaluation runs

  async createRun(run: {
    scope: EvaluationScope;
    trigger: EvaluationRun['trigger'];
    requestedBy?: string;
    now: Date;
  }): Promise<{ run: EvaluationRun; created: boolean }> {
    const key = scopeKey(run.scope);
    const now = toIso(run.now);
    // The unique active key makes this safe across replicas: the second
    // insert of a scope does nothing and joins the first one's run.
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = randomUUID();
      const inserted = await this.db(RUNS)
        .insert({
          id,
          scope_key: key,
          scope: JSON.stringify(normalizeScope(run.scope)),
          trigger: run.trigger,
          requested_by: run.requestedBy ?? null,
          status: 'queued',
          total: 0,
          done: 0,
          changed: 0,
          created_at: now,
          started_at: now,
          heartbeat_at: null,
          finished_at: null,
          error: null,
          active_key: key,
        })
        .onConflict('active_key')
        .ignore()
        .returning('id');
      if (inserted.length > 0) {
        return { run: (await this.getRun(id))!, created: true };
      }
      const active: RunRow | undefined = await this.db(RUNS)
        .where({ active_key: key })
        .first();
      if (active) {
        return { run: toRun(active), created: false };
      }
      // The active run finished in between: try again.
    }
    throw new ConflictError(
      `Could not create an evaluation run of ${key}: runs of it keep starting and finishing; try again`,
    );
  }

  async getRun(id: string): Promise<EvaluationRun | undefined> {
    const row: RunRow | undefined = await this.db(RUNS).where({ id }).first();
    return row ? toRun(row) : undefined;
  }

  async claimQueuedRun(now: Date): Promise<EvaluationRun | undefined> {
    const at = toIso(now);
    for (let attempt = 0; attempt < 5; attempt++) {
      const next: { id: string } | undefined = await this.db(RUNS)
        .select('id')
        .where({ status: 'queued' })
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .first();
      if (!next) {
        return undefined;
      }
      const count = await this.db(RUNS)
        .where({ id: next.id, status: 'queued' })
        .update({ status: 'running', started_at: at, heartbeat_at: at });
      if (count > 0) {
        return this.getRun(next.id);
      }
      // Another replica claimed it first: look for the next one.
    }
    return undefined;
  }

  async updateRunProgress(
    id: string,
    progress: Pick<EvaluationRun, 'total' | 'done' | 'changed'>,
    now: Date,
  ): Promise<void> {
    await this.db(RUNS)
      .where({ id, status: 'running' })
      .update({
        total: progress.total,
        done: progress.done,
        changed: progress.changed,
        heartbeat_at: toIso(now),
      });
  }

  async finishRun(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      error?: string;
      progress?: Pick<EvaluationRun, 'total' | 'done' | 'changed'>;
    },
    now: Date,
  ): Promise<void> {
    await this.db(RUNS)
      .where({ id })
      .whereIn('status', ['queued', 'running'])
      .update({
        status: outcome.status,
        error: outcome.error ?? null,
        ...(outcome.progress
          ? {
              total: outcome.progress.total,
              done: outcome.progress.done,
              changed: outcome.progress.changed,
            }
          : {}),
        finished_at: toIso(now),
        heartbeat_at: toIso(now),
        active_key: null,
      });
  }

  async insertFinishedRun(run: {
    scope: EvaluationScope;
    trigger: EvaluationRun['trigger'];
    requestedBy?: string;
    status: 'succeeded' | 'failed';
    error?: string;
    progress: Pick<EvaluationRun, 'total' | 'done' | 'changed'>;
    startedAt: Date;
    finishedAt: Date;
  }): Promise<EvaluationRun> {
    const id = randomUUID();
    const startedAt = toIso(run.startedAt);
    const finishedAt = toIso(run.finishedAt);
    // No active key: the run is not in the queue, so no task claims it and
    // a queued run of the same scope neither joins nor blocks it.
    await this.db(RUNS).insert({
      id,
      scope_key: scopeKey(run.scope),
      scope: JSON.stringify(normalizeScope(run.scope)),
      trigger: run.trigger,
      requested_by: run.requestedBy ?? null,
      status: run.status,
      total: run.progress.total,
      done: run.progress.done,
      changed: run.progress.changed,
      created_at: startedAt,
      started_at: startedAt,
      heartbeat_at: finishedAt,
      finished_at: finishedAt,
      error: run.error ?? null,
      active_key: null,
    });
    return (await this.getRun(id))!;
  }

  async requeueStaleRuns(before: Date): Promise<number> {
    const at = toIso(before);
    return this.db(RUNS)
      .where({ status: 'running' })
      .where(q =>
        q
          .where('heartbeat_at', '<', at)
          .orWhere(q2 =>
            q2.whereNull('heartbeat_at').where('started_at', '<', at),
          ),
      )
      .update({ status: 'queued', heartbeat_at: null });
  }

  async latestRuns(limit: number): Promise<EvaluationRun[]> {
    const rows: RunRow[] = await this.db(RUNS)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(clampLimit(limit));
    return rows.map(toRun);
  }
}
