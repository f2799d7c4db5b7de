import fc from 'fast-check';
import { binCheckDigit, explainBin, isValidBin } from './bin';

// bin.test.ts covers changes the first weighing decides; these properties
// cover every single-digit change, including those where the second
// weighing (a first weighing of 10) decides, and state exactly when a
// change can go unnoticed.

const digits11 = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map(d => d.join(''));

const validBin = digits11
  .filter(first11 => binCheckDigit(first11) !== undefined)
  .map(first11 => `${first11}${binCheckDigit(first11)}`);

/** A valid БИН whose check digit the second weighing gives. */
const secondWeighingBin = validBin.filter(bin => firstWeighing(bin) === 10);

function firstWeighing(bin: string): number {
  return (
    [...bin.slice(0, 11)].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11
  );
}

function withDigitChanged(bin: string, position: number, shift: number) {
  const d = [...bin];
  d[position] = String((Number(d[position]) + shift) % 10);
  return d.join('');
}

const change = fc.record({
  position: fc.integer({ min: 0, max: 11 }),
  shift: fc.integer({ min: 1, max: 9 }),
});

describe('БИН check digit properties', () => {
  it('only misses a single-digit change in d11, or one that switches weighings', () => {
    fc.assert(
      fc.property(
        fc.oneof(validBin, secondWeighingBin),
        change,
        (bin, { position, shift }) => {
          const changed = withDigitChanged(bin, position, shift);
          // d11 weighs 11 ≡ 0 in the first weighing; otherwise only a
          // change of which weighing decides can hide a typo.
          const switched =
            (firstWeighing(bin) === 10) !== (firstWeighing(changed) === 10);
          const explanation = explainBin(changed) ?? '';
          expect({
            changed,
            caught: !isValidBin(changed),
            explained: /wrong check digit|no check digit exists/.test(
              explanation,
            ),
          }).toEqual(
            isValidBin(changed)
              ? {
                  changed,
                  caught: !(position === 10 || switched),
                  explained: false,
                }
              : { changed, caught: true, explained: true },
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('always catches a change to d11 when the second weighing decides', () => {
    // In the second weighing d11 weighs 2, and 2·δ is never 0 mod 11.
    fc.assert(
      fc.property(
        secondWeighingBin,
        fc.integer({ min: 1, max: 9 }),
        (bin, shift) => {
          expect(isValidBin(withDigitChanged(bin, 10, shift))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has exactly one valid check digit for 11 digits, or none', () => {
    fc.assert(
      fc.property(digits11, first11 => {
        const valid = [...'0123456789'].filter(d =>
          isValidBin(`${first11}${d}`),
        );
        const expected = binCheckDigit(first11);
        expect(valid).toEqual(expected === undefined ? [] : [String(expected)]);
      }),
      { numRuns: 500 },
    );
  });

  it('explains every invalid 12-digit string and nothing valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          validBin,
          fc.string({ maxLength: 14 }),
          fc
            .array(fc.integer({ min: 0, max: 9 }), {
              minLength: 12,
              maxLength: 12,
            })
            .map(d => d.join('')),
        ),
        value => {
          const problem = explainBin(value);
          expect(problem === undefined).toBe(isValidBin(value));
          expect(problem ?? 'БИН').toContain('БИН');
        },
      ),
      { numRuns: 500 },
    );
  });
});
