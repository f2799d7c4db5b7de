import { evaluateEntityRule, evaluateGate, versionCovers } from './entityRules';
import { makeSystem } from './__fixtures__/systems';

describe('record-complete', () => {
  it('passes a record with registry number, legal basis and valid БИН', () => {
    expect(evaluateEntityRule('record-complete', makeSystem())).toMatchObject({
      score: 10,
      reason: { code: 'record-complete' },
    });
  });

  it('scores the share of what is present and valid, naming the rest', () => {
    const system = makeSystem({
      registryNumber: ' ',
      legalBasis: undefined,
      parties: {
        owner: { name: 'Ministry', bin: '190740682680' },
        operator: { name: 'NIT', bin: '000340112436' },
      },
    });
    expect(evaluateEntityRule('record-complete', system)).toMatchObject({
      score: 2.5,
      reason: {
        code: 'record-incomplete',
        values: {
          missing: 'registryNumber, legalBasis, parties.owner.bin',
          count: 3,
        },
      },
    });
  });
});

describe('test-act-covers-release', () => {
  it.each([
    ['3.2.0', '3.2.0', 'exact', true],
    ['v3.2.0', '3.2.0', 'exact', true],
    ['3.2.0', '3.2.1', 'exact', false],
    ['3.2.0', '3.2.1', 'same-minor', true],
    ['3.2.0', '3.3.0', 'same-minor', false],
    ['3.2.0', '3.9.1', 'same-major', true],
    ['3.2.0', '4.0.0', 'same-major', false],
  ] as const)('%s covers %s (%s): %s', (tested, deployed, match, covers) => {
    expect(versionCovers(tested, deployed, match)).toBe(covers);
  });

  it.each([
    [{}, '3.2.0', 10, 'test-act-covers-release'],
    [{}, '3.2.1', 0, 'test-act-version-mismatch'],
    [
      { versionMatch: 'same-minor' as const },
      '3.2.1',
      10,
      'test-act-covers-release',
    ],
    [{}, null, 10, 'test-act-version-assumed'],
    [{ requireReleaseVersion: true }, null, 5, 'test-act-version-assumed'],
  ])('with %j and release %s scores %d', (params, release, score, code) => {
    expect(
      evaluateEntityRule(
        'test-act-covers-release',
        makeSystem({}, release),
        params,
      ),
    ).toMatchObject({ score, reason: { code } });
  });

  it('fails without a test act', () => {
    expect(
      evaluateEntityRule(
        'test-act-covers-release',
        makeSystem({ securityTestAct: undefined }),
      ),
    ).toMatchObject({ score: 0, reason: { code: 'test-act-missing' } });
  });
});

describe('hosting-approved', () => {
  it.each([
    ['platform', 'KZ', 10, 'hosting-platform'],
    ['state-operator-dc', 'kz', 10, 'hosting-state-operator'],
    ['own', 'KZ', undefined, 'hosting-needs-attestation'],
    ['commercial', 'KZ', undefined, 'hosting-needs-attestation'],
    ['commercial', 'DE', 0, 'hosting-outside-kazakhstan'],
  ] as const)('%s in %s', (kind, country, score, code) => {
    const outcome = evaluateEntityRule(
      'hosting-approved',
      makeSystem({ hosting: { kind, country } }),
    );
    expect(outcome.score).toBe(score);
    expect(outcome.reason.code).toBe(code);
    expect(Boolean(outcome.needsAttestation)).toBe(score === undefined);
  });
});

describe('data-categories-declared', () => {
  it.each([
    [[], 0, 'data-categories-missing'],
    [['open', 'financial'], 10, 'data-categories-declared'],
    [['biometric'], undefined, 'personal-data-needs-attestation'],
  ] as const)('%j', (dataCategories, score, code) => {
    const outcome = evaluateEntityRule(
      'data-categories-declared',
      makeSystem({ dataCategories: [...dataCategories] }),
    );
    expect(outcome.score).toBe(score);
    expect(outcome.reason.code).toBe(code);
  });
});

describe('hard gates', () => {
  const gate = { rule: 'operating-without-test-act' } as const;

  it.each([
    ['industrial-operation', false, true],
    ['development', false, true],
    ['pilot-operation', false, false],
    ['industrial-operation', true, false],
  ] as const)('%s, test act %s: failed %s', (stage, hasAct, failed) => {
    const system = makeSystem({
      lifecycle: { stage, history: [] },
      ...(hasAct ? {} : { securityTestAct: undefined }),
    });
    expect(evaluateGate(gate, system).failed).toBe(failed);
  });

  it('fails when the act does not cover the deployed version', () => {
    expect(evaluateGate(gate, makeSystem({}, '4.0.0')).failed).toBe(true);
    expect(
      evaluateGate(gate, makeSystem({}, '3.2.7'), {
        versionMatch: 'same-minor',
      }).failed,
    ).toBe(false);
    // An act whose version cannot be compared does not fail the gate.
    expect(evaluateGate(gate, makeSystem({}, null)).failed).toBe(false);
  });

  it('fails personal data hosted outside Kazakhstan', () => {
    const personal = { rule: 'personal-data-outside-kazakhstan' } as const;
    const abroad = { kind: 'commercial', country: 'DE' } as const;
    expect(
      evaluateGate(
        personal,
        makeSystem({ dataCategories: ['biometric'], hosting: abroad }),
      ),
    ).toMatchObject({ failed: true });
    expect(
      evaluateGate(
        personal,
        makeSystem({ dataCategories: ['financial'], hosting: abroad }),
      ).failed,
    ).toBe(false);
    expect(
      evaluateGate(
        { ...personal, personalCategories: ['financial'] },
        makeSystem({ dataCategories: ['financial'], hosting: abroad }),
      ).failed,
    ).toBe(true);
    expect(
      evaluateGate(personal, makeSystem({ dataCategories: ['personal'] }))
        .failed,
    ).toBe(false);
  });
});
