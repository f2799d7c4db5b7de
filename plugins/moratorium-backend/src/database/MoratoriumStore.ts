import { Knex } from 'knex';
import {
  AuditVerification,
  Condition,
  ConditionStatus,
  Decision,
  DecisionOutcome,
  HistoryEntry,
  Page,
  RequestContent,
  RequestState,
  RequestSystem,
  ReviewOpinion,
  SimilarSystem,
  Sitting,
  Vote,
  DraftDecision,
  RevocationProposal,
} from '@qaztech/plugin-moratorium-common';
import { CalendarDate, Exemption } from '@qaztech/plugin-registry-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';

/**
 * The transaction every write takes: pass the `tx` of
 * {@link MoratoriumStore.transaction} so the change, its history and its
 * audit entry commit together.
 *
 * @public
 */
export type StoreTx = Knex.Transaction;

/**
 * An instant the store accepts: a Date or a UTC ISO 8601 string. The store
 * always returns UTC ISO 8601 strings with milliseconds.
 *
 * @public
 */
export type StoreInstant = Date | string;

/**
 * A request as stored: everything but what is kept in tables of its own
 * (history, votes, decision, deadlines).
 *
 * @public
 */
export type StoredRequest = {
  id: string;
  /** `EX-YYYY-NNNN`, allocated by {@link MoratoriumStore.createRequest}. */
  number: string;
  state: RequestState;
  resumeState?: RequestState;
  /** 1 on creation; {@link MoratoriumStore.updateRequest} adds one. */
  version: number;
  content: RequestContent;
  applicant: string;
  /** Copied from `content.stateBodyRef` (lower case) on every write. */
  stateBodyRef?: string;
  /** Copied from `content.system.entityRef` (lower case) on every write. */
  systemRef?: string;
  submittedBy?: string;
  submittedAt?: string;
  createdAt: string;
  updatedAt: string;
  similarSystems: SimilarSystem[];
  opinions: ReviewOpinion[];
  questions?: string;
  /** The sitting whose agenda the request is on. */
  sittingId?: string;
  /** The current ballot round: votes of this round count. 0 before any. */
  ballotRound: number;
  /** How many times the commission deferred the request. */
  deferrals: number;
  /** The terms on the agenda that members vote on. */
  draftDecision?: DraftDecision;
  /** A revocation waiting for a second person. */
  revocationProposal?: RevocationProposal;
  /** Whether the content changed while information was requested. */
  contentChanged: boolean;
};

/**
 * What {@link MoratoriumStore.updateRequest} changes. Absent fields stay as
 * they are; `null` clears an optional field. `updatedAt` defaults to now.
 *
 * @public
 */
export type StoredRequestPatch = {
  state?: RequestState;
  resumeState?: RequestState | null;
  content?: RequestContent;
  submittedBy?: string | null;
  submittedAt?: StoreInstant | null;
  similarSystems?: SimilarSystem[];
  opinions?: ReviewOpinion[];
  questions?: string | null;
  sittingId?: string | null;
  ballotRound?: number;
  deferrals?: number;
  draftDecision?: DraftDecision | null;
  revocationProposal?: RevocationProposal | null;
  contentChanged?: boolean;
  updatedAt?: StoreInstant;
};

/**
 * A deadline as stored: the domain `Deadline` without `overdue` (the
 * service computes it against its clock) plus the scheduler's bookkeeping.
 *
 * @public
 */
export type StoredDeadline = {
  /** A request state (`platform-review`…) or `condition:<id>`. */
  subject: string;
  /** UTC ISO instant. */
  dueAt: string;
  /** Set while the clock is paused (information requested). */
  pausedAt?: string;
  remainingWorkingDays?: number;
  /** When the reminder before `dueAt` went out. */
  remindedAt?: string;
  /** When the missed deadline was notified. */
  missedNotifiedAt?: string;
  /** When the subject was done (stage left, condition resolved); closed deadlines are never due. */
  closedAt?: string;
};

/**
 * A deadline the scheduler should look at, with what it needs to notify.
 *
 * @public
 */
export type DueDeadline = StoredDeadline & {
  requestId: string;
  requestNumber: string;
  state: RequestState;
  applicant: string;
  stateBodyRef?: string;
  system?: RequestSystem;
};

/**
 * A request in a list (no content beyond the system and purpose, no history).
 *
 * @public
 */
export type StoredRequestSummary = {
  id: string;
  number: string;
  state: RequestState;
  version: number;
  applicant: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  system?: RequestSystem;
  stateBodyRef?: string;
  purpose?: string;
  sittingId?: string;
  sittingDate?: CalendarDate;
  /** The open deadline whose subject is the request's current state. */
  currentDeadline?: StoredDeadline;
};

/**
 * Which requests to list; the fields together must all match.
 *
 * @public
 */
export type RequestFilter = {
  /** Any of these states. */
  states?: RequestState[];
  /** Any of these state body Group refs (any letter case). */
  stateBodyRefs?: string[];
  /** Only requests created by this User ref. */
  applicant?: string;
  /** Only requests about this System ref (any letter case). */
  systemRef?: string;
  /** Only requests on this sitting's agenda. */
  sittingId?: string;
  /**
   * Free text over the number, the system's titles and ref and the purpose;
   * any letter case, Cyrillic and Kazakh letters included.
   */
  q?: string;
  /**
   * When given, drafts are listed only if the user is their applicant or the
   * draft's state body is among the user's ownership refs; other states are
   * not affected.
   */
  draftsVisibleTo?: { userRef: string; ownershipRefs: string[] };
  /**
   * The conditions of a conditional permission decision, turned into
   * queries by the plugin's permission rules: only requests they match.
   */
  permission?: PermissionCriteria<RequestQuery>;
};

/**
 * What a permission rule on `moratorium-request` becomes for the store: a
 * filter it applies as SQL.
 */
export type RequestQuery =
  | { kind: 'applicant-body'; refs: string[] }
  | { kind: 'on-agenda' };

/**
 * A page request. Pages are keyset pages: `cursor` is the opaque
 * `nextCursor` of the previous page (base64url), valid only for the same
 * list and sort.
 *
 * @public
 */
export type PageRequest = {
  limit: number;
  cursor?: string;
};

/**
 * The order of a request list: newest first by `updatedAt` (default; a
 * request changed while paging moves to the top and is not seen again on
 * later pages) or by `createdAt` (never moves). Ties break on id, descending.
 *
 * @public
 */
export type RequestSort = 'updatedAt' | 'createdAt';

/**
 * Which decisions to list; the fields together must all match.
 *
 * @public
 */
export type DecisionFilter = {
  outcomes?: DecisionOutcome[];
  stateBodyRefs?: string[];
  systemRef?: string;
  requestId?: string;
};

/**
 * A decision in the register of decisions, with its request's key fields.
 *
 * @public
 */
export type StoredDecisionSummary = Decision & {
  requestNumber: string;
  system?: RequestSystem;
  stateBodyRef?: string;
  /** The request's current state (an approval may since have expired or been revoked). */
  state: RequestState;
};

/**
 * What {@link MoratoriumStore.updateCondition} changes; `null` clears.
 *
 * @public
 */
export type ConditionPatch = {
  status?: ConditionStatus;
  resolvedAt?: StoreInstant | null;
  resolvedBy?: string | null;
  evidence?: string | null;
};

/**
 * A request the scheduled task checks the catalog for: its system's ref
 * (lower case) and whether the request was about a registered system.
 *
 * @public
 */
export type SystemRequest = {
  id: string;
  number: string;
  state: RequestState;
  systemRef: string;
  kind: RequestSystem['kind'];
};

/**
 * What the scheduled task has seen of a system in the catalog.
 *
 * @public
 */
export type SystemPresence = {
  /** Lower case. */
  systemRef: string;
  /** When a run found it in the catalog (first, or back after an absence). */
  seenAt?: string;
  /** The first run of its current absence; absent while it is in the catalog. */
  missingSince?: string;
};

/**
 * A stored response for an idempotency key.
 *
 * @public
 */
export type IdempotentResponse = {
  /** The hash of the request body that produced the response. */
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: string;
};

/**
 * What to append to the audit chain.
 *
 * @public
 */
export type AuditInput = {
  requestId?: string;
  actor: string;
  action: string;
  /** Any JSON value; stored as canonical JSON (sorted keys). */
  payload: object;
  at: StoreInstant;
};

/**
 * One entry of the audit chain.
 * `hash = sha256(prevHash + canonicalJson({seq, requestId, actor, action, payload, at, keyId}))`
 * (hex; RFC 8785 canonical JSON; `requestId` null when absent; `keyId` left
 * out of the unsigned entries recorded before signing; the first entry's
 * `prevHash` is 64 zeros). `signature` is Ed25519 over the 64 hex characters
 * of `hash`, base64, by the key `keyId` (see docs/audit.md).
 *
 * @public
 */
export type AuditEntry = {
  seq: number;
  requestId?: string;
  actor: string;
  action: string;
  payload: unknown;
  at: string;
  prevHash: string;
  hash: string;
  /** The key that signed the entry; absent on entries from before signing. */
  keyId?: string;
  /** Ed25519 signature of `hash`, base64. */
  signature?: string;
};

/**
 * The moratorium's persistence: requests and what hangs off them, sittings,
 * decisions and conditions, deadlines, idempotency keys and the hash-chained
 * audit record.
 *
 * Writes take a transaction (`tx`) from {@link MoratoriumStore.transaction};
 * reads take one optionally, to see the transaction's own writes.
 *
 * @public
 */
export interface MoratoriumStore {
  /** Runs fn in one transaction, committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /**
   * Creates a request in state `draft`, version 1, and allocates its number
   * `EX-<year>-<NNNN>` (the year of `createdAt` in Asia/Almaty; numbers run
   * per year without gaps among committed requests) unless `number` is given.
   */
  createRequest(
    tx: StoreTx,
    request: {
      id: string;
      number?: string;
      applicant: string;
      content: RequestContent;
      createdAt: StoreInstant;
    },
  ): Promise<StoredRequest>;

  /** One request, or undefined. */
  getRequest(id: string, tx?: StoreTx): Promise<StoredRequest | undefined>;

  /**
   * Conditional update: applies the patch only where the request still has
   * `expectedVersion`, and adds one to the version. Returns the updated
   * request, or undefined when the version moved (or the request is gone):
   * a concurrent change won, answer 409.
   */
  updateRequest(
    tx: StoreTx,
    id: string,
    expectedVersion: number,
    patch: StoredRequestPatch,
  ): Promise<StoredRequest | undefined>;

  /**
   * One keyset page of requests, newest first (see {@link RequestSort});
   * `totalCount` is counted in the database over all pages.
   */
  listRequests(
    filter: RequestFilter,
    page: PageRequest & { sort?: RequestSort },
  ): Promise<Page<StoredRequestSummary>>;

  /** Adds an entry to a request's history. */
  appendHistory(
    tx: StoreTx,
    requestId: string,
    entry: HistoryEntry,
  ): Promise<void>;

  /** A request's history, oldest first. */
  listHistory(requestId: string, tx?: StoreTx): Promise<HistoryEntry[]>;

  /**
   * Records a member's vote in a ballot round (`vote.round`, 0 if absent),
   * replacing their earlier vote in that round only.
   */
  upsertVote(tx: StoreTx, requestId: string, vote: Vote): Promise<void>;

  /** The votes on a request, by member ref: of one round, or of all. */
  listVotes(requestId: string, tx?: StoreTx, round?: number): Promise<Vote[]>;

  /** Removes the votes on a request (it goes to another sitting). */
  clearVotes(tx: StoreTx, requestId: string): Promise<void>;

  /**
   * The sitting on a date, created if there is none (one sitting a day).
   * `requestIds` are the requests whose `sittingId` is the sitting.
   */
  findOrCreateSitting(tx: StoreTx, date: CalendarDate): Promise<Sitting>;

  /** One sitting with its agenda, or undefined. */
  getSitting(id: string, tx?: StoreTx): Promise<Sitting | undefined>;

  /** The sittings between the dates (inclusive, both optional), newest first. */
  listSittings(filter?: {
    from?: CalendarDate;
    to?: CalendarDate;
  }): Promise<Sitting[]>;

  /**
   * Records a decision and its conditions (condition ids come with it). A
   * request may collect several decisions (deferred, then decided).
   */
  recordDecision(tx: StoreTx, decision: Decision): Promise<void>;

  /** The latest decision on a request, with its conditions, or undefined. */
  getDecision(requestId: string, tx?: StoreTx): Promise<Decision | undefined>;

  /** One keyset page of decisions, newest recorded first. */
  listDecisions(
    filter: DecisionFilter,
    page: PageRequest,
  ): Promise<Page<StoredDecisionSummary>>;

  /**
   * Changes one condition of the request's decisions; false when the
   * request has no such condition.
   */
  updateCondition(
    tx: StoreTx,
    requestId: string,
    conditionId: string,
    patch: ConditionPatch,
  ): Promise<boolean>;

  /** The conditions of a request's latest decision that are open and due on or before the date. */
  listOpenConditionsDue(
    before: CalendarDate,
  ): Promise<Array<Condition & { requestId: string; requestNumber: string }>>;

  /**
   * Writes the deadline of (request, subject), replacing every field of an
   * earlier one (absent optional fields are cleared).
   */
  upsertDeadline(
    tx: StoreTx,
    requestId: string,
    deadline: StoredDeadline,
  ): Promise<void>;

  /** Closes the open deadlines of a request (all, or those of the subjects). */
  closeDeadlines(
    tx: StoreTx,
    requestId: string,
    at: StoreInstant,
    subjects?: string[],
  ): Promise<void>;

  /** A request's deadlines (open and closed), by due time. */
  listDeadlines(requestId: string, tx?: StoreTx): Promise<StoredDeadline[]>;

  /**
   * Open, unpaused deadlines due at or before `before` that still lack a
   * reminder or a missed notice, soonest first: the scheduler decides which
   * notice each one needs.
   */
  listDueDeadlines(
    before: StoreInstant,
    limit?: number,
  ): Promise<DueDeadline[]>;

  /**
   * Marks the reminder of a deadline as sent; false when it already was
   * (another scheduler instance got there first), so send only on true.
   */
  markReminded(
    requestId: string,
    subject: string,
    at: StoreInstant,
    tx?: StoreTx,
  ): Promise<boolean>;

  /** Marks the missed notice of a deadline as sent; false when it already was. */
  markMissedNotified(
    requestId: string,
    subject: string,
    at: StoreInstant,
    tx?: StoreTx,
  ): Promise<boolean>;

  /**
   * The exemptions of a system from approving decisions, by the request's
   * current state: approved / approved-with-conditions → `approved`,
   * expired → `expired`, revoked → `revoked`; source `moratorium`.
   */
  listExemptions(systemRef: string): Promise<Exemption[]>;

  /** The system refs whose exemptions changed after the instant. */
  listExemptionChangesSince(since: StoreInstant): Promise<string[]>;

  /** The requests in one of the states that are about a system, by number. */
  listSystemRequests(states: RequestState[]): Promise<SystemRequest[]>;

  /** What was seen of the systems (refs in any case); unknown ones are left out. */
  getSystemPresence(systemRefs: string[]): Promise<SystemPresence[]>;

  /**
   * Records what one run found: a system in the catalog gets `seenAt` (when
   * it was not seen yet or was missing) and loses `missingSince`; a missing
   * one keeps the `missingSince` of its absence, or starts one at `at`.
   * Then forgets the systems no request in `keepStates` is about.
   */
  recordSystemPresence(
    found: Array<{ systemRef: string; present: boolean }>,
    at: StoreInstant,
    keepStates: RequestState[],
  ): Promise<void>;

  /** The stored response of an idempotency key of an actor, or undefined. */
  getIdempotent(
    actor: string,
    key: string,
    tx?: StoreTx,
  ): Promise<IdempotentResponse | undefined>;

  /**
   * Stores the response of an idempotency key (unique per actor); false when
   * the key was already stored (a concurrent request with the same key
   * committed first): roll back and replay or reject.
   */
  saveIdempotent(
    tx: StoreTx,
    entry: {
      actor: string;
      key: string;
      requestHash: string;
      status: number;
      body: unknown;
    },
  ): Promise<boolean>;

  /**
   * Deletes the stored responses of idempotency keys created before the
   * instant; returns how many were deleted.
   */
  purgeIdempotentBefore(before: Date): Promise<number>;

  /**
   * Appends to the audit chain inside the change's transaction. Appends are
   * serialized (a lock on the chain's head row until commit), so make it the
   * last write of the transaction.
   */
  appendAudit(tx: StoreTx, entry: AuditInput): Promise<AuditEntry>;

  /**
   * Recomputes the chain, checks signatures and the published checkpoints,
   * cross-checks decisions, conditions and votes, and names every finding.
   */
  verifyAudit(): Promise<AuditVerification>;

  /** One keyset page of the audit chain, newest first. */
  listAudit(
    filter: { requestId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>>;
}
