import fc from 'fast-check';
import { BIN_ANNOTATION, STATE_BODY_GROUP_TYPE } from './types';
import { binCheckDigit, explainBin, isValidBin } from './bin';
import { demoStateBodies } from './__testUtils__/demoData';

/** 11 digits that have a check digit, and the full valid БИН. */
const validBin = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map(digits => digits.join(''))
  .filter(first11 => binCheckDigit(first11) !== undefined)
  .map(first11 => `${first11}${binCheckDigit(first11)}`);

/** Σ dᵢ·i mod 11 over the first 11 digits: 10 means the second weighing decides. */
function firstWeighing(bin: string): number {
  return (
    [...bin.slice(0, 11)].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11
  );
}

describe('БИН', () => {
  const bodies = demoStateBodies().filter(
    g => g.spec?.type === STATE_BODY_GROUP_TYPE,
  );

  it('accepts the БИН of every state body in the demo data', () => {
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const bin = body.metadata.annotations![BIN_ANNOTATION];
      expect({ name: body.metadata.name, problem: explainBin(bin) }).toEqual({
        name: body.metadata.name,
        problem: undefined,
      });
    }
  });

  it('names the expected check digit when the last digit is wrong', () => {
    // 190740682689 is the demo БИН of the Ministry of Digital Development.
    expect(isValidBin('190740682689')).toBe(true);
    expect(isValidBin('190740682680')).toBe(false);
    expect(explainBin('190740682680')).toBe(
      'БИН 190740682680 has a wrong check digit (expected 9)',
    );
  });

  it('uses the second weighing when the first gives 10', () => {
    // 00000000011: first 1·10 + 1·11 = 21 ≡ 10 (mod 11); second 1·1 + 1·2 = 3.
    expect(firstWeighing('000000000110')).toBe(10);
    expect(binCheckDigit('00000000011')).toBe(3);
    expect(isValidBin('000000000113')).toBe(true);
  });

  it('rejects 11 digits for which no check digit exists', () => {
    const impossible = fc.sample(
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
        .map(d => d.join(''))
        .filter(first11 => binCheckDigit(first11) === undefined),
      1,
    )[0];
    for (let d = 0; d <= 9; d++) {
      expect(isValidBin(`${impossible}${d}`)).toBe(false);
    }
    expect(explainBin(`${impossible}0`)).toMatch(/no check digit exists/);
  });

  it.each([
    ['12345678901', 'too short'],
    ['1234567890123', 'too long'],
    ['19074068268O', 'a letter O'],
    ['１９０７４０６８２６８９', 'full-width digits'],
    [' 190740682689', 'a space'],
  ])('rejects %j (%s) as not 12 digits', value => {
    expect(isValidBin(value)).toBe(false);
    expect(explainBin(value)).toBe(
      `БИН must be exactly 12 digits, got ${JSON.stringify(value)}`,
    );
  });

  it('is invalid whenever the check digit alone is changed', () => {
    fc.assert(
      fc.property(validBin, fc.integer({ min: 1, max: 9 }), (bin, shift) => {
        const changed = (Number(bin[11]) + shift) % 10;
        expect(isValidBin(`${bin.slice(0, 11)}${changed}`)).toBe(false);
      }),
    );
  });

  /** The БИН with digit `position` (0-based) moved up by `shift`, mod 10. */
  function withDigitChanged(bin: string, position: number, shift: number) {
    const digits = [...bin];
    digits[position] = String((Number(digits[position]) + shift) % 10);
    return digits.join('');
  }

  it('catches any change to one of d1..d10 that the first weighing decides', () => {
    // Changing dᵢ by δ (1..9) moves the first weighing by δ·i mod 11, which is
    // never 0 for i ≤ 10; only a fall-back to the second weighing (a first
    // weighing of 10) can make the changed number valid again.
    fc.assert(
      fc.property(
        validBin,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (bin, position, shift) => {
          const changed = withDigitChanged(bin, position, shift);
          fc.pre(firstWeighing(bin) !== 10 && firstWeighing(changed) !== 10);
          expect(isValidBin(changed)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cannot see a change to d11 when the first weighing decides', () => {
    // A property of the algorithm, not of this code: d11 weighs 11 ≡ 0 (mod 11)
    // in the first weighing, so a typo there usually goes unnoticed.
    fc.assert(
      fc.property(validBin, fc.integer({ min: 1, max: 9 }), (bin, shift) => {
        const changed = withDigitChanged(bin, 10, shift);
        fc.pre(firstWeighing(bin) !== 10);
        expect(isValidBin(changed)).toBe(true);
      }),
    );
  });
});
