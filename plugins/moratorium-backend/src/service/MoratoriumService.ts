import {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthService } from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  AuditVerification,
  Condition,
  Decision,
  Deadline,
  ExemptionRequest,
  ExemptionRequestSummary,
  Page,
  RequestAction,
  RequestContent,
  RequestState,
  SimilarSystem,
  Sitting,
  TransitionInput,
  Vote,
  VoteChoice,
  VoteTally,
  WorkflowViolation,
  availableActions,
  changedFixedField,
  conditionDeadline,
  describeConflict,
  isApplicantSide,
  isDecided,
  markOpinionsStale,
  sameContent,
  moratoriumAuditReadPermission,
  moratoriumDecisionReadPermission,
  moratoriumRequestCreatePermission,
  moratoriumRequestReadPermission,
  moratoriumRequestUpdatePermission,
  moratoriumVoteCastPermission,
  moratoriumVoteRecusePermission,
  parseRequestContent,
  parseTransitionInput,
  pauseDeadline,
  planTransition,
  resumeDeadline,
  stageDeadline,
  tallyVotes,
  toCalendarDate,
  transitionRule,
  withOverdue,
  WORKFLOW,
  checkCompleteness,
  similarityText,
  unansweredReuse,
} from '@qaztech/plugin-moratorium-common';
import { Exemption } from '@qaztech/plugin-registry-common';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../database/canonicalJson';
import {
  AuditEntry,
  MoratoriumStore,
  StoreTx,
  StoredDeadline,
  StoredDecisionSummary,
  StoredRequest,
  StoredRequestPatch,
  StoredRequestSummary,
} from '../database/MoratoriumStore';
import { MoratoriumNotifier } from '../notifications/MoratoriumNotifier';
import { CommissionDirectory } from './CommissionDirectory';
import { Authorizer } from './createAuthorizer';
import { MoratoriumConfig } from './readMoratoriumConfig';
import { SimilarSystemsFinder } from './SimilarSystemsFinder';
import { SystemRefresher } from './SystemRefresher';

/** A signed-in user and the refs they own or belong to. */
export type Actor = { userRef: string; ownershipRefs: string[] };

/** The answer of a change: its HTTP status and body (replayed for a repeated idempotency key). */
export type MutationResult = { status: number; body: ExemptionRequest };

/** The query of `GET /requests`. */
export type ListRequestsQuery = {
  state?: RequestState[];
  stateBody?: string;
  mine?: boolean;
  system?: string;
  sitting?: string;
  q?: string;
  limit?: number;
  cursor?: string;
};

/** The query of `GET /decisions`. */
export type ListDecisionsQuery = {
  outcome?: Decision['outcome'];
  stateBody?: string;
  system?: string;
  limit?: number;
  cursor?: string;
};

/** A decision in the register of decisions. */
export type DecisionSummary = StoredDecisionSummary;

/** The audit actor of the scheduled task. */
export const SYSTEM_ACTOR = 'system:moratorium';

/**
 * Why the scheduled task closes a request: the system it is about has left
 * the catalog (missing since `missingSince`, as first found by a run).
 */
export type SystemLeftCatalog = {
  kind: 'system-left-catalog';
  systemRef: string;
  missingSince: string;
};

/** What a transition did besides the state change, for history and audit. */
type Applied = {
  request: StoredRequest;
  from: RequestState;
  to: RequestState;
  /** Runs after commit: notifications and catalog refreshes. */
  after: Array<() => Promise<void>>;
  /** The terms a `decide` recorded, for the audit entry that verify checks rows against. */
  decision?: Record<string, unknown>;
};

/** Thrown inside a transaction when another request stored the same idempotency key first. */
class IdempotencyRace extends Error {}

const APPROVED: RequestState[] = ['approved', 'approved-with-conditions'];

/** Turns a workflow violation into the error the API answers with. */
function violationError(violation: WorkflowViolation): Error {
  switch (violation.code) {
    case 'wrong-state':
    case 'differs-from-draft':
    case 'limit-reached':
    case 'fixed-field':
      return new ConflictError(violation.message);
    case 'conflict-of-interest':
    case 'not-allowed':
      return new NotAllowedError(violation.message);
    default:
      return new InputError(violation.message);
  }
}

/** Runs a parser of the common package, answering 400 with its message. */
function parse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/**
 * The dossier is recorded in the audit chain by its SHA-256 (of its
 * canonical JSON), not in full: the chain is read more widely than
 * dossiers may be, and the digest still proves what was filed.
 */
function contentDigest(content: RequestContent): { contentSha256: string } {
  return {
    contentSha256: createHash('sha256')
      .update(canonicalJson(content))
      .digest('hex'),
  };
}

/** A transition's input as the audit chain records it (content by digest). */
function auditedInput(input: TransitionInput): Record<string, unknown> {
  if (input.action === 'provide-info' && input.content) {
    const { content, ...rest } = input;
    return { ...rest, ...contentDigest(content) };
  }
  return input as unknown as Record<string, unknown>;
}

const sameRef = (a?: string, b?: string) =>
  !!a && !!b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * The exemption workflow: drafts, transitions, votes and decisions, with
 * permission checks, conflicts of interest, conditional updates (409 on a
 * concurrent change), idempotency keys, history and the audit chain written
 * in the same transaction as each change, and notifications after commit.
 */
export class MoratoriumService {
  readonly #store: MoratoriumStore;
  readonly #authorizer: Authorizer;
  readonly #userInfo: UserInfoService;
  readonly #auth: AuthService;
  readonly #catalog: CatalogService;
  readonly #directory: CommissionDirectory;
  readonly #notifier: MoratoriumNotifier;
  readonly #finder: SimilarSystemsFinder;
  readonly #refresher: SystemRefresher;
  readonly #config: MoratoriumConfig;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: MoratoriumStore;
    authorizer: Authorizer;
    userInfo: UserInfoService;
    auth: AuthService;
    catalog: CatalogService;
    directory: CommissionDirectory;
    notifier: MoratoriumNotifier;
    finder: SimilarSystemsFinder;
    refresher: SystemRefresher;
    config: MoratoriumConfig;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#authorizer = options.authorizer;
    this.#userInfo = options.userInfo;
    this.#auth = options.auth;
    this.#catalog = options.catalog;
    this.#directory = options.directory;
    this.#notifier = options.notifier;
    this.#finder = options.finder;
    this.#refresher = options.refresher;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  // Changes

  /** Starts a draft; the caller is the applicant. */
  async createRequest(
    credentials: BackstageCredentials,
    body: { content: unknown },
    idempotencyKey?: string,
  ): Promise<MutationResult> {
    const actor = await this.#actor(credentials);
    await this.#authorizer.check(
      credentials,
      moratoriumRequestCreatePermission,
    );
    const content = parse(() => parseRequestContent(body.content));
    if (!content.stateBodyRef) {
      const stateBodyRef = await this.#directory.stateBodyOf(actor);
      if (stateBodyRef) {
        content.stateBodyRef = stateBodyRef;
      }
    }
    this.#checkOwnBody(actor, content);
    await this.#checkStateBody(content);
    return this.#mutate(
      actor,
      credentials,
      idempotencyKey,
      { operation: 'create', body },
      async tx => {
        const now = this.#now();
        const request = await this.#store.createRequest(tx, {
          id: randomUUID(),
          applicant: actor.userRef,
          content,
          createdAt: now,
        });
        await this.#store.appendHistory(tx, request.id, {
          action: 'create',
          to: 'draft',
          actor: actor.userRef,
          at: now.toISOString(),
        });
        return {
          status: 201,
          request,
          audit: {
            action: 'create',
            payload: { number: request.number, ...contentDigest(content) },
          },
          after: [],
        };
      },
    );
  }

  /** Saves the content of a draft, or of a request waiting for information. */
  async updateRequest(
    credentials: BackstageCredentials,
    id: string,
    body: { content: unknown; version: number },
    idempotencyKey?: string,
  ): Promise<MutationResult> {
    const actor = await this.#actor(credentials);
    await this.#authorizer.check(
      credentials,
      moratoriumRequestUpdatePermission,
    );
    const content = parse(() => parseRequestContent(body.content));
    this.#checkOwnBody(actor, content);
    await this.#checkStateBody(content);
    return this.#mutate(
      actor,
      credentials,
      idempotencyKey,
      { operation: `update:${id}`, body },
      async tx => {
        const request = await this.#load(id, tx);
        if (!isApplicantSide(request, actor)) {
          throw new NotAllowedError(
            'Only the applicant or a member of the requesting state body may edit this request.',
          );
        }
        if (request.state !== 'draft' && request.state !== 'info-requested') {
          throw new ConflictError(
            `A request in state "${request.state}" cannot be edited; only drafts and requests waiting for information can.`,
          );
        }
        this.#checkVersion(request, body.version);
        if (!content.stateBodyRef && request.content.stateBodyRef) {
          // The state body chosen (or defaulted) at creation stays.
          content.stateBodyRef = request.content.stateBodyRef;
        }
        const patch: StoredRequestPatch = { content, updatedAt: this.#now() };
        if (request.state === 'info-requested') {
          // The system and the body were fixed at submission; any other
          // change sends the request back through review (provide-info).
          const field = changedFixedField(request.content, content);
          if (field) {
            throw new ConflictError(
              `${field} is fixed at submission and cannot be changed; withdraw the request and file a new one instead.`,
            );
          }
          if (!sameContent(request.content, content)) {
            patch.contentChanged = true;
          }
        }
        const now = this.#now();
        const updated = await this.#update(tx, request, patch);
        await this.#store.appendHistory(tx, id, {
          action: 'update',
          actor: actor.userRef,
          at: now.toISOString(),
        });
        return {
          status: 200,
          request: updated,
          audit: { action: 'update', payload: contentDigest(content) },
          after: [],
        };
      },
    );
  }

  /** Moves a request along the workflow on behalf of a user. */
  async transition(
    credentials: BackstageCredentials,
    id: string,
    body: { version?: number } & Record<string, unknown>,
    idempotencyKey?: string,
  ): Promise<MutationResult> {
    const actor = await this.#actor(credentials);
    const { version, ...rest } = body;
    const input = parse(() => parseTransitionInput(rest));
    const rule = transitionRule(input.action);
    if (rule.actor === 'system') {
      throw new NotAllowedError(
        `Only the system may ${input.action} a request, when its time comes.`,
      );
    }
    await this.#authorizer.check(credentials, rule.permission);
    if (input.action === 'provide-info' && input.content) {
      this.#checkOwnBody(actor, input.content);
    }

    // What needs the network is looked up before the transaction.
    const before = await this.#load(id);
    let similarSystems: SimilarSystem[] | undefined;
    if (input.action === 'submit' && before.state === 'draft') {
      await this.#checkSystemExists(before.content);
      // Checked again at submission: the catalog may have changed since.
      await this.#checkStateBody(before.content);
      // The reuse check: the applicant must say, for each of the top similar
      // systems the register holds now, why it cannot be reused. A register
      // that cannot be searched stops submission (503) rather than skip it.
      similarSystems = await this.#finder.find(
        similarityText(before.content),
        before.systemRef,
      );
      const unanswered = unansweredReuse(before.content, similarSystems);
      // An incomplete request is told what is missing first (by the plan).
      if (
        unanswered.length > 0 &&
        checkCompleteness(before.content).length === 0
      ) {
        throw new InputError(
          `Before submission, say why each similar system cannot be reused: content.reuseAnswers has no reason for ${unanswered
            .map(s => `«${s.title.ru}» (${s.entityRef})`)
            .join(', ')}`,
        );
      }
    }
    // The tally (of a decision, and in the answer) needs the commission from
    // the catalog: never asked inside the transaction, where on SQLite's one
    // connection the catalog's check of this plugin's token (its keys are in
    // this database) would wait for the transaction, and it for the catalog.
    const eligible = await this.#directory.eligibleMembers(before);

    return this.#mutate(
      actor,
      credentials,
      idempotencyKey,
      { operation: `transition:${id}`, body },
      async tx => {
        const request = await this.#load(id, tx);
        if (version !== undefined) {
          this.#checkVersion(request, version);
        }
        const votes =
          input.action !== 'decide'
            ? undefined
            : await this.#store.listVotes(id, tx, request.ballotRound);
        const tally =
          votes && request.draftDecision
            ? tallyVotes(votes, eligible, this.#config.commissionRules)
            : undefined;
        const applied = await this.#apply(tx, request, input, actor, {
          similarSystems,
          tally,
        });
        return {
          status: 200,
          request: applied.request,
          audit: {
            action: input.action,
            payload: {
              from: applied.from,
              to: applied.to,
              input: auditedInput(input),
              // The terms as recorded (the voted draft fills what the
              // secretary's input leaves out): what verify checks rows against.
              ...(applied.decision ? { decision: applied.decision } : {}),
              // The ballot opens with the decision: the choices of the
              // round decided are recorded now, not when they were cast.
              ...(applied.to !== 'on-agenda' && votes
                ? {
                    round: request.ballotRound,
                    votes: votes.map(v => ({
                      member: v.member,
                      choice: v.choice,
                      ...(v.opinion ? { opinion: v.opinion } : {}),
                      at: v.at,
                    })),
                  }
                : {}),
            },
          },
          after: applied.after,
        };
      },
      eligible,
    );
  }

  /**
   * A transition the scheduled task takes (`expire`; `revoke` after a
   * missed condition; `withdraw` or `revoke` with a `cause` when the
   * request's system has left the catalog), in its own transaction, with
   * history, audit and notifications. Returns false when the request is no
   * longer in a state the transition applies to (another replica or a
   * person was first).
   */
  async systemTransition(
    requestId: string,
    input: Extract<
      TransitionInput,
      { action: 'expire' | 'revoke' | 'withdraw' }
    >,
    cause?: SystemLeftCatalog,
  ): Promise<boolean> {
    let after: Array<() => Promise<void>> = [];
    try {
      await this.#store.transaction(async tx => {
        const request = await this.#load(requestId, tx);
        if (cause && request.systemRef !== cause.systemRef) {
          // The applicant pointed the request at another system meanwhile.
          throw new ConflictError(
            `Request ${request.number} is no longer about ${cause.systemRef}`,
          );
        }
        const applied = await this.#apply(tx, request, input, 'system', {
          cause,
        });
        await this.#store.appendAudit(tx, {
          requestId,
          actor: SYSTEM_ACTOR,
          action: input.action,
          payload: {
            from: applied.from,
            to: applied.to,
            input: input as unknown as Record<string, unknown>,
            ...(cause ? { cause } : {}),
          },
          at: this.#now(),
        });
        after = applied.after;
      });
    } catch (error) {
      if (error instanceof ConflictError) {
        return false;
      }
      throw error;
    }
    await this.#runAfter(after);
    return true;
  }

  /**
   * Marks an open condition missed (its due date has passed), on behalf of
   * the scheduled task. Returns the request's state after it, or undefined
   * when the condition was no longer open.
   */
  async markConditionMissed(
    requestId: string,
    conditionId: string,
  ): Promise<RequestState | undefined> {
    return this.#store.transaction(async tx => {
      const request = await this.#load(requestId, tx);
      const decision = await this.#store.getDecision(requestId, tx);
      const condition = decision?.conditions.find(c => c.id === conditionId);
      if (!condition || condition.status !== 'open') {
        return undefined;
      }
      const now = this.#now();
      await this.#update(tx, request, { updatedAt: now });
      await this.#store.updateCondition(tx, requestId, conditionId, {
        status: 'missed',
        resolvedAt: now,
      });
      await this.#store.closeDeadlines(tx, requestId, now, [
        `condition:${conditionId}`,
      ]);
      await this.#store.appendHistory(tx, requestId, {
        action: 'mark-condition',
        actor: SYSTEM_ACTOR,
        at: now.toISOString(),
        details: { conditionId, status: 'missed', dueDate: condition.dueDate },
      });
      await this.#store.appendAudit(tx, {
        requestId,
        actor: SYSTEM_ACTOR,
        action: 'condition-missed',
        payload: { conditionId, dueDate: condition.dueDate },
        at: now,
      });
      return request.state;
    });
  }

  /** Records the caller's vote while the request is on the agenda. */
  async vote(
    credentials: BackstageCredentials,
    id: string,
    body: { choice: VoteChoice; opinion?: string },
    idempotencyKey?: string,
  ): Promise<MutationResult> {
    const actor = await this.#actor(credentials);
    await this.#authorizer.check(
      credentials,
      body.choice === 'recuse'
        ? moratoriumVoteRecusePermission
        : moratoriumVoteCastPermission,
    );
    const before = await this.#load(id);
    const conflict = describeConflict(before, actor);
    if (conflict) {
      throw new NotAllowedError(
        `Conflict of interest: you may not vote on this request, because ${conflict}.`,
      );
    }
    const members = await this.#directory.membersOf(
      this.#config.commissionGroups,
    );
    if (!members.has(actor.userRef.toLocaleLowerCase('en-US'))) {
      throw new NotAllowedError(
        'Only members of the commission may vote on a request.',
      );
    }
    return this.#mutate(
      actor,
      credentials,
      idempotencyKey,
      { operation: `vote:${id}`, body },
      async tx => {
        const request = await this.#load(id, tx);
        if (request.state !== 'on-agenda') {
          throw new ConflictError(
            `Votes are taken only while a request is on the agenda; this one is "${request.state}".`,
          );
        }
        if (!request.draftDecision) {
          throw new ConflictError(
            'There is no draft decision to vote on yet: the secretary puts the terms on the agenda (propose-decision) first.',
          );
        }
        const now = this.#now();
        const round = request.ballotRound;
        const vote: Vote = {
          member: actor.userRef,
          choice: body.choice,
          ...(body.opinion ? { opinion: body.opinion } : {}),
          at: now.toISOString(),
          round,
        };
        await this.#store.upsertVote(tx, id, vote);
        // A new version, so a decision taken on the earlier tally is a 409.
        const updated = await this.#update(tx, request, { updatedAt: now });
        // Secret ballot: history and audit say who voted and when, never
        // the choice nor the opinion; those are recorded with the decision.
        await this.#store.appendHistory(tx, id, {
          action: 'vote',
          actor: actor.userRef,
          at: vote.at,
          details: { round },
        });
        return {
          status: 200,
          request: updated,
          audit: {
            action: 'vote',
            payload: { member: vote.member, round, at: vote.at },
          },
          after: [],
        };
      },
      // Looked up before the transaction, like a transition's.
      await this.#directory.eligibleMembers(before),
    );
  }

  // Reads

  /** One request with its dossier, for a reader or for its applicant side. */
  async getRequest(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<ExemptionRequest> {
    const actor = await this.#optionalActor(credentials);
    const request = await this.#load(id);
    const applicantSide = !!actor && isApplicantSide(request, actor);
    if (request.state === 'draft' && !applicantSide) {
      throw new NotFoundError(`No request ${id}`);
    }
    const access = await this.#authorizer.requestAccess(
      credentials,
      moratoriumRequestReadPermission,
    );
    if (
      access.result === 'deny' ||
      (access.result === 'conditional' && !access.allows(request))
    ) {
      throw new NotAllowedError(
        `Not allowed: ${moratoriumRequestReadPermission.name} on request ${request.number}: its dossier is for the applicant's state body, the platform architect, the commission's secretary, members once it is on an agenda, and auditors`,
      );
    }
    return this.#view(request, actor, credentials);
  }

  /**
   * A page of requests. Without the read permission the caller sees only
   * their own and their state body's; drafts only ever to their side.
   */
  async listRequests(
    credentials: BackstageCredentials,
    query: ListRequestsQuery,
  ): Promise<Page<ExemptionRequestSummary>> {
    const actor = await this.#optionalActor(credentials);
    const access = await this.#authorizer.requestAccess(
      credentials,
      moratoriumRequestReadPermission,
    );
    if (access.result === 'deny') {
      throw new NotAllowedError(
        `Not allowed: ${moratoriumRequestReadPermission.name}`,
      );
    }
    let stateBodyRefs = query.stateBody ? [query.stateBody] : undefined;
    let applicant: string | undefined;
    if (query.mine) {
      if (!actor) {
        throw new NotAllowedError('Only a signed-in user has own requests');
      }
      const groups = actor.ownershipRefs.filter(r => r.startsWith('group:'));
      if (groups.length > 0) {
        stateBodyRefs = query.stateBody
          ? groups.filter(g => sameRef(g, query.stateBody))
          : groups;
        if (stateBodyRefs.length === 0) {
          return { items: [], totalCount: 0 };
        }
      } else {
        applicant = actor.userRef;
      }
    }
    const page = await this.#store.listRequests(
      {
        states: query.state,
        stateBodyRefs,
        applicant,
        systemRef: query.system,
        sittingId: query.sitting,
        q: query.q,
        draftsVisibleTo: actor ?? { userRef: '', ownershipRefs: [] },
        ...(access.result === 'conditional'
          ? { permission: access.filter }
          : {}),
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
    return { ...page, items: page.items.map(s => this.#summary(s)) };
  }

  /** A page of the register of decisions. */
  async listDecisions(
    credentials: BackstageCredentials,
    query: ListDecisionsQuery,
  ): Promise<Page<DecisionSummary>> {
    await this.#checkRecordReader(
      credentials,
      moratoriumDecisionReadPermission,
    );
    return this.#store.listDecisions(
      {
        outcomes: query.outcome ? [query.outcome] : undefined,
        stateBodyRefs: query.stateBody ? [query.stateBody] : undefined,
        systemRef: query.system,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  /** Every decision matching the filters, as CSV rows with a header first. */
  async exportDecisions(
    credentials: BackstageCredentials,
    query: Omit<ListDecisionsQuery, 'limit' | 'cursor'>,
  ): Promise<Array<Array<string | undefined>>> {
    const rows: Array<Array<string | undefined>> = [
      [
        'requestNumber',
        'outcome',
        'state',
        'protocolNumber',
        'sittingDate',
        'expiresAt',
        'system',
        'stateBody',
        'conditions',
        'reasons',
        'recordedAt',
      ],
    ];
    let cursor: string | undefined;
    do {
      const page = await this.listDecisions(credentials, {
        ...query,
        limit: 500,
        cursor,
      });
      for (const d of page.items) {
        rows.push([
          d.requestNumber,
          d.outcome,
          d.state,
          d.protocolNumber,
          d.sittingDate,
          d.expiresAt,
          d.system?.entityRef,
          d.stateBodyRef,
          d.conditions
            .map(c => `${c.text} (${c.dueDate}, ${c.status})`)
            .join('; '),
          d.reasons,
          d.recordedAt,
        ]);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  /** The commission's sittings. */
  async listSittings(
    credentials: BackstageCredentials,
  ): Promise<{ items: Sitting[] }> {
    const access = await this.#authorizer.requestAccess(
      credentials,
      moratoriumRequestReadPermission,
    );
    if (access.result === 'deny') {
      throw new NotAllowedError(
        `Not allowed: ${moratoriumRequestReadPermission.name}`,
      );
    }
    // The dates are public business of the commission; which requests are
    // on them is told only to those who may read those requests.
    const sittings = await this.#store.listSittings();
    if (access.result === 'allow') {
      return { items: sittings };
    }
    const actor = await this.#optionalActor(credentials);
    const visible = new Set<string>();
    for (const sitting of sittings) {
      if (sitting.requestIds.length === 0) continue;
      const page = await this.#store.listRequests(
        {
          sittingId: sitting.id,
          permission: access.filter,
          draftsVisibleTo: actor ?? { userRef: '', ownershipRefs: [] },
        },
        { limit: 500, sort: 'createdAt' },
      );
      page.items.forEach(r => visible.add(r.id));
    }
    return {
      items: sittings.map(s => ({
        ...s,
        requestIds: s.requestIds.filter(id => visible.has(id)),
      })),
    };
  }

  /** A sitting and the requests on its agenda. */
  async getSitting(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<Sitting & { requests: ExemptionRequestSummary[] }> {
    const access = await this.#authorizer.requestAccess(
      credentials,
      moratoriumRequestReadPermission,
    );
    if (access.result === 'deny') {
      throw new NotAllowedError(
        `Not allowed: ${moratoriumRequestReadPermission.name}`,
      );
    }
    const sitting = await this.#store.getSitting(id);
    if (!sitting) {
      throw new NotFoundError(`No sitting ${id}`);
    }
    const page = await this.#store.listRequests(
      {
        sittingId: id,
        ...(access.result === 'conditional'
          ? { permission: access.filter }
          : {}),
      },
      { limit: 500, sort: 'createdAt' },
    );
    const requests = page.items.map(s => this.#summary(s));
    return {
      ...sitting,
      requestIds: requests.map(r => r.id),
      requests,
    };
  }

  /** The exemptions of a system, for the register's exemption source. */
  async listExemptions(
    credentials: BackstageCredentials,
    systemRef: string,
  ): Promise<{ items: Array<Exemption & Record<string, unknown>> }> {
    await this.#authorizer.check(credentials, moratoriumDecisionReadPermission);
    const items = await this.#store.listExemptions(systemRef);
    return { items: items.map(exemption => ({ ...exemption })) };
  }

  /** A page of the audit chain. */
  async listAudit(
    credentials: BackstageCredentials,
    query: { request?: string; limit?: number; cursor?: string },
  ): Promise<Page<AuditEntry>> {
    await this.#authorizer.check(credentials, moratoriumAuditReadPermission);
    return this.#store.listAudit(
      { requestId: query.request },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
  }

  /** Recomputes the audit chain. */
  /**
   * The record (decisions, audit check) is readable by anyone with the read
   * permission, and by unauthenticated callers when the router admits them,
   * which it does only when `moratorium.publicRecord` is on.
   */
  async #checkRecordReader(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    if ((credentials.principal as { type?: string }).type === 'none') {
      return;
    }
    await this.#authorizer.check(credentials, permission);
  }

  async verifyAudit(
    credentials: BackstageCredentials,
  ): Promise<AuditVerification> {
    await this.#checkRecordReader(credentials, moratoriumAuditReadPermission);
    return this.#store.verifyAudit();
  }

  /** Register systems similar to a text, for the request wizard. */
  async findSimilarSystems(
    credentials: BackstageCredentials,
    q: string,
  ): Promise<{ items: SimilarSystem[] }> {
    await this.#authorizer.check(
      credentials,
      moratoriumRequestCreatePermission,
    );
    return { items: await this.#finder.find(q) };
  }

  // The workflow

  /**
   * Applies a planned transition inside the transaction: the request's new
   * state and fields, deadlines, sittings, decisions and conditions, and the
   * history entry. The audit entry is the caller's (it must be the last
   * write).
   */
  async #apply(
    tx: StoreTx,
    request: StoredRequest,
    input: TransitionInput,
    actor: Actor | 'system',
    extra: {
      similarSystems?: SimilarSystem[];
      tally?: VoteTally;
      cause?: SystemLeftCatalog;
    },
  ): Promise<Applied> {
    const sitting = request.sittingId
      ? await this.#store.getSitting(request.sittingId, tx)
      : undefined;
    const now = this.#now();
    const plan = planTransition({
      request: {
        state: request.state,
        resumeState: request.resumeState,
        content: request.content,
        applicant: request.applicant,
        sittingDate: request.state === 'on-agenda' ? sitting?.date : undefined,
        draftDecision: request.draftDecision,
        deferrals: request.deferrals,
        revocationProposal: request.revocationProposal,
        contentChanged: request.contentChanged,
      },
      input,
      actor,
      tally: extra.tally,
      limits: this.#config.limits,
      now,
    });
    if (!plan.ok) {
      throw violationError(plan.violation);
    }
    const actorRef = actor === 'system' ? SYSTEM_ACTOR : actor.userRef;
    const at = now.toISOString();
    const from = request.state;
    const to = plan.to;
    const patch: StoredRequestPatch = { state: to, updatedAt: now };
    const details: Record<string, unknown> = {};
    const after: Array<() => Promise<void>> = [];
    const systemRef = request.content.system?.entityRef;
    const notified = {
      id: request.id,
      number: request.number,
      applicant: request.applicant,
      stateBodyRef: request.stateBodyRef,
    };

    switch (input.action) {
      case 'submit':
        patch.submittedBy = actorRef;
        patch.submittedAt = now;
        patch.similarSystems = extra.similarSystems ?? [];
        details.similarSystems = patch.similarSystems.length;
        after.push(() => this.#notifier.submitted(notified));
        break;
      case 'return':
        details.reason = input.reason;
        break;
      case 'complete-platform-review':
        patch.opinions = [
          ...request.opinions,
          {
            stage: 'platform-review',
            finding: input.finding,
            text: input.text,
            by: actorRef,
            at,
          },
        ];
        details.finding = input.finding;
        details.text = input.text;
        break;
      case 'request-info':
        patch.resumeState = plan.resumeState ?? request.state;
        patch.questions = input.questions;
        patch.contentChanged = false;
        details.questions = input.questions;
        break;
      case 'provide-info':
        patch.resumeState = null;
        patch.questions = null;
        patch.contentChanged = false;
        if (input.content) {
          patch.content = input.content;
        }
        if (plan.opinionsStale) {
          // The content changed: opinions given on the old one no longer
          // speak for the request, which goes through review again.
          patch.opinions = markOpinionsStale(request.opinions);
          details.opinionsStale = request.opinions.length;
        }
        details.answer = input.answer;
        break;
      case 'set-agenda': {
        if (input.ministryOpinion) {
          patch.opinions = [
            ...request.opinions,
            {
              stage: 'ministry-review',
              recommendation: input.ministryOpinion.recommendation,
              text: input.ministryOpinion.text,
              by: actorRef,
              at,
            },
          ];
          details.ministryOpinion = input.ministryOpinion;
        }
        const next = await this.#store.findOrCreateSitting(
          tx,
          input.sittingDate,
        );
        patch.sittingId = next.id;
        // A new sitting votes on a new draft; the earlier round's votes
        // stay on record.
        patch.draftDecision = null;
        details.sittingDate = input.sittingDate;
        after.push(() => this.#notifier.agendaSet(notified, input.sittingDate));
        break;
      }
      case 'propose-decision': {
        const round = request.ballotRound + 1;
        patch.ballotRound = round;
        patch.draftDecision = {
          outcome: input.outcome,
          ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
          conditions: input.conditions ?? [],
          ...(input.reasons ? { reasons: input.reasons } : {}),
          round,
          proposedBy: actorRef,
          proposedAt: at,
        };
        details.round = round;
        details.draft = patch.draftDecision;
        break;
      }
      case 'decide':
        details.outcome = input.outcome;
        details.protocolNumber = input.protocolNumber;
        details.sittingDate = input.sittingDate;
        if (plan.decision?.expiresAt) {
          details.expiresAt = plan.decision.expiresAt;
        }
        if (plan.decision?.reasons ?? input.reasons) {
          details.reasons = plan.decision?.reasons ?? input.reasons;
        }
        if (extra.tally) details.tally = extra.tally;
        details.round = request.ballotRound;
        if (to === 'deferred') {
          patch.deferrals = request.deferrals + 1;
          patch.draftDecision = null;
        }
        break;
      case 'propose-revocation':
        patch.revocationProposal = {
          reason: input.reason,
          proposedBy: actorRef,
          proposedAt: at,
        };
        details.reason = input.reason;
        break;
      case 'withdraw':
        if (input.reason) details.reason = input.reason;
        break;
      case 'revoke':
        details.reason = input.reason;
        if (request.revocationProposal) {
          details.proposedBy = request.revocationProposal.proposedBy;
          details.proposalReason = request.revocationProposal.reason;
        }
        break;
      case 'mark-condition':
        details.conditionId = input.conditionId;
        details.status = input.status;
        details.evidence = input.evidence;
        break;
      default:
        break;
    }
    if (extra.cause) {
      details.systemLeftCatalog = extra.cause.systemRef;
      details.missingSince = extra.cause.missingSince;
    }

    // The conditional update first: a concurrent change makes it a 409
    // before anything else is written.
    const updated = await this.#update(tx, request, patch);

    let recorded: Record<string, unknown> | undefined;
    if (input.action === 'decide') {
      const terms = plan.decision ?? input;
      const conditions: Condition[] = (terms.conditions ?? []).map(c => ({
        id: randomUUID(),
        text: c.text,
        dueDate: c.dueDate,
        status: 'open',
      }));
      await this.#store.recordDecision(tx, {
        requestId: request.id,
        outcome: terms.outcome,
        protocolNumber: input.protocolNumber,
        sittingDate: input.sittingDate,
        ...(terms.reasons ? { reasons: terms.reasons } : {}),
        ...(terms.expiresAt ? { expiresAt: terms.expiresAt } : {}),
        conditions,
        recordedBy: actorRef,
        recordedAt: at,
      });
      for (const condition of conditions) {
        await this.#store.upsertDeadline(
          tx,
          request.id,
          conditionDeadline(condition, this.#config.calendar),
        );
      }
      details.conditions = conditions;
      recorded = {
        outcome: terms.outcome,
        protocolNumber: input.protocolNumber,
        sittingDate: input.sittingDate,
        ...(terms.expiresAt ? { expiresAt: terms.expiresAt } : {}),
        conditions: conditions.map(c => ({
          id: c.id,
          text: c.text,
          dueDate: c.dueDate,
        })),
      };
    }
    if (input.action === 'mark-condition') {
      const decision = await this.#store.getDecision(request.id, tx);
      const condition = decision?.conditions.find(
        c => c.id === input.conditionId,
      );
      if (!condition) {
        throw new InputError(
          `conditionId ${input.conditionId} is not a condition of request ${request.number}`,
        );
      }
      if (condition.status !== 'open') {
        throw new ConflictError(
          `Condition ${input.conditionId} is already ${condition.status}`,
        );
      }
      await this.#store.updateCondition(tx, request.id, input.conditionId, {
        status: 'met',
        resolvedAt: now,
        resolvedBy: actorRef,
        evidence: input.evidence,
      });
      await this.#store.closeDeadlines(tx, request.id, now, [
        `condition:${input.conditionId}`,
      ]);
    }
    if (plan.opinionsStale) {
      // Review starts over: the paused review clocks are closed, and the
      // platform review gets a full new deadline.
      await this.#store.closeDeadlines(tx, request.id, now, [
        'platform-review',
        'ministry-review',
      ]);
    }
    await this.#moveDeadlines(tx, request, from, to, now);

    await this.#store.appendHistory(tx, request.id, {
      action: input.action,
      from,
      to,
      actor: actorRef,
      at,
      ...(Object.keys(details).length > 0 ? { details } : {}),
    });

    const cause = extra.cause;
    if (cause && (to === 'withdrawn' || to === 'revoked')) {
      // Says why, instead of "withdrawn by the applicant". The system is
      // gone, so there is nothing in the catalog to refresh.
      after.push(() =>
        this.#notifier.systemLeftCatalog(notified, to, cause.systemRef),
      );
      return { request: updated, from, to, after, decision: recorded };
    }
    if (to !== from) {
      after.push(() =>
        this.#notifier.transition(notified, to, updated.version),
      );
    }
    const exemptionChanged =
      APPROVED.includes(to) !== APPROVED.includes(from) ||
      (APPROVED.includes(from) && to !== from);
    if (exemptionChanged && systemRef) {
      after.push(() => this.#refresher.refresh([systemRef], input.action));
    }
    return { request: updated, from, to, after, decision: recorded };
  }

  /**
   * Moves the clocks with the state: the stage left is closed and the stage
   * entered starts its deadline; asking for information pauses the review's
   * deadline, and providing it resumes the remaining working days.
   */
  async #moveDeadlines(
    tx: StoreTx,
    request: StoredRequest,
    from: RequestState,
    to: RequestState,
    now: Date,
  ): Promise<void> {
    if (from === to) {
      return;
    }
    const { calendar, deadlines: stages } = this.#config;
    const current = await this.#store.listDeadlines(request.id, tx);
    const open = (subject: string) =>
      current.find(d => d.subject === subject && !d.closedAt);

    if (to === 'info-requested') {
      const review = open(from);
      if (review) {
        await this.#store.upsertDeadline(
          tx,
          request.id,
          this.#stored(pauseDeadline(this.#domain(review), now, calendar)),
        );
      }
    } else if (from === 'info-requested') {
      await this.#store.closeDeadlines(tx, request.id, now, [from]);
      const review = open(to);
      if (review?.pausedAt) {
        await this.#store.upsertDeadline(
          tx,
          request.id,
          this.#stored(resumeDeadline(this.#domain(review), now, calendar)),
        );
        return;
      }
    } else if (['withdrawn', 'rejected', 'expired', 'revoked'].includes(to)) {
      await this.#store.closeDeadlines(tx, request.id, now);
      return;
    } else {
      await this.#store.closeDeadlines(tx, request.id, now, [from]);
    }
    const next = stageDeadline(to, now, calendar, stages);
    if (next) {
      await this.#store.upsertDeadline(tx, request.id, this.#stored(next));
    }
  }

  #domain(d: StoredDeadline): Deadline {
    return {
      subject: d.subject,
      dueAt: d.dueAt,
      ...(d.pausedAt ? { pausedAt: d.pausedAt } : {}),
      ...(d.remainingWorkingDays !== undefined
        ? { remainingWorkingDays: d.remainingWorkingDays }
        : {}),
      overdue: false,
    };
  }

  #stored(d: Deadline): StoredDeadline {
    const { overdue: _overdue, ...rest } = d;
    return rest;
  }

  // Plumbing

  /**
   * Runs a change in one transaction with its audit entry and, when the
   * client sent an idempotency key, the stored response: a repeat of the
   * same key and body replays it, another body is a 409 naming the key.
   */
  async #mutate(
    actor: Actor,
    credentials: BackstageCredentials,
    key: string | undefined,
    request: { operation: string; body: unknown },
    fn: (tx: StoreTx) => Promise<{
      status: number;
      request: StoredRequest;
      audit: { action: string; payload: Record<string, unknown> };
      after: Array<() => Promise<void>>;
    }>,
    /** The commission members who may vote on the request, for its tally. */
    eligible?: number,
  ): Promise<MutationResult> {
    const requestHash = createHash('sha256')
      .update(canonicalJson(request))
      .digest('hex');
    if (key) {
      const replay = await this.#replay(actor, key, requestHash);
      if (replay) {
        return replay;
      }
    }
    let outcome: { result: MutationResult; after: Array<() => Promise<void>> };
    try {
      outcome = await this.#store.transaction(async tx => {
        const change = await fn(tx);
        const body = await this.#view(
          change.request,
          actor,
          credentials,
          tx,
          eligible,
        );
        if (key) {
          const saved = await this.#store.saveIdempotent(tx, {
            actor: actor.userRef,
            key,
            requestHash,
            status: change.status,
            body,
          });
          if (!saved) {
            throw new IdempotencyRace();
          }
        }
        await this.#store.appendAudit(tx, {
          requestId: change.request.id,
          actor: actor.userRef,
          action: change.audit.action,
          payload: change.audit.payload,
          at: this.#now(),
        });
        return {
          result: { status: change.status, body },
          after: change.after,
        };
      });
    } catch (error) {
      // A retry racing its first attempt: the first one's answer wins.
      if (
        key &&
        (error instanceof IdempotencyRace || error instanceof ConflictError)
      ) {
        const replay = await this.#replay(actor, key, requestHash);
        if (replay) {
          return replay;
        }
      }
      if (error instanceof IdempotencyRace) {
        throw new ConflictError(
          `Idempotency-Key "${key}" is being used by another request; try again`,
        );
      }
      throw error;
    }
    await this.#runAfter(outcome.after);
    return outcome.result;
  }

  async #replay(
    actor: Actor,
    key: string,
    requestHash: string,
  ): Promise<MutationResult | undefined> {
    const stored = await this.#store.getIdempotent(actor.userRef, key);
    if (!stored) {
      return undefined;
    }
    if (stored.requestHash !== requestHash) {
      throw new ConflictError(
        `Idempotency-Key "${key}" was already used for a different request`,
      );
    }
    return { status: stored.status, body: stored.body as ExemptionRequest };
  }

  async #runAfter(after: Array<() => Promise<void>>) {
    for (const effect of after) {
      try {
        await effect();
      } catch (error) {
        this.#logger.warn('A follow-up of a moratorium change failed', {
          error: String(error),
        });
      }
    }
  }

  async #update(
    tx: StoreTx,
    request: StoredRequest,
    patch: StoredRequestPatch,
  ): Promise<StoredRequest> {
    const updated = await this.#store.updateRequest(
      tx,
      request.id,
      request.version,
      patch,
    );
    if (!updated) {
      throw new ConflictError(
        `Request ${request.number} was changed by someone else meanwhile (version ${request.version} is no longer current); reload it and try again`,
      );
    }
    return updated;
  }

  #checkVersion(request: StoredRequest, version: number) {
    if (version !== request.version) {
      throw new ConflictError(
        `Request ${request.number} is at version ${request.version}, not ${version}: it was changed meanwhile; reload it and try again`,
      );
    }
  }

  async #load(id: string, tx?: StoreTx): Promise<StoredRequest> {
    const request = await this.#store.getRequest(id, tx);
    if (!request) {
      throw new NotFoundError(`No request ${id}`);
    }
    return request;
  }

  /**
   * A request is filed for a state body the caller belongs to: naming
   * another body would give its members the applicant's rights and keep
   * its commission members from voting.
   */
  #checkOwnBody(actor: Actor, content: RequestContent) {
    const body = content.stateBodyRef;
    if (body && !actor.ownershipRefs.some(ref => sameRef(ref, body))) {
      throw new NotAllowedError(
        `You may file requests only for a state body you belong to, and you are not a member of ${body}`,
      );
    }
  }

  /**
   * The state body a request names must be a `state-body` Group of the
   * catalog that owns the system (for an existing one): the conflict of
   * interest is judged on it, so the applicant may not pick any group.
   */
  async #checkStateBody(content: RequestContent) {
    const problem = await this.#directory.stateBodyProblem(content);
    if (problem) {
      throw new InputError(problem);
    }
  }

  /** An existing system must be in the catalog to be submitted. */
  async #checkSystemExists(content: RequestContent) {
    const system = content.system;
    if (system?.kind !== 'existing' || !system.entityRef) {
      return;
    }
    const entity = await this.#catalog.getEntityByRef(system.entityRef, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new InputError(
        `The request is incomplete (1 item): system.entityRef ${system.entityRef} is not in the catalog; choose a registered system or describe a planned one.`,
      );
    }
  }

  async #actor(credentials: BackstageCredentials): Promise<Actor> {
    const actor = await this.#optionalActor(credentials);
    if (!actor) {
      throw new NotAllowedError('Only a signed-in user may do this');
    }
    return actor;
  }

  async #optionalActor(
    credentials: BackstageCredentials,
  ): Promise<Actor | undefined> {
    if (!this.#auth.isPrincipal(credentials, 'user')) {
      return undefined;
    }
    const info = await this.#userInfo.getUserInfo(credentials);
    return {
      userRef: info.userEntityRef,
      ownershipRefs: info.ownershipEntityRefs,
    };
  }

  /** The actions the caller may take: the workflow's, filtered by permission. */
  async #allowedActions(
    request: StoredRequest,
    actor: Actor | undefined,
    credentials: BackstageCredentials,
    openConditions: number,
  ): Promise<RequestAction[]> {
    if (!actor) {
      return [];
    }
    const candidates = availableActions(request, actor).filter(
      action => action !== 'mark-condition' || openConditions > 0,
    );
    const rules = WORKFLOW.filter(r => candidates.includes(r.action));
    const granted = await this.#authorizer.allowed(
      credentials,
      rules.map(r => r.permission),
    );
    return rules.filter(r => granted.has(r.permission.name)).map(r => r.action);
  }

  /** The request as the API shows it to the caller. */
  async #view(
    request: StoredRequest,
    actor: Actor | undefined,
    credentials: BackstageCredentials,
    tx?: StoreTx,
    eligible?: number,
  ): Promise<ExemptionRequest> {
    const now = this.#now();
    const history = await this.#store.listHistory(request.id, tx);
    const deadlines = await this.#store.listDeadlines(request.id, tx);
    const decision = await this.#store.getDecision(request.id, tx);
    const sitting = request.sittingId
      ? await this.#store.getSitting(request.sittingId, tx)
      : undefined;
    // The round that counts: the current one; after a decision, the round
    // the decision was taken on (the last).
    const round = request.ballotRound;
    const roundVotes = await this.#store.listVotes(request.id, tx, round);
    const ballotOpen =
      this.#config.ballotOpenBeforeDecision || isDecided(request.state);
    const needsTally =
      request.state === 'on-agenda' || roundVotes.length > 0 || !!decision;
    const eligibleCount = needsTally
      ? eligible ?? (await this.#directory.eligibleMembers(request))
      : 0;
    const tally =
      ballotOpen &&
      needsTally &&
      (roundVotes.length > 0 || request.state === 'on-agenda')
        ? tallyVotes(roundVotes, eligibleCount, this.#config.commissionRules)
        : undefined;
    // Secret ballot: before the decision a caller sees their own vote and
    // how many have voted, never who voted what.
    const votes = ballotOpen
      ? roundVotes
      : roundVotes.filter(v => !!actor && sameRef(v.member, actor.userRef));
    const ballot =
      round > 0 && needsTally
        ? {
            round,
            votesCast: roundVotes.length,
            eligible: eligibleCount,
            secret: !ballotOpen,
          }
        : undefined;
    const openConditions =
      decision?.conditions.filter(c => c.status === 'open').length ?? 0;
    return {
      id: request.id,
      number: request.number,
      state: request.state,
      ...(request.resumeState ? { resumeState: request.resumeState } : {}),
      version: request.version,
      content: request.content,
      applicant: request.applicant,
      ...(request.submittedBy ? { submittedBy: request.submittedBy } : {}),
      ...(request.submittedAt ? { submittedAt: request.submittedAt } : {}),
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
      similarSystems: request.similarSystems,
      opinions: request.opinions,
      ...(request.questions ? { questions: request.questions } : {}),
      ...(sitting ? { sitting } : {}),
      votes,
      ...(tally ? { tally } : {}),
      ...(ballot ? { ballot } : {}),
      ...(request.draftDecision
        ? { draftDecision: request.draftDecision }
        : {}),
      deferrals: request.deferrals,
      ...(request.revocationProposal
        ? { revocationProposal: request.revocationProposal }
        : {}),
      ...(decision ? { decision } : {}),
      deadlines: deadlines
        .filter(d => !d.closedAt)
        .map(d => withOverdue(this.#domain(d), now)),
      history,
      allowedActions: await this.#allowedActions(
        request,
        actor,
        credentials,
        openConditions,
      ),
    };
  }

  #summary(s: StoredRequestSummary): ExemptionRequestSummary {
    return {
      id: s.id,
      number: s.number,
      state: s.state,
      version: s.version,
      applicant: s.applicant,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      ...(s.submittedAt ? { submittedAt: s.submittedAt } : {}),
      ...(s.system ? { system: s.system } : {}),
      ...(s.stateBodyRef ? { stateBodyRef: s.stateBodyRef } : {}),
      ...(s.sittingDate ? { sittingDate: s.sittingDate } : {}),
      ...(s.currentDeadline
        ? {
            currentDeadline: withOverdue(
              this.#domain(s.currentDeadline),
              this.#now(),
            ),
          }
        : {}),
    };
  }

  /** Today in Asia/Almaty. */
  today(): string {
    return toCalendarDate(this.#now(), this.#config.calendar);
  }
}
