import { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { binCheckDigit } from './bin';
import {
  CIA_LEVELS,
  DATA_CATEGORIES,
  HOSTING_KINDS,
  INTEGRATION_CHANNELS,
  LEGAL_ACT_TYPES,
  LIFECYCLE_STAGES,
  OWNER_KINDS,
  RegistryRecord,
} from './types';
import { validateRegistrySystem } from './validateRegistrySystem';

// Generators of valid records, written from the schema and the rules in
// validateRegistrySystem's TSDoc, not from the validator's code.

const text = fc.string({ minLength: 1, maxLength: 30 });

const validBin = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map(digits => digits.join(''))
  .filter(first11 => binCheckDigit(first11) !== undefined)
  .map(first11 => `${first11}${binCheckDigit(first11)}`);

const DAY_MS = 86_400_000;
const EPOCH_1990 = Date.UTC(1990, 0, 1);
/** Days since 1990-01-01, 0 to ~40 years. */
const dayNumber = fc.integer({ min: 0, max: 40 * 365 });
const toDate = (day: number) =>
  new Date(EPOCH_1990 + day * DAY_MS).toISOString().slice(0, 10);
const calendarDate = dayNumber.map(toDate);

const party = fc.record({ name: text, bin: validBin });

const lifecycle = fc
  .array(
    fc.record({ stage: fc.constantFrom(...LIFECYCLE_STAGES), day: dayNumber }),
    { minLength: 1, maxLength: 5 },
  )
  .map(entries => {
    const history = [...entries]
      .sort((a, b) => a.day - b.day)
      .map(e => ({ stage: e.stage, date: toDate(e.day) }));
    return { stage: history[history.length - 1].stage, history };
  });

const exemption = fc
  .record({
    decisionNumber: text,
    decision: dayNumber,
    lasts: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  })
  .map(({ decisionNumber, decision, lasts }) => ({
    decisionNumber,
    decisionDate: toDate(decision),
    ...(lasts === undefined ? {} : { expiresAt: toDate(decision + lasts) }),
  }));

const migration = fc
  .record(
    { deadline: calendarDate, plan: text },
    { requiredKeys: [] as never[] },
  )
  .filter(m => Object.keys(m).length > 0);

const platform = fc.oneof(
  fc.constant({ onPlatform: true }),
  fc.record(
    {
      onPlatform: fc.constant(false),
      migration,
      exemption,
    },
    { requiredKeys: ['onPlatform'] },
  ),
);

const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined });

/** A registry record that satisfies every documented rule. */
const validRecord: fc.Arbitrary<RegistryRecord> = fc
  .record({
    registryNumber: optional(text),
    title: fc.record(
      { ru: text, kk: text, en: text },
      { requiredKeys: ['ru', 'kk'] },
    ),
    purpose: text,
    legalBasis: optional(
      fc.record({
        actType: fc.constantFrom(...LEGAL_ACT_TYPES),
        number: text,
        date: calendarDate,
      }),
    ),
    ownerKind: fc.constantFrom(...OWNER_KINDS),
    parties: fc.record(
      { owner: party, operator: party, developer: party },
      { requiredKeys: ['owner'] },
    ),
    securityOfficer: optional(
      fc.constantFrom(
        'user:default/yerzhan.baizhanov',
        'User:default/A',
        'user:ministry/officer-1',
      ),
    ),
    createdAt: calendarDate,
    lifecycle,
    platform,
    hosting: fc.record({
      kind: fc.constantFrom(...HOSTING_KINDS),
      country: fc.constantFrom('KZ', 'RU', 'DE', 'US'),
    }),
    classification: fc.record({
      critical: fc.boolean(),
      confidentiality: fc.constantFrom(...CIA_LEVELS),
      integrity: fc.constantFrom(...CIA_LEVELS),
      availability: fc.constantFrom(...CIA_LEVELS),
    }),
    dataCategories: fc.subarray([...DATA_CATEGORIES]),
    integrations: optional(
      fc.array(
        fc.record({
          system: text,
          via: fc.constantFrom(...INTEGRATION_CHANNELS),
        }),
        { maxLength: 3 },
      ),
    ),
    securityTestAct: optional(
      fc.record({ number: text, date: calendarDate, version: text }),
    ),
    socProvider: optional(text),
  })
  // A fresh copy each time: the tests change records in place.
  .map(record =>
    structuredClone(
      Object.fromEntries(
        Object.entries(record).filter(([, v]) => v !== undefined),
      ) as RegistryRecord,
    ),
  );

function entityOf(registry: unknown): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'generated' },
    spec: {
      type: 'state-information-system',
      owner: 'group:default/mcriap',
      registry,
    },
  } as Entity;
}

/** The required fields present in every generated record, with a value of the wrong type. */
const REQUIRED_FIELDS: Array<{ path: string[]; wrong: unknown[] }> = [
  { path: ['title'], wrong: ['Портал', 42, ['ru']] },
  { path: ['title', 'ru'], wrong: [42, true, null, {}] },
  { path: ['title', 'kk'], wrong: [42, false, []] },
  { path: ['purpose'], wrong: [7, null, { text: 'x' }] },
  { path: ['ownerKind'], wrong: [1, 'ministry', null] },
  { path: ['parties'], wrong: ['owner', 3, []] },
  { path: ['parties', 'owner'], wrong: ['190740682689', 0, null] },
  { path: ['parties', 'owner', 'name'], wrong: [5, null, ['x']] },
  { path: ['parties', 'owner', 'bin'], wrong: [190740682689, null, true] },
  { path: ['createdAt'], wrong: [20260101, null, true] },
  { path: ['lifecycle'], wrong: ['industrial-operation', 1, null] },
  { path: ['lifecycle', 'stage'], wrong: [3, null, 'production'] },
  { path: ['lifecycle', 'history'], wrong: ['planned', 2, { 0: 1 }] },
  { path: ['platform'], wrong: [true, 'on', null] },
  { path: ['platform', 'onPlatform'], wrong: ['true', 1, null] },
  { path: ['hosting'], wrong: ['platform', 1, []] },
  { path: ['hosting', 'kind'], wrong: [1, 'cloud', null] },
  { path: ['hosting', 'country'], wrong: [398, null, 'kz'] },
  { path: ['classification'], wrong: ['high', 0, []] },
  { path: ['classification', 'critical'], wrong: ['yes', 1, null] },
  { path: ['classification', 'confidentiality'], wrong: [3, 'secret'] },
  { path: ['dataCategories'], wrong: ['personal', 1, { personal: true }] },
];

function setPath(target: any, path: string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

function deletePath(target: any, path: string[]) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node = node[key];
  }
  delete node[path[path.length - 1]];
}

const fieldMutation = fc
  .constantFrom(...REQUIRED_FIELDS)
  .chain(field =>
    fc.constantFrom(...field.wrong).map(wrong => ({ path: field.path, wrong })),
  );

describe('validateRegistrySystem properties', () => {
  it('accepts every record that follows the documented rules, unchanged', () => {
    fc.assert(
      fc.property(validRecord, record => {
        const copy = structuredClone(record);
        expect(validateRegistrySystem(entityOf(record))).toEqual({
          valid: true,
          record: copy,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly the one required field that has a wrong value', () => {
    fc.assert(
      fc.property(validRecord, fieldMutation, (record, { path, wrong }) => {
        setPath(record, path, wrong);
        const result = validateRegistrySystem(entityOf(record));
        expect(result.valid).toBe(false);
        const problems = result.valid ? [] : result.problems;
        expect(problems).toHaveLength(1);
        expect(problems[0].path).toBe(`spec.registry.${path.join('.')}`);
        expect(problems[0].message).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('names exactly the one required field that is missing', () => {
    fc.assert(
      fc.property(
        validRecord,
        fc.constantFrom(...REQUIRED_FIELDS.map(f => f.path)),
        (record, path) => {
          deletePath(record, path);
          const result = validateRegistrySystem(entityOf(record));
          expect(result).toEqual({
            valid: false,
            problems: [
              {
                path: `spec.registry.${path.join('.')}`,
                message: `${path[path.length - 1]} is required`,
              },
            ],
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a wrong check digit in any party of an otherwise valid record', () => {
    fc.assert(
      fc.property(
        validRecord,
        fc.integer({ min: 1, max: 9 }),
        (record, shift) => {
          const roles = Object.keys(record.parties) as Array<
            keyof RegistryRecord['parties']
          >;
          const role = roles[shift % roles.length];
          const bin = record.parties[role]!.bin;
          const changed = `${bin.slice(0, 11)}${
            (Number(bin[11]) + shift) % 10
          }`;
          record.parties[role]!.bin = changed;
          const result = validateRegistrySystem(entityOf(record));
          expect(result).toEqual({
            valid: false,
            problems: [
              {
                path: `spec.registry.parties.${role}.bin`,
                message: expect.stringContaining(`БИН ${changed}`),
              },
            ],
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never lets an exemption expire on or before its decision day', () => {
    fc.assert(
      fc.property(
        validRecord,
        dayNumber,
        fc.integer({ min: 0, max: 400 }),
        (record, decision, earlier) => {
          record.platform = {
            onPlatform: false,
            exemption: {
              decisionNumber: 'КВЦ-1',
              decisionDate: toDate(decision),
              expiresAt: toDate(decision - earlier),
            },
          };
          const result = validateRegistrySystem(entityOf(record));
          expect(result.valid ? [] : result.problems).toEqual([
            {
              path: 'spec.registry.platform.exemption.expiresAt',
              message: `${toDate(
                decision - earlier,
              )} must be after the decision date ${toDate(decision)}`,
            },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
