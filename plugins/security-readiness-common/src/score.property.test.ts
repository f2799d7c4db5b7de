import fc from 'fast-check';
import { RegistryRecord } from '@qaztech/plugin-registry-common';
import { DEFAULT_SCORECARD } from './defaultScorecard';
import { evaluateScorecard } from './score';
import {
  NOW,
  attest,
  daysAgo,
  daysAhead,
  fact,
  makeSystem,
  passingFacts,
  waiver,
} from './__fixtures__/systems';
import {
  Attestation,
  AttestationResult,
  READINESS_LEVELS,
  ScorecardResult,
} from './types';

// score.test.ts checks the bounds, the weighted mean and that a failed gate
// is never ready; these properties pin how the result moves when one piece
// of evidence changes.

const ATTESTED_CHECKS = [
  'security-governance',
  'soc-monitoring',
  'restore-and-exercise',
  'hosting',
  'data-categories',
  'crypto-and-login',
];

const resultArb = fc.oneof(
  fc.constantFrom<AttestationResult>('pass', 'fail'),
  fc.integer({ min: 0, max: 10 }),
);

const attestationArb = fc.record({
  checkId: fc.constantFrom(...ATTESTED_CHECKS),
  result: resultArb,
  age: fc.integer({ min: 1, max: 500 }),
});

/** Systems that differ in what the gates and applicability look at. */
const systemArb = fc.record({
  stage: fc.constantFrom<RegistryRecord['lifecycle']['stage']>(
    'pilot-operation',
    'industrial-operation',
    'development',
  ),
  critical: fc.boolean(),
  hosting: fc.constantFrom<RegistryRecord['hosting']>(
    { kind: 'platform', country: 'KZ' },
    { kind: 'own', country: 'KZ' },
    { kind: 'commercial', country: 'DE' },
  ),
  personal: fc.boolean(),
  hasAct: fc.boolean(),
  openssf: fc.integer({ min: 0, max: 10 }),
});

type System = typeof systemArb extends fc.Arbitrary<infer T> ? T : never;

function evaluate(
  s: System,
  attestations: Attestation[],
  extra: {
    waivers?: Parameters<typeof evaluateScorecard>[0]['waivers'];
    checks?: string[];
  } = {},
): ScorecardResult {
  const scorecard = extra.checks
    ? {
        ...DEFAULT_SCORECARD,
        checks: DEFAULT_SCORECARD.checks.filter(c =>
          extra.checks!.includes(c.id),
        ),
      }
    : DEFAULT_SCORECARD;
  return evaluateScorecard({
    entity: makeSystem({
      lifecycle: { stage: s.stage, history: [] },
      classification: {
        critical: s.critical,
        confidentiality: 'medium',
        integrity: 'medium',
        availability: 'medium',
      },
      hosting: s.hosting,
      dataCategories: s.personal ? ['personal'] : ['open'],
      securityTestAct: s.hasAct
        ? { number: 'ГТС-1', date: '2025-01-17', version: '3.2.0' }
        : undefined,
    }),
    scorecard,
    facts: [
      ...passingFacts().filter(f => f.type !== 'openssf-scorecard'),
      fact('openssf-scorecard', {
        checks: [
          'Branch-Protection',
          'Code-Review',
          'SAST',
          'Pinned-Dependencies',
          'Dependency-Update-Tool',
          'SBOM',
          'Dangerous-Workflow',
          'Token-Permissions',
          'Binary-Artifacts',
        ].map(name => ({ name, score: s.openssf })),
      }),
    ],
    attestations,
    waivers: extra.waivers ?? [],
    now: NOW,
  });
}

const attestationsOf = (
  list: Array<{ checkId: string; result: AttestationResult; age: number }>,
) =>
  list.map((a, i) =>
    attest(a.checkId, a.result, a.age, {
      id: `a${i}`,
      ...(a.checkId === 'restore-and-exercise'
        ? { evidence: { performedOn: daysAgo(a.age).slice(0, 10) } }
        : {}),
    }),
  );

const rank = (level: string) =>
  READINESS_LEVELS.length -
  READINESS_LEVELS.indexOf(level as (typeof READINESS_LEVELS)[number]);
function numeric(result: AttestationResult): number {
  if (result === 'pass') {
    return 10;
  }
  return result === 'fail' ? 0 : result;
}

describe('evaluateScorecard properties', () => {
  it('never lowers the score or the level when an attested result improves', () => {
    fc.assert(
      fc.property(
        systemArb,
        fc.array(attestationArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        resultArb,
        (s, list, which, better) => {
          const i = which % list.length;
          fc.pre(numeric(better) >= numeric(list[i].result));
          const before = evaluate(s, attestationsOf(list));
          const improved = [...list];
          improved[i] = { ...list[i], result: better };
          const after = evaluate(s, attestationsOf(improved));
          expect(after.score ?? 0).toBeGreaterThanOrEqual(before.score ?? 0);
          expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
          expect(after.gatesFailed).toEqual(before.gatesFailed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves a waived check out of the score exactly, while its gate still holds', () => {
    fc.assert(
      fc.property(
        systemArb,
        fc.array(attestationArb, { maxLength: 6 }),
        fc.constantFrom(...DEFAULT_SCORECARD.checks.map(c => c.id)),
        fc.integer({ min: 1, max: 90 }),
        (s, list, checkId, days) => {
          const attestations = attestationsOf(list);
          const plain = evaluate(s, attestations);
          const waived = evaluate(s, attestations, {
            waivers: [waiver(checkId, { expiresAt: daysAhead(days) })],
          });
          const withoutCheck = evaluate(s, attestations, {
            checks: DEFAULT_SCORECARD.checks
              .map(c => c.id)
              .filter(id => id !== checkId),
          });
          const check = waived.checks.find(c => c.checkId === checkId)!;
          // A check that does not apply cannot be waived either.
          expect({
            status: check.status,
            score: check.score,
            weight: check.weight,
          }).toEqual({
            status: check.applicable ? 'waived' : 'not-applicable',
            score: null,
            weight: 0,
          });
          expect(waived.score).toBe(withoutCheck.score);
          // Waivers never lift a hard gate.
          expect(waived.gatesFailed).toEqual(plain.gatesFailed);
          expect(
            plain.gatesFailed.length === 0 || waived.level === 'not-ready',
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts a waiver only until it expires', () => {
    fc.assert(
      fc.property(
        systemArb,
        fc.constantFrom(
          'soc-monitoring',
          'security-governance',
          'static-analysis',
        ),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom<'granted' | 'requested' | 'rejected' | 'expired'>(
          'granted',
          'requested',
          'rejected',
          'expired',
        ),
        (s, checkId, daysPast, status) => {
          const plain = evaluate(s, []);
          const result = evaluate(s, [], {
            waivers: [
              waiver(checkId, { status, expiresAt: daysAgo(daysPast) }),
            ],
          });
          // Expired at or before now, or never granted: as if absent.
          expect(result).toEqual(plain);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('treats an expired attestation as no attestation: unknown, scoring 0', () => {
    fc.assert(
      fc.property(
        systemArb,
        fc.constantFrom('security-governance', 'soc-monitoring'),
        resultArb,
        fc.integer({ min: 0, max: 300 }),
        (s, checkId, result, expiredDaysAgo) => {
          const expired = attest(checkId, result, 400, {
            expiresAt: daysAgo(expiredDaysAgo),
          });
          const withExpired = evaluate(s, [expired]);
          const without = evaluate(s, []);
          const check = withExpired.checks.find(c => c.checkId === checkId)!;
          fc.pre(check.applicable);
          expect(check).toMatchObject({
            status: 'unknown',
            score: 0,
            reason: { code: 'attestation-expired' },
          });
          expect(withExpired.score).toBe(without.score);
          expect(withExpired.level).toBe(without.level);
        },
      ),
      { numRuns: 300 },
    );
  });
});
