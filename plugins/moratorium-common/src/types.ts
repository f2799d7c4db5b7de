import type {
  CalendarDate,
  DataCategory,
  HostingKind,
  RegistryTitle,
} from '@qaztech/plugin-registry-common';

/**
 * The states of an exemption request. `info-requested` pauses the review
 * stage it came from (`resumeState`); `deferred` waits for a later sitting;
 * `expired` and `revoked` end an approval.
 *
 * @public
 */
export const REQUEST_STATES = [
  'draft',
  'submitted',
  'platform-review',
  'ministry-review',
  'info-requested',
  'on-agenda',
  'approved',
  'approved-with-conditions',
  'rejected',
  'deferred',
  'withdrawn',
  'expired',
  'revoked',
] as const;

/** A state of an exemption request. @public */
export type RequestState = (typeof REQUEST_STATES)[number];

/**
 * What can be done to a request. Each action is one transition of the state
 * machine (see `WORKFLOW`), except `mark-condition`, which tracks a condition
 * of an approval without changing the request's state.
 *
 * @public
 */
export const REQUEST_ACTIONS = [
  'submit',
  'accept',
  'return',
  'complete-platform-review',
  'request-info',
  'provide-info',
  'set-agenda',
  'propose-decision',
  'decide',
  'withdraw',
  'propose-revocation',
  'revoke',
  'expire',
  'mark-condition',
] as const;

/** An action on an exemption request. @public */
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** The outcomes the commission can decide. @public */
export const DECISION_OUTCOMES = [
  'approved',
  'approved-with-conditions',
  'rejected',
  'deferred',
] as const;

/** An outcome of a commission decision. @public */
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** How a commission member votes; `recuse` takes them out of the count. @public */
export const VOTE_CHOICES = ['for', 'against', 'abstain', 'recuse'] as const;

/** A member's vote. @public */
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** The platform architect's feasibility finding. @public */
export const PLATFORM_FINDINGS = [
  'platform-cannot-serve',
  'platform-partially-serves',
  'platform-can-serve',
] as const;

/** The platform architect's feasibility finding. @public */
export type PlatformFinding = (typeof PLATFORM_FINDINGS)[number];

/** What the ministry recommends to the commission. @public */
export const MINISTRY_RECOMMENDATIONS = ['approve', 'reject'] as const;

/** What the ministry recommends to the commission. @public */
export type MinistryRecommendation = (typeof MINISTRY_RECOMMENDATIONS)[number];

/** The tracking state of one condition of an approval. @public */
export const CONDITION_STATUSES = ['open', 'met', 'missed'] as const;

/** The tracking state of one condition of an approval. @public */
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/**
 * The system a request is about: one already in the register (a catalog
 * System), or one that is planned and not yet registered. A planned system's
 * `entityRef` is the ref it will get (`system:default/<transliterated title>`),
 * so an approved exemption finds it once it is registered.
 *
 * @public
 */
export type RequestSystem =
  | { kind: 'existing'; entityRef: string }
  | { kind: 'planned'; entityRef: string; title: RegistryTitle };

/** Something the platform cannot provide that the system needs. @public */
export type CapabilityGap = {
  /** The capability, e.g. "processing of classified data". */
  capability: string;
  /** Why the platform cannot provide it. */
  reason: string;
};

/** A document attached to a request: a link and the SHA-256 of its content. @public */
export type Attachment = {
  title: string;
  url: string;
  /** Hex SHA-256 of the document, 64 lowercase characters. */
  sha256: string;
};

/** What the system will cost and from which budget programme. @public */
export type RequestCost = {
  /** Total cost in tenge. */
  amountKzt: number;
  /** The budget programme code and name, e.g. `001 "Услуги по ..."`. */
  budgetProgramme: string;
};

/** Where the system would be hosted if exempted. @public */
export type PlannedHosting = {
  kind: HostingKind;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** The data centre or provider. */
  provider?: string;
};

/**
 * What an applicant fills in. Drafts may leave anything out; submission
 * requires everything except `attachments` (see `checkCompleteness`).
 *
 * @public
 */
export type RequestContent = {
  system?: RequestSystem;
  /** The Group ref of the state body asking, e.g. `group:default/mcriap`. */
  stateBodyRef?: string;
  /** What the system is for; also used to look for similar systems. */
  purpose?: string;
  capabilityGaps?: CapabilityGap[];
  cost?: RequestCost;
  dataCategories?: DataCategory[];
  hosting?: PlannedHosting;
  securityPlan?: string;
  /** How the system leaves the exemption: its exit or migration plan. */
  exitPlan?: string;
  attachments?: Attachment[];
  /**
   * Why each similar system of the register cannot be reused instead; one
   * answer is required for each of the top matches before submission.
   */
  reuseAnswers?: ReuseAnswer[];
};

/**
 * The applicant's answer for one similar system: why it cannot be reused.
 *
 * @public
 */
export type ReuseAnswer = {
  /** The similar system's entity ref, e.g. `system:default/e-licensing`. */
  entityRef: string;
  /** Why that system cannot serve the purpose. */
  reason: string;
};

/** One missing or wrong item of a request, named by its field path. @public */
export type CompletenessProblem = {
  /** Dotted path of the field, e.g. `cost.budgetProgramme` or `capabilityGaps`. */
  field: string;
  /** What is wrong: `missing`, `empty`, `invalid` or `not-found`. */
  problem: 'missing' | 'empty' | 'invalid' | 'not-found';
  /** An English sentence naming the item, for logs and API clients. */
  message: string;
};

/** A system in the register with a similar purpose, found at submission. @public */
export type SimilarSystem = {
  entityRef: string;
  title: RegistryTitle;
  registryNumber?: string;
  ownerRef?: string;
  /**
   * Why it matched: the whole words of this system's title and purpose that
   * share a word of the request (inflected forms count as one word).
   */
  matchedTerms: string[];
};

/**
 * A review opinion recorded on a request. `stale` marks an opinion given on
 * content the applicant has changed since (while information was
 * requested): it no longer speaks for the request, which goes back through
 * review.
 *
 * @public
 */
export type ReviewOpinion =
  | {
      stage: 'platform-review';
      finding: PlatformFinding;
      text: string;
      by: string;
      at: string;
      stale?: boolean;
    }
  | {
      stage: 'ministry-review';
      recommendation: MinistryRecommendation;
      text: string;
      by: string;
      at: string;
      stale?: boolean;
    };

/** A deadline of the request's current stage or of a condition. @public */
export type Deadline = {
  /** What is due: a request state (`platform-review`…) or `condition:<id>`. */
  subject: string;
  /** UTC ISO instant: the end of the last working day, Asia/Almaty. */
  dueAt: string;
  /** Set while the clock is paused (information requested). */
  pausedAt?: string;
  /** Working days left when the clock was paused. */
  remainingWorkingDays?: number;
  /** Whether `dueAt` has passed while the subject was still open. */
  overdue: boolean;
};

/**
 * One member's vote on a request: on the draft decision of one ballot
 * round. Votes of earlier rounds (another draft, an earlier sitting) stay
 * on record.
 *
 * @public
 */
export type Vote = {
  /** The member's User entity ref. */
  member: string;
  choice: VoteChoice;
  opinion?: string;
  at: string;
  /** The ballot round (draft decision) the vote was cast on. */
  round?: number;
};

/** The outcomes a draft decision can propose (a deferral needs no draft). @public */
export const DRAFT_OUTCOMES = [
  'approved',
  'approved-with-conditions',
  'rejected',
] as const;

/** An outcome a draft decision can propose. @public */
export type DraftOutcome = (typeof DRAFT_OUTCOMES)[number];

/**
 * The terms the secretary puts on the agenda for the members to vote on.
 * The decision recorded must be these terms (or a deferral).
 *
 * @public
 */
export type DraftDecision = {
  outcome: DraftOutcome;
  /** The last day an approval holds; required for approvals. */
  expiresAt?: CalendarDate;
  conditions: { text: string; dueDate: CalendarDate }[];
  reasons?: string;
  /** The ballot round the draft opened; votes of this round are on it. */
  round: number;
  proposedBy: string;
  proposedAt: string;
};

/** A revocation proposed by one person, waiting for a second to confirm it. @public */
export type RevocationProposal = {
  reason: string;
  proposedBy: string;
  proposedAt: string;
};

/**
 * What anyone who may read the request learns of a ballot that is still
 * secret: how many have voted, not who voted what.
 *
 * @public
 */
export type BallotSummary = {
  round: number;
  /** Members who have voted in this round (recusals included). */
  votesCast: number;
  /** Members eligible to vote (the commission, minus conflicted members). */
  eligible: number;
  /** Whether choices and opinions are hidden until the decision. */
  secret: boolean;
};

/** The count of votes on a request and what it allows. @public */
export type VoteTally = {
  for: number;
  against: number;
  abstain: number;
  recused: number;
  /** Members eligible to vote (the commission, minus conflicted members). */
  eligible: number;
  /** Votes needed for a quorum. */
  quorum: number;
  quorumReached: boolean;
  /** The outcomes the votes support; `deferred` is always among them. */
  supportedOutcomes: DecisionOutcome[];
};

/** A condition of an approval, tracked until met or missed. @public */
export type Condition = {
  id: string;
  text: string;
  /** The day it must be met by, Asia/Almaty. */
  dueDate: CalendarDate;
  status: ConditionStatus;
  /** When it was marked met or found missed (UTC ISO). */
  resolvedAt?: string;
  /** Who marked it met, and the evidence. */
  resolvedBy?: string;
  evidence?: string;
};

/** The commission's decision on a request. @public */
export type Decision = {
  requestId: string;
  outcome: DecisionOutcome;
  protocolNumber: string;
  sittingDate: CalendarDate;
  /** Reasons; required for a rejection. */
  reasons?: string;
  /** The last day an approval holds; required for approvals. */
  expiresAt?: CalendarDate;
  conditions: Condition[];
  recordedBy: string;
  recordedAt: string;
};

/** A sitting of the commission and the requests on its agenda. @public */
export type Sitting = {
  id: string;
  date: CalendarDate;
  requestIds: string[];
};

/** One entry of a request's history. @public */
export type HistoryEntry = {
  action: RequestAction | 'create' | 'update' | 'vote';
  from?: RequestState;
  to?: RequestState;
  actor: string;
  at: string;
  /** What the action carried: an opinion, questions, a decision… */
  details?: Record<string, unknown>;
};

/** An exemption request as the API returns it. @public */
export type ExemptionRequest = {
  id: string;
  /** Human-readable number, e.g. `EX-2026-0042`. */
  number: string;
  state: RequestState;
  /** The review state an `info-requested` request returns to. */
  resumeState?: RequestState;
  /** Increases on every change; send it back to detect a concurrent change. */
  version: number;
  content: RequestContent;
  /** The User ref of whoever created the request. */
  applicant: string;
  /** The User ref of whoever submitted it. */
  submittedBy?: string;
  submittedAt?: string;
  createdAt: string;
  updatedAt: string;
  similarSystems: SimilarSystem[];
  opinions: ReviewOpinion[];
  /** Open questions while information is requested. */
  questions?: string;
  sitting?: Sitting;
  /**
   * The votes the caller may see: while the ballot is secret (before the
   * decision) only the caller's own vote; after it, the votes of the round
   * decided.
   */
  votes: Vote[];
  /** The tally; absent while the ballot is secret. */
  tally?: VoteTally;
  /** The current ballot round and how many have voted in it. */
  ballot?: BallotSummary;
  /** The terms put to the vote, while the request is on the agenda. */
  draftDecision?: DraftDecision;
  /** How many times the commission has deferred the request. */
  deferrals: number;
  /** A revocation waiting for a second person's confirmation. */
  revocationProposal?: RevocationProposal;
  decision?: Decision;
  deadlines: Deadline[];
  history: HistoryEntry[];
  /** What the caller may do now (permissions, role and conflicts applied). */
  allowedActions: RequestAction[];
};

/** A request in a list: without history, votes and content details. @public */
export type ExemptionRequestSummary = Pick<
  ExemptionRequest,
  | 'id'
  | 'number'
  | 'state'
  | 'version'
  | 'applicant'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
> & {
  system?: RequestSystem;
  stateBodyRef?: string;
  sittingDate?: CalendarDate;
  /** The deadline of the current stage, if any. */
  currentDeadline?: Deadline;
};

/** A keyset page of a list. @public */
export type Page<T> = {
  items: T[];
  nextCursor?: string;
  totalCount: number;
};

/** The body of `POST /requests/{id}/transitions`, by action. @public */
export type TransitionInput =
  | { action: 'submit' }
  | { action: 'accept' }
  | { action: 'return'; reason: string }
  | {
      action: 'complete-platform-review';
      finding: PlatformFinding;
      text: string;
    }
  | { action: 'request-info'; questions: string }
  | { action: 'provide-info'; answer: string; content?: RequestContent }
  | {
      action: 'set-agenda';
      sittingDate: CalendarDate;
      /** Required when leaving ministry review. */
      ministryOpinion?: {
        recommendation: MinistryRecommendation;
        text: string;
      };
    }
  | {
      action: 'propose-decision';
      outcome: DraftOutcome;
      expiresAt?: CalendarDate;
      conditions?: { text: string; dueDate: CalendarDate }[];
      reasons?: string;
    }
  | {
      action: 'decide';
      outcome: DecisionOutcome;
      protocolNumber: string;
      sittingDate: CalendarDate;
      reasons?: string;
      expiresAt?: CalendarDate;
      conditions?: { text: string; dueDate: CalendarDate }[];
    }
  | { action: 'withdraw'; reason?: string }
  | { action: 'propose-revocation'; reason: string }
  | { action: 'revoke'; reason: string }
  | { action: 'expire' }
  | {
      action: 'mark-condition';
      conditionId: string;
      status: 'met';
      evidence: string;
    };

/**
 * What verification found wrong with the audit record, one finding each:
 *
 * - `hash-mismatch`: an entry's content does not match its hash (rewritten);
 * - `prev-mismatch`: an entry does not link to the one before it (removed,
 *   inserted or reordered), or the head does not point at the last entry;
 * - `signature-invalid`: an entry's signature does not verify with its key
 *   (the entry was re-hashed or forged without the signing key);
 * - `unknown-key`: an entry names a key the deployment does not know;
 * - `unsigned`: an unsigned entry after signed ones (signing was bypassed);
 * - `checkpoint-signature-invalid`: a checkpoint's signature does not verify
 *   (the checkpoint is then not relied on);
 * - `checkpoint-mismatch`: the entry a published checkpoint vouches for has
 *   another hash now (the chain was rewritten up to it and re-hashed);
 * - `truncated`: the chain has fewer entries than a published checkpoint;
 * - `head-rolled-back`: the head is behind a published checkpoint;
 * - `checkpoint-missing`: a checkpoint published to the sink is not in the
 *   database's public record;
 * - `row-disagrees`: a decision, condition or vote row says something other
 *   than the chain recorded;
 * - `row-missing`: the chain records a decision, condition or vote that has
 *   no row;
 * - `row-unrecorded`: a row the chain never recorded.
 *
 * @public
 */
export type AuditProblem =
  | 'hash-mismatch'
  | 'prev-mismatch'
  | 'signature-invalid'
  | 'unknown-key'
  | 'unsigned'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-mismatch'
  | 'truncated'
  | 'head-rolled-back'
  | 'checkpoint-missing'
  | 'row-disagrees'
  | 'row-missing'
  | 'row-unrecorded';

/** One thing verification found wrong, naming the entry or row. @public */
export type AuditFinding = {
  problem: AuditProblem;
  /** The audit entry concerned, when there is one. */
  seq?: number;
  requestId?: string;
  /** The table of the row concerned, for the cross-checks. */
  table?: 'moratorium_decisions' | 'moratorium_conditions' | 'moratorium_votes';
  /** The row concerned: a decision id, condition id or `requestId/member`. */
  row?: string;
  message: string;
};

/**
 * A signed statement that the audit chain had `count` entries, the last
 * with hash `headHash`, at `publishedAt`. The signature is Ed25519 (base64)
 * over the canonical JSON of `{count, headHash, keyId, publishedAt}`.
 *
 * @public
 */
export type AuditCheckpoint = {
  count: number;
  headHash: string;
  publishedAt: string;
  keyId: string;
  signature: string;
};

/** The result of verifying the audit chain. @public */
export type AuditVerification = {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  /** The first row that breaks the chain, or null when the chain holds. */
  firstBroken: {
    seq: number;
    requestId?: string;
    problem: AuditProblem;
    message: string;
  } | null;
  /** Everything found wrong, chain first, then checkpoints, then rows. */
  findings?: AuditFinding[];
  /** Entries recorded before signing was introduced (unsigned, at the start). */
  unsigned?: number;
  /** The published checkpoints verification compared the chain with. */
  checkpoints?: { checked: number; latest: AuditCheckpoint | null };
};
