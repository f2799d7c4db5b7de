import type {
  ExemptionRequest,
  ExemptionRequestSummary,
} from '@qaztech/plugin-moratorium-common';
import { DecisionListItem } from '../api';

/** A request list row. */
export function summary(
  id: string,
  overrides: Partial<ExemptionRequestSummary> = {},
): ExemptionRequestSummary {
  return {
    id,
    number: `EX-2026-${id.padStart(4, '0')}`,
    state: 'platform-review',
    version: 3,
    applicant: 'user:default/aigerim',
    createdAt: '2026-02-02T05:00:00.000Z',
    updatedAt: '2026-02-03T05:00:00.000Z',
    submittedAt: '2026-02-03T05:00:00.000Z',
    system: { kind: 'existing', entityRef: 'system:default/tax' },
    stateBodyRef: 'group:default/minfin',
    ...overrides,
  };
}

/** A complete request on the agenda, as the backend returns it. */
export function request(
  overrides: Partial<ExemptionRequest> = {},
): ExemptionRequest {
  return {
    id: 'r1',
    number: 'EX-2026-0001',
    state: 'on-agenda',
    version: 7,
    content: {
      system: {
        kind: 'planned',
        entityRef: 'system:default/kazna',
        title: {
          ru: 'Казначейская система',
          kk: 'Қазынашылық жүйесі',
          en: 'Treasury system',
        },
      },
      stateBodyRef: 'group:default/minfin',
      purpose: 'Учёт бюджетных платежей казначейства',
      capabilityGaps: [
        {
          capability: 'Processing of classified data',
          reason: 'The platform holds no classified data',
        },
      ],
      cost: { amountKzt: 120000000, budgetProgramme: '001 Treasury' },
      dataCategories: ['financial', 'restricted-official'],
      hosting: { kind: 'state-operator-dc', country: 'KZ' },
      securityPlan: 'Segmented network, certified crypto',
      exitPlan: 'Migrate to the platform by 2028',
      attachments: [
        {
          title: 'Feasibility study',
          url: 'https://docs.example.kz/feasibility.pdf',
          sha256: 'a'.repeat(64),
        },
      ],
    },
    applicant: 'user:default/aigerim',
    submittedBy: 'user:default/aigerim',
    submittedAt: '2026-02-03T05:00:00.000Z',
    createdAt: '2026-02-02T05:00:00.000Z',
    updatedAt: '2026-02-20T05:00:00.000Z',
    similarSystems: [
      {
        entityRef: 'system:default/budget',
        title: { ru: 'Бюджетная система', kk: 'Бюджет жүйесі' },
        registryNumber: 'ИС-100',
        matchedTerms: ['бюджетных'],
      },
    ],
    opinions: [
      {
        stage: 'platform-review',
        finding: 'platform-cannot-serve',
        text: 'No classified segment on the platform',
        by: 'user:default/architect',
        at: '2026-02-10T05:00:00.000Z',
      },
    ],
    sitting: { id: 's1', date: '2026-03-02', requestIds: ['r1'] },
    votes: [
      {
        member: 'user:default/member1',
        choice: 'for',
        opinion: 'Justified',
        at: '2026-03-02T05:00:00.000Z',
      },
      {
        member: 'user:default/member2',
        choice: 'for',
        at: '2026-03-02T05:10:00.000Z',
      },
    ],
    tally: {
      for: 2,
      against: 0,
      abstain: 0,
      recused: 0,
      eligible: 3,
      quorum: 2,
      quorumReached: true,
      supportedOutcomes: ['approved', 'approved-with-conditions', 'deferred'],
    },
    ballot: { round: 1, votesCast: 2, eligible: 3, secret: false },
    draftDecision: {
      outcome: 'approved',
      expiresAt: '2027-03-01',
      conditions: [],
      round: 1,
      proposedBy: 'user:default/secretary',
      proposedAt: '2026-03-01T05:00:00.000Z',
    },
    deferrals: 0,
    deadlines: [],
    history: [
      {
        action: 'create',
        to: 'draft',
        actor: 'user:default/aigerim',
        at: '2026-02-02T05:00:00.000Z',
      },
      {
        action: 'submit',
        from: 'draft',
        to: 'submitted',
        actor: 'user:default/aigerim',
        at: '2026-02-03T05:00:00.000Z',
      },
      {
        action: 'complete-platform-review',
        from: 'platform-review',
        to: 'ministry-review',
        actor: 'user:default/architect',
        at: '2026-02-10T05:00:00.000Z',
        details: { finding: 'platform-cannot-serve', text: 'No segment' },
      },
    ],
    allowedActions: ['decide'],
    ...overrides,
  };
}

/** A row of the register of decisions. */
export function decision(
  requestId: string,
  overrides: Partial<DecisionListItem> = {},
): DecisionListItem {
  return {
    requestId,
    requestNumber: `EX-2026-${requestId.padStart(4, '0')}`,
    outcome: 'approved',
    protocolNumber: `КЦ-2026/${requestId}`,
    sittingDate: '2026-03-02',
    expiresAt: '2027-12-31',
    conditions: [],
    recordedBy: 'user:default/secretary',
    recordedAt: '2026-03-02T10:00:00.000Z',
    system: { kind: 'existing', entityRef: 'system:default/tax' },
    stateBodyRef: 'group:default/minfin',
    state: 'approved',
    ...overrides,
  };
}

/** A backend error body with its status. */
export function errorBody(name: string, message: string, statusCode: number) {
  return {
    error: { name, message },
    response: { statusCode },
  };
}
