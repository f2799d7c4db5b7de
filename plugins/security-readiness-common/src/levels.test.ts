import { isBelowLevel, levelForScore } from './levels';
import { isWaiverActive, waiverStatusAt } from './waivers';
import { attestationScore } from './attestations';
import { NOW, daysAgo, daysAhead, waiver } from './__fixtures__/systems';

describe('levelForScore', () => {
  it.each([
    [10, 'ready'],
    [8.5, 'ready'],
    [8.4, 'conditional'],
    [6, 'conditional'],
    [5.9, 'not-ready'],
    [0, 'not-ready'],
    [null, 'not-ready'],
  ] as const)('%s is %s', (score, level) => {
    expect(levelForScore(score)).toBe(level);
  });

  it('follows the configured thresholds', () => {
    expect(levelForScore(8, { ready: 8, conditional: 5 })).toBe('ready');
    expect(levelForScore(5, { ready: 8, conditional: 5 })).toBe('conditional');
  });

  it('orders the levels for a drop below the signed-off one', () => {
    expect(isBelowLevel('conditional', 'ready')).toBe(true);
    expect(isBelowLevel('not-ready', 'conditional')).toBe(true);
    expect(isBelowLevel('ready', 'ready')).toBe(false);
    expect(isBelowLevel('ready', 'conditional')).toBe(false);
  });
});

describe('waivers and attestation results', () => {
  it('expires a waiver at its expiry, whatever is stored', () => {
    expect(waiverStatusAt(waiver('x', { expiresAt: daysAhead(1) }), NOW)).toBe(
      'granted',
    );
    expect(
      waiverStatusAt(waiver('x', { expiresAt: NOW.toISOString() }), NOW),
    ).toBe('expired');
    expect(
      waiverStatusAt(
        waiver('x', { status: 'requested', expiresAt: daysAgo(1) }),
        NOW,
      ),
    ).toBe('expired');
    expect(
      waiverStatusAt(
        waiver('x', { status: 'rejected', expiresAt: daysAgo(1) }),
        NOW,
      ),
    ).toBe('rejected');
    expect(isWaiverActive(waiver('x', { expiresAt: 'never' }), NOW)).toBe(
      false,
    );
  });

  it.each([
    ['pass', 10],
    ['fail', 0],
    [7, 7],
    [12, 10],
  ] as const)('scores the result %s as %d', (result, score) => {
    expect(attestationScore(result)).toBe(score);
  });
});
