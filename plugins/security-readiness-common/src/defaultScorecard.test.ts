import { DEFAULT_SCORECARD } from './defaultScorecard';
import { CHECK_AREAS } from './types';
import { validateScorecard } from './validateScorecard';

describe('DEFAULT_SCORECARD', () => {
  const checks = DEFAULT_SCORECARD.checks;

  it('has the 13 checks of DOMAIN.md with weights summing to 100', () => {
    expect(checks.map(c => [c.area, c.weight])).toEqual([
      ['governance', 5],
      ['governance', 5],
      ['assurance', 15],
      ['assurance', 10],
      ['secure-development', 8],
      ['secure-development', 10],
      ['supply-chain', 5],
      ['supply-chain', 5],
      ['hosting-and-data', 10],
      ['crypto-and-access', 5],
      ['monitoring', 10],
      ['resilience', 7],
      ['privacy', 5],
    ]);
    expect(checks.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(new Set(checks.map(c => c.area))).toEqual(new Set(CHECK_AREAS));
  });

  it('validates', () => {
    expect(() => validateScorecard(DEFAULT_SCORECARD)).not.toThrow();
  });

  it('weighs checks 3, 4, 11 and 12 ×1.5 for critical systems', () => {
    expect(
      checks
        .filter(c => c.criticalWeightFactor)
        .map(c => [c.id, c.criticalWeightFactor]),
    ).toEqual([
      ['test-act', 1.5],
      ['overdue-findings', 1.5],
      ['soc-monitoring', 1.5],
      ['restore-and-exercise', 1.5],
    ]);
  });

  it('has the two hard gates', () => {
    expect(
      checks.filter(c => c.hardGate).map(c => [c.id, c.hardGate!.rule]),
    ).toEqual([
      ['test-act', 'operating-without-test-act'],
      ['hosting', 'personal-data-outside-kazakhstan'],
    ]);
  });

  it('says in Russian, Kazakh and English what each check is and what to do', () => {
    for (const check of checks) {
      for (const text of [check.title, check.remediation]) {
        expect(text.ru).toMatch(/[а-яё]/i);
        expect(text.kk).toMatch(/[әғқңөұүһі]/i);
        expect(text.en).toMatch(/^[A-Z]/);
      }
    }
  });

  it('uses levels ready 8.5, conditional 6', () => {
    expect(DEFAULT_SCORECARD.levels).toEqual({ ready: 8.5, conditional: 6 });
  });
});
