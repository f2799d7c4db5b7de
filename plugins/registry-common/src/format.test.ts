import {
  almatyCalendarDate,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatScore,
  todayInAlmaty,
  toFormatLanguage,
} from './format';

const NBSP = '\u00A0';

describe('formatDate', () => {
  it('writes a day as ДД.ММ.ГГГГ in Almaty', () => {
    expect(formatDate('2026-12-08')).toBe('08.12.2026');
    expect(formatDate('2026-12-08T09:30:00Z')).toBe('08.12.2026');
    // 19:30 UTC is already the next day in Almaty (UTC+5)
    expect(formatDate('2026-12-08T19:30:00Z')).toBe('09.12.2026');
    expect(formatDate(new Date('2026-12-31T20:00:00Z'))).toBe('01.01.2027');
  });

  it('reads database timestamps without an offset as UTC', () => {
    expect(formatDate('2026-12-08 19:30:00')).toBe('09.12.2026');
    expect(formatDate('2026-12-08T19:30:00')).toBe('09.12.2026');
  });

  it('keeps what is not a date, and shows nothing for nothing', () => {
    expect(formatDate('бессрочно')).toBe('бессрочно');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes a moment as ДД.ММ.ГГГГ ЧЧ:ММ on a 24-hour clock in Almaty', () => {
    expect(formatDateTime('2026-12-08T09:30:00Z')).toBe('08.12.2026 14:30');
    expect(formatDateTime('2026-12-08T19:05:00.123Z')).toBe('09.12.2026 00:05');
    expect(formatDateTime('2026-12-08T15:45:00+05:00')).toBe(
      '08.12.2026 15:45',
    );
    expect(formatDateTime(new Date('2026-06-01T12:00:00Z'))).toBe(
      '01.06.2026 17:00',
    );
  });

  it('shows Almaty at UTC+6 before 1 March 2024', () => {
    expect(formatDateTime('2024-02-29T17:00:00Z')).toBe('29.02.2024 23:00');
    expect(formatDateTime('2024-03-01T17:00:00Z')).toBe('01.03.2024 22:00');
  });

  it('shows a calendar date as a day, without an invented time', () => {
    expect(formatDateTime('2026-12-08')).toBe('08.12.2026');
  });
});

describe('formatNumber', () => {
  it('separates thousands with a no-break space in ru and kk', () => {
    expect(formatNumber(1234567, 'ru')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(1234567, 'kk')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber(1234, 'ru')).toBe(`1${NBSP}234`);
    expect(formatNumber(999, 'ru')).toBe('999');
    expect(formatNumber(-25000, 'kk')).toBe(`-25${NBSP}000`);
  });

  it('uses commas for thousands in en', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('writes fractions with a decimal comma in ru and kk', () => {
    expect(formatNumber(1234.567, 'ru', { maximumFractionDigits: 2 })).toBe(
      `1${NBSP}234,57`,
    );
    expect(
      formatNumber(2, 'kk', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
    ).toBe('2,00');
    expect(formatNumber(1234.5, 'en', { maximumFractionDigits: 1 })).toBe(
      '1,234.5',
    );
  });

  it('rounds to whole numbers by default and shows nothing for NaN', () => {
    expect(formatNumber(2.6, 'ru')).toBe('3');
    expect(formatNumber(Number.NaN, 'ru')).toBe('');
  });
});

describe('formatScore', () => {
  it('writes a decimal comma in ru and kk alike, a dot in en', () => {
    expect(formatScore(8.4, 'ru')).toBe('8,4');
    expect(formatScore(8.4, 'kk')).toBe('8,4');
    expect(formatScore(0.5, 'kk')).toBe('0,5');
    expect(formatScore(8.4, 'en')).toBe('8.4');
  });

  it('keeps at most one decimal and none for a whole score', () => {
    expect(formatScore(8.44, 'ru')).toBe('8,4');
    expect(formatScore(8.46, 'kk')).toBe('8,5');
    expect(formatScore(10, 'ru')).toBe('10');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-12-08T12:00:00Z');

  it('says how long ago in the language', () => {
    const twoDaysAgo = '2026-12-06T12:00:00Z';
    expect(formatRelative(twoDaysAgo, 'ru', now)).toBe('2 дня назад');
    expect(formatRelative(twoDaysAgo, 'kk', now)).toBe('2 күн бұрын');
    expect(formatRelative(twoDaysAgo, 'en', now)).toBe('2 days ago');
    expect(formatRelative('2026-12-08T09:00:00Z', 'ru', now)).toBe(
      '3 часа назад',
    );
    expect(formatRelative('2026-11-17T12:00:00Z', 'ru', now)).toBe(
      '21 день назад',
    );
    expect(formatRelative('2026-07-08T12:00:00Z', 'ru', now)).toBe(
      '5 месяцев назад',
    );
  });

  it('says how soon in the language', () => {
    const inFiveMinutes = new Date('2026-12-08T12:05:00Z');
    expect(formatRelative(inFiveMinutes, 'ru', now)).toBe('через 5 минут');
    expect(formatRelative(inFiveMinutes, 'kk', now)).toBe('5 минуттан кейін');
    expect(formatRelative(inFiveMinutes, 'en', now)).toBe('in 5 minutes');
  });

  it('keeps what is not a date', () => {
    expect(formatRelative('никогда', 'ru', now)).toBe('никогда');
    expect(formatRelative(undefined, 'ru', now)).toBe('');
  });
});

describe('todayInAlmaty and almatyCalendarDate', () => {
  it('give the Almaty day as ISO, which is tomorrow in UTC after 19:00 Z', () => {
    expect(todayInAlmaty(new Date('2026-12-08T18:59:00Z'))).toBe('2026-12-08');
    expect(todayInAlmaty(new Date('2026-12-08T19:00:00Z'))).toBe('2026-12-09');
    expect(almatyCalendarDate('2026-12-08T19:00:00Z')).toBe('2026-12-09');
    expect(almatyCalendarDate('2026-12-08')).toBe('2026-12-08');
    expect(almatyCalendarDate('позже')).toBeUndefined();
  });
});

describe('toFormatLanguage', () => {
  it('takes ru, kk and en and falls back to Russian', () => {
    expect(toFormatLanguage('kk')).toBe('kk');
    expect(toFormatLanguage('en')).toBe('en');
    expect(toFormatLanguage('ru')).toBe('ru');
    expect(toFormatLanguage('de')).toBe('ru');
    expect(toFormatLanguage(undefined)).toBe('ru');
  });
});
