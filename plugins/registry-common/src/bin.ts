/*
 * The БИН (business identification number) has the same 12-digit layout and
 * check digit as the ИИН: d1..d11 carry data, d12 = (Σ dᵢ·i) mod 11; when that
 * is 10 the digits are weighed again with 3,4,5,6,7,8,9,10,11,1,2, and when
 * the second sum is also 10 no valid number has these 11 digits.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedSum(digits: number[], weights: number[]): number {
  return digits.reduce((sum, digit, i) => sum + digit * weights[i], 0) % 11;
}

/**
 * The check digit for the first 11 digits of a БИН, or `undefined` when the
 * input is not 11 ASCII digits or no check digit exists for them.
 *
 * @public
 */
export function binCheckDigit(first11: string): number | undefined {
  if (!/^[0-9]{11}$/.test(first11)) {
    return undefined;
  }
  const digits = [...first11].map(Number);
  let check = weightedSum(digits, FIRST_WEIGHTS);
  if (check === 10) {
    check = weightedSum(digits, SECOND_WEIGHTS);
  }
  return check === 10 ? undefined : check;
}

/**
 * What is wrong with a БИН, in a sentence a person can act on, or `undefined`
 * when it is valid.
 *
 * @public
 */
export function explainBin(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[0-9]{12}$/.test(value)) {
    return `БИН must be exactly 12 digits, got ${JSON.stringify(value)}`;
  }
  const expected = binCheckDigit(value.slice(0, 11));
  if (expected === undefined) {
    return `БИН ${value} cannot be valid: no check digit exists for its first 11 digits`;
  }
  if (Number(value[11]) !== expected) {
    return `БИН ${value} has a wrong check digit (expected ${expected})`;
  }
  return undefined;
}

/**
 * Whether a string is a valid БИН: exactly 12 ASCII digits with a matching
 * check digit.
 *
 * @public
 */
export function isValidBin(value: string): boolean {
  return explainBin(value) === undefined;
}
