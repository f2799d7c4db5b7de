import fc from 'fast-check';
import { tallyVotes } from './tally';
import {
  DECISION_OUTCOMES,
  REQUEST_ACTIONS,
  RequestAction,
  RequestContent,
  RequestState,
  TransitionInput,
  VOTE_CHOICES,
  Vote,
  VoteTally,
} from './types';
import {
  WorkflowActor,
  WorkflowRequest,
  availableActions,
  isConflicted,
  planTransition,
} from './workflow';

// Random sequences of actions by random people against the state machine.
// The expected transitions are written out here from DOMAIN.md, not read
// from WORKFLOW.

const ALLOWED: Record<RequestState, RequestState[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['platform-review', 'draft', 'withdrawn'],
  'platform-review': ['ministry-review', 'info-requested', 'withdrawn'],
  'ministry-review': ['info-requested', 'on-agenda', 'withdrawn'],
  'info-requested': ['platform-review', 'ministry-review', 'withdrawn'],
  // Drafting a decision keeps the request on the agenda; proposing a
  // revocation keeps the approval until a second person confirms it.
  'on-agenda': [
    'on-agenda',
    'approved',
    'approved-with-conditions',
    'rejected',
    'deferred',
    'withdrawn',
  ],
  deferred: ['on-agenda', 'withdrawn'],
  approved: ['approved', 'revoked', 'expired'],
  // mark-condition keeps the state.
  'approved-with-conditions': [
    'approved-with-conditions',
    'revoked',
    'expired',
  ],
  rejected: [],
  withdrawn: [],
  expired: [],
  revoked: [],
};
const TERMINAL: RequestState[] = [
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
];

const STATE_BODY = 'group:default/mcriap';
const APPLICANT = 'user:default/aigerim';

const CONTENT: RequestContent = {
  system: { kind: 'existing', entityRef: 'system:default/e-license' },
  stateBodyRef: STATE_BODY,
  purpose: 'Issuing licences online',
  capabilityGaps: [
    { capability: 'Classified data processing', reason: 'Not certified' },
  ],
  cost: { amountKzt: 120_000_000, budgetProgramme: '001 "Digital services"' },
  dataCategories: ['personal'],
  hosting: { kind: 'state-operator-dc', country: 'KZ', provider: 'SO DC' },
  securityPlan: 'Certified perimeter',
  exitPlan: 'Migrate to the platform in 2028',
};

type Role =
  | 'applicant'
  | 'colleague'
  | 'architect'
  | 'secretary'
  | 'member'
  | 'conflicted-member'
  | 'outsider'
  | 'system';

function actorOf(role: Role): WorkflowActor {
  const user = (name: string, ...groups: string[]) => ({
    userRef: `user:default/${name}`,
    ownershipRefs: [`user:default/${name}`, ...groups],
  });
  switch (role) {
    case 'applicant':
      // Refs compare without regard to case.
      return user('AIGERIM', 'Group:default/MCRIAP');
    case 'colleague':
      return user('nurlan', STATE_BODY);
    case 'architect':
      return user('arman', 'group:default/platform');
    case 'secretary':
      return user('saule', 'group:default/secretaries');
    case 'member':
      return user('member1', 'group:default/commission');
    case 'conflicted-member':
      return user('member4', 'group:default/commission', STATE_BODY);
    case 'outsider':
      return user('outsider', 'group:default/minfin');
    default:
      return 'system';
  }
}

const ROLES: Role[] = [
  'applicant',
  'colleague',
  'architect',
  'secretary',
  'member',
  'conflicted-member',
  'outsider',
  'system',
];

const APPLICANT_SIDE: Role[] = ['applicant', 'colleague', 'conflicted-member'];

/** The steps of the commission's side: none by the applicant's side. */
const COMMISSION_SIDE: string[] = [
  'accept',
  'return',
  'complete-platform-review',
  'request-info',
  'set-agenda',
  'propose-decision',
  'decide',
  'propose-revocation',
  'revoke',
  'mark-condition',
];

// Friday 27 November 2026, 11:00 in Almaty.
const NOW = new Date('2026-11-27T06:00:00Z');
const SITTING = '2026-12-03';

/** A valid input of each action, with a choice of outcome for decide. */
function inputOf(action: RequestAction, outcome: string): TransitionInput {
  switch (action) {
    case 'submit':
    case 'accept':
    case 'withdraw':
    case 'expire':
      return { action };
    case 'return':
      return { action, reason: 'Cost not justified' };
    case 'complete-platform-review':
      return {
        action,
        finding: 'platform-cannot-serve',
        text: 'No certified environment',
      };
    case 'request-info':
      return { action, questions: 'Which data?' };
    case 'provide-info':
      return { action, answer: 'Personal data only' };
    case 'set-agenda':
      return {
        action,
        sittingDate: SITTING,
        ministryOpinion: { recommendation: 'approve', text: 'Justified' },
      };
    case 'decide':
      return {
        action,
        outcome: outcome as any,
        protocolNumber: '12',
        sittingDate: SITTING,
        ...(outcome.startsWith('approved') ? { expiresAt: '2027-12-31' } : {}),
        ...(outcome === 'approved-with-conditions'
          ? { conditions: [{ text: 'Pass the audit', dueDate: '2027-03-01' }] }
          : {}),
        ...(outcome === 'rejected'
          ? { reasons: 'The platform can serve' }
          : {}),
      };
    case 'propose-decision': {
      const draftOutcome = outcome === 'deferred' ? 'approved' : outcome;
      return {
        action,
        outcome: draftOutcome as any,
        ...(draftOutcome.startsWith('approved')
          ? { expiresAt: '2027-12-31' }
          : {}),
        ...(draftOutcome === 'approved-with-conditions'
          ? { conditions: [{ text: 'Pass the audit', dueDate: '2027-03-01' }] }
          : {}),
        ...(draftOutcome === 'rejected'
          ? { reasons: 'The platform can serve' }
          : {}),
      };
    }
    case 'propose-revocation':
    case 'revoke':
      return { action, reason: 'Condition missed' };
    case 'mark-condition':
      return { action, conditionId: 'c1', status: 'met', evidence: 'Report' };
    default:
      throw new Error(`no input for ${action}`);
  }
}

const step = fc.record({
  action: fc.constantFrom(...REQUEST_ACTIONS),
  role: fc.constantFrom(...ROLES),
  outcome: fc.constantFrom(...DECISION_OUTCOMES),
  // Most steps take an action the actor is offered, so that walks get past
  // the first states; the rest try anything.
  guided: fc.integer({ min: 0, max: 7 }).map(n => n > 0),
  pick: fc.nat(),
  pickOutcome: fc.nat(),
  pickRole: fc.nat(),
  pickWithdraw: fc.integer({ min: 0, max: 9 }),
  votes: fc.option(
    fc.record({
      choices: fc.array(fc.constantFrom('for', ...VOTE_CHOICES), {
        maxLength: 7,
      }),
      extraEligible: fc.integer({ min: 0, max: 4 }),
    }),
    { nil: undefined, freq: 4 },
  ),
});

function tallyOf(
  votes: { choices: string[]; extraEligible: number } | undefined,
): VoteTally | undefined {
  if (!votes) {
    return undefined;
  }
  const cast: Vote[] = votes.choices.map((choice, i) => ({
    member: `user:default/m${i}`,
    choice: choice as Vote['choice'],
    at: '2026-12-03T05:00:00.000Z',
  }));
  return tallyVotes(cast, cast.length + votes.extraEligible);
}

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/**
 * The action of a step. Most steps take an action someone is offered now,
 * so that walks get past the first states (withdrawing, which ends a walk,
 * seldom), with an outcome the votes support; the rest try any action by
 * anyone.
 */
function choose(request: WorkflowRequest, s: Step) {
  const offered = ROLES.flatMap(r =>
    availableActions(request, actorOf(r))
      .filter(a => a !== 'withdraw' || s.pickWithdraw === 0)
      .map(a => [r, a] as const),
  );
  // An offered action, then someone offered it.
  const actions = [...new Set(offered.map(([, a]) => a))];
  const chosen = actions[s.pick % Math.max(1, actions.length)];
  const takers = offered.filter(([, a]) => a === chosen);
  const [role, action] =
    s.guided && offered.length > 0
      ? takers[s.pickRole % takers.length]
      : [s.role, s.action];
  const tally = tallyOf(s.votes);
  // A decision records the draft on the agenda, or defers.
  const options = [
    ...(request.draftDecision ? [request.draftDecision.outcome] : []),
    'deferred' as const,
  ];
  const outcome =
    s.guided && action === 'decide'
      ? options[s.pickOutcome % options.length]
      : s.outcome;
  return { role, action, outcome, tally };
}

/** A step that takes exactly this action, with these votes for a decision. */
function exactly(
  role: Role,
  action: RequestAction,
  outcome: Step['outcome'] = 'deferred',
  choices: Vote['choice'][] = [],
): Step {
  return {
    action,
    role,
    outcome,
    guided: false,
    pick: 0,
    pickOutcome: 0,
    pickRole: 0,
    pickWithdraw: 1,
    votes: { choices, extraEligible: 0 },
  };
}

const TO_AGENDA: Step[] = [
  exactly('applicant', 'submit'),
  exactly('secretary', 'accept'),
  exactly('architect', 'request-info'),
  exactly('colleague', 'provide-info'),
  exactly('architect', 'complete-platform-review'),
  exactly('secretary', 'set-agenda'),
  exactly('member', 'decide', 'deferred'),
  exactly('secretary', 'set-agenda'),
];

/** The secretary drafts the decision the members vote on. */
const draft = (outcome: Step['outcome']) =>
  exactly('secretary', 'propose-decision', outcome);

/** Walks through every state, always tried besides the random ones. */
const EXAMPLE_WALKS: Step[][] = [
  [
    ...TO_AGENDA,
    draft('approved'),
    exactly('secretary', 'decide', 'approved', ['for', 'for', 'against']),
    exactly('system', 'expire'),
  ],
  [
    ...TO_AGENDA,
    draft('approved-with-conditions'),
    exactly('secretary', 'decide', 'approved-with-conditions', ['for']),
    exactly('secretary', 'mark-condition'),
    exactly('system', 'revoke'),
  ],
  [
    ...TO_AGENDA,
    draft('approved'),
    exactly('secretary', 'decide', 'approved', ['for']),
    exactly('secretary', 'propose-revocation'),
    exactly('architect', 'revoke'),
  ],
  [
    ...TO_AGENDA,
    draft('rejected'),
    exactly('member', 'decide', 'rejected', ['for', 'for', 'abstain']),
  ],
  [
    exactly('applicant', 'submit'),
    exactly('secretary', 'return'),
    exactly('applicant', 'withdraw'),
  ],
  // The request's system left the catalog while it was under review.
  [
    exactly('applicant', 'submit'),
    exactly('secretary', 'accept'),
    exactly('system', 'withdraw'),
  ],
];

/** The rules of DOMAIN.md that a planned transition breaks, in words. */
function brokenRules(
  request: WorkflowRequest,
  role: Role,
  action: RequestAction,
  outcome: string,
  tally: VoteTally | undefined,
  plan: ReturnType<typeof planTransition>,
): string[] {
  const from = request.state;
  const broken: string[] = [];
  const fail = (rule: string) =>
    broken.push(`${rule} (${action} by ${role} from ${from})`);
  if (!plan.ok) {
    if (TERMINAL.includes(from) && plan.violation.code !== 'wrong-state') {
      fail('a terminal state refuses every action as wrong-state');
    }
    if (!plan.violation.message) {
      fail('a refusal says why');
    }
    return broken;
  }
  const to = plan.to;
  if (!ALLOWED[from].includes(to)) {
    fail(`only allowed transitions: not to ${to}`);
  }
  if (role === 'system' && !['expire', 'revoke', 'withdraw'].includes(action)) {
    // Withdraw: when the request's system has left the catalog.
    fail('the system only expires, revokes and withdraws');
  }
  if (action === 'expire' && role !== 'system') {
    fail('only the system expires');
  }
  if (
    ['submit', 'provide-info'].includes(action) &&
    !APPLICANT_SIDE.includes(role)
  ) {
    fail("only the applicant's side submits and answers");
  }
  if (
    action === 'withdraw' &&
    !APPLICANT_SIDE.includes(role) &&
    role !== 'system'
  ) {
    fail("only the applicant's side (or the system) withdraws");
  }
  if (
    COMMISSION_SIDE.includes(action) &&
    (APPLICANT_SIDE.includes(role) ||
      (role === 'system' && action !== 'revoke'))
  ) {
    fail(
      "the applicant's side never takes a commission-side step on its own request",
    );
  }
  if (action === 'decide') {
    const cast = tally ? tally.for + tally.against + tally.abstain : 0;
    if (to !== outcome) {
      fail(`the decision is the outcome recorded, not ${to}`);
    }
    if (
      outcome !== 'deferred' &&
      !(tally?.quorumReached && cast >= tally.quorum)
    ) {
      fail('only a deferral without a quorum');
    }
    if (outcome !== 'deferred' && !(tally && tally.for > cast / 2)) {
      fail('a decision needs a majority for the draft');
    }
    if (outcome !== 'deferred' && outcome !== request.draftDecision?.outcome) {
      fail('a decision is the draft the members voted on');
    }
    if (outcome === 'deferred' && (request.deferrals ?? 0) >= 2) {
      fail('at most two deferrals');
    }
  }
  if (action === 'revoke' && role !== 'system') {
    const proposal = request.revocationProposal;
    if (!proposal || proposal.proposedBy === (actorOf(role) as any).userRef) {
      fail('a revocation is proposed by one person and confirmed by another');
    }
  }
  if (action === 'provide-info' && to !== request.resumeState) {
    fail('information returns to the stage that asked for it');
  }
  return broken;
}

describe('the exemption workflow under random actions', () => {
  it('moves only along allowed transitions, by the people allowed, on the votes', () => {
    const reached = new Set<RequestState>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), steps => {
        let request: WorkflowRequest = {
          state: 'draft',
          content: CONTENT,
          applicant: APPLICANT,
        };
        for (const step_ of steps) {
          const { role, action, outcome, tally } = choose(request, step_);
          const plan = planTransition({
            request,
            input: inputOf(action, outcome),
            actor: actorOf(role),
            tally,
            now: NOW,
          });
          expect(
            brokenRules(request, role, action, outcome, tally, plan),
          ).toEqual([]);
          if (!plan.ok) {
            continue;
          }
          const to = plan.to;
          reached.add(to);
          const input = inputOf(action, outcome);
          request = {
            ...request,
            state: to,
            ...(plan.resumeState ? { resumeState: plan.resumeState } : {}),
            ...(action === 'set-agenda'
              ? { sittingDate: SITTING, draftDecision: undefined }
              : {}),
            ...(input.action === 'propose-decision'
              ? {
                  draftDecision: {
                    outcome: input.outcome,
                    expiresAt: input.expiresAt,
                    conditions: input.conditions ?? [],
                    reasons: input.reasons,
                    round: 1,
                    proposedBy: 'user:default/saule',
                    proposedAt: NOW.toISOString(),
                  },
                }
              : {}),
            ...(to === 'deferred'
              ? {
                  deferrals: (request.deferrals ?? 0) + 1,
                  draftDecision: undefined,
                }
              : {}),
            ...(action === 'propose-revocation'
              ? {
                  revocationProposal: {
                    reason: 'x',
                    proposedBy: (actorOf(role) as any).userRef,
                    proposedAt: NOW.toISOString(),
                  },
                }
              : {}),
          };
        }
      }),
      { numRuns: 400, examples: EXAMPLE_WALKS.map(walk => [walk]) },
    );
    // The walks reached every state, so the checks above were exercised.
    expect([...reached].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('offers exactly the actions the state and the actor allow', () => {
    const states = Object.keys(ALLOWED) as RequestState[];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.constantFrom<Role>(
          'applicant',
          'colleague',
          'architect',
          'member',
          'conflicted-member',
          'outsider',
          'system',
        ),
        fc.constantFrom(...REQUEST_ACTIONS),
        (state, role, action) => {
          const actor = actorOf(role);
          const request: WorkflowRequest = {
            state,
            resumeState: 'platform-review',
            content: CONTENT,
            applicant: APPLICANT,
            sittingDate: SITTING,
          };
          const plan = planTransition({
            request,
            input: inputOf(action, 'deferred'),
            actor,
            now: NOW,
          });
          const refusedForStateOrActor =
            !plan.ok &&
            ['wrong-state', 'not-allowed', 'conflict-of-interest'].includes(
              plan.violation.code,
            );
          const offered = availableActions(request, actor).includes(action);
          // `expire` is offered to nobody but the system.
          expect(offered).toBe(!refusedForStateOrActor);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('always finds the applicant and their state body conflicted, whatever the case of refs', () => {
    const caseOf = (s: string, mask: number[]) =>
      [...s]
        .map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c))
        .join('');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.boolean(),
        (mask, viaBody) => {
          const request = { applicant: APPLICANT, content: CONTENT };
          const actor = viaBody
            ? {
                userRef: 'user:default/someone',
                ownershipRefs: [caseOf(STATE_BODY, mask)],
              }
            : { userRef: caseOf(APPLICANT, mask), ownershipRefs: [] };
          expect(isConflicted(request, actor)).toBe(true);
          expect(
            planTransition({
              request: { ...request, state: 'on-agenda', sittingDate: SITTING },
              input: inputOf('decide', 'deferred'),
              actor,
              now: NOW,
            }),
          ).toMatchObject({
            ok: false,
            violation: { code: 'conflict-of-interest' },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
