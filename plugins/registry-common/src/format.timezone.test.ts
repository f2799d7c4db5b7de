/**
 * @jest-environment ./__testUtils__/newYorkEnvironment.js
 */

// The process runs in New York here (UTC−5 in December, UTC−4 in June): a
// person's browser or the server may be anywhere, and dates must still be
// shown in Almaty.
import {
  formatDate,
  formatDateTime,
  formatRelative,
  todayInAlmaty,
} from './format';

describe('formatting in a process that runs in New York', () => {
  it('really runs in New York', () => {
    expect(new Date('2026-12-08T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(new Date('2026-06-08T12:00:00Z').getTimezoneOffset()).toBe(240);
  });

  it('still shows days and times in Almaty', () => {
    // 02:00 on 9 December in Almaty is still 8 December in New York
    expect(formatDate('2026-12-08T21:00:00Z')).toBe('09.12.2026');
    expect(formatDateTime('2026-12-08T21:00:00Z')).toBe('09.12.2026 02:00');
    expect(formatDateTime(new Date(2026, 11, 8, 16, 0))).toBe(
      '09.12.2026 02:00',
    );
    expect(formatDate('2026-12-08')).toBe('08.12.2026');
    expect(formatDateTime('2026-06-01T12:00:00Z')).toBe('01.06.2026 17:00');
  });

  it("gives Almaty's today, not New York's", () => {
    expect(todayInAlmaty(new Date('2026-12-08T21:00:00Z'))).toBe('2026-12-09');
  });

  it('counts relative times from the moment, whatever the zone', () => {
    expect(
      formatRelative(
        '2026-12-06T21:00:00Z',
        'ru',
        new Date('2026-12-08T21:00:00Z'),
      ),
    ).toBe('2 дня назад');
  });
});
