/**
 * The human-readable number of a request: `EX-<year>-<seq>`, the sequence
 * padded to four digits (`EX-2026-0042`); longer sequences keep all digits.
 *
 * @public
 */
export function formatRequestNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`The year must have four digits, got ${year}`);
  }
  if (!Number.isInteger(seq) || seq < 1) {
    throw new RangeError(`The sequence must be a whole number ≥ 1, got ${seq}`);
  }
  return `EX-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * The year and sequence of a request number, or undefined when it is not
 * one.
 *
 * @public
 */
export function parseRequestNumber(
  value: string,
): { year: number; seq: number } | undefined {
  const match = /^EX-(\d{4})-(\d{4,})$/.exec(value.trim().toUpperCase());
  if (!match) {
    return undefined;
  }
  const seq = Number(match[2]);
  if (seq < 1) {
    return undefined;
  }
  return { year: Number(match[1]), seq };
}
