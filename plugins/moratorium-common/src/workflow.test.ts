import {
  isDecided,
  parseTransitionInput,
  planTransition,
  transitionRule,
  availableActions,
  WORKFLOW,
  PlanTransitionArgs,
  WorkflowActor,
} from './workflow';
import { tallyVotes } from './tally';
import {
  REQUEST_ACTIONS,
  REQUEST_STATES,
  RequestAction,
  RequestContent,
  RequestState,
  TransitionInput,
  Vote,
  DraftDecision,
  RevocationProposal,
} from './types';

const completeContent: RequestContent = {
  system: { kind: 'existing', entityRef: 'system:default/e-license' },
  stateBodyRef: 'group:default/mcriap',
  purpose: 'Issuing licences online',
  capabilityGaps: [
    { capability: 'Classified data processing', reason: 'Not certified' },
  ],
  cost: { amountKzt: 120_000_000, budgetProgramme: '001 "Digital services"' },
  dataCategories: ['personal'],
  hosting: { kind: 'state-operator-dc', country: 'KZ', provider: 'SO DC' },
  securityPlan: 'Certified perimeter, audit by the KNB',
  exitPlan: 'Migrate to the platform in 2028',
};

const applicant = 'user:default/aigerim';
const colleague: WorkflowActor = {
  userRef: 'user:default/nurlan',
  ownershipRefs: ['user:default/nurlan', 'group:default/mcriap'],
};
const reviewer: WorkflowActor = {
  userRef: 'user:default/reviewer',
  ownershipRefs: ['user:default/reviewer', 'group:default/platform'],
};
const applicantActor: WorkflowActor = {
  userRef: applicant,
  ownershipRefs: [applicant, 'group:default/mcriap'],
};
// Friday 27 November 2026, 11:00 in Almaty.
const now = new Date('2026-11-27T06:00:00Z');

const approvingVotes: Vote[] = [
  { member: 'user:default/m1', choice: 'for', at: '2026-12-03T05:00:00Z' },
  { member: 'user:default/m2', choice: 'for', at: '2026-12-03T05:00:00Z' },
  { member: 'user:default/m3', choice: 'against', at: '2026-12-03T05:00:00Z' },
];
const approvingTally = tallyVotes(approvingVotes, 5, {
  quorum: 0.5,
  majority: 0.5,
});

const validInputs: Record<RequestAction, TransitionInput> = {
  submit: { action: 'submit' },
  accept: { action: 'accept' },
  return: { action: 'return', reason: 'The cost is not justified' },
  'complete-platform-review': {
    action: 'complete-platform-review',
    finding: 'platform-cannot-serve',
    text: 'No certified environment for classified data',
  },
  'request-info': { action: 'request-info', questions: 'Which data?' },
  'provide-info': { action: 'provide-info', answer: 'Personal data only' },
  'set-agenda': {
    action: 'set-agenda',
    sittingDate: '2026-12-03',
    ministryOpinion: { recommendation: 'approve', text: 'Justified' },
  },
  'propose-decision': {
    action: 'propose-decision',
    outcome: 'approved-with-conditions',
    expiresAt: '2027-12-31',
    conditions: [{ text: 'Pass the security audit', dueDate: '2027-03-01' }],
  },
  decide: {
    action: 'decide',
    outcome: 'approved-with-conditions',
    protocolNumber: '12',
    sittingDate: '2026-12-03',
    expiresAt: '2027-12-31',
    conditions: [{ text: 'Pass the security audit', dueDate: '2027-03-01' }],
  },
  withdraw: { action: 'withdraw' },
  'propose-revocation': {
    action: 'propose-revocation',
    reason: 'Condition missed',
  },
  revoke: { action: 'revoke', reason: 'Condition missed' },
  expire: { action: 'expire' },
  'mark-condition': {
    action: 'mark-condition',
    conditionId: 'c1',
    status: 'met',
    evidence: 'Audit report 2027-02-10',
  },
};

// The expected state machine, written out independently of WORKFLOW.
const expected: Record<
  RequestAction,
  { from: RequestState[]; to: (from: RequestState) => RequestState }
> = {
  submit: { from: ['draft'], to: () => 'submitted' },
  accept: { from: ['submitted'], to: () => 'platform-review' },
  return: { from: ['submitted'], to: () => 'draft' },
  'complete-platform-review': {
    from: ['platform-review'],
    to: () => 'ministry-review',
  },
  'request-info': {
    from: ['platform-review', 'ministry-review'],
    to: () => 'info-requested',
  },
  'provide-info': { from: ['info-requested'], to: () => 'platform-review' },
  'set-agenda': {
    from: ['ministry-review', 'deferred'],
    to: () => 'on-agenda',
  },
  'propose-decision': { from: ['on-agenda'], to: from => from },
  decide: { from: ['on-agenda'], to: () => 'approved-with-conditions' },
  withdraw: {
    from: [
      'draft',
      'submitted',
      'platform-review',
      'ministry-review',
      'info-requested',
      'on-agenda',
      'deferred',
    ],
    to: () => 'withdrawn',
  },
  'propose-revocation': {
    from: ['approved', 'approved-with-conditions'],
    to: from => from,
  },
  revoke: {
    from: ['approved', 'approved-with-conditions'],
    to: () => 'revoked',
  },
  expire: {
    from: ['approved', 'approved-with-conditions'],
    to: () => 'expired',
  },
  'mark-condition': {
    from: ['approved-with-conditions'],
    to: from => from,
  },
};

const actorFor: Record<RequestAction, WorkflowActor> = {
  submit: applicantActor,
  accept: reviewer,
  return: reviewer,
  'complete-platform-review': reviewer,
  'request-info': reviewer,
  'provide-info': applicantActor,
  'set-agenda': reviewer,
  'propose-decision': reviewer,
  decide: reviewer,
  withdraw: applicantActor,
  'propose-revocation': reviewer,
  revoke: reviewer,
  expire: 'system',
  'mark-condition': reviewer,
};

// The draft the secretary put on the agenda: what validInputs.decide records.
const defaultDraft: DraftDecision = {
  outcome: 'approved-with-conditions',
  expiresAt: '2027-12-31',
  conditions: [{ text: 'Pass the security audit', dueDate: '2027-03-01' }],
  round: 1,
  proposedBy: 'user:default/secretary',
  proposedAt: '2026-12-01T05:00:00Z',
};
// A revocation another person proposed, for the reviewer to confirm.
const otherProposal: RevocationProposal = {
  reason: 'Condition missed',
  proposedBy: 'user:default/second-secretary',
  proposedAt: '2026-12-01T05:00:00Z',
};

function plan(
  state: RequestState,
  input: TransitionInput,
  overrides: Partial<PlanTransitionArgs> & {
    content?: RequestContent;
    resumeState?: RequestState;
    draft?: DraftDecision | null;
    proposal?: RevocationProposal | null;
    sittingDate?: string;
    deferrals?: number;
    contentChanged?: boolean;
  } = {},
) {
  const draft =
    overrides.draft === undefined ? defaultDraft : overrides.draft ?? undefined;
  // By default a revocation has been proposed by someone else.
  const defaultProposal = input.action === 'revoke' ? otherProposal : undefined;
  const proposal =
    overrides.proposal === undefined
      ? defaultProposal
      : overrides.proposal ?? undefined;
  return planTransition({
    request: {
      state,
      resumeState: overrides.resumeState ?? 'platform-review',
      content: overrides.content ?? completeContent,
      applicant,
      sittingDate: overrides.sittingDate ?? '2026-12-03',
      ...(draft ? { draftDecision: draft } : {}),
      ...(proposal ? { revocationProposal: proposal } : {}),
      deferrals: overrides.deferrals ?? 0,
      contentChanged: overrides.contentChanged ?? false,
    },
    input,
    actor: overrides.actor ?? reviewer,
    tally: 'tally' in overrides ? overrides.tally : approvingTally,
    ...(overrides.limits ? { limits: overrides.limits } : {}),
    now: overrides.now ?? now,
  });
}

describe('planTransition: every action from every state', () => {
  const cases = REQUEST_ACTIONS.flatMap(action =>
    REQUEST_STATES.map(state => ({
      action,
      state,
      allowed: expected[action].from.includes(state),
    })),
  );

  it('covers every action and state', () => {
    expect(cases).toHaveLength(REQUEST_ACTIONS.length * REQUEST_STATES.length);
  });

  it.each(cases.filter(c => c.allowed))(
    '$action from $state is allowed',
    ({ action, state }) => {
      const result = plan(state, validInputs[action], {
        actor: actorFor[action],
      });
      expect(result).toMatchObject({
        ok: true,
        to: expected[action].to(state),
      });
    },
  );

  it.each(cases.filter(c => !c.allowed))(
    '$action from $state is refused',
    ({ action, state }) => {
      const result = plan(state, validInputs[action], {
        actor: actorFor[action],
      });
      expect(result).toEqual({
        ok: false,
        violation: {
          code: 'wrong-state',
          message: expect.stringContaining(`"${state}"`),
        },
      });
    },
  );

  it('has exactly one rule per action', () => {
    expect(WORKFLOW.map(r => r.action).sort()).toEqual(
      [...REQUEST_ACTIONS].sort(),
    );
    for (const action of REQUEST_ACTIONS) {
      expect(transitionRule(action).action).toBe(action);
    }
    expect(() => transitionRule('fly' as RequestAction)).toThrow(/fly/);
  });

  it('names the permission of each action', () => {
    expect(
      Object.fromEntries(WORKFLOW.map(r => [r.action, r.permission.name])),
    ).toEqual({
      submit: 'moratorium.request.submit',
      accept: 'moratorium.request.intake',
      return: 'moratorium.request.intake',
      'complete-platform-review': 'moratorium.review.platform',
      'request-info': 'moratorium.request.request-info',
      'provide-info': 'moratorium.request.update',
      'set-agenda': 'moratorium.agenda.set',
      'propose-decision': 'moratorium.agenda.set',
      decide: 'moratorium.decision.record',
      withdraw: 'moratorium.request.withdraw',
      'propose-revocation': 'moratorium.decision.revoke',
      revoke: 'moratorium.decision.revoke',
      expire: 'moratorium.decision.revoke',
      'mark-condition': 'moratorium.condition.update',
    });
  });
});

describe('planTransition: info requested', () => {
  it('remembers the review stage and returns to it', () => {
    expect(plan('ministry-review', validInputs['request-info'])).toEqual({
      ok: true,
      to: 'info-requested',
      resumeState: 'ministry-review',
    });
    expect(
      plan('info-requested', validInputs['provide-info'], {
        actor: applicantActor,
        resumeState: 'ministry-review',
      }),
    ).toEqual({ ok: true, to: 'ministry-review' });
  });

  it('checks the completeness of new content given with the answer', () => {
    const { securityPlan: _s, ...withoutPlan } = completeContent;
    const result = plan(
      'info-requested',
      { action: 'provide-info', answer: 'Here', content: withoutPlan },
      { actor: applicantActor },
    );
    expect(result).toMatchObject({
      ok: false,
      violation: {
        code: 'incomplete',
        message: expect.stringContaining('security plan'),
      },
    });
  });
});

describe('planTransition: who acts', () => {
  it('lets the applicant and their state body submit and withdraw, nobody else', () => {
    expect(
      plan('draft', validInputs.submit, { actor: applicantActor }).ok,
    ).toBe(true);
    expect(plan('draft', validInputs.submit, { actor: colleague }).ok).toBe(
      true,
    );
    expect(
      plan('draft', validInputs.submit, { actor: reviewer }),
    ).toMatchObject({
      ok: false,
      violation: { code: 'not-allowed' },
    });
    expect(
      plan('on-agenda', validInputs.withdraw, { actor: reviewer }),
    ).toMatchObject({
      ok: false,
      violation: { code: 'not-allowed' },
    });
    expect(
      plan('on-agenda', validInputs.withdraw, { actor: colleague }).ok,
    ).toBe(true);
  });

  it.each([
    ['the applicant', applicantActor],
    ['a member of the same state body', colleague],
    [
      'the applicant, with refs in another case',
      { userRef: 'User:default/Aigerim', ownershipRefs: [] },
    ],
    [
      'a member of the state body, with refs in another case',
      { userRef: 'user:default/x', ownershipRefs: ['Group:Default/MCRIAP'] },
    ],
  ] as [string, WorkflowActor][])(
    'refuses %s the platform review and the decision (conflict of interest)',
    (_name, actor) => {
      expect(
        plan('platform-review', validInputs['complete-platform-review'], {
          actor,
        }),
      ).toMatchObject({
        ok: false,
        violation: { code: 'conflict-of-interest' },
      });
      expect(plan('on-agenda', validInputs.decide, { actor })).toMatchObject({
        ok: false,
        violation: { code: 'conflict-of-interest' },
      });
    },
  );

  it('lets a member of another state body decide', () => {
    expect(
      plan('on-agenda', validInputs.decide, {
        actor: {
          userRef: 'user:default/s',
          ownershipRefs: ['group:default/mfa'],
        },
      }).ok,
    ).toBe(true);
  });

  it('lets only the system expire, and the system revoke and withdraw but nothing else', () => {
    expect(
      plan('approved', validInputs.expire, { actor: reviewer }),
    ).toMatchObject({
      ok: false,
      violation: { code: 'not-allowed' },
    });
    expect(plan('approved', validInputs.revoke, { actor: 'system' })).toEqual({
      ok: true,
      to: 'revoked',
    });
    expect(
      plan('submitted', validInputs.accept, { actor: 'system' }),
    ).toMatchObject({
      ok: false,
      violation: { code: 'not-allowed' },
    });
    // A request whose system left the catalog is closed by the system...
    expect(
      plan('on-agenda', { action: 'withdraw' }, { actor: 'system' }),
    ).toEqual({ ok: true, to: 'withdrawn' });
    // ...but a decision is never withdrawn, whoever asks.
    expect(
      plan('approved', { action: 'withdraw' }, { actor: 'system' }),
    ).toMatchObject({ ok: false, violation: { code: 'wrong-state' } });
    // Someone outside the applicant's side still may not withdraw.
    expect(
      plan('on-agenda', { action: 'withdraw' }, { actor: reviewer }),
    ).toMatchObject({ ok: false, violation: { code: 'not-allowed' } });
  });

  it('lists the actions available to each actor', () => {
    const request = {
      state: 'on-agenda' as const,
      applicant,
      content: completeContent,
    };
    expect(availableActions(request, applicantActor)).toEqual(['withdraw']);
    expect(availableActions(request, reviewer)).toEqual([
      'propose-decision',
      'decide',
    ]);
    expect(
      availableActions({ ...request, state: 'approved' }, 'system').sort(),
    ).toEqual(['expire', 'revoke']);
    expect(availableActions(request, 'system')).toEqual(['withdraw']);
    // Four eyes: one proposes the revocation, another confirms it.
    expect(
      availableActions({ ...request, state: 'approved' }, reviewer),
    ).toEqual(['propose-revocation']);
    const proposed = {
      ...request,
      state: 'approved' as const,
      revocationProposal: {
        reason: 'x',
        proposedBy: reviewer.userRef,
        proposedAt: '2026-12-01T00:00:00Z',
      },
    };
    expect(availableActions(proposed, reviewer)).toEqual([]);
    expect(
      availableActions(proposed, {
        userRef: 'user:default/second',
        ownershipRefs: [],
      }),
    ).toEqual(['revoke']);
  });
});

describe('planTransition: submission needs a complete request', () => {
  it('names each missing item', () => {
    const { securityPlan: _s, cost: _c, ...partial } = completeContent;
    const result = plan('draft', validInputs.submit, {
      actor: applicantActor,
      content: partial,
    });
    expect(result).toEqual({
      ok: false,
      violation: {
        code: 'incomplete',
        message: expect.stringMatching(
          /cost and budget programme.*security plan/,
        ),
        problems: [
          expect.objectContaining({ field: 'cost', problem: 'missing' }),
          expect.objectContaining({
            field: 'securityPlan',
            problem: 'missing',
          }),
        ],
      },
    });
  });
});

describe('planTransition: required inputs', () => {
  const decide = validInputs.decide as Extract<
    TransitionInput,
    { action: 'decide' }
  >;
  const draft = validInputs['propose-decision'] as Extract<
    TransitionInput,
    { action: 'propose-decision' }
  >;

  it.each([
    [
      'return without a reason',
      'submitted',
      { action: 'return', reason: ' ' },
      /reason/,
    ],
    [
      'revoke without a reason',
      'approved',
      { action: 'revoke', reason: '' },
      /reason/,
    ],
    [
      'platform review without text',
      'platform-review',
      {
        action: 'complete-platform-review',
        finding: 'platform-can-serve',
        text: '',
      },
      /text/,
    ],
    [
      'platform review with an unknown finding',
      'platform-review',
      { action: 'complete-platform-review', finding: 'maybe', text: 'x' },
      /finding/,
    ],
    [
      'request-info without questions',
      'platform-review',
      { action: 'request-info', questions: '' },
      /questions/,
    ],
    [
      'agenda from ministry review without the ministry opinion',
      'ministry-review',
      { action: 'set-agenda', sittingDate: '2026-12-03' },
      /ministryOpinion/,
    ],
    [
      'agenda with an empty ministry opinion',
      'ministry-review',
      {
        action: 'set-agenda',
        sittingDate: '2026-12-03',
        ministryOpinion: { recommendation: 'approve', text: '' },
      },
      /ministryOpinion\.text/,
    ],
    [
      'agenda for a sitting in the past',
      'deferred',
      { action: 'set-agenda', sittingDate: '2026-11-26' },
      /in the past/,
    ],
    [
      'approval without expiresAt',
      'on-agenda',
      { ...draft, outcome: 'approved', expiresAt: undefined, conditions: [] },
      /expiresAt is required/,
    ],
    [
      'approval expiring on the sitting day',
      'on-agenda',
      { ...draft, expiresAt: '2026-12-03' },
      /expiresAt 2026-12-03 must be after the sitting date/,
    ],
    [
      'approval with conditions but none given',
      'on-agenda',
      { ...draft, conditions: [] },
      /conditions are required/,
    ],
    [
      'a condition without a due date',
      'on-agenda',
      { ...draft, conditions: [{ text: 'Audit', dueDate: '' }] },
      /conditions\.0\.dueDate/,
    ],
    [
      'a condition due after the expiry',
      'on-agenda',
      { ...draft, conditions: [{ text: 'Audit', dueDate: '2028-01-01' }] },
      /must not be after the approval expires/,
    ],
    [
      'a plain approval carrying conditions',
      'on-agenda',
      { ...draft, outcome: 'approved' },
      /conditions are only for an approval with conditions/,
    ],
    [
      'a rejection without reasons',
      'on-agenda',
      {
        ...draft,
        outcome: 'rejected',
        expiresAt: undefined,
        conditions: undefined,
      },
      /reasons are required/,
    ],
    [
      'a rejection with an expiry',
      'on-agenda',
      { ...draft, outcome: 'rejected', reasons: 'No', conditions: undefined },
      /expiresAt is only for approvals/,
    ],
    [
      'a decision without a protocol number',
      'on-agenda',
      { ...decide, protocolNumber: '' },
      /protocolNumber/,
    ],
    [
      'mark-condition without evidence',
      'approved-with-conditions',
      {
        action: 'mark-condition',
        conditionId: 'c1',
        status: 'met',
        evidence: '',
      },
      /evidence/,
    ],
  ] as [string, RequestState, TransitionInput, RegExp][])(
    'refuses %s',
    (_name, state, input, message) => {
      const actor = input.action === 'provide-info' ? applicantActor : reviewer;
      expect(plan(state, input, { actor })).toEqual({
        ok: false,
        violation: {
          code: 'invalid-input',
          message: expect.stringMatching(message),
        },
      });
    },
  );

  it('refuses a decision for another sitting than the agenda', () => {
    const result = planTransition({
      request: {
        state: 'on-agenda',
        content: completeContent,
        applicant,
        sittingDate: '2026-12-10',
      },
      input: decide,
      actor: reviewer,
      tally: approvingTally,
      now,
    });
    expect(result).toMatchObject({
      ok: false,
      violation: {
        code: 'invalid-input',
        message: expect.stringMatching(/2026-12-10/),
      },
    });
  });

  it('puts a deferred request back on the agenda without a new ministry opinion', () => {
    expect(
      plan('deferred', { action: 'set-agenda', sittingDate: '2026-11-27' }),
    ).toEqual({ ok: true, to: 'on-agenda' });
  });

  it('rejects a request with reasons, when the votes are against', () => {
    const against = tallyVotes(
      [
        {
          member: 'user:default/m1',
          choice: 'against',
          at: '2026-12-03T05:00:00Z',
        },
        {
          member: 'user:default/m2',
          choice: 'abstain',
          at: '2026-12-03T05:00:00Z',
        },
        {
          member: 'user:default/m3',
          choice: 'for',
          at: '2026-12-03T05:00:00Z',
        },
      ],
      5,
      { quorum: 0.5, majority: 0.5 },
    );
    const rejectionDraft: DraftDecision = {
      outcome: 'rejected',
      reasons: 'The platform can serve it',
      conditions: [],
      round: 2,
      proposedBy: 'user:default/secretary',
      proposedAt: '2026-12-03T04:00:00Z',
    };
    // Against the approval draft: it does not pass...
    expect(
      plan('on-agenda', validInputs.decide, { tally: against }),
    ).toMatchObject({
      ok: false,
      violation: { code: 'not-supported-by-votes' },
    });
    // ...and a rejection is itself a draft the members vote through.
    expect(
      plan(
        'on-agenda',
        {
          action: 'decide',
          outcome: 'rejected',
          protocolNumber: '12',
          sittingDate: '2026-12-03',
        },
        { tally: approvingTally, draft: rejectionDraft },
      ),
    ).toMatchObject({
      ok: true,
      to: 'rejected',
      decision: { outcome: 'rejected', reasons: 'The platform can serve it' },
    });
  });
});

describe('planTransition: the decision follows the votes', () => {
  const base = {
    action: 'decide' as const,
    protocolNumber: '7',
    sittingDate: '2026-12-03',
  };
  const approval = {
    ...base,
    outcome: 'approved' as const,
    expiresAt: '2027-12-31',
  };
  const rejection = {
    ...base,
    outcome: 'rejected' as const,
    reasons: 'Duplicate',
  };
  const deferral = { ...base, outcome: 'deferred' as const };
  const vote = (member: string, choice: Vote['choice']): Vote => ({
    member: `user:default/${member}`,
    choice,
    at: '2026-12-03T05:00:00Z',
  });
  const noQuorum = tallyVotes([vote('a', 'for')], 5, {
    quorum: 0.5,
    majority: 0.5,
  });
  const forMajority = tallyVotes(
    [vote('a', 'for'), vote('b', 'for'), vote('c', 'abstain')],
    5,
    { quorum: 0.5, majority: 0.5 },
  );
  const tie = tallyVotes(
    [
      vote('a', 'for'),
      vote('b', 'against'),
      vote('c', 'for'),
      vote('d', 'against'),
    ],
    5,
    { quorum: 0.5, majority: 0.5 },
  );

  // The members vote for or against the draft on the agenda: an approval.
  const approvalDraft: DraftDecision = {
    outcome: 'approved',
    expiresAt: '2027-12-31',
    conditions: [],
    round: 1,
    proposedBy: 'user:default/secretary',
    proposedAt: '2026-12-03T04:00:00Z',
  };

  it.each([
    ['no quorum', noQuorum, approval, 'not-supported-by-votes'],
    ['no quorum', noQuorum, rejection, 'differs-from-draft'],
    ['no quorum', noQuorum, deferral, 'deferred'],
    ['a majority for', forMajority, approval, 'approved'],
    ['a majority for', forMajority, rejection, 'differs-from-draft'],
    ['a majority for', forMajority, deferral, 'deferred'],
    ['a tie', tie, approval, 'not-supported-by-votes'],
    ['a tie', tie, deferral, 'deferred'],
    ['no votes counted', undefined, approval, 'not-supported-by-votes'],
    ['no votes counted', undefined, deferral, 'deferred'],
  ] as const)(
    'with %s, deciding gives the expected result (row %#)',
    (_name, tally, input, outcome) => {
      const result = plan('on-agenda', input, { tally, draft: approvalDraft });
      expect(result).toMatchObject(
        outcome === 'not-supported-by-votes' || outcome === 'differs-from-draft'
          ? { ok: false, violation: { code: outcome } }
          : { ok: true, to: outcome },
      );
    },
  );

  it('explains a missing quorum', () => {
    expect(
      plan('on-agenda', approval, { tally: noQuorum, draft: approvalDraft }),
    ).toMatchObject({
      violation: { message: expect.stringMatching(/quorum \(1 of 3 needed\)/) },
    });
  });
});

describe('planTransition: the commission decides the terms', () => {
  const decide = validInputs.decide as Extract<
    TransitionInput,
    { action: 'decide' }
  >;

  it('records the voted draft, and only it', () => {
    expect(plan('on-agenda', decide)).toMatchObject({
      ok: true,
      to: 'approved-with-conditions',
      decision: { expiresAt: '2027-12-31' },
    });
    // The terms may be left out: they are the draft's.
    expect(
      plan('on-agenda', {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: '12',
        sittingDate: '2026-12-03',
      }),
    ).toMatchObject({
      ok: true,
      decision: {
        expiresAt: '2027-12-31',
        conditions: defaultDraft.conditions,
      },
    });
    for (const changed of [
      { expiresAt: '2099-12-31' },
      { conditions: [{ text: 'Something else', dueDate: '2027-03-01' }] },
      { conditions: [] },
      { reasons: 'Other reasons' },
      { outcome: 'approved' as const, conditions: undefined },
    ]) {
      expect(plan('on-agenda', { ...decide, ...changed })).toMatchObject({
        ok: false,
        violation: {
          code: 'differs-from-draft',
          message: expect.stringContaining('round 1'),
        },
      });
    }
  });

  it('needs a draft on the agenda for anything but a deferral', () => {
    expect(plan('on-agenda', decide, { draft: null })).toMatchObject({
      ok: false,
      violation: { code: 'wrong-state', message: /propose-decision/ },
    });
  });

  it('limits an approval to moratorium.exemption.maxMonths', () => {
    const draft = validInputs['propose-decision'] as Extract<
      TransitionInput,
      { action: 'propose-decision' }
    >;
    const far = {
      ...draft,
      expiresAt: '2099-12-31',
    };
    expect(plan('on-agenda', far)).toMatchObject({
      ok: false,
      violation: {
        code: 'invalid-input',
        message: expect.stringMatching(
          /moratorium\.exemption\.maxMonths \(36\).*2029-12-03/,
        ),
      },
    });
    expect(
      plan('on-agenda', { ...far, expiresAt: '2029-12-03' }),
    ).toMatchObject({ ok: true });
    expect(
      plan(
        'on-agenda',
        { ...far, expiresAt: '2027-12-04' },
        { limits: { maxExemptionMonths: 12, maxDeferrals: 2 } },
      ),
    ).toMatchObject({ ok: false, violation: { code: 'invalid-input' } });
  });

  it('defers at most moratorium.maxDeferrals times', () => {
    const deferral = {
      ...decide,
      outcome: 'deferred' as const,
      expiresAt: undefined,
      conditions: undefined,
    };
    expect(plan('on-agenda', deferral, { deferrals: 1 })).toEqual({
      ok: true,
      to: 'deferred',
    });
    expect(plan('on-agenda', deferral, { deferrals: 2 })).toMatchObject({
      ok: false,
      violation: {
        code: 'limit-reached',
        message: expect.stringMatching(/moratorium\.maxDeferrals \(2\)/),
      },
    });
  });

  it("revokes only on a second person's confirmation", () => {
    const revoke = validInputs.revoke;
    expect(plan('approved', revoke, { proposal: null })).toMatchObject({
      ok: false,
      violation: { code: 'wrong-state', message: /propose-revocation/ },
    });
    expect(
      plan('approved', revoke, {
        proposal: { ...otherProposal, proposedBy: reviewer.userRef },
      }),
    ).toMatchObject({ ok: false, violation: { code: 'not-allowed' } });
    expect(plan('approved', revoke)).toEqual({ ok: true, to: 'revoked' });
    // The scheduled task (a missed condition) needs nobody's confirmation.
    expect(
      plan('approved', revoke, { actor: 'system', proposal: null }),
    ).toEqual({ ok: true, to: 'revoked' });
    expect(
      plan('approved', validInputs['propose-revocation'], {
        proposal: otherProposal,
      }),
    ).toMatchObject({ ok: false, violation: { code: 'wrong-state' } });
  });
});

describe("planTransition: the system and the body are the system's to judge", () => {
  it('keeps the system and the state body fixed after submission', () => {
    for (const [field, content] of [
      [
        'content.stateBodyRef',
        { ...completeContent, stateBodyRef: 'group:default/minfin' },
      ],
      [
        'content.system',
        {
          ...completeContent,
          system: { kind: 'existing', entityRef: 'system:default/other' },
        },
      ],
    ] as [string, RequestContent][]) {
      expect(
        plan(
          'info-requested',
          { action: 'provide-info', answer: 'Here', content },
          { actor: applicantActor },
        ),
      ).toMatchObject({
        ok: false,
        violation: {
          code: 'fixed-field',
          message: expect.stringContaining(field),
        },
      });
    }
  });

  it('sends changed content back through review with stale opinions', () => {
    const changed = { ...completeContent, purpose: 'Something else now' };
    expect(
      plan(
        'info-requested',
        { action: 'provide-info', answer: 'Here', content: changed },
        { actor: applicantActor, resumeState: 'ministry-review' },
      ),
    ).toEqual({ ok: true, to: 'platform-review', opinionsStale: true });
    // Edited with PUT while information was requested.
    expect(
      plan('info-requested', validInputs['provide-info'], {
        actor: applicantActor,
        resumeState: 'ministry-review',
        contentChanged: true,
      }),
    ).toEqual({ ok: true, to: 'platform-review', opinionsStale: true });
  });

  it.each([
    'accept',
    'return',
    'request-info',
    'set-agenda',
    'propose-decision',
    'decide',
    'propose-revocation',
    'revoke',
    'mark-condition',
  ] as RequestAction[])(
    'refuses %s to a member of the requesting state body, naming the conflict',
    action => {
      const rule = transitionRule(action);
      expect(rule.actor).toBe('not-conflicted');
      const state = rule.from[0];
      expect(
        plan(state, validInputs[action], { actor: colleague }),
      ).toMatchObject({
        ok: false,
        violation: {
          code: 'conflict-of-interest',
          message: expect.stringContaining(
            'you belong to group:default/mcriap, the state body that asks',
          ),
        },
      });
    },
  );
});

describe('isDecided', () => {
  it('is true past a decision and false before it', () => {
    expect(REQUEST_STATES.filter(isDecided)).toEqual([
      'approved',
      'approved-with-conditions',
      'rejected',
      'withdrawn',
      'expired',
      'revoked',
    ]);
  });
});

describe('parseTransitionInput', () => {
  it('accepts every valid input and drops unknown fields', () => {
    for (const input of Object.values(validInputs)) {
      expect(parseTransitionInput({ ...input, version: 3 })).toEqual(input);
    }
  });

  it('trims text fields', () => {
    expect(
      parseTransitionInput({ action: 'return', reason: '  Wrong body ' }),
    ).toEqual({
      action: 'return',
      reason: 'Wrong body',
    });
  });

  it.each([
    [null, /body must be a JSON object/],
    [[], /body must be a JSON object/],
    [{}, /action is required/],
    [{ action: 'fly' }, /action must be one of submit, accept/],
    [{ action: 'return' }, /reason is required/],
    [{ action: 'return', reason: '   ' }, /reason must not be empty/],
    [{ action: 'revoke', reason: 42 }, /reason: Invalid input/],
    [{ action: 'request-info' }, /questions is required/],
    [
      { action: 'set-agenda', sittingDate: '2026-02-30' },
      /sittingDate must be a date as YYYY-MM-DD/,
    ],
    [
      {
        action: 'set-agenda',
        sittingDate: '2026-12-03',
        ministryOpinion: { recommendation: 'maybe', text: 'x' },
      },
      /ministryOpinion\.recommendation/,
    ],
    [
      {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: '1',
        sittingDate: '2026-12-03',
        expiresAt: '31.12.2027',
      },
      /expiresAt must be a date/,
    ],
    [
      {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: '1',
        sittingDate: '2026-12-03',
        conditions: [{ text: 'Audit' }],
      },
      /conditions\.0\.dueDate is required/,
    ],
    [
      { action: 'decide', protocolNumber: '1', sittingDate: '2026-12-03' },
      /outcome is required/,
    ],
    [
      {
        action: 'provide-info',
        answer: 'x',
        content: {
          attachments: [{ title: 'a', url: 'ftp://x', sha256: 'ab' }],
        },
      },
      /content\.attachments\.0\.url must be an http or https URL; content\.attachments\.0\.sha256 must be 64/,
    ],
    [
      {
        action: 'mark-condition',
        conditionId: 'c1',
        status: 'missed',
        evidence: 'x',
      },
      /status/,
    ],
  ])('rejects %j naming the field', (body, message) => {
    expect(() => parseTransitionInput(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    );
  });
});
