import fc from 'fast-check';
import {
  Exemption,
  exemptionsFromRecord,
  recordExemptionSource,
} from './exemptions';
import { DateTime } from 'luxon';
import {
  evaluateMoratorium,
  moratoriumDay,
  moratoriumNeedsExemptions,
  MoratoriumStatus,
} from './moratorium';
import { RegistryRecord } from './types';
import { demoSystem, demoSystems } from './__testUtils__/demoData';

function record(name: string): RegistryRecord {
  return demoSystem(name).spec!.registry as RegistryRecord;
}

function exemption(overrides: Partial<Exemption> = {}): Exemption {
  return {
    decisionNumber: 'КВЦ-2026/02-3',
    decisionDate: '2026-02-26',
    expiresAt: '2026-06-30',
    status: 'approved',
    source: 'moratorium',
    ...overrides,
  };
}

/** An off-platform system created under the moratorium, without an exemption of its own. */
const newSystem = record('olimpiady-shkolnikov');

describe('evaluateMoratorium', () => {
  const at = new Date('2026-05-01T09:00:00Z');

  it.each<[string, RegistryRecord, Exemption[], Partial<MoratoriumStatus>]>([
    [
      'a system on the platform',
      record('portal-elektronnogo-pravitelstva'),
      [],
      {
        status: 'on-platform',
        reason: 'The system runs on the QazTech platform.',
        detail: { code: 'on-platform' },
      },
    ],
    [
      'a legacy system with a migration deadline',
      record('e-litsenzirovanie'),
      [],
      {
        status: 'legacy-migrating',
        migrationDeadline: '2026-06-30',
        reason:
          'The system was created on 2011-03-14, before the moratorium started on 2026-01-01; it must migrate to the platform by 2026-06-30.',
        detail: {
          code: 'legacy-migrating',
          createdAt: '2011-03-14',
          moratoriumStart: '2026-01-01',
          deadline: '2026-06-30',
        },
      },
    ],
    [
      'a legacy system without a migration deadline',
      record('kreditnye-istorii'),
      [],
      {
        status: 'legacy-migrating',
        reason:
          'The system was created on 2005-09-12, before the moratorium started on 2026-01-01; it must migrate to the platform, but no migration deadline is set.',
        detail: {
          code: 'legacy-no-deadline',
          createdAt: '2005-09-12',
          moratoriumStart: '2026-01-01',
        },
      },
    ],
    [
      'a decommissioned legacy system',
      record('lis'),
      [],
      {
        status: 'legacy-migrating',
        reason:
          'The system was created on 2014-04-01, before the moratorium started on 2026-01-01, and is decommissioned.',
        detail: {
          code: 'legacy-decommissioned',
          createdAt: '2014-04-01',
          moratoriumStart: '2026-01-01',
        },
      },
    ],
    [
      'a new system with an approved exemption in effect',
      record('agromonitoring'),
      exemptionsFromRecord(record('agromonitoring')),
      {
        status: 'exempted',
        exemption: {
          decisionNumber: 'КВЦ-2026/02-3',
          decisionDate: '2026-02-26',
          expiresAt: '2026-06-30',
          status: 'approved',
          source: 'register',
        },
        reason:
          'The system was created outside the platform on 2026-02-02, under the moratorium in force since 2026-01-01, and is exempted by decision КВЦ-2026/02-3 of 2026-02-26 until 2026-06-30.',
        detail: {
          code: 'exempted',
          createdAt: '2026-02-02',
          moratoriumStart: '2026-01-01',
          decisionNumber: 'КВЦ-2026/02-3',
          decisionDate: '2026-02-26',
          expiresAt: '2026-06-30',
        },
      },
    ],
    [
      'a new system without an exemption',
      newSystem,
      [],
      {
        status: 'violation',
        reason:
          'The system was created outside the platform on 2026-02-16, under the moratorium in force since 2026-01-01, and has no exemption.',
        detail: {
          code: 'no-exemption',
          createdAt: '2026-02-16',
          moratoriumStart: '2026-01-01',
        },
      },
    ],
    [
      'a new system whose exemptions were revoked or are not yet in effect',
      newSystem,
      [
        exemption({ decisionNumber: 'КВЦ-1', status: 'revoked' }),
        exemption({ decisionNumber: 'КВЦ-2', decisionDate: '2026-05-20' }),
      ],
      {
        status: 'violation',
        reason:
          'The system was created outside the platform on 2026-02-16, under the moratorium in force since 2026-01-01, and has no exemption in effect: exemption КВЦ-1 was revoked; exemption КВЦ-2 takes effect on 2026-05-20.',
        // The translated reason names the latest decision.
        detail: {
          code: 'exemption-not-yet',
          createdAt: '2026-02-16',
          moratoriumStart: '2026-01-01',
          decisionNumber: 'КВЦ-2',
          decisionDate: '2026-05-20',
          expiresAt: '2026-06-30',
        },
      },
    ],
  ])('%s', (_, registryRecord, exemptions, expected) => {
    expect(
      evaluateMoratorium({ record: registryRecord, exemptions, at }),
    ).toEqual(expected);
  });

  it('names the date an exemption expired on', () => {
    const status = evaluateMoratorium({
      record: newSystem,
      exemptions: [exemption()],
      at: new Date('2026-08-01T09:00:00Z'),
    });
    expect(status.status).toBe('violation');
    expect(status.reason).toMatch(
      /no exemption in effect: exemption КВЦ-2026\/02-3 expired on 2026-06-30\.$/,
    );
  });

  it('holds an exemption until the end of its expiry day in Almaty (UTC+5)', () => {
    const evaluate = (instant: string) =>
      evaluateMoratorium({
        record: newSystem,
        exemptions: [exemption({ expiresAt: '2026-06-30' })],
        at: new Date(instant),
      }).status;
    // 23:59:59 on 30 June in Almaty is 18:59:59 UTC.
    expect(evaluate('2026-06-30T18:59:59Z')).toBe('exempted');
    expect(evaluate('2026-06-30T23:59:59+05:00')).toBe('exempted');
    // One second later it is 1 July in Almaty, although still 30 June in UTC.
    expect(evaluate('2026-06-30T19:00:00Z')).toBe('violation');
  });

  it('prefers the exemption that lasts longest', () => {
    const status = evaluateMoratorium({
      record: newSystem,
      exemptions: [
        exemption({ decisionNumber: 'A', expiresAt: '2026-12-31' }),
        exemption({ decisionNumber: 'B', expiresAt: undefined }),
        exemption({ decisionNumber: 'C', expiresAt: '2027-12-31' }),
      ],
      at,
    });
    expect(status.exemption?.decisionNumber).toBe('B');
    expect(status.reason).toMatch(/exempted by decision B of 2026-02-26\.$/);
  });

  it('treats a system created on the first day of the moratorium as new', () => {
    const created = { ...newSystem, createdAt: '2026-03-01' };
    expect(
      evaluateMoratorium({
        record: created,
        exemptions: [],
        at,
        moratoriumStart: '2026-03-01',
      }).status,
    ).toBe('violation');
    expect(
      evaluateMoratorium({
        record: created,
        exemptions: [],
        at,
        moratoriumStart: '2026-03-02',
      }).status,
    ).toBe('legacy-migrating');
  });

  it('keeps a system on the platform on-platform whatever the exemptions and date', () => {
    const anyExemption = fc.record({
      decisionNumber: fc.string({ minLength: 1 }),
      decisionDate: fc
        .date({
          min: new Date('2020-01-01'),
          max: new Date('2030-12-31'),
          noInvalidDate: true,
        })
        .map(d => d.toISOString().slice(0, 10)),
      expiresAt: fc.option(
        fc
          .date({
            min: new Date('2020-01-01'),
            max: new Date('2030-12-31'),
            noInvalidDate: true,
          })
          .map(d => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
      status: fc.constantFrom<Exemption['status']>(
        'approved',
        'revoked',
        'expired',
      ),
      source: fc.constantFrom('register', 'moratorium'),
    });
    const onPlatform = record('portal-elektronnogo-pravitelstva');
    fc.assert(
      fc.property(
        fc.array(anyExemption, { maxLength: 5 }),
        fc.date({
          min: new Date('1990-01-01'),
          max: new Date('2100-01-01'),
          noInvalidDate: true,
        }),
        fc.constantFrom('1990-01-01', '2026-01-01', '2099-12-31'),
        fc.constantFrom('2000-01-01', '2026-01-01', '2030-06-15'),
        (exemptions, instant, moratoriumStart, createdAt) => {
          expect(
            evaluateMoratorium({
              record: { ...onPlatform, createdAt },
              exemptions,
              at: instant,
              moratoriumStart,
            }).status,
          ).toBe('on-platform');
        },
      ),
    );
  });
});

describe('what the rule depends on (callers cache by it)', () => {
  const calendarDate = fc
    .date({
      min: new Date('2020-01-01'),
      max: new Date('2030-12-31'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10));
  const anyExemption = fc.record({
    decisionNumber: fc.constantFrom('КВЦ-1', 'КВЦ-2'),
    decisionDate: calendarDate,
    expiresAt: fc.option(calendarDate, { nil: undefined }),
    status: fc.constantFrom<Exemption['status']>(
      'approved',
      'revoked',
      'expired',
    ),
    source: fc.constantFrom('register', 'moratorium'),
  });
  const anyInstant = fc.date({
    min: new Date('2019-01-01'),
    max: new Date('2031-12-31'),
    noInvalidDate: true,
  });
  const records = demoSystems().map(e => e.spec!.registry as RegistryRecord);
  const anyRecord = fc
    .tuple(fc.constantFrom(...records), calendarDate)
    .map(([r, createdAt]) => ({ ...r, createdAt }));
  const anyStart = fc.constantFrom('2024-01-01', '2026-01-01', '2027-07-01');

  it('ignores exemptions when moratoriumNeedsExemptions says so', () => {
    fc.assert(
      fc.property(
        anyRecord,
        fc.array(anyExemption, { maxLength: 4 }),
        anyInstant,
        anyStart,
        (record_, exemptions, at, moratoriumStart) => {
          if (moratoriumNeedsExemptions(record_, moratoriumStart)) {
            return;
          }
          expect(
            evaluateMoratorium({
              record: record_,
              exemptions,
              at,
              moratoriumStart,
            }),
          ).toEqual(
            evaluateMoratorium({
              record: record_,
              exemptions: [],
              at,
              moratoriumStart,
            }),
          );
        },
      ),
    );
    expect(moratoriumNeedsExemptions(newSystem)).toBe(true);
    expect(moratoriumNeedsExemptions(newSystem, '2027-01-01')).toBe(false);
    expect(
      moratoriumNeedsExemptions(record('portal-elektronnogo-pravitelstva')),
    ).toBe(false);
  });

  it('gives one answer for every instant of an Almaty calendar day', () => {
    fc.assert(
      fc.property(
        anyRecord,
        fc.array(anyExemption, { maxLength: 4 }),
        anyInstant,
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        anyStart,
        (record_, exemptions, at, shift, moratoriumStart) => {
          const other = new Date(at.getTime() + shift);
          if (moratoriumDay(other) !== moratoriumDay(at)) {
            return;
          }
          expect(
            evaluateMoratorium({
              record: record_,
              exemptions,
              at,
              moratoriumStart,
            }),
          ).toEqual(
            evaluateMoratorium({
              record: record_,
              exemptions,
              at: other,
              moratoriumStart,
            }),
          );
        },
      ),
    );
  });

  it('names the Almaty calendar day of an instant', () => {
    expect(moratoriumDay(new Date('2026-05-01T18:59:59.999Z'))).toBe(
      '2026-05-01',
    );
    expect(moratoriumDay(new Date('2026-05-01T19:00:00Z'))).toBe('2026-05-02');
    // UTC+6 until 2024-03-01.
    expect(moratoriumDay(new Date('2023-05-01T18:30:00Z'))).toBe('2023-05-02');
    fc.assert(
      fc.property(anyInstant, at => {
        expect(moratoriumDay(at)).toBe(
          DateTime.fromJSDate(at, { zone: 'Asia/Almaty' }).toISODate(),
        );
      }),
    );
  });
});

describe('recordExemptionSource', () => {
  it("serves the exemption written in the system's own record", async () => {
    const records: Record<string, RegistryRecord> = {
      'system:default/agromonitoring': record('agromonitoring'),
      'system:default/olimpiady-shkolnikov': newSystem,
    };
    const source = recordExemptionSource(async ref => records[ref]);
    await expect(
      source.getExemptions('system:default/agromonitoring'),
    ).resolves.toEqual([
      {
        decisionNumber: 'КВЦ-2026/02-3',
        decisionDate: '2026-02-26',
        expiresAt: '2026-06-30',
        status: 'approved',
        source: 'register',
      },
    ]);
    await expect(
      source.getExemptions('system:default/olimpiady-shkolnikov'),
    ).resolves.toEqual([]);
    await expect(
      source.getExemptions('system:default/unknown'),
    ).resolves.toEqual([]);
  });
});
