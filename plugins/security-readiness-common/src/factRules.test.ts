import { countFindings, evaluateFactRule } from './factRules';
import { NOW, daysAgo } from './__fixtures__/systems';

const DAY = 24 * 60 * 60 * 1000;
const openedDaysAgo = (days: number, extraMs = 0) =>
  new Date(NOW.getTime() - days * DAY - extraMs).toISOString();

describe('overdue findings', () => {
  // FedRAMP limits: high 30, moderate 90, low 180 days; critical as high.
  it.each([
    ['critical', 30, false],
    ['critical', 31, true],
    ['high', 30, false],
    ['high', 31, true],
    ['medium', 90, false],
    ['medium', 91, true],
    ['moderate', 91, true],
    ['low', 180, false],
    ['low', 181, true],
  ] as const)(
    'a %s finding open %i days is overdue: %s',
    (severity, days, overdue) => {
      const counts = countFindings(
        { findings: [{ severity, openedAt: openedDaysAgo(days) }] },
        NOW,
      );
      const key = severity === 'moderate' ? 'medium' : severity;
      expect(counts?.open[key]).toBe(1);
      expect(counts?.overdue[key]).toBe(overdue ? 1 : 0);
    },
  );

  it('is overdue the moment the limit has passed', () => {
    const at = (extraMs: number) =>
      countFindings(
        [{ severity: 'high', openedAt: openedDaysAgo(30, extraMs) }],
        NOW,
      )?.overdue.high;
    expect(at(0)).toBe(0);
    expect(at(1)).toBe(1);
  });

  it('scores 10 less each overdue finding’s penalty', () => {
    const score = (...findings: [string, number][]) =>
      evaluateFactRule(
        'overdue-findings',
        {
          findings: findings.map(([severity, days]) => ({
            severity,
            openedAt: daysAgo(days),
          })),
        },
        {},
        NOW,
      );
    expect(score()).toMatchObject({
      score: 10,
      reason: { code: 'findings-none-overdue', values: { open: 0 } },
    });
    expect(score(['high', 10], ['low', 100])).toMatchObject({
      score: 10,
      reason: { code: 'findings-none-overdue', values: { open: 2 } },
    });
    expect(score(['high', 31])).toMatchObject({ score: 5 });
    expect(score(['medium', 91], ['low', 181])).toMatchObject({
      score: 7,
      reason: {
        code: 'findings-overdue',
        values: { open: 2, overdue: 2, medium: 1, low: 1 },
      },
      summary: '2 of 2 open findings are overdue (medium 1, low 1).',
    });
    expect(score(['critical', 31])).toMatchObject({ score: 0 });
    expect(score(['high', 31], ['high', 40], ['high', 50])).toMatchObject({
      score: 0,
    });
  });

  it('ignores closed and informational findings', () => {
    expect(
      countFindings(
        {
          findings: [
            { severity: 'high', openedAt: daysAgo(100), closedAt: daysAgo(90) },
            { severity: 'high', openedAt: daysAgo(100), status: 'Fixed' },
            { severity: 'info', openedAt: daysAgo(400) },
          ],
        },
        NOW,
      ),
    ).toEqual({
      open: { critical: 0, high: 0, medium: 0, low: 0 },
      overdue: { critical: 0, high: 0, medium: 0, low: 0 },
    });
  });

  it('takes limits and penalties from the check', () => {
    expect(
      evaluateFactRule(
        'overdue-findings',
        { findings: [{ severity: 'high', openedAt: daysAgo(20) }] },
        { limitsDays: { high: 15 }, penalties: { high: 10 } },
        NOW,
      ).score,
    ).toBe(0);
  });

  it.each([
    ['not an object', 'findings'],
    ['no openedAt', { findings: [{ severity: 'high' }] }],
    ['a bad date', { findings: [{ severity: 'low', openedAt: 'soon' }] }],
  ])('gives no score for a malformed fact (%s)', (_, value) => {
    const outcome = evaluateFactRule('overdue-findings', value, {}, NOW);
    expect(outcome.score).toBeUndefined();
    expect(outcome.reason.code).toBe('fact-malformed');
  });
});

describe('OpenSSF Scorecard checks', () => {
  const result = {
    score: 6.4,
    checks: [
      { name: 'Branch-Protection', score: 8 },
      { name: 'Code-Review', score: 4 },
      { name: 'SBOM', score: -1 },
    ],
  };

  it('maps the named checks to their mean, or minimum', () => {
    expect(
      evaluateFactRule('openssf-checks', result, {
        checks: ['branch-protection', 'Code-Review'],
      }),
    ).toMatchObject({
      score: 6,
      reason: {
        code: 'openssf-checks',
        values: { checks: 'branch-protection 8/10, Code-Review 4/10' },
      },
    });
    expect(
      evaluateFactRule('openssf-checks', result, {
        checks: ['Branch-Protection', 'Code-Review'],
        aggregate: 'min',
      }).score,
    ).toBe(4);
  });

  it('leaves inconclusive (-1) and missing checks out', () => {
    expect(
      evaluateFactRule('openssf-checks', result, {
        checks: ['Branch-Protection', 'SBOM', 'Fuzzing'],
      }).score,
    ).toBe(8);
    const inconclusive = evaluateFactRule('openssf-checks', result, {
      checks: ['SBOM'],
    });
    expect(inconclusive.score).toBeUndefined();
    expect(inconclusive.reason.code).toBe('openssf-checks-inconclusive');
  });

  it('reads the aggregate score when no checks are named', () => {
    expect(evaluateFactRule('openssf-checks', result).score).toBe(6.4);
  });
});

describe('vulnerability counts', () => {
  it.each([
    [{ critical: 0, high: 0, medium: 12 }, 10, 'vulnerabilities-none'],
    [{ high: 1 }, 5, 'vulnerabilities-found'],
    [{ high: 2 }, 0, 'vulnerabilities-found'],
    [{ critical: 1 }, 0, 'vulnerabilities-found'],
  ])('%j scores %d', (value, score, code) => {
    expect(evaluateFactRule('vulnerability-counts', value)).toMatchObject({
      score,
      reason: { code },
    });
  });

  it('refuses counts that are not whole numbers', () => {
    expect(
      evaluateFactRule('vulnerability-counts', { high: -1 }).reason.code,
    ).toBe('fact-malformed');
  });
});

describe('boolean fields and thresholds', () => {
  it('scores the share of true fields', () => {
    expect(
      evaluateFactRule(
        'boolean-fields',
        { tls: { approved: true }, idp: false },
        { fields: ['tls.approved', 'idp'] },
      ),
    ).toMatchObject({
      score: 5,
      reason: { code: 'fields-true', values: { passed: 1, failed: 'idp' } },
    });
  });

  it('maps a number linearly between fail and pass, either way round', () => {
    const up = { path: 'coverage', pass: 80, fail: 40 };
    expect(evaluateFactRule('threshold', { coverage: 60 }, up).score).toBe(5);
    expect(evaluateFactRule('threshold', { coverage: 95 }, up).score).toBe(10);
    expect(evaluateFactRule('threshold', { coverage: 10 }, up).score).toBe(0);
    const down = { path: 'days', pass: 0, fail: 30 };
    expect(evaluateFactRule('threshold', { days: 3 }, down).score).toBe(9);
    expect(evaluateFactRule('threshold', { days: 'x' }, down).reason.code).toBe(
      'fact-malformed',
    );
  });
});
