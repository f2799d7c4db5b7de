import { formatRequestNumber, parseRequestNumber } from './requestNumber';

describe('request numbers', () => {
  it('formats the year and a padded sequence', () => {
    expect(formatRequestNumber(2026, 42)).toBe('EX-2026-0042');
    expect(formatRequestNumber(2026, 1)).toBe('EX-2026-0001');
    expect(formatRequestNumber(2027, 12345)).toBe('EX-2027-12345');
  });

  it('refuses a bad year or sequence', () => {
    expect(() => formatRequestNumber(26, 1)).toThrow(/year/);
    expect(() => formatRequestNumber(2026, 0)).toThrow(/sequence/);
    expect(() => formatRequestNumber(2026, 1.5)).toThrow(/sequence/);
  });

  it('parses what it formats', () => {
    expect(parseRequestNumber('EX-2026-0042')).toEqual({ year: 2026, seq: 42 });
    expect(parseRequestNumber(' ex-2027-12345 ')).toEqual({
      year: 2027,
      seq: 12345,
    });
    expect(parseRequestNumber('EX-2026-42')).toBeUndefined();
    expect(parseRequestNumber('EX-2026-0000')).toBeUndefined();
    expect(parseRequestNumber('RQ-2026-0042')).toBeUndefined();
  });
});
