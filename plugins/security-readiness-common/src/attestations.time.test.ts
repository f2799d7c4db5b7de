import { DEFAULT_SCORECARD } from './defaultScorecard';
import {
  effectiveAttestationExpiry,
  maxAttestationExpiry,
} from './attestations';
import { evaluateScorecard } from './score';
import { attest, makeSystem, passingFacts } from './__fixtures__/systems';
import { CheckDefinition, Waiver } from './types';
import { isWaiverActive, waiverStatusAt } from './waivers';

// Attestation validity across 29 February 2024 in Almaty, the leap day on
// which the clocks went back from UTC+6 to UTC+5 (at 18:00Z).

const check = (id: string): CheckDefinition =>
  DEFAULT_SCORECARD.checks.find(c => c.id === id)!;
const restore = check('restore-and-exercise');
const soc = check('soc-monitoring');

describe('attestations made on the leap day', () => {
  it('count twelve months from the day performed, ending at local midnight of 28 February 2025', () => {
    // Luxon's month arithmetic: 29 February + 12 months is 28 February (the
    // last day of that month), at the same wall time. Performed on
    // 2024-02-29 (a day at +06 and, for its last hour, +05), the test counts
    // until 00:00 on 2025-02-28 at +05: it holds through 27 February 2025.
    const performed = (performedOn: string) =>
      maxAttestationExpiry(restore, {
        attestedAt: '2024-03-05T06:00:00.000Z',
        evidence: { performedOn },
      });
    expect(performed('2024-02-29')).toBe('2025-02-27T19:00:00.000Z');
    // The day before gives the same end: both become 28 February 2025.
    expect(performed('2024-02-28')).toBe('2025-02-27T19:00:00.000Z');
    expect(performed('2024-03-01')).toBe('2025-02-28T19:00:00.000Z');
  });

  it('count twelve months from the instant attested when not from a performed day', () => {
    expect(
      maxAttestationExpiry(soc, {
        attestedAt: '2024-02-29T10:00:00.000Z',
        evidence: {},
      }),
    ).toBe('2025-02-28T10:00:00.000Z');
    // Attested in the repeated hour of 29 February (23:30 at +05).
    expect(
      maxAttestationExpiry(soc, {
        attestedAt: '2024-02-29T18:30:00.000Z',
        evidence: {},
      }),
    ).toBe('2025-02-28T18:30:00.000Z');
  });

  it('stop counting in the score exactly at their expiry', () => {
    const attestation = attest('restore-and-exercise', 'pass', 0, {
      attestedAt: '2024-03-05T06:00:00.000Z',
      expiresAt: '2025-03-05T06:00:00.000Z',
      evidence: { performedOn: '2024-02-29' },
    });
    const expiry = effectiveAttestationExpiry(restore, attestation);
    expect(expiry).toBe('2025-02-27T19:00:00.000Z');
    const statusAt = (iso: string) =>
      evaluateScorecard({
        entity: makeSystem(),
        scorecard: DEFAULT_SCORECARD,
        facts: passingFacts().map(f => ({ ...f, observedAt: iso })),
        attestations: [attestation],
        now: new Date(iso),
      }).checks.find(c => c.checkId === 'restore-and-exercise');
    // 23:59:59.999 on 27 February 2025 in Almaty.
    expect(statusAt('2025-02-27T18:59:59.999Z')).toMatchObject({
      status: 'pass',
    });
    expect(statusAt('2025-02-27T19:00:00.000Z')).toMatchObject({
      status: 'unknown',
      reason: { code: 'attestation-expired' },
    });
  });
});

describe('a waiver expiring at 23:59 on the leap day', () => {
  const waiver = (expiresAt: string): Waiver => ({
    id: 'w1',
    systemRef: 'system:default/e-license',
    checkId: 'soc-monitoring',
    justification: 'SOC contract being signed',
    requestedBy: 'user:default/dev',
    requestedAt: '2024-02-01T06:00:00.000Z',
    expiresAt,
    status: 'granted',
  });

  it('takes the offset written in the expiry: 23:59 at +06 and at +05 are an hour apart', () => {
    // 23:59 on 29 February happened twice in Almaty.
    const first = waiver(new Date('2024-02-29T23:59:00+06:00').toISOString());
    const second = waiver(new Date('2024-02-29T23:59:00+05:00').toISOString());
    expect(first.expiresAt).toBe('2024-02-29T17:59:00.000Z');
    expect(second.expiresAt).toBe('2024-02-29T18:59:00.000Z');
    const at = new Date('2024-02-29T18:30:00Z');
    expect(waiverStatusAt(first, at)).toBe('expired');
    expect(isWaiverActive(second, at)).toBe(true);
    // Expired at the instant itself, not a millisecond later.
    expect(isWaiverActive(second, new Date('2024-02-29T18:59:00Z'))).toBe(
      false,
    );
  });
});
