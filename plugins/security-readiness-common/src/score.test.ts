import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  DATA_CATEGORIES,
  LIFECYCLE_STAGES,
  RegistryRecord,
} from '@qaztech/plugin-registry-common';
import { DEFAULT_SCORECARD } from './defaultScorecard';
import { evaluateScorecard, EvaluateScorecardOptions } from './score';
import { hasResultChanged, diffResults } from './history';
import {
  NOW,
  SYSTEM_REF,
  attest,
  daysAgo,
  daysAhead,
  fact,
  makeSystem,
  passingAttestations,
  passingFacts,
  waiver,
} from './__fixtures__/systems';
import { Attestation, Fact, Scorecard, ScorecardResult, Waiver } from './types';

type Case = {
  record?: Partial<RegistryRecord>;
  releaseVersion?: string | null;
  facts?: Fact[];
  attestations?: Attestation[];
  waivers?: Waiver[];
  scorecard?: Scorecard;
};

function evaluate(c: Case = {}): ScorecardResult {
  return evaluateScorecard({
    entity: makeSystem(c.record, c.releaseVersion),
    scorecard: c.scorecard ?? DEFAULT_SCORECARD,
    facts: c.facts ?? passingFacts(),
    attestations: c.attestations ?? passingAttestations(),
    waivers: c.waivers ?? [],
    now: NOW,
  });
}

const check = (result: ScorecardResult, id: string) => {
  const found = result.checks.find(c => c.checkId === id);
  if (!found) {
    throw new Error(`no check ${id}`);
  }
  return found;
};

const without = (list: Attestation[], checkId: string) =>
  list.filter(a => a.checkId !== checkId);

const critical = {
  classification: {
    critical: true,
    confidentiality: 'high',
    integrity: 'high',
    availability: 'high',
  },
} as const;

describe('evaluateScorecard', () => {
  it('scores a system that passes everything 10, ready', () => {
    const result = evaluate();
    expect(result).toMatchObject({
      systemRef: SYSTEM_REF,
      score: 10,
      level: 'ready',
      gatesFailed: [],
      evaluatedAt: NOW.toISOString(),
    });
    expect(result.checks).toHaveLength(13);
    expect(result.checks.every(c => c.status === 'pass')).toBe(true);
    expect(result.checks.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  // Each row: what is different from a passing system, and the outcome.
  it.each<[string, Case, number | null, string, string[]]>([
    [
      'no SOC attestation: 90/100',
      { attestations: without(passingAttestations(), 'soc-monitoring') },
      9,
      'ready',
      [],
    ],
    [
      'no SOC attestation, critical: 106/121',
      {
        record: critical,
        attestations: without(passingAttestations(), 'soc-monitoring'),
      },
      8.8,
      'ready',
      [],
    ],
    [
      'no SOC nor restore attestation: 83/100',
      {
        attestations: without(
          without(passingAttestations(), 'soc-monitoring'),
          'restore-and-exercise',
        ),
      },
      8.3,
      'conditional',
      [],
    ],
    [
      'no SOC nor restore attestation, critical (×1.5): 95.5/121',
      {
        record: critical,
        attestations: without(
          without(passingAttestations(), 'soc-monitoring'),
          'restore-and-exercise',
        ),
      },
      7.9,
      'conditional',
      [],
    ],
    [
      'exactly at the ready threshold: 85/100',
      {
        attestations: without(passingAttestations(), 'soc-monitoring'),
        facts: [
          ...passingFacts().filter(f => f.type !== 'vulnerabilities'),
          fact('vulnerabilities', { critical: 0, high: 1 }),
        ],
      },
      8.5,
      'ready',
      [],
    ],
    [
      'pilot operation without a test act: no gate, restore check not applicable, 78/93',
      {
        record: {
          lifecycle: { stage: 'pilot-operation', history: [] },
          securityTestAct: undefined,
        },
      },
      8.4,
      'conditional',
      [],
    ],
    [
      'industrial operation without a test act: the gate',
      { record: { securityTestAct: undefined } },
      8.5,
      'not-ready',
      ['operating-without-test-act'],
    ],
    [
      'development stage, test act of an older version: the gate',
      {
        record: { lifecycle: { stage: 'development', history: [] } },
        releaseVersion: '3.3.0',
      },
      8.5,
      'not-ready',
      ['operating-without-test-act'],
    ],
    [
      'no release version published: the act is taken as covering',
      { releaseVersion: null },
      10,
      'ready',
      [],
    ],
    [
      'personal data hosted abroad: the gate',
      {
        record: {
          dataCategories: ['personal'],
          hosting: { kind: 'commercial', country: 'DE' },
        },
        attestations: [
          ...passingAttestations(),
          attest('data-categories', 'pass'),
        ],
      },
      9,
      'not-ready',
      ['personal-data-outside-kazakhstan'],
    ],
    [
      'open data hosted abroad: the hosting check fails, no gate',
      { record: { hosting: { kind: 'commercial', country: 'DE' } } },
      9,
      'ready',
      [],
    ],
    [
      'nothing collected or attested: unknown checks score 0',
      { facts: [], attestations: [] },
      3.5,
      'not-ready',
      [],
    ],
  ])('%s', (_, c, score, level, gates) => {
    const result = evaluate(c);
    expect(result.score).toBe(score);
    expect(result.level).toBe(level);
    expect(result.gatesFailed).toEqual(gates);
  });

  it('weighs checks 3, 4, 11 and 12 ×1.5 for critical systems', () => {
    const weights = Object.fromEntries(
      evaluate({ record: critical }).checks.map(c => [c.checkId, c.weight]),
    );
    expect(weights).toMatchObject({
      'test-act': 22.5,
      'overdue-findings': 15,
      'soc-monitoring': 15,
      'restore-and-exercise': 10.5,
      'record-complete': 5,
      hosting: 10,
    });
  });

  it('reports a check without data as unknown, scoring 0, with the reason', () => {
    const result = evaluate({ facts: [], attestations: [] });
    expect(check(result, 'overdue-findings')).toMatchObject({
      status: 'unknown',
      score: 0,
      weight: 10,
      reason: { code: 'no-data', values: { factType: 'findings' } },
    });
    expect(check(result, 'soc-monitoring')).toMatchObject({
      status: 'unknown',
      score: 0,
      reason: { code: 'attestation-missing' },
    });
    // Entity checks still count.
    expect(check(result, 'record-complete').status).toBe('pass');
  });

  it('stops counting facts older than the maximum age', () => {
    const facts = passingFacts().map(f =>
      f.type === 'findings' ? { ...f, observedAt: daysAgo(31) } : f,
    );
    expect(check(evaluate({ facts }), 'overdue-findings')).toMatchObject({
      status: 'unknown',
      score: 0,
      reason: { code: 'facts-stale' },
      evidence: { facts: [{ type: 'findings', source: 'ci:test' }] },
    });
  });

  it('reads the latest fact of a type', () => {
    const facts = [
      ...passingFacts(),
      fact(
        'findings',
        { findings: [{ severity: 'high', openedAt: daysAgo(45) }] },
        0.5,
      ),
    ];
    expect(check(evaluate({ facts }), 'overdue-findings')).toMatchObject({
      status: 'partial',
      score: 5,
      reason: { code: 'findings-overdue', values: { high: 1, overdue: 1 } },
    });
  });

  it('scores a check with several parts by its weakest part', () => {
    const facts = [
      ...passingFacts().filter(f => f.type !== 'vulnerabilities'),
      fact('vulnerabilities', { critical: 1, high: 0 }),
    ];
    expect(check(evaluate({ facts }), 'static-analysis')).toMatchObject({
      status: 'fail',
      score: 0,
      reason: { code: 'vulnerabilities-found' },
    });
    const noVulns = passingFacts().filter(f => f.type !== 'vulnerabilities');
    expect(
      check(evaluate({ facts: noVulns }), 'static-analysis'),
    ).toMatchObject({
      status: 'unknown',
      score: 0,
      reason: { code: 'no-data', values: { factType: 'vulnerabilities' } },
    });
  });

  describe('attestations', () => {
    it('count until they expire, then are unknown with attestation-expired', () => {
      const valid = check(evaluate(), 'soc-monitoring');
      expect(valid).toMatchObject({
        status: 'pass',
        score: 10,
        reason: { code: 'attested' },
        evidence: { attestationId: 'att-soc-monitoring-10' },
      });
      expect(valid.expiresAt).toBe('2027-06-05T06:00:00.000Z');

      const old = attest('soc-monitoring', 'pass', 400);
      const result = evaluate({
        attestations: [
          ...without(passingAttestations(), 'soc-monitoring'),
          old,
        ],
      });
      expect(check(result, 'soc-monitoring')).toMatchObject({
        status: 'unknown',
        score: 0,
        reason: { code: 'attestation-expired' },
        expiresAt: old.expiresAt,
      });
      expect(result.score).toBe(9);
    });

    it('never count longer than the check allows, whatever expiresAt says', () => {
      const old = attest('soc-monitoring', 'pass', 400, {
        expiresAt: daysAhead(100),
      });
      expect(
        check(
          evaluate({
            attestations: [
              ...without(passingAttestations(), 'soc-monitoring'),
              old,
            ],
          }),
          'soc-monitoring',
        ),
      ).toMatchObject({
        status: 'unknown',
        reason: { code: 'attestation-expired' },
        expiresAt: '2026-05-11T06:00:00.000Z',
      });
    });

    it('count the restore test from the day it was performed', () => {
      const restore = (performedDaysAgo: number) =>
        evaluate({
          attestations: [
            ...without(passingAttestations(), 'restore-and-exercise'),
            attest('restore-and-exercise', 'pass', 5, {
              evidence: { performedOn: daysAgo(performedDaysAgo).slice(0, 10) },
            }),
          ],
        });
      expect(check(restore(300), 'restore-and-exercise').status).toBe('pass');
      expect(check(restore(300), 'restore-and-exercise').expiresAt).toBe(
        '2026-08-18T19:00:00.000Z',
      );
      expect(check(restore(400), 'restore-and-exercise')).toMatchObject({
        status: 'unknown',
        reason: { code: 'attestation-expired' },
      });
    });

    it('use the latest attestation, with a numeric or failing result', () => {
      const result = evaluate({
        attestations: [
          ...without(passingAttestations(), 'soc-monitoring'),
          attest('soc-monitoring', 'pass', 20),
          attest('soc-monitoring', 6, 2),
        ],
      });
      expect(check(result, 'soc-monitoring')).toMatchObject({
        status: 'partial',
        score: 6,
      });
      expect(
        check(
          evaluate({
            attestations: [
              ...without(passingAttestations(), 'soc-monitoring'),
              attest('soc-monitoring', 'fail', 1),
            ],
          }),
          'soc-monitoring',
        ),
      ).toMatchObject({ status: 'fail', score: 0 });
    });

    it('decide hosting in an own data centre in Kazakhstan', () => {
      const record = { hosting: { kind: 'own', country: 'KZ' } } as const;
      expect(check(evaluate({ record }), 'hosting')).toMatchObject({
        status: 'unknown',
        score: 0,
        reason: { code: 'hosting-needs-attestation', values: { kind: 'own' } },
      });
      expect(
        check(
          evaluate({
            record,
            attestations: [...passingAttestations(), attest('hosting', 8)],
          }),
          'hosting',
        ),
      ).toMatchObject({ status: 'partial', score: 8 });
    });

    it('take the more recent of a passing probe and an attestation', () => {
      const run = (attestedDaysAgo: number) =>
        check(
          evaluate({
            facts: passingFacts(),
            attestations: [
              ...passingAttestations(),
              attest('crypto-and-login', 4, attestedDaysAgo),
            ],
          }),
          'crypto-and-login',
        );
      // The probe was observed a day ago.
      expect(run(0)).toMatchObject({ score: 4, reason: { code: 'attested' } });
      expect(run(10)).toMatchObject({ score: 10 });
    });

    it('never let an attestation lift a check above a failing probe', () => {
      const facts = [
        ...passingFacts().filter(f => f.type !== 'tls-probe'),
        fact(
          'tls-probe',
          { approvedCrypto: true, governmentIdpLogin: false },
          5,
        ),
      ];
      const run = (result: Attestation['result'], attestedDaysAgo: number) =>
        check(
          evaluate({
            facts,
            attestations: [
              ...passingAttestations(),
              attest('crypto-and-login', result, attestedDaysAgo),
            ],
          }),
          'crypto-and-login',
        );
      const failing = {
        score: 5,
        reason: {
          code: 'fields-true',
          values: { failed: 'governmentIdpLogin' },
        },
      };
      // A newer passing attestation does not overrule the probe…
      expect(run('pass', 2)).toMatchObject(failing);
      expect(run('pass', 2).evidence.summary).toMatch(/a waiver does/);
      expect(run('pass', 10)).toMatchObject(failing);
      // …but a newer, lower one still lowers the check.
      expect(run('fail', 2)).toMatchObject({ score: 0, status: 'fail' });
    });

    it('read only facts from the sources a check trusts', () => {
      const scorecard = {
        ...DEFAULT_SCORECARD,
        checks: DEFAULT_SCORECARD.checks.map(c =>
          c.id === 'static-analysis' && c.evaluation.kind === 'facts'
            ? {
                ...c,
                evaluation: {
                  ...c.evaluation,
                  sources: ['http:trivy', 'ci:*'],
                  also: c.evaluation.also?.map(a => ({
                    ...a,
                    sources: ['http:trivy', 'ci:*'],
                  })),
                },
              }
            : c,
        ),
      };
      const forged = (type: string, value: Fact['value']): Fact => ({
        ...fact(type, value, 0),
        source: 'pipeline-of-someone-else',
      });
      const run = (extra: Fact[]) =>
        check(
          evaluate({
            scorecard,
            facts: [...passingFacts(), ...extra],
            attestations: passingAttestations(),
          }),
          'static-analysis',
        );
      const trusted = run([]);
      expect(trusted.score).toBe(10);
      // A newer fact from an untrusted source changes nothing.
      expect(
        run([forged('vulnerabilities', { critical: 9, high: 9 })]),
      ).toEqual(trusted);
      // One from a trusted source does.
      expect(
        run([
          {
            ...fact('vulnerabilities', { critical: 9, high: 9 }, 0),
            source: 'ci:gitlab',
          },
        ]).score,
      ).toBeLessThan(10);
    });
  });

  describe('waivers', () => {
    const noSoc = without(passingAttestations(), 'soc-monitoring');

    it('take a granted, unexpired waiver’s check out of the score', () => {
      const result = evaluate({
        attestations: noSoc,
        waivers: [waiver('soc-monitoring')],
      });
      expect(result.score).toBe(10);
      expect(check(result, 'soc-monitoring')).toMatchObject({
        status: 'waived',
        score: null,
        weight: 0,
        waiverId: 'w-soc-monitoring',
        expiresAt: daysAhead(30),
        reason: { code: 'waived' },
      });
    });

    it.each<[string, Partial<Waiver>]>([
      ['expired', { expiresAt: daysAgo(1) }],
      ['requested', { status: 'requested' }],
      ['rejected', { status: 'rejected' }],
      ['marked expired', { status: 'expired' }],
      ['of another system', { systemRef: 'system:default/other' }],
    ])('ignore a waiver %s', (_, extra) => {
      const result = evaluate({
        attestations: noSoc,
        waivers: [waiver('soc-monitoring', extra)],
      });
      expect(result.score).toBe(9);
      expect(check(result, 'soc-monitoring').status).toBe('unknown');
    });

    it('do not lift a hard gate', () => {
      const result = evaluate({
        record: { securityTestAct: undefined },
        waivers: [waiver('test-act')],
      });
      expect(check(result, 'test-act')).toMatchObject({
        status: 'waived',
        gate: { rule: 'operating-without-test-act', failed: true },
      });
      expect(result.score).toBe(10);
      expect(result.level).toBe('not-ready');
    });
  });

  it('leaves out checks that do not apply', () => {
    const planned = evaluate({
      record: { lifecycle: { stage: 'planned', history: [] } },
      facts: [],
      attestations: [],
    });
    expect(
      planned.checks.filter(c => c.applicable).map(c => c.checkId),
    ).toEqual(['record-complete', 'data-categories']);
    expect(check(planned, 'test-act')).toMatchObject({
      status: 'not-applicable',
      score: null,
      weight: 0,
    });
    expect(planned.score).toBe(10);
    expect(planned.level).toBe('ready');
  });

  it('has no score and is not ready when no check applies', () => {
    const result = evaluateScorecard({
      entity: makeSystem({ lifecycle: { stage: 'planned', history: [] } }),
      scorecard: {
        ...DEFAULT_SCORECARD,
        checks: DEFAULT_SCORECARD.checks.filter(c => c.id === 'test-act'),
      },
      now: NOW,
    });
    expect(result.score).toBeNull();
    expect(result.level).toBe('not-ready');
  });

  describe('inputsHash', () => {
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    const options = (facts: Fact[]): EvaluateScorecardOptions => ({
      entity: makeSystem(),
      scorecard: DEFAULT_SCORECARD,
      facts,
      attestations: passingAttestations(),
      now: NOW,
      hash: sha256,
    });

    it('is the same for the same evidence, in any order and at any time', () => {
      const a = evaluateScorecard(options(passingFacts()));
      const b = evaluateScorecard({
        ...options([...passingFacts()].reverse()),
        now: new Date(NOW.getTime() + 60_000),
      });
      expect(a.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(b.inputsHash).toBe(a.inputsHash);
    });

    it('ignores facts no check reads, and changes with those read', () => {
      const base = evaluateScorecard(options(passingFacts())).inputsHash;
      expect(
        evaluateScorecard(
          options([...passingFacts(), fact('unrelated', { x: 1 })]),
        ).inputsHash,
      ).toBe(base);
      expect(
        evaluateScorecard(
          options([...passingFacts(), fact('findings', { findings: [] }, 0)]),
        ).inputsHash,
      ).not.toBe(base);
    });

    it('is left out without a hash function', () => {
      expect(evaluate().inputsHash).toBeUndefined();
    });
  });

  it('tells a changed result from an equal one', () => {
    const before = evaluate();
    const same = evaluate({ facts: [...passingFacts()].reverse() });
    expect(hasResultChanged(before, same)).toBe(false);
    const after = evaluate({
      attestations: without(passingAttestations(), 'soc-monitoring'),
    });
    expect(hasResultChanged(before, after)).toBe(true);
    expect(hasResultChanged(undefined, after)).toBe(true);
    expect(diffResults(before, after)).toEqual([
      {
        checkId: 'soc-monitoring',
        from: { status: 'pass', score: 10 },
        to: { status: 'unknown', score: 0 },
      },
    ]);
  });
});

describe('evaluateScorecard properties', () => {
  const recordArb = fc.record({
    stage: fc.constantFrom(...LIFECYCLE_STAGES),
    critical: fc.boolean(),
    hosting: fc.constantFrom(
      { kind: 'platform', country: 'KZ' },
      { kind: 'own', country: 'KZ' },
      { kind: 'commercial', country: 'DE' },
    ),
    dataCategories: fc.subarray([...DATA_CATEGORIES]),
    hasAct: fc.boolean(),
    release: fc.constantFrom('3.2.0', '3.3.0', null),
  });
  const factsArb = fc.record({
    openssf: fc.integer({ min: -1, max: 10 }),
    high: fc.nat(3),
    critical: fc.nat(2),
    findingAge: fc.nat(400),
    severity: fc.constantFrom('critical', 'high', 'medium', 'low'),
    age: fc.nat(60),
  });
  const attestationsArb = fc.array(
    fc.record({
      checkId: fc.constantFrom(
        'security-governance',
        'soc-monitoring',
        'restore-and-exercise',
        'hosting',
        'data-categories',
        'crypto-and-login',
      ),
      result: fc.oneof(
        fc.constantFrom<'pass' | 'fail'>('pass', 'fail'),
        fc.integer({ min: 0, max: 10 }),
      ),
      age: fc.nat(800),
    }),
    { maxLength: 8 },
  );
  const waiversArb = fc.array(
    fc.record({
      checkId: fc.constantFrom(...DEFAULT_SCORECARD.checks.map(c => c.id)),
      status: fc.constantFrom<Waiver['status']>(
        'requested',
        'granted',
        'rejected',
        'expired',
      ),
      expiresIn: fc.integer({ min: -30, max: 30 }),
    }),
    { maxLength: 4 },
  );

  it('always scores within 0–10, and a failed hard gate is never ready', () => {
    fc.assert(
      fc.property(
        recordArb,
        factsArb,
        attestationsArb,
        waiversArb,
        (r, f, atts, ws) => {
          const entity = makeSystem(
            {
              lifecycle: { stage: r.stage, history: [] },
              classification: {
                critical: r.critical,
                confidentiality: 'low',
                integrity: 'low',
                availability: 'low',
              },
              hosting: r.hosting as RegistryRecord['hosting'],
              dataCategories: r.dataCategories,
              securityTestAct: r.hasAct
                ? { number: 'A-1', date: '2025-01-01', version: '3.2.0' }
                : undefined,
            },
            r.release,
          );
          const result = evaluateScorecard({
            entity,
            scorecard: DEFAULT_SCORECARD,
            facts: [
              fact(
                'openssf-scorecard',
                {
                  checks: ['SAST', 'Code-Review', 'SBOM'].map(name => ({
                    name,
                    score: f.openssf,
                  })),
                },
                f.age,
              ),
              fact('vulnerabilities', { high: f.high, critical: f.critical }),
              fact('findings', {
                findings: [
                  { severity: f.severity, openedAt: daysAgo(f.findingAge) },
                ],
              }),
            ],
            attestations: atts.map((a, i) =>
              attest(a.checkId, a.result, a.age, { id: `a${i}` }),
            ),
            waivers: ws.map((w, i) =>
              waiver(w.checkId, {
                id: `w${i}`,
                status: w.status,
                expiresAt: daysAhead(w.expiresIn),
              }),
            ),
            now: NOW,
          });
          const scores = [result.score, ...result.checks.map(c => c.score)];
          expect(scores.every(s => s === null || (s >= 0 && s <= 10))).toBe(
            true,
          );
          const gateFailed = result.checks.some(c => c.gate?.failed);
          expect(result.gatesFailed.length > 0).toBe(gateFailed);
          expect(!gateFailed || result.level === 'not-ready').toBe(true);
          // Without a test act, a system in industrial operation is never ready.
          const noAct = !r.hasAct && r.stage === 'industrial-operation';
          expect(
            !noAct ||
              (result.gatesFailed.includes('operating-without-test-act') &&
                result.level === 'not-ready'),
          ).toBe(true);
          // The score is the weighted mean of the counted checks.
          const counted = result.checks.filter(c => c.weight > 0);
          const total = counted.reduce((s, c) => s + c.weight, 0);
          const mean =
            total === 0
              ? null
              : counted.reduce((s, c) => s + c.weight * c.score!, 0) / total;
          expect(result.score === null).toBe(mean === null);
          expect(
            Math.abs((result.score ?? 0) - (mean ?? 0)),
          ).toBeLessThanOrEqual(0.05001);
        },
      ),
      { numRuns: 300 },
    );
  });
});
