import type {
  CheckResult,
  ReadinessSummary,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';
import { ScorecardView } from '../api';

/** The system of the entity tab tests. */
export const SYSTEM_REF = 'system:default/tax';

/** A check result; the defaults are a passing check. */
export function check(
  checkId: string,
  area: CheckResult['area'],
  overrides: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    area,
    applicable: true,
    status: 'pass',
    score: 10,
    weight: 5,
    reason: { code: 'record-complete' },
    evidence: { summary: 'English summary for logs.' },
    ...overrides,
  };
}

/** A requested waiver of the branch protection check. */
export function waiver(overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'w-1',
    systemRef: SYSTEM_REF,
    checkId: 'overdue-findings',
    justification: 'The scanner migration finishes in March.',
    requestedBy: 'user:default/aigerim',
    requestedAt: '2026-11-01T05:00:00.000Z',
    expiresAt: '2027-03-31T18:59:59.999Z',
    status: 'requested',
    ...overrides,
  };
}

/**
 * A scorecard that is not ready: a failed hard gate (the test act covers
 * another version), an unattested governance check, overdue findings, an
 * attested hosting check, a waived check and one that does not apply.
 */
export function scorecardView(
  overrides: Partial<ScorecardView> = {},
): ScorecardView {
  return {
    result: {
      systemRef: SYSTEM_REF,
      score: 5.4,
      level: 'not-ready',
      gatesFailed: ['operating-without-test-act'],
      evaluatedAt: '2026-11-20T04:30:00.000Z',
      inputsHash: 'hash-of-inputs-1',
      checks: [
        check('record-complete', 'governance'),
        check('security-governance', 'governance', {
          status: 'unknown',
          score: 0,
          reason: { code: 'attestation-missing' },
        }),
        check('test-act', 'assurance', {
          status: 'fail',
          score: 0,
          weight: 22.5,
          reason: {
            code: 'test-act-version-mismatch',
            values: {
              number: 'ГТС-2025/118',
              date: '2025-06-02',
              tested: '3.11.0',
              deployed: '3.12.5',
            },
          },
          gate: { rule: 'operating-without-test-act', failed: true },
        }),
        check('overdue-findings', 'assurance', {
          status: 'partial',
          score: 5,
          weight: 10,
          reason: {
            code: 'findings-overdue',
            values: {
              open: 7,
              overdue: 2,
              critical: 0,
              high: 1,
              medium: 1,
              low: 0,
            },
          },
          evidence: {
            summary: 'Findings.',
            facts: [
              {
                type: 'findings',
                source: 'scanner:trivy',
                observedAt: '2026-11-19T10:00:00.000Z',
              },
            ],
          },
        }),
        check('hosting', 'hosting-and-data', {
          weight: 10,
          reason: {
            code: 'attested',
            values: {
              attestedBy: 'user:default/officer',
              attestedAt: '2026-02-10T06:00:00.000Z',
              result: 'pass',
            },
          },
          evidence: {
            summary: 'Attested.',
            attestationId: 'a-1',
            url: 'https://docs.example.kz/dc-approval.pdf',
            sha256: 'a'.repeat(64),
          },
          expiresAt: '2027-02-10T06:00:00.000Z',
        }),
        check('branch-protection', 'secure-development', {
          status: 'waived',
          score: null,
          weight: 0,
          reason: {
            code: 'waived',
            values: { expiresAt: '2027-01-31T18:59:59.999Z' },
          },
          waiverId: 'w-0',
          expiresAt: '2027-01-31T18:59:59.999Z',
        }),
        check('data-categories', 'privacy', {
          applicable: false,
          status: 'not-applicable',
          score: null,
          weight: 0,
          reason: { code: 'not-applicable' },
        }),
      ],
    },
    waivers: [],
    attestations: [
      {
        id: 'a-1',
        systemRef: SYSTEM_REF,
        checkId: 'hosting',
        result: 'pass',
        evidence: {
          url: 'https://docs.example.kz/dc-approval.pdf',
          sha256: 'a'.repeat(64),
          notes: 'Approved by order No. 41.',
        },
        attestedBy: 'user:default/officer',
        attestedAt: '2026-02-10T06:00:00.000Z',
        expiresAt: '2027-02-10T06:00:00.000Z',
      },
    ],
    allowedActions: [],
    ...overrides,
  };
}

/** The national summary of the dashboard tests. */
export function summary(
  overrides: Partial<ReadinessSummary> = {},
): ReadinessSummary {
  return {
    total: 40,
    byLevel: { ready: 10, conditional: 14, 'not-ready': 16 },
    averageScore: 6.3,
    evaluatedAt: '2026-11-20T04:30:00.000Z',
    byStateBody: [
      {
        stateBodyRef: 'group:default/minfin',
        total: 20,
        byLevel: { ready: 8, conditional: 8, 'not-ready': 4 },
        averageScore: 7.4,
      },
      {
        stateBodyRef: 'group:default/akimat-almaty',
        total: 5,
        byLevel: { ready: 0, conditional: 1, 'not-ready': 4 },
        averageScore: 3.1,
      },
      {
        stateBodyRef: 'group:default/mzdrav',
        total: 15,
        byLevel: { ready: 2, conditional: 5, 'not-ready': 8 },
        averageScore: 5.2,
      },
    ],
    trend: [
      {
        date: '2026-11-18',
        byLevel: { ready: 6, conditional: 12, 'not-ready': 22 },
        averageScore: 5.6,
      },
      {
        date: '2026-11-19',
        byLevel: { ready: 8, conditional: 13, 'not-ready': 19 },
        averageScore: 6,
      },
      {
        date: '2026-11-20',
        byLevel: { ready: 10, conditional: 14, 'not-ready': 16 },
        averageScore: 6.3,
      },
    ],
    ...overrides,
  };
}
