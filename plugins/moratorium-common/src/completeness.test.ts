import {
  checkCompleteness,
  describeProblems,
  isEntityRef,
  parseRequestContent,
  requestContentSchema,
} from './completeness';
import { RequestContent } from './types';

const sha = 'a'.repeat(64);

const complete: RequestContent = {
  system: {
    kind: 'planned',
    entityRef: 'system:default/e-licensing',
    title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау' },
  },
  stateBodyRef: 'group:default/mcriap',
  purpose: 'Issuing licences online',
  capabilityGaps: [{ capability: 'Classified data', reason: 'Not certified' }],
  cost: { amountKzt: 0, budgetProgramme: '001' },
  dataCategories: ['personal', 'financial'],
  hosting: { kind: 'state-operator-dc', country: 'KZ' },
  securityPlan: 'Plan',
  exitPlan: 'Migrate in 2028',
  attachments: [
    {
      title: 'Feasibility study',
      url: 'https://docs.gov.kz/fs.pdf',
      sha256: sha,
    },
  ],
};

describe('checkCompleteness', () => {
  it('finds nothing missing in a complete request', () => {
    expect(checkCompleteness(complete)).toEqual([]);
    const { attachments: _a, ...withoutAttachments } = complete;
    expect(checkCompleteness(withoutAttachments)).toEqual([]);
  });

  it('names every missing item of an empty draft', () => {
    const problems = checkCompleteness({});
    expect(problems.map(p => [p.field, p.problem])).toEqual([
      ['system', 'missing'],
      ['stateBodyRef', 'missing'],
      ['purpose', 'missing'],
      ['capabilityGaps', 'missing'],
      ['cost', 'missing'],
      ['dataCategories', 'missing'],
      ['hosting', 'missing'],
      ['securityPlan', 'missing'],
      ['exitPlan', 'missing'],
    ]);
    expect(problems.map(p => p.message)).toEqual([
      'The system is missing: choose one from the register or describe a planned one.',
      'The state body making the request is missing.',
      'The purpose of the system is missing.',
      'The capability gaps (why the platform cannot serve the system) are missing.',
      'The cost and budget programme are missing.',
      'The data categories are missing.',
      'The planned hosting is missing.',
      'The security plan is missing.',
      'The exit or migration plan is missing.',
    ]);
  });

  it.each([
    ['a blank purpose', { purpose: '   ' }, 'purpose', 'missing', /purpose/],
    [
      'no capability gap',
      { capabilityGaps: [] },
      'capabilityGaps',
      'empty',
      /at least one/,
    ],
    [
      'a gap without a reason',
      { capabilityGaps: [{ capability: 'GPU', reason: '' }] },
      'capabilityGaps.0.reason',
      'missing',
      /Capability gap 1 does not say why/,
    ],
    [
      'a negative cost',
      { cost: { amountKzt: -5, budgetProgramme: '001' } },
      'cost.amountKzt',
      'invalid',
      /0 or more/,
    ],
    [
      'no budget programme',
      { cost: { amountKzt: 5, budgetProgramme: '' } },
      'cost.budgetProgramme',
      'missing',
      /budget programme/,
    ],
    [
      'no data category',
      { dataCategories: [] },
      'dataCategories',
      'empty',
      /at least one/,
    ],
    [
      'hosting on the platform itself',
      { hosting: { kind: 'platform', country: 'KZ' } },
      'hosting.kind',
      'invalid',
      /platform itself/,
    ],
    [
      'a bad country',
      { hosting: { kind: 'own', country: 'Kazakhstan' } },
      'hosting.country',
      'invalid',
      /two-letter/,
    ],
    [
      'a planned system without a Kazakh title',
      {
        system: {
          kind: 'planned',
          entityRef: 'system:default/x',
          title: { ru: 'Х', kk: '' },
        },
      },
      'system.title.kk',
      'missing',
      /title in Kazakh/,
    ],
    [
      'a system ref of another kind',
      { system: { kind: 'existing', entityRef: 'component:default/x' } },
      'system.entityRef',
      'invalid',
      /not a System entity ref/,
    ],
    [
      'a state body that is not a group',
      { stateBodyRef: 'user:default/x' },
      'stateBodyRef',
      'invalid',
      /not a Group entity ref/,
    ],
    [
      'an attachment with a bad hash',
      { attachments: [{ title: 'A', url: 'https://x.kz/a', sha256: 'abc' }] },
      'attachments.0.sha256',
      'invalid',
      /Attachment 1 has a SHA-256 that is not 64/,
    ],
    [
      'an attachment with a non-http link',
      { attachments: [{ title: 'A', url: 'file:///etc/passwd', sha256: sha }] },
      'attachments.0.url',
      'invalid',
      /not an http or https URL/,
    ],
  ] as [string, Partial<RequestContent>, string, string, RegExp][])(
    'names %s',
    (_name, change, field, problem, message) => {
      expect(checkCompleteness({ ...complete, ...change })).toEqual([
        { field, problem, message: expect.stringMatching(message) },
      ]);
    },
  );

  it('describes the problems in one sentence', () => {
    expect(describeProblems([])).toBe('The request is complete.');
    expect(
      describeProblems(
        checkCompleteness({ ...complete, securityPlan: '', exitPlan: '' }),
      ),
    ).toBe(
      'The request is incomplete (2 items): The security plan is missing. The exit or migration plan is missing.',
    );
  });
});

describe('requestContentSchema', () => {
  it('accepts an empty draft and a complete request', () => {
    expect(requestContentSchema.parse({})).toEqual({});
    expect(requestContentSchema.parse(complete)).toEqual(complete);
  });

  it('drops unknown fields and normalises hash and country', () => {
    expect(
      parseRequestContent({
        extra: 1,
        hosting: { kind: 'own', country: 'kz' },
        attachments: [
          { title: 'A', url: 'http://x.kz', sha256: 'A'.repeat(64) },
        ],
      }),
    ).toEqual({
      hosting: { kind: 'own', country: 'KZ' },
      attachments: [{ title: 'A', url: 'http://x.kz', sha256: 'a'.repeat(64) }],
    });
  });

  it('keeps blank text in a draft: completeness is checked on submission', () => {
    expect(parseRequestContent({ purpose: '' })).toEqual({ purpose: '' });
  });

  it.each([
    [
      { cost: { amountKzt: -1, budgetProgramme: '' } },
      /content\.cost\.amountKzt must be 0 or more/,
    ],
    [{ cost: { budgetProgramme: '' } }, /content\.cost\.amountKzt is required/],
    [
      { attachments: [{ title: 'A', url: 'https://x.kz', sha256: 'xyz' }] },
      /content\.attachments\.0\.sha256 must be 64 hexadecimal/,
    ],
    [
      {
        attachments: [{ title: 'A', url: 'mailto:office@gov.kz', sha256: sha }],
      },
      /content\.attachments\.0\.url must be an http or https URL/,
    ],
    [
      { system: { kind: 'existing', entityRef: 'e-license' } },
      /content\.system\.entityRef must be an entity ref like system:default\/name/,
    ],
    [
      { system: { kind: 'maybe', entityRef: 'system:default/x' } },
      /content\.system\.kind/,
    ],
    [
      { stateBodyRef: 'mcriap' },
      /content\.stateBodyRef must be an entity ref like group:default\/name/,
    ],
    [{ dataCategories: ['secret'] }, /content\.dataCategories\.0/],
    [{ purpose: 42 }, /content\.purpose: Invalid input/],
  ])('rejects %j naming the field', (body, message) => {
    expect(() => parseRequestContent(body)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    );
  });
});

describe('isEntityRef', () => {
  it.each([
    ['system:default/e-license', 'system', true],
    ['System:Default/E_License.v2', 'system', true],
    ['system:e-license', 'system', false],
    ['system:default/', 'system', false],
    ['system:default/a--b', 'system', false],
    ['group:default/mcriap', 'system', false],
    [`system:default/${'a'.repeat(64)}`, 'system', false],
  ])('%s as %s is %s', (ref, kind, valid) => {
    expect(isEntityRef(ref, kind)).toBe(valid);
  });
});
