import fc from 'fast-check';
import { Exemption } from './exemptions';
import {
  MORATORIUM_STATUSES,
  evaluateMoratorium,
  moratoriumDay,
} from './moratorium';
import { RegistryRecord } from './types';
import { demoSystems } from './__testUtils__/demoData';

// moratorium.test.ts pins the examples, on-platform whatever the
// exemptions, and one answer per Almaty day; these properties pin the rule
// itself against an oracle written over calendar-date strings.

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 1);
const dayNumber = fc.integer({ min: 0, max: 6 * 365 });
const toDate = (day: number) =>
  new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
const calendarDate = dayNumber.map(toDate);

/** Instants 2022-12-31 to ~2029, with the UTC+6 → UTC+5 change inside. */
const instant = fc
  .integer({ min: -DAY_MS, max: 6 * 365 * DAY_MS })
  .map(ms => new Date(EPOCH + ms));

const exemptionArb: fc.Arbitrary<Exemption> = fc
  .record({
    decisionNumber: fc.constantFrom('КВЦ-1', 'КВЦ-2', 'КВЦ-3'),
    decisionDate: calendarDate,
    expiresAt: fc.option(calendarDate, { nil: undefined }),
    status: fc.constantFrom<Exemption['status']>(
      'approved',
      'approved',
      'revoked',
      'expired',
    ),
    source: fc.constantFrom('register', 'moratorium'),
  })
  .map(e => {
    const { expiresAt, ...rest } = e;
    return expiresAt === undefined ? rest : { ...rest, expiresAt };
  });

const records = demoSystems().map(e => e.spec!.registry as RegistryRecord);

const recordArb = fc
  .record({
    base: fc.constantFrom(...records),
    createdAt: calendarDate,
    onPlatform: fc.boolean(),
    deadline: fc.option(calendarDate, { nil: undefined }),
  })
  .map(({ base, createdAt, onPlatform, deadline }) => {
    const record: RegistryRecord = structuredClone(base);
    record.createdAt = createdAt;
    record.platform = onPlatform
      ? { onPlatform: true }
      : {
          onPlatform: false,
          ...(deadline ? { migration: { deadline } } : {}),
        };
    return record;
  });

const startArb = fc.constantFrom('2024-01-01', '2024-03-01', '2026-01-01');

/** The reason code of a legacy system on an Almaty calendar day. */
function legacyCode(record: RegistryRecord, day: string): string {
  const deadline = record.platform.migration?.deadline;
  if (record.lifecycle.stage === 'decommissioned') {
    return 'legacy-decommissioned';
  }
  if (!deadline) {
    return 'legacy-no-deadline';
  }
  return deadline < day ? 'legacy-deadline-passed' : 'legacy-migrating';
}

/** Whether an exemption holds on an Almaty calendar day, by date strings alone. */
function holdsOn(exemption: Exemption, day: string): boolean {
  return (
    exemption.status === 'approved' &&
    exemption.decisionDate <= day &&
    (exemption.expiresAt === undefined || day <= exemption.expiresAt)
  );
}

describe('evaluateMoratorium properties', () => {
  it('follows the rule, decided on the Almaty calendar day', () => {
    fc.assert(
      fc.property(
        recordArb,
        fc.array(exemptionArb, { maxLength: 4 }),
        instant,
        startArb,
        (record, exemptions, at, moratoriumStart) => {
          const result = evaluateMoratorium({
            record,
            exemptions,
            at,
            moratoriumStart,
          });
          const day = moratoriumDay(at);
          let expected: string;
          if (record.platform.onPlatform) {
            expected = 'on-platform';
          } else if (record.createdAt < moratoriumStart) {
            expected = 'legacy-migrating';
          } else if (exemptions.some(e => holdsOn(e, day))) {
            expected = 'exempted';
          } else {
            expected = 'violation';
          }
          expect(result.status).toBe(expected);
          expect(MORATORIUM_STATUSES).toContain(result.status);
          expect(result.reason.trim()).not.toBe('');
          expect(result.reason).toMatch(/\.$/);
          // An exempted system names the exemption that holds that day and
          // lasts longest (open-ended first); no other status names one.
          const named = result.exemption;
          const lastsLongest = (e: Exemption) =>
            named?.expiresAt === undefined ||
            (e.expiresAt !== undefined && e.expiresAt <= named.expiresAt);
          expect({
            named: named !== undefined,
            holds: named !== undefined && holdsOn(named, day),
            longest: exemptions
              .filter(e => holdsOn(e, day))
              .every(lastsLongest),
            inReason:
              named === undefined ||
              result.reason.includes(named.decisionNumber),
          }).toEqual({
            named: result.status === 'exempted',
            holds: result.status === 'exempted',
            longest: true,
            inReason: true,
          });
          // A legacy system's reason code follows its migration deadline.
          const deadline = record.platform.migration?.deadline;
          expect({
            deadline: result.migrationDeadline,
            code: result.detail.code,
          }).toEqual(
            result.status === 'legacy-migrating'
              ? { deadline, code: legacyCode(record, day) }
              : { deadline: undefined, code: result.detail.code },
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never makes a system exempted by an exemption that expired before the day', () => {
    fc.assert(
      fc.property(
        recordArb,
        exemptionArb,
        instant,
        fc.integer({ min: 1, max: 400 }),
        (record, exemption, at, daysBefore) => {
          const day = moratoriumDay(at);
          const expiresAt = new Date(Date.parse(day) - daysBefore * DAY_MS)
            .toISOString()
            .slice(0, 10);
          const result = evaluateMoratorium({
            record: { ...record, platform: { onPlatform: false } },
            exemptions: [{ ...exemption, status: 'approved', expiresAt }],
            at,
          });
          expect(result.status).not.toBe('exempted');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never gets worse when an exemption is added', () => {
    const rank = (s: string) => (s === 'violation' ? 1 : 0);
    fc.assert(
      fc.property(
        recordArb,
        fc.array(exemptionArb, { maxLength: 3 }),
        exemptionArb,
        instant,
        startArb,
        (record, exemptions, extra, at, moratoriumStart) => {
          const before = evaluateMoratorium({
            record,
            exemptions,
            at,
            moratoriumStart,
          });
          const after = evaluateMoratorium({
            record,
            exemptions: [...exemptions, extra],
            at,
            moratoriumStart,
          });
          expect(rank(after.status)).toBeLessThanOrEqual(rank(before.status));
          // Only a system that needs an exemption can change status.
          const needsOne =
            before.status === 'violation' || before.status === 'exempted';
          expect(needsOne || after.status === before.status).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a system off the platform created before the start legacy, whatever the exemptions', () => {
    fc.assert(
      fc.property(
        recordArb,
        fc.array(exemptionArb, { maxLength: 4 }),
        instant,
        (record, exemptions, at) => {
          fc.pre(!record.platform.onPlatform);
          const result = evaluateMoratorium({
            record: { ...record, createdAt: '2025-12-31' },
            exemptions,
            at,
            moratoriumStart: '2026-01-01',
          });
          expect(result.status).toBe('legacy-migrating');
          expect(result.detail).toMatchObject({
            createdAt: '2025-12-31',
            moratoriumStart: '2026-01-01',
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is exempted on later days only if it was on earlier days, once every decision is taken', () => {
    fc.assert(
      fc.property(
        recordArb,
        fc.array(exemptionArb, { minLength: 1, maxLength: 4 }),
        instant,
        fc.integer({ min: 0, max: 800 * DAY_MS }),
        (record, exemptions, early, gap) => {
          const late = new Date(early.getTime() + gap);
          const earlyDay = moratoriumDay(early);
          fc.pre(exemptions.every(e => e.decisionDate <= earlyDay));
          const evaluate = (at: Date) =>
            evaluateMoratorium({
              record: { ...record, platform: { onPlatform: false } },
              exemptions,
              at,
              moratoriumStart: '2020-01-01',
            }).status;
          fc.pre(evaluate(late) === 'exempted');
          expect(evaluate(early)).toBe('exempted');
        },
      ),
      { numRuns: 500 },
    );
  });
});
