import type { SystemFilter } from './systemFilter';
import type {
  Attestation,
  CheckResult,
  EvaluationRun,
  EvaluationScope,
  Fact,
  LevelCounts,
  ReadinessLevel,
  ScorecardHistoryEntry,
  ScorecardResult,
  SignOff,
  StateBodySummary,
  TrendPoint,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';

/**
 * The stored scorecard of one system: its latest result and what the summary
 * and the review queue filter on.
 */
export type StoredScorecard = {
  result: ScorecardResult;
  /** The Group entity ref of the system's state body (its owner). */
  stateBodyRef: string;
  /** The system's title (ru), for lists. */
  title: string;
  /** When the result last changed (the latest history entry). */
  changedAt: string;
  /**
   * The level of the system's latest sign-off, when it has one (filled by
   * `getScorecard` and `listScorecards`).
   */
  signedLevel?: ReadinessLevel;
};

/** A page of a keyset-paginated list. */
export type Page<T> = { items: T[]; nextCursor?: string; totalCount: number };

/** Filters of the scorecard list. */
export type ScorecardFilter = {
  levels?: ReadinessLevel[];
  stateBodyRefs?: string[];
  /** Only systems with no sign-off, or whose sign-off is of other evidence. */
  awaitingSignOff?: boolean;
};

/** What a stored scorecard's change writes at once. */
export type ScorecardWrite = {
  result: ScorecardResult;
  stateBodyRef: string;
  title: string;
  /** The history entry of the change (see `toHistoryEntry`). */
  history: ScorecardHistoryEntry;
};

/**
 * The persistence of the security readiness plugin. Every method is one
 * transaction; writes that can race are conditional and say so.
 */
export interface SecurityReadinessStore {
  // Facts
  /**
   * Stores facts; a fact equal to a stored one (system, type, source,
   * observedAt) is skipped. Returns how many were new.
   */
  insertFacts(facts: Omit<Fact, 'id'>[]): Promise<{ inserted: number }>;
  /**
   * The facts of these systems observed at or after `since` (the newest per
   * system, type and source at least), for evaluation.
   */
  factsForSystems(systemRefs: string[], since: Date): Promise<Fact[]>;
  /** The stored versions of one system's facts, newest first. */
  listFacts(
    systemRef: string,
    options?: { type?: string; limit?: number },
  ): Promise<Fact[]>;
  /**
   * Deletes facts observed before `before`, keeping the newest of each
   * (system, type, source). Returns how many were deleted.
   */
  purgeFactsBefore(before: Date): Promise<number>;

  // Attestations
  insertAttestation(attestation: Attestation): Promise<void>;
  attestationsForSystems(systemRefs: string[]): Promise<Attestation[]>;
  /** Attestations expiring in [from, to) that were not reminded yet. */
  attestationsExpiringUnreminded(from: Date, to: Date): Promise<Attestation[]>;
  /** Marks reminded; false when another replica did it first. */
  markAttestationReminded(id: string, at: Date): Promise<boolean>;
  /** Current attestations (newest per system and check) expiring before `to`. */
  listExpiringAttestations(
    to: Date,
    options?: {
      limit?: number;
      /** Only of the systems the filter selects (a permission's conditions). */
      systems?: SystemFilter;
    },
  ): Promise<Attestation[]>;

  // Waivers
  /**
   * Inserts a requested waiver. Throws ConflictError when the system already
   * has a requested or active granted waiver of this check.
   */
  insertWaiver(waiver: Waiver): Promise<void>;
  getWaiver(id: string): Promise<Waiver | undefined>;
  /**
   * Decides a waiver if it is still `requested`; returns the decided waiver,
   * or undefined when it was decided meanwhile (the caller answers 409).
   */
  decideWaiver(
    id: string,
    decision: Pick<
      Waiver,
      'status' | 'decidedBy' | 'decidedAt' | 'decisionComment' | 'expiresAt'
    >,
  ): Promise<Waiver | undefined>;
  waiversForSystems(systemRefs: string[]): Promise<Waiver[]>;
  listWaivers(options: {
    status?: Waiver['status'];
    limit?: number;
    /** Only of the systems the filter selects (a permission's conditions). */
    systems?: SystemFilter;
  }): Promise<Waiver[]>;

  // Scorecards and history
  getScorecard(systemRef: string): Promise<StoredScorecard | undefined>;
  /** Stored scorecards of these systems, for change detection in a run. */
  getScorecards(systemRefs: string[]): Promise<Map<string, StoredScorecard>>;
  /**
   * Writes the changed scorecards and their history entries in one
   * transaction. Only changed results are passed in.
   */
  writeScorecards(writes: ScorecardWrite[]): Promise<void>;
  /**
   * Updates `evaluatedAt` of unchanged scorecards (no history), so the
   * record shows when each was last looked at.
   */
  touchScorecards(systemRefs: string[], evaluatedAt: string): Promise<void>;
  listScorecards(
    filter: ScorecardFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<StoredScorecard>>;
  history(
    systemRef: string,
    options?: { limit?: number; before?: string },
  ): Promise<ScorecardHistoryEntry[]>;
  /** All stored system refs (for purging systems gone from the catalog). */
  listSystemRefs(): Promise<string[]>;
  /**
   * Deletes every row of these systems: scorecard, history, facts,
   * attestations, waivers, sign-offs. Returns how many systems were purged.
   */
  purgeSystems(systemRefs: string[]): Promise<number>;

  // Summary and trend
  countByLevel(): Promise<{
    byLevel: LevelCounts;
    averageScore: number | null;
    total: number;
    evaluatedAt?: string;
  }>;
  countByStateBody(): Promise<StateBodySummary[]>;
  /** Upserts today's point (date in Asia/Almaty) from the current counts. */
  recordTrendPoint(date: string): Promise<void>;
  trend(fromDate: string): Promise<TrendPoint[]>;

  // Sign-offs
  insertSignOff(signOff: SignOff): Promise<void>;
  latestSignOff(systemRef: string): Promise<SignOff | undefined>;
  /** A system's sign-offs, newest first. */
  listSignOffs(
    systemRef: string,
    options?: { limit?: number },
  ): Promise<SignOff[]>;
  /**
   * The latest sign-offs whose system's current level is below the signed
   * one and whose drop was not notified yet.
   */
  signOffsWithUnnotifiedDrop(): Promise<
    { signOff: SignOff; current: ScorecardResult; stateBodyRef: string }[]
  >;
  /** Marks a drop notified; false when another replica did it first. */
  markDropNotified(signOffId: string, at: Date): Promise<boolean>;

  // Evaluation runs
  /**
   * Creates a run, or returns the queued or running run of the same scope
   * when there is one (so two clicks make one run).
   */
  createRun(run: {
    scope: EvaluationScope;
    trigger: EvaluationRun['trigger'];
    requestedBy?: string;
    now: Date;
  }): Promise<{ run: EvaluationRun; created: boolean }>;
  getRun(id: string): Promise<EvaluationRun | undefined>;
  /** Claims the oldest queued run (conditional update), if any. */
  claimQueuedRun(now: Date): Promise<EvaluationRun | undefined>;
  updateRunProgress(
    id: string,
    progress: Pick<EvaluationRun, 'total' | 'done' | 'changed'>,
    now: Date,
  ): Promise<void>;
  /**
   * Finishes a queued or running run; `progress`, when given, is stored as
   * its final counts (otherwise the last progress stays).
   */
  finishRun(
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      error?: string;
      progress?: Pick<EvaluationRun, 'total' | 'done' | 'changed'>;
    },
    now: Date,
  ): Promise<void>;
  /**
   * Records a run that was carried out outside the queue (one system
   * evaluated by the API while the caller waits), already finished with its
   * counts. It never joins, blocks or enters the queue, so the evaluate task
   * cannot claim it.
   */
  insertFinishedRun(run: {
    scope: EvaluationScope;
    trigger: EvaluationRun['trigger'];
    requestedBy?: string;
    status: 'succeeded' | 'failed';
    error?: string;
    progress: Pick<EvaluationRun, 'total' | 'done' | 'changed'>;
    startedAt: Date;
    finishedAt: Date;
  }): Promise<EvaluationRun>;
  /**
   * Puts running runs without progress (heartbeat) since `before` back in
   * the queue, so that a run whose replica died is finished by another.
   */
  requeueStaleRuns(before: Date): Promise<number>;
  latestRuns(limit: number): Promise<EvaluationRun[]>;
}

/** The frozen results of a sign-off, as the API returns them. */
export type SignedResults = CheckResult[];
