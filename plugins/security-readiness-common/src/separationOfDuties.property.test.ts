import fc from 'fast-check';
import {
  attestationOverrulesFacts,
  attestationsOfResult,
  isMemberOfOwningBody,
  ownBodyConflict,
  owningBodyConflict,
  signOffAttesterConflict,
} from './separationOfDuties';
import { attestationScore } from './attestations';
import { Attestation, AttestationResult, CheckResult } from './types';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const groupRef = name.map(n => `group:default/${n}`);
const userRef = name.map(n => `user:default/${n}`);
const result: fc.Arbitrary<AttestationResult> = fc.oneof(
  fc.constantFrom<AttestationResult>('pass', 'fail'),
  fc.integer({ min: 0, max: 10 }),
);

function attestation(
  id: string,
  attestedBy: string,
  checkId = id,
): Attestation {
  return {
    id,
    systemRef: 'system:default/s',
    checkId,
    result: 'pass',
    evidence: {},
    attestedBy,
    attestedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2027-01-01T00:00:00.000Z',
  };
}

function checkResting(attestationId?: string): CheckResult {
  return {
    checkId: attestationId ?? 'auto',
    area: 'governance',
    applicable: true,
    status: 'pass',
    score: 10,
    weight: 1,
    reason: { code: 'attested' },
    evidence: { summary: '', ...(attestationId ? { attestationId } : {}) },
  };
}

describe('separation of duties', () => {
  it('finds a conflict of the owning body exactly when the person belongs to it, in any case', () => {
    fc.assert(
      fc.property(
        fc.array(groupRef, { maxLength: 5 }),
        groupRef,
        (refs, owner) => {
          const member = refs.includes(owner);
          expect(isMemberOfOwningBody(refs, owner.toUpperCase())).toBe(member);
          const message = owningBodyConflict({
            action: 'sign off',
            systemRef: 'system:default/s',
            ownerRef: owner,
            ownershipRefs: refs,
          });
          expect(message !== undefined).toBe(member);
          expect(message ?? `${owner} system:default/s`).toContain(owner);
          expect(message ?? 'system:default/s').toContain('system:default/s');
        },
      ),
    );
  });

  it('lets allowOwnBody lift only the own-body rule', () => {
    fc.assert(
      fc.property(
        fc.array(groupRef, { maxLength: 5 }),
        groupRef,
        fc.boolean(),
        (refs, owner, allow) => {
          const conflict = ownBodyConflict({
            systemRef: 'system:default/s',
            ownerRef: owner,
            ownershipRefs: refs,
            allowOwnBody: allow,
          });
          expect(conflict !== undefined).toBe(!allow && refs.includes(owner));
        },
      ),
    );
  });

  it('refuses a sign-off by anyone who attested a check the result rests on, and no one else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, userRef), {
          selector: t => t[0],
          maxLength: 6,
        }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        userRef,
        (made, used, signer) => {
          const attestations = made.map(([id, by]) => attestation(id, by));
          const resting = made.filter((_, i) => used[i]).map(([id]) => id);
          const res = {
            systemRef: 'system:default/s',
            checks: [checkResting(), ...resting.map(id => checkResting(id))],
          };
          expect(
            attestationsOfResult(res, attestations)
              .map(a => a.id)
              .sort(),
          ).toEqual([...resting].sort());
          const conflict = signOffAttesterConflict({
            signer,
            result: res,
            attestations,
          });
          const attested = made.some(
            ([id, by], i) => used[i] && by === signer && resting.includes(id),
          );
          expect(conflict !== undefined).toBe(attested);
        },
      ),
    );
  });

  it('never lets an attestation score a check above its failing facts', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        result,
        (factScore, r) => {
          const refused = attestationOverrulesFacts({
            checkId: 'c',
            factScore,
            result: r,
          });
          const lifts =
            factScore !== undefined &&
            factScore < 10 &&
            attestationScore(r) > factScore;
          expect(refused !== undefined).toBe(lifts);
        },
      ),
    );
  });
});
