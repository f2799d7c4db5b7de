import fc from 'fast-check';
import { Exemption } from './exemptions';
import {
  MoratoriumEvidence,
  applyOwnerEvidence,
  evaluateMoratoriumOnEvidence,
  verifyMoratoriumInputs,
} from './evidence';
import { evaluateMoratorium } from './moratorium';
import { RegistryRecord } from './types';
import { demoSystems } from './__testUtils__/demoData';

// The rule-source table of docs/moratorium-rule.md as properties: an
// untrusted record's claims (creation date, platform status, own exemption)
// never improve its status, and every claim beyond the evidence is reported.

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);
const toDate = (day: number) =>
  new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
const calendarDate = fc.integer({ min: 0, max: 4 * 365 }).map(toDate);
const instant = fc
  .integer({ min: 0, max: 4 * 365 * DAY_MS })
  .map(ms => new Date(EPOCH + ms));

const records = demoSystems().map(e => e.spec!.registry as RegistryRecord);

const claimsArb = fc.record({
  createdAt: calendarDate,
  onPlatform: fc.boolean(),
  exemption: fc.option(
    fc.record({
      decisionNumber: fc.constantFrom('КВЦ-1', 'КВЦ-2', 'ПОДДЕЛКА-7'),
      decisionDate: calendarDate,
    }),
    { nil: undefined },
  ),
  deadline: fc.option(calendarDate, { nil: undefined }),
});
type Claims = typeof claimsArb extends fc.Arbitrary<infer T> ? T : never;

function withClaims(base: RegistryRecord, claims: Claims): RegistryRecord {
  const record: RegistryRecord = structuredClone(base);
  record.createdAt = claims.createdAt;
  record.platform = {
    onPlatform: claims.onPlatform,
    ...(claims.deadline ? { migration: { deadline: claims.deadline } } : {}),
    ...(claims.exemption ? { exemption: claims.exemption } : {}),
  };
  return record;
}

const evidenceArb: fc.Arbitrary<MoratoriumEvidence> = fc.record({
  trustedRecord: fc.constant(false),
  firstSeen: calendarDate,
  deployment: fc.option(
    fc.record({
      source: fc.constant('platform'),
      cluster: fc.constantFrom('ast-1', 'ala-2'),
      namespace: fc.constantFrom('egov', 'health'),
    }),
    { nil: undefined },
  ),
});

const exemptionArb: fc.Arbitrary<Exemption> = fc.record({
  decisionNumber: fc.constantFrom('КВЦ-1', 'КВЦ-2'),
  decisionDate: calendarDate,
  status: fc.constantFrom<Exemption['status']>('approved', 'revoked'),
  source: fc.constant('moratorium'),
});

const startArb = fc.constantFrom('2024-06-01', '2026-01-01');

describe('moratorium on evidence', () => {
  it('gives an untrusted record the same status whatever it claims', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        claimsArb,
        evidenceArb,
        fc.array(exemptionArb, { maxLength: 3 }),
        instant,
        startArb,
        (base, claimsA, claimsB, evidence, exemptions, at, start) => {
          // The migration deadline stays the same: it is the record's own
          // plan, not an input the claims under test may change.
          const a = withClaims(base, claimsA);
          const b = withClaims(base, {
            ...claimsB,
            deadline: claimsA.deadline,
          });
          const options = { evidence, exemptions, at, moratoriumStart: start };
          const statusA = evaluateMoratoriumOnEvidence({
            ...options,
            record: a,
          });
          const statusB = evaluateMoratoriumOnEvidence({
            ...options,
            record: b,
          });
          expect(statusA.status).toBe(statusB.status);
          expect(statusA.createdAt).toBe(evidence.firstSeen);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never rates an untrusted record better than the evidence alone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        evidenceArb,
        fc.array(exemptionArb, { maxLength: 3 }),
        instant,
        startArb,
        (base, claims, evidence, exemptions, at, start) => {
          const record = withClaims(base, claims);
          const onEvidence = evaluateMoratoriumOnEvidence({
            record,
            evidence,
            exemptions,
            at,
            moratoriumStart: start,
          });
          // The record rewritten to say exactly what the evidence shows.
          const truthful: RegistryRecord = {
            ...record,
            createdAt: evidence.firstSeen,
            platform: {
              ...(record.platform.migration
                ? { migration: record.platform.migration }
                : {}),
              onPlatform: evidence.deployment !== undefined,
            },
          };
          const expected = evaluateMoratorium({
            record: truthful,
            exemptions,
            at,
            moratoriumStart: start,
          });
          expect(onEvidence.status).toBe(expected.status);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reports each claim beyond the evidence, naming claim and evidence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        evidenceArb,
        (base, claims, evidence) => {
          const record = withClaims(base, claims);
          const { unverified } = verifyMoratoriumInputs(record, evidence);
          const expected = [];
          if (claims.createdAt < evidence.firstSeen) {
            expected.push({
              field: 'createdAt',
              claimed: claims.createdAt,
              evidence: evidence.firstSeen,
              source: 'first-seen',
            });
          }
          if (claims.onPlatform && !evidence.deployment) {
            expected.push({
              field: 'onPlatform',
              claimed: 'true',
              evidence: 'false',
              source: 'platform-inventory',
            });
          }
          expect(unverified).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reports an untrusted exemption claim no source knows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        evidenceArb,
        fc.array(exemptionArb, { maxLength: 3 }),
        instant,
        (base, claims, evidence, exemptions, at) => {
          const record = withClaims(base, claims);
          const result = evaluateMoratoriumOnEvidence({
            record,
            evidence,
            exemptions,
            at,
          });
          const known = exemptions.some(
            e =>
              e.status === 'approved' &&
              e.decisionNumber === claims.exemption?.decisionNumber,
          );
          expect(result.unverified.some(c => c.field === 'exemption')).toBe(
            claims.exemption !== undefined && !known,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('believes a trusted record, and the inventory over any record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        evidenceArb,
        instant,
        (base, claims, evidence, at) => {
          const record = withClaims(base, claims);
          const trusted = evaluateMoratoriumOnEvidence({
            record,
            evidence: { ...evidence, trustedRecord: true },
            exemptions: [],
            at,
          });
          expect(trusted.unverified).toEqual([]);
          expect(trusted.createdAt).toBe(claims.createdAt);
          expect(trusted.status === 'on-platform').toBe(
            claims.onPlatform || evidence.deployment !== undefined,
          );
          // Being listed by the inventory is never worse than not.
          const listed = evaluateMoratoriumOnEvidence({
            record,
            evidence: {
              ...evidence,
              deployment: { source: 'p', cluster: 'c', namespace: 'n' },
            },
            exemptions: [],
            at,
          });
          expect(listed.status).toBe('on-platform');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never believes an untrusted record of an owner that is not a state body', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        claimsArb,
        evidenceArb,
        fc.array(exemptionArb, { maxLength: 3 }),
        instant,
        fc.boolean(),
        fc.boolean(),
        (
          base,
          claims,
          evidence,
          exemptions,
          at,
          trustedRecord,
          isStateBody,
        ) => {
          const status = evaluateMoratoriumOnEvidence({
            record: withClaims(base, claims),
            evidence: { ...evidence, trustedRecord },
            exemptions,
            at,
          });
          const ref = 'group:default/qaztech-developers';
          const checked = applyOwnerEvidence(status, {
            ref,
            isStateBody,
            trustedRecord,
          });
          // A state body's or a trusted record's status is left alone.
          // Otherwise, whatever else is claimed or shown, the system is in
          // violation and the owner is reported, once, the other claims kept.
          const expected =
            trustedRecord || isStateBody
              ? status
              : {
                  status: 'violation',
                  reason: checked.reason,
                  unverified: [
                    ...status.unverified,
                    {
                      field: 'owner',
                      claimed: ref,
                      evidence: 'not-a-state-body',
                      source: 'catalog',
                    },
                  ],
                };
          expect(checked).toEqual(expected);
          // The reason names the Group when the record is not believed.
          expect(checked.reason).toContain(
            trustedRecord || isStateBody ? status.reason : ref,
          );
          expect(
            applyOwnerEvidence(checked, { ref, isStateBody, trustedRecord }),
          ).toEqual(checked);
        },
      ),
      { numRuns: 500 },
    );
  });
});
