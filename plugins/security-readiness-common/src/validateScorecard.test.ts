import { DEFAULT_SCORECARD } from './defaultScorecard';
import { validateScorecard } from './validateScorecard';

// The scorecard as config gives it: plain JSON.
const json = () => JSON.parse(JSON.stringify(DEFAULT_SCORECARD));

function withCheck(id: string, change: (check: any) => void) {
  const config = json();
  change(config.checks.find((c: { id: string }) => c.id === id));
  return config;
}

describe('validateScorecard', () => {
  it('accepts the default scorecard as it comes from config', () => {
    expect(validateScorecard(json())).toEqual(DEFAULT_SCORECARD);
  });

  it('fills in the levels and validity defaults', () => {
    const { checks } = json();
    expect(validateScorecard({ checks: checks.slice(0, 1) })).toEqual({
      checks: DEFAULT_SCORECARD.checks.slice(0, 1),
      levels: { ready: 8.5, conditional: 6 },
      attestationValidityMonths: 12,
      factMaxAgeDays: 30,
    });
  });

  it.each<[string, any, string]>([
    [
      'a weight of 0',
      withCheck('test-act', c => {
        c.weight = 0;
      }),
      "security-readiness check 'test-act': weight must be a positive number",
    ],
    [
      'a weight as text',
      withCheck('test-act', c => {
        c.weight = '15';
      }),
      "security-readiness check 'test-act': weight must be a positive number",
    ],
    [
      'no weight',
      withCheck('hosting', c => {
        delete c.weight;
      }),
      "security-readiness check 'hosting': weight is required",
    ],
    [
      'an unknown area',
      withCheck('hosting', c => {
        c.area = 'physical';
      }),
      "security-readiness check 'hosting': area must be one of governance, assurance, secure-development, supply-chain, hosting-and-data, crypto-and-access, monitoring, resilience, privacy",
    ],
    [
      'an unknown entity rule',
      withCheck('record-complete', c => {
        c.evaluation.rule = 'record-perfect';
      }),
      "security-readiness check 'record-complete': evaluation.rule must be one of record-complete, test-act-covers-release, hosting-approved, data-categories-declared",
    ],
    [
      'an unknown fact rule',
      withCheck('overdue-findings', c => {
        c.evaluation.rule = 'no-findings';
      }),
      "security-readiness check 'overdue-findings': evaluation.rule must be one of overdue-findings, openssf-checks, vulnerability-counts, boolean-fields, threshold",
    ],
    [
      'an unknown evaluation kind',
      withCheck('soc-monitoring', c => {
        c.evaluation.kind = 'manual';
      }),
      "security-readiness check 'soc-monitoring': evaluation.kind must be one of entity, facts, attestation, entity+attestation, facts-or-attestation",
    ],
    [
      'no evaluation',
      withCheck('soc-monitoring', c => {
        delete c.evaluation;
      }),
      "security-readiness check 'soc-monitoring': evaluation is required",
    ],
    [
      'an unknown stage',
      withCheck('test-act', c => {
        c.applicability.lifecycleStages = [
          'industrial-operation',
          'production',
        ];
      }),
      "security-readiness check 'test-act': applicability.lifecycleStages.1 must be one of planned, creation, pilot-operation, industrial-operation, development, decommissioned",
    ],
    [
      'an unknown data category',
      withCheck('data-categories', c => {
        c.applicability.dataCategoriesAny = ['secret'];
      }),
      "security-readiness check 'data-categories': applicability.dataCategoriesAny.0 must be one of personal, biometric, restricted-official, financial, health, open",
    ],
    [
      'an unknown gate',
      withCheck('test-act', c => {
        c.hardGate.rule = 'no-act';
      }),
      "security-readiness check 'test-act': hardGate.rule must be one of operating-without-test-act, personal-data-outside-kazakhstan",
    ],
    [
      'a missing Kazakh title',
      withCheck('hosting', c => {
        delete c.title.kk;
      }),
      "security-readiness check 'hosting': title.kk is required",
    ],
    [
      'an empty remediation',
      withCheck('hosting', c => {
        c.remediation.en = '  ';
      }),
      "security-readiness check 'hosting': remediation.en must not be empty",
    ],
    [
      'a misspelt field',
      withCheck('hosting', c => {
        c.wieght = 3;
      }),
      "security-readiness check 'hosting': has unknown field wieght",
    ],
    [
      'a threshold without its limits',
      withCheck('overdue-findings', c => {
        c.evaluation.rule = 'threshold';
      }),
      "security-readiness check 'overdue-findings': evaluation.params.pass is required by rule threshold; evaluation.params.fail is required by rule threshold",
    ],
    [
      'a validity of half a month',
      withCheck('soc-monitoring', c => {
        c.evaluation.validityMonths = 0.5;
      }),
      "security-readiness check 'soc-monitoring': evaluation.validityMonths must be a positive whole number",
    ],
    [
      'a duplicate id',
      (() => {
        const config = json();
        config.checks[4].id = 'test-act';
        return config;
      })(),
      "security-readiness check 'test-act': id is used by more than one check",
    ],
    [
      'an id that is not a slug',
      withCheck('hosting', c => {
        c.id = 'Hosting Check';
      }),
      "security-readiness check 'Hosting Check': id must be lower-case letters, digits and dashes, e.g. test-act",
    ],
    [
      'a check without an id',
      (() => {
        const config = json();
        delete config.checks[2].id;
        return config;
      })(),
      'security-readiness check #3: id must be lower-case letters, digits and dashes, e.g. test-act',
    ],
    [
      'no checks',
      { checks: [] },
      'security-readiness scorecard: checks must list at least one check',
    ],
    [
      'levels out of range',
      { ...json(), levels: { ready: 85, conditional: 6 } },
      'security-readiness scorecard: levels.ready must be a number from 0 to 10',
    ],
    [
      'levels in the wrong order',
      { ...json(), levels: { ready: 6, conditional: 8.5 } },
      'security-readiness scorecard: levels.ready must be above levels.conditional',
    ],
  ])('refuses %s, naming the check and field', (_, config, message) => {
    expect(() => validateScorecard(config)).toThrow(message);
    expect(() => validateScorecard(config)).toThrow(new Error(message));
  });

  it('names every wrong field of a check at once', () => {
    expect(() =>
      validateScorecard(
        withCheck('test-act', c => {
          c.weight = -1;
          c.criticalWeightFactor = 0;
        }),
      ),
    ).toThrow(
      "security-readiness check 'test-act': weight must be a positive number; criticalWeightFactor must be a positive number",
    );
  });
});
