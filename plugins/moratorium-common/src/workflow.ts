import type { BasicPermission } from '@backstage/plugin-permission-common';
import { isCalendarDate } from '@qaztech/plugin-registry-common';
import { z } from 'zod';
import type { CalendarDate } from '@qaztech/plugin-registry-common';
import { toCalendarDate } from './calendar';
import {
  MoratoriumInputError,
  checkCompleteness,
  describeProblems,
  describeZodIssues,
  requestContentSchema,
} from './completeness';
import {
  moratoriumAgendaSetPermission,
  moratoriumConditionUpdatePermission,
  moratoriumDecisionRecordPermission,
  moratoriumDecisionRevokePermission,
  moratoriumRequestIntakePermission,
  moratoriumRequestRequestInfoPermission,
  moratoriumRequestSubmitPermission,
  moratoriumRequestUpdatePermission,
  moratoriumRequestWithdrawPermission,
  moratoriumReviewPlatformPermission,
} from './permissions';
import {
  DECISION_OUTCOMES,
  DRAFT_OUTCOMES,
  DraftDecision,
  ReviewOpinion,
  RevocationProposal,
  MINISTRY_RECOMMENDATIONS,
  PLATFORM_FINDINGS,
  REQUEST_ACTIONS,
  RequestAction,
  RequestContent,
  RequestState,
  TransitionInput,
  VoteTally,
  CompletenessProblem,
  DecisionOutcome,
} from './types';

/**
 * One transition of the exemption request's state machine.
 *
 * @public
 */
export type TransitionRule = {
  action: RequestAction;
  /** The states the action may be taken from. */
  from: RequestState[];
  /**
   * Where it leads: a state, `resume` (back to the review stage that asked
   * for information), `same` (no state change) or `by-outcome` (the
   * decision's outcome).
   */
  to: RequestState | 'resume' | 'same' | 'by-outcome';
  /** The permission the backend checks before planning the transition. */
  permission: BasicPermission;
  /**
   * Who may take it besides holding the permission:
   * `applicant-body` — the applicant or a member of the request's state body;
   * `not-conflicted` — neither the applicant nor a member of the request's
   * state body; `system` — only the backend's scheduled tasks; `any` — anyone
   * with the permission.
   */
  actor: 'applicant-body' | 'not-conflicted' | 'any' | 'system';
  /**
   * Whether the backend's scheduled tasks may also take it: revoke on a
   * missed condition, or when the system left the catalog; withdraw an
   * undecided request whose system left the catalog.
   */
  allowsSystem?: boolean;
};

/** The review states a request can ask for information from. */
const REVIEW_STATES: RequestState[] = ['platform-review', 'ministry-review'];

/**
 * The state machine of an exemption request, one rule per action.
 *
 * @public
 */
export const WORKFLOW: readonly TransitionRule[] = Object.freeze([
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    permission: moratoriumRequestSubmitPermission,
    actor: 'applicant-body',
  },
  {
    action: 'accept',
    from: ['submitted'],
    to: 'platform-review',
    permission: moratoriumRequestIntakePermission,
    actor: 'not-conflicted',
  },
  {
    action: 'return',
    from: ['submitted'],
    to: 'draft',
    permission: moratoriumRequestIntakePermission,
    actor: 'not-conflicted',
  },
  {
    action: 'complete-platform-review',
    from: ['platform-review'],
    to: 'ministry-review',
    permission: moratoriumReviewPlatformPermission,
    actor: 'not-conflicted',
  },
  {
    action: 'request-info',
    from: REVIEW_STATES,
    to: 'info-requested',
    permission: moratoriumRequestRequestInfoPermission,
    actor: 'not-conflicted',
  },
  {
    action: 'provide-info',
    from: ['info-requested'],
    to: 'resume',
    permission: moratoriumRequestUpdatePermission,
    actor: 'applicant-body',
  },
  {
    action: 'set-agenda',
    from: ['ministry-review', 'deferred'],
    to: 'on-agenda',
    permission: moratoriumAgendaSetPermission,
    actor: 'not-conflicted',
  },
  {
    // The commission decides the terms: the secretary drafts them, the
    // members vote on the draft, and only the draft voted can be recorded.
    action: 'propose-decision',
    from: ['on-agenda'],
    to: 'same',
    permission: moratoriumAgendaSetPermission,
    actor: 'not-conflicted',
  },
  {
    action: 'decide',
    from: ['on-agenda'],
    to: 'by-outcome',
    permission: moratoriumDecisionRecordPermission,
    actor: 'not-conflicted',
  },
  {
    action: 'withdraw',
    from: [
      'draft',
      'submitted',
      'platform-review',
      'ministry-review',
      'info-requested',
      'on-agenda',
      'deferred',
    ],
    to: 'withdrawn',
    permission: moratoriumRequestWithdrawPermission,
    actor: 'applicant-body',
    // A request about a system that has left the catalog has nothing left
    // to decide: the scheduled task closes it.
    allowsSystem: true,
  },
  {
    // Four eyes: one person proposes a revocation, a second confirms it.
    action: 'propose-revocation',
    from: ['approved', 'approved-with-conditions'],
    to: 'same',
    permission: moratoriumDecisionRevokePermission,
    actor: 'not-conflicted',
  },
  {
    action: 'revoke',
    from: ['approved', 'approved-with-conditions'],
    to: 'revoked',
    permission: moratoriumDecisionRevokePermission,
    actor: 'not-conflicted',
    allowsSystem: true,
  },
  {
    action: 'expire',
    from: ['approved', 'approved-with-conditions'],
    to: 'expired',
    // Nominal: planTransition refuses anyone but the scheduled task.
    permission: moratoriumDecisionRevokePermission,
    actor: 'system',
  },
  {
    action: 'mark-condition',
    from: ['approved-with-conditions'],
    to: 'same',
    permission: moratoriumConditionUpdatePermission,
    actor: 'not-conflicted',
  },
] satisfies TransitionRule[]);

const RULES = new Map<RequestAction, TransitionRule>(
  WORKFLOW.map(rule => [rule.action, rule]),
);

/**
 * The rule of an action; throws for an unknown action.
 *
 * @public
 */
export function transitionRule(action: RequestAction): TransitionRule {
  const rule = RULES.get(action);
  if (!rule) {
    throw new Error(`Unknown request action "${action}"`);
  }
  return rule;
}

const DECIDED_STATES: ReadonlySet<RequestState> = new Set<RequestState>([
  'approved',
  'approved-with-conditions',
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
]);

/**
 * Whether the request is past a decision (or withdrawn): approved, approved
 * with conditions, rejected, withdrawn, expired or revoked. A deferred
 * request is not decided: it goes back on an agenda.
 *
 * @public
 */
export function isDecided(state: RequestState): boolean {
  return DECIDED_STATES.has(state);
}

/**
 * Why a transition cannot be made.
 * `wrong-state` — not from the request's current state;
 * `invalid-input` — a required input is missing or wrong;
 * `incomplete` — the request's content is incomplete (see `problems`);
 * `conflict-of-interest` — the actor is the applicant or from the applicant's state body;
 * `not-allowed` — the actor is not who may take the action (not the applicant's side, or not the system);
 * `not-supported-by-votes` — the outcome is not one the votes support;
 * `differs-from-draft` — the decision is not the draft the members voted on;
 * `limit-reached` — a configured limit (deferrals) is used up;
 * `fixed-field` — a field fixed at submission would change.
 *
 * @public
 */
export type WorkflowViolation = {
  code:
    | 'wrong-state'
    | 'invalid-input'
    | 'incomplete'
    | 'conflict-of-interest'
    | 'not-allowed'
    | 'not-supported-by-votes'
    | 'differs-from-draft'
    | 'limit-reached'
    | 'fixed-field';
  message: string;
  problems?: CompletenessProblem[];
};

/** Who takes an action: a signed-in user, or the backend's scheduled tasks. @public */
export type WorkflowActor =
  | { userRef: string; ownershipRefs: string[] }
  | 'system';

/** What `planTransition` needs to know about the request. @public */
export type WorkflowRequest = {
  state: RequestState;
  resumeState?: RequestState;
  content: RequestContent;
  applicant: string;
  /** The date of the sitting the request is on the agenda of, if any. */
  sittingDate?: CalendarDate;
  /** The terms on the agenda, that members vote on. */
  draftDecision?: DraftDecision;
  /** How many times the commission has deferred the request. */
  deferrals?: number;
  /** A revocation waiting for a second person. */
  revocationProposal?: RevocationProposal;
  /**
   * Whether the applicant changed the content while information was
   * requested (before `provide-info`): the review starts over.
   */
  contentChanged?: boolean;
};

/**
 * The commission's limits (configuration): how long an approval may last,
 * and how many times a request may be deferred.
 *
 * @public
 */
export type CommissionLimits = {
  /** An approval expires at most this many months after the sitting. */
  maxExemptionMonths: number;
  /** A request may be deferred at most this many times. */
  maxDeferrals: number;
};

/** The defaults of {@link CommissionLimits}: 36 months, 2 deferrals. @public */
export const DEFAULT_COMMISSION_LIMITS: CommissionLimits = {
  maxExemptionMonths: 36,
  maxDeferrals: 2,
};

/** The arguments of `planTransition`. @public */
export type PlanTransitionArgs = {
  request: WorkflowRequest;
  input: TransitionInput;
  actor: WorkflowActor;
  /**
   * The tally of the votes on the current draft, for `decide`; without it
   * only a deferral is supported.
   */
  tally?: VoteTally;
  /** The commission's limits; {@link DEFAULT_COMMISSION_LIMITS} if absent. */
  limits?: CommissionLimits;
  now: Date;
};

/** The outcome of `planTransition`. @public */
export type PlannedTransition =
  | {
      ok: true;
      to: RequestState;
      resumeState?: RequestState;
      /** For `decide`: the terms to record (the voted draft's). */
      decision?: {
        outcome: DecisionOutcome;
        expiresAt?: CalendarDate;
        conditions?: { text: string; dueDate: CalendarDate }[];
        reasons?: string;
      };
      /** For `provide-info`: whether earlier opinions went stale. */
      opinionsStale?: boolean;
    }
  | { ok: false; violation: WorkflowViolation };

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * Whether the actor is on the applicant's side: the applicant, or a member
 * of the request's state body (its Group ref among their ownership refs).
 *
 * @public
 */
export function isApplicantSide(
  request: Pick<WorkflowRequest, 'applicant' | 'content'>,
  actor: { userRef: string; ownershipRefs: string[] },
): boolean {
  if (sameRef(actor.userRef, request.applicant)) {
    return true;
  }
  const body = request.content?.stateBodyRef;
  return !!body && actor.ownershipRefs.some(ref => sameRef(ref, body));
}

/**
 * Whether the actor has a conflict of interest on the request and so may not
 * review, vote on or decide it: they are the applicant or belong to the
 * request's state body.
 *
 * @public
 */
export function isConflicted(
  request: Pick<WorkflowRequest, 'applicant' | 'content'>,
  actor: { userRef: string; ownershipRefs: string[] },
): boolean {
  return isApplicantSide(request, actor);
}

/**
 * The actor's conflict of interest on the request, in words (`you filed
 * this request`, `you belong to group:default/minfin, the state body that
 * asks`), or undefined when there is none.
 *
 * @public
 */
export function describeConflict(
  request: Pick<WorkflowRequest, 'applicant' | 'content'>,
  actor: { userRef: string; ownershipRefs: string[] },
): string | undefined {
  if (sameRef(actor.userRef, request.applicant)) {
    return `you filed this request (${request.applicant})`;
  }
  const body = request.content?.stateBodyRef;
  if (body && actor.ownershipRefs.some(ref => sameRef(ref, body))) {
    return `you belong to ${body}, the state body that asks`;
  }
  return undefined;
}

/**
 * The first field fixed at submission that `after` changes: the system
 * (its kind and ref) and the state body. Undefined when both stay.
 *
 * @public
 */
export function changedFixedField(
  before: RequestContent,
  after: RequestContent,
): 'content.stateBodyRef' | 'content.system' | undefined {
  if (
    (before.stateBodyRef ?? '').toLocaleLowerCase('en-US') !==
    (after.stateBodyRef ?? before.stateBodyRef ?? '').toLocaleLowerCase('en-US')
  ) {
    return 'content.stateBodyRef';
  }
  const a = before.system;
  const b = after.system;
  if (
    a?.kind !== b?.kind ||
    (a?.entityRef ?? '').toLocaleLowerCase('en-US') !==
      (b?.entityRef ?? '').toLocaleLowerCase('en-US')
  ) {
    return 'content.system';
  }
  return undefined;
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
function compareText(x: string, y: string): number {
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

/** JSON with object keys sorted, so equal content gives equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => compareText(x, y));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Whether two contents say the same (key order and absent fields aside).
 *
 * @public
 */
export function sameContent(a: RequestContent, b: RequestContent): boolean {
  return stableJson(a) === stableJson(b);
}

/**
 * The opinions, each marked stale: the content they were given on changed.
 *
 * @public
 */
export function markOpinionsStale(opinions: ReviewOpinion[]): ReviewOpinion[] {
  return opinions.map(o => ({ ...o, stale: true }));
}

/**
 * The calendar date `months` months after `date` (the last day of the month
 * when the day does not exist, e.g. 2026-01-31 + 1 → 2026-02-28).
 *
 * @public
 */
export function addMonthsToDate(date: CalendarDate, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(
    2,
    '0',
  )}-${String(day).padStart(2, '0')}`;
}

const fail = (
  code: WorkflowViolation['code'],
  message: string,
  problems?: CompletenessProblem[],
): PlannedTransition => ({
  ok: false,
  violation: problems ? { code, message, problems } : { code, message },
});

const blank = (value: unknown) =>
  typeof value !== 'string' || value.trim() === '';

function checkState(
  rule: TransitionRule,
  request: WorkflowRequest,
): PlannedTransition | undefined {
  if (!rule.from.includes(request.state)) {
    return fail(
      'wrong-state',
      `Cannot ${rule.action} a request in state "${
        request.state
      }"; it is allowed from: ${rule.from.join(', ')}.`,
    );
  }
  return undefined;
}

function checkActor(
  rule: TransitionRule,
  request: WorkflowRequest,
  actor: WorkflowActor,
): PlannedTransition | undefined {
  if (actor === 'system') {
    if (rule.actor === 'system' || rule.allowsSystem) {
      return undefined;
    }
    return fail(
      'not-allowed',
      `The action ${rule.action} is taken by a person, not by the system.`,
    );
  }
  switch (rule.actor) {
    case 'system':
      return fail(
        'not-allowed',
        `Only the system may ${rule.action} a request, when its time comes.`,
      );
    case 'applicant-body':
      return isApplicantSide(request, actor)
        ? undefined
        : fail(
            'not-allowed',
            `Only the applicant or a member of the requesting state body may ${rule.action} this request.`,
          );
    case 'not-conflicted': {
      const conflict = describeConflict(request, actor);
      return conflict
        ? fail(
            'conflict-of-interest',
            `Conflict of interest: you may not ${rule.action} this request, because ${conflict}.`,
          )
        : undefined;
    }
    default:
      return undefined;
  }
}

type Terms = {
  outcome: DecisionOutcome;
  expiresAt?: CalendarDate;
  conditions?: { text: string; dueDate: CalendarDate }[];
  reasons?: string;
};

/** The cross-field rules of a decision's (or a draft's) terms. */
function checkTerms(
  input: Terms,
  sittingDate: CalendarDate,
  limits: CommissionLimits,
): PlannedTransition | undefined {
  const { outcome } = input;
  const approval =
    outcome === 'approved' || outcome === 'approved-with-conditions';
  const conditions = input.conditions ?? [];
  if (approval) {
    if (input.expiresAt === undefined || input.expiresAt === '') {
      return fail('invalid-input', 'expiresAt is required for an approval.');
    }
    if (!isCalendarDate(input.expiresAt)) {
      return fail('invalid-input', 'expiresAt must be a date as YYYY-MM-DD.');
    }
    if (input.expiresAt <= sittingDate) {
      return fail(
        'invalid-input',
        `expiresAt ${input.expiresAt} must be after the sitting date ${sittingDate}.`,
      );
    }
    const latest = addMonthsToDate(sittingDate, limits.maxExemptionMonths);
    if (input.expiresAt > latest) {
      return fail(
        'invalid-input',
        `expiresAt ${input.expiresAt} is more than moratorium.exemption.maxMonths (${limits.maxExemptionMonths}) months after the sitting; the latest allowed is ${latest}.`,
      );
    }
  } else if (input.expiresAt !== undefined && input.expiresAt !== '') {
    return fail(
      'invalid-input',
      `expiresAt is only for approvals, not for the outcome ${outcome}.`,
    );
  }
  if (outcome === 'approved-with-conditions') {
    if (conditions.length === 0) {
      return fail(
        'invalid-input',
        'conditions are required for an approval with conditions: give at least one, with a due date.',
      );
    }
    for (const [i, condition] of conditions.entries()) {
      if (blank(condition.text)) {
        return fail('invalid-input', `conditions.${i}.text is required.`);
      }
      if (!isCalendarDate(condition.dueDate)) {
        return fail(
          'invalid-input',
          `conditions.${i}.dueDate is required, as YYYY-MM-DD.`,
        );
      }
      if (condition.dueDate <= sittingDate) {
        return fail(
          'invalid-input',
          `conditions.${i}.dueDate ${condition.dueDate} must be after the sitting date ${sittingDate}.`,
        );
      }
      if (input.expiresAt && condition.dueDate > input.expiresAt) {
        return fail(
          'invalid-input',
          `conditions.${i}.dueDate ${condition.dueDate} must not be after the approval expires (${input.expiresAt}).`,
        );
      }
    }
  } else if (conditions.length > 0) {
    return fail(
      'invalid-input',
      `conditions are only for an approval with conditions, not for the outcome ${outcome}.`,
    );
  }
  if (outcome === 'rejected' && blank(input.reasons)) {
    return fail('invalid-input', 'reasons are required for a rejection.');
  }
  return undefined;
}

/** The first term of the decision that differs from the draft voted on. */
function differenceFromDraft(
  input: Extract<TransitionInput, { action: 'decide' }>,
  draft: DraftDecision,
): string | undefined {
  if (input.outcome !== draft.outcome) {
    return `outcome ${input.outcome} is not the draft's ${draft.outcome}`;
  }
  if (
    input.expiresAt !== undefined &&
    input.expiresAt !== '' &&
    input.expiresAt !== draft.expiresAt
  ) {
    return `expiresAt ${input.expiresAt} is not the draft's ${
      draft.expiresAt ?? '(none)'
    }`;
  }
  if (input.conditions !== undefined) {
    const a = input.conditions.map(c => `${c.text}\u0000${c.dueDate}`);
    const b = draft.conditions.map(c => `${c.text}\u0000${c.dueDate}`);
    if (a.length !== b.length || a.some((c, i) => c !== b[i])) {
      return "conditions are not the draft's";
    }
  }
  if (
    input.reasons !== undefined &&
    input.reasons.trim() !== '' &&
    input.reasons.trim() !== (draft.reasons ?? '').trim()
  ) {
    return "reasons are not the draft's";
  }
  return undefined;
}

function checkDecision(
  input: Extract<TransitionInput, { action: 'decide' }>,
  request: WorkflowRequest,
  tally: VoteTally | undefined,
  limits: CommissionLimits,
): PlannedTransition {
  const { outcome } = input;
  if (!(DECISION_OUTCOMES as readonly string[]).includes(outcome)) {
    return fail(
      'invalid-input',
      `outcome must be one of ${DECISION_OUTCOMES.join(', ')}.`,
    );
  }
  if (blank(input.protocolNumber)) {
    return fail('invalid-input', 'protocolNumber is required for a decision.');
  }
  if (!isCalendarDate(input.sittingDate)) {
    return fail(
      'invalid-input',
      'sittingDate is required for a decision, as YYYY-MM-DD.',
    );
  }
  if (request.sittingDate && input.sittingDate !== request.sittingDate) {
    return fail(
      'invalid-input',
      `sittingDate ${input.sittingDate} is not the date of the sitting the request is on the agenda of (${request.sittingDate}).`,
    );
  }
  if (outcome === 'deferred') {
    const problem = checkTerms(input, input.sittingDate, limits);
    if (problem) {
      return problem;
    }
    const deferrals = request.deferrals ?? 0;
    if (deferrals >= limits.maxDeferrals) {
      return fail(
        'limit-reached',
        `The request has been deferred ${deferrals} times, the most moratorium.maxDeferrals (${limits.maxDeferrals}) allows: the commission must decide it.`,
      );
    }
    return { ok: true, to: 'deferred' };
  }
  const draft = request.draftDecision;
  if (!draft) {
    return fail(
      'wrong-state',
      'No draft decision is on the agenda: the secretary proposes the terms (propose-decision) and the members vote on them before a decision is recorded.',
    );
  }
  const difference = differenceFromDraft(input, draft);
  if (difference) {
    return fail(
      'differs-from-draft',
      `The decision must be the draft the members voted on (round ${draft.round}): ${difference}.`,
    );
  }
  const terms: Terms = {
    outcome: draft.outcome,
    ...(draft.expiresAt ? { expiresAt: draft.expiresAt } : {}),
    conditions: draft.conditions,
    ...(draft.reasons ? { reasons: draft.reasons } : {}),
  };
  const problem = checkTerms(terms, input.sittingDate, limits);
  if (problem) {
    return problem;
  }
  // The members voted for or against the draft: it passes with a quorum
  // and a majority "for" (what the tally calls supporting an approval).
  const passed =
    !!tally &&
    tally.quorumReached &&
    tally.supportedOutcomes.includes('approved');
  if (!passed) {
    return fail(
      'not-supported-by-votes',
      tally && !tally.quorumReached
        ? `The votes on the draft do not reach a quorum (${
            tally.for + tally.against + tally.abstain
          } of ${tally.quorum} needed): the commission can only defer.`
        : 'The members did not vote the draft through: the commission can defer, or the secretary can put another draft to the vote.',
    );
  }
  return { ok: true, to: draft.outcome, decision: terms };
}

function checkDraft(
  input: Extract<TransitionInput, { action: 'propose-decision' }>,
  request: WorkflowRequest,
  limits: CommissionLimits,
): PlannedTransition {
  if (!(DRAFT_OUTCOMES as readonly string[]).includes(input.outcome)) {
    return fail(
      'invalid-input',
      `outcome must be one of ${DRAFT_OUTCOMES.join(
        ', ',
      )}; a deferral needs no draft.`,
    );
  }
  if (!request.sittingDate) {
    return fail(
      'wrong-state',
      "The request is on no sitting's agenda to draft a decision for.",
    );
  }
  return (
    checkTerms(input, request.sittingDate, limits) ?? {
      ok: true,
      to: request.state,
    }
  );
}

/**
 * Plans one transition: checks the request's state, who acts (conflicts of
 * interest included), the inputs, the request's completeness and, for a
 * decision, the votes. Returns the target state (and, when asking for
 * information, the stage to resume), or the violation. Pure: it does not
 * check permissions (the backend does, with `rule.permission`) nor whether a
 * condition exists.
 *
 * @public
 */
export function planTransition(args: PlanTransitionArgs): PlannedTransition {
  const { request, input, actor, tally, now } = args;
  const limits = args.limits ?? DEFAULT_COMMISSION_LIMITS;
  const rule = RULES.get(input?.action);
  if (!rule) {
    return fail(
      'invalid-input',
      `action must be one of ${REQUEST_ACTIONS.join(', ')}.`,
    );
  }
  const problem = checkState(rule, request) ?? checkActor(rule, request, actor);
  if (problem) {
    return problem;
  }

  switch (input.action) {
    case 'submit': {
      const problems = checkCompleteness(request.content);
      if (problems.length > 0) {
        return fail('incomplete', describeProblems(problems), problems);
      }
      return { ok: true, to: 'submitted' };
    }
    case 'accept':
      return { ok: true, to: 'platform-review' };
    case 'return':
      if (blank(input.reason)) {
        return fail(
          'invalid-input',
          'reason is required to return a request to the applicant.',
        );
      }
      return { ok: true, to: 'draft' };
    case 'complete-platform-review':
      if (!(PLATFORM_FINDINGS as readonly string[]).includes(input.finding)) {
        return fail(
          'invalid-input',
          `finding must be one of ${PLATFORM_FINDINGS.join(', ')}.`,
        );
      }
      if (blank(input.text)) {
        return fail(
          'invalid-input',
          'text (the platform opinion) is required to complete the platform review.',
        );
      }
      return { ok: true, to: 'ministry-review' };
    case 'request-info':
      if (blank(input.questions)) {
        return fail(
          'invalid-input',
          'questions are required to request information.',
        );
      }
      return { ok: true, to: 'info-requested', resumeState: request.state };
    case 'provide-info': {
      const resume = request.resumeState;
      if (!resume || !REVIEW_STATES.includes(resume)) {
        return fail(
          'wrong-state',
          'The request has no review stage to return to after the information is provided.',
        );
      }
      if (blank(input.answer)) {
        return fail(
          'invalid-input',
          'answer is required to provide the information.',
        );
      }
      if (input.content) {
        const field = changedFixedField(request.content, input.content);
        if (field) {
          return fail(
            'fixed-field',
            `${field} is fixed at submission and cannot be changed; withdraw the request and file a new one instead.`,
          );
        }
      }
      const problems = checkCompleteness(input.content ?? request.content);
      if (problems.length > 0) {
        return fail('incomplete', describeProblems(problems), problems);
      }
      const changed =
        !!request.contentChanged ||
        (!!input.content && !sameContent(request.content, input.content));
      // Opinions given on other content no longer speak for the request:
      // it goes back through review from the start.
      return changed
        ? { ok: true, to: 'platform-review', opinionsStale: true }
        : { ok: true, to: resume };
    }
    case 'set-agenda': {
      if (!isCalendarDate(input.sittingDate)) {
        return fail(
          'invalid-input',
          'sittingDate is required to set the agenda, as YYYY-MM-DD.',
        );
      }
      const today = toCalendarDate(now);
      if (input.sittingDate < today) {
        return fail(
          'invalid-input',
          `sittingDate ${input.sittingDate} is in the past (today is ${today} in Asia/Almaty).`,
        );
      }
      if (request.state === 'ministry-review') {
        const opinion = input.ministryOpinion;
        if (!opinion) {
          return fail(
            'invalid-input',
            'ministryOpinion is required to put a request from ministry review on the agenda.',
          );
        }
        if (
          !(MINISTRY_RECOMMENDATIONS as readonly string[]).includes(
            opinion.recommendation,
          )
        ) {
          return fail(
            'invalid-input',
            `ministryOpinion.recommendation must be one of ${MINISTRY_RECOMMENDATIONS.join(
              ', ',
            )}.`,
          );
        }
        if (blank(opinion.text)) {
          return fail('invalid-input', 'ministryOpinion.text is required.');
        }
      }
      return { ok: true, to: 'on-agenda' };
    }
    case 'propose-decision':
      return checkDraft(input, request, limits);
    case 'decide':
      return checkDecision(input, request, tally, limits);
    case 'withdraw':
      return { ok: true, to: 'withdrawn' };
    case 'propose-revocation':
      if (blank(input.reason)) {
        return fail(
          'invalid-input',
          'reason is required to propose a revocation.',
        );
      }
      if (request.revocationProposal) {
        return fail(
          'wrong-state',
          `A revocation is already proposed (by ${request.revocationProposal.proposedBy}); a second person confirms it with revoke.`,
        );
      }
      return { ok: true, to: request.state };
    case 'revoke':
      if (blank(input.reason)) {
        return fail(
          'invalid-input',
          'reason is required to revoke an approval.',
        );
      }
      if (actor !== 'system') {
        const proposal = request.revocationProposal;
        if (!proposal) {
          return fail(
            'wrong-state',
            'A revocation must first be proposed (propose-revocation) and then confirmed by a second person.',
          );
        }
        if (sameRef(proposal.proposedBy, actor.userRef)) {
          return fail(
            'not-allowed',
            `You proposed this revocation; a second person must confirm it.`,
          );
        }
      }
      return { ok: true, to: 'revoked' };
    case 'expire':
      return { ok: true, to: 'expired' };
    case 'mark-condition':
      if (blank(input.conditionId)) {
        return fail('invalid-input', 'conditionId is required.');
      }
      if (input.status !== 'met') {
        return fail('invalid-input', 'status must be "met".');
      }
      if (blank(input.evidence)) {
        return fail(
          'invalid-input',
          'evidence is required to mark a condition met.',
        );
      }
      return { ok: true, to: request.state };
    default:
      return fail('invalid-input', 'Unknown action.');
  }
}

/**
 * The actions an actor may take on a request now, as far as the workflow
 * goes (state and conflicts of interest); the backend also filters by
 * permission. `expire` is never offered to a person.
 *
 * @public
 */
export function availableActions(
  request: Pick<WorkflowRequest, 'state' | 'applicant' | 'content'> &
    Partial<Pick<WorkflowRequest, 'revocationProposal'>>,
  actor: WorkflowActor,
): RequestAction[] {
  const proposal = request.revocationProposal;
  return WORKFLOW.filter(rule => {
    if (
      !rule.from.includes(request.state) ||
      checkActor(rule, request as WorkflowRequest, actor) !== undefined
    ) {
      return false;
    }
    if (rule.action === 'propose-revocation') {
      return !proposal;
    }
    if (rule.action === 'revoke' && actor !== 'system') {
      // Confirmed by a second person only.
      return !!proposal && !sameRef(proposal.proposedBy, actor.userRef);
    }
    return true;
  }).map(rule => rule.action);
}

// Input parsing

const required = (max = 20000) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const calendarDate = () =>
  z
    .string()
    .refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });

const INPUT_SCHEMAS: Record<RequestAction, z.ZodType<TransitionInput>> = {
  submit: z.object({ action: z.literal('submit') }),
  accept: z.object({ action: z.literal('accept') }),
  return: z.object({ action: z.literal('return'), reason: required() }),
  'complete-platform-review': z.object({
    action: z.literal('complete-platform-review'),
    finding: z.enum(PLATFORM_FINDINGS),
    text: required(),
  }),
  'request-info': z.object({
    action: z.literal('request-info'),
    questions: required(),
  }),
  'provide-info': z.object({
    action: z.literal('provide-info'),
    answer: required(),
    content: requestContentSchema.optional(),
  }),
  'set-agenda': z.object({
    action: z.literal('set-agenda'),
    sittingDate: calendarDate(),
    ministryOpinion: z
      .object({
        recommendation: z.enum(MINISTRY_RECOMMENDATIONS),
        text: required(),
      })
      .optional(),
  }),
  'propose-decision': z.object({
    action: z.literal('propose-decision'),
    outcome: z.enum(DRAFT_OUTCOMES),
    reasons: z.string().trim().max(20000).optional(),
    expiresAt: calendarDate().optional(),
    conditions: z
      .array(
        z.object({
          text: required(5000),
          dueDate: calendarDate(),
        }),
      )
      .max(50)
      .optional(),
  }),
  decide: z.object({
    action: z.literal('decide'),
    outcome: z.enum(DECISION_OUTCOMES),
    protocolNumber: required(100),
    sittingDate: calendarDate(),
    reasons: z.string().trim().max(20000).optional(),
    expiresAt: calendarDate().optional(),
    conditions: z
      .array(
        z.object({
          text: required(5000),
          dueDate: calendarDate(),
        }),
      )
      .max(50)
      .optional(),
  }),
  withdraw: z.object({
    action: z.literal('withdraw'),
    reason: z.string().trim().max(20000).optional(),
  }),
  'propose-revocation': z.object({
    action: z.literal('propose-revocation'),
    reason: required(),
  }),
  revoke: z.object({ action: z.literal('revoke'), reason: required() }),
  expire: z.object({ action: z.literal('expire') }),
  'mark-condition': z.object({
    action: z.literal('mark-condition'),
    conditionId: required(200),
    status: z.literal('met'),
    evidence: required(),
  }),
} as Record<RequestAction, z.ZodType<TransitionInput>>;

/**
 * Validates the body of `POST /requests/{id}/transitions` by its action,
 * dropping unknown fields (such as `version`). Throws a
 * `MoratoriumInputError` (name `InputError`, so a 400) whose message names
 * each wrong field, e.g. `Invalid transition input: reason is required`.
 * Cross-field rules (an approval's expiry, a rejection's reasons…) are
 * `planTransition`'s.
 *
 * @public
 */
export function parseTransitionInput(body: unknown): TransitionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MoratoriumInputError(
      'Invalid transition input: the body must be a JSON object with an action',
      [{ field: 'action', message: 'is required' }],
    );
  }
  const action = (body as { action?: unknown }).action;
  if (typeof action !== 'string' || !RULES.has(action as RequestAction)) {
    const message =
      action === undefined
        ? 'is required'
        : `must be one of ${REQUEST_ACTIONS.join(', ')}`;
    throw new MoratoriumInputError(
      `Invalid transition input: action ${message}`,
      [{ field: 'action', message }],
    );
  }
  const result = INPUT_SCHEMAS[action as RequestAction].safeParse(body);
  if (!result.success) {
    throw describeZodIssues(
      `transition input (${action})`,
      result.error.issues,
      [],
      body,
    );
  }
  return result.data;
}
