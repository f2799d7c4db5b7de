import { DateTime } from 'luxon';

/**
 * The languages the suite formats for (the app languages).
 *
 * @public
 */
export type FormatLanguage = 'ru' | 'kk' | 'en';

/**
 * A moment or a calendar day to show: a `Date`, an ISO 8601 instant
 * (`2026-12-08T09:30:00Z`; without an offset it is read as UTC, as the
 * databases store it), an SQL timestamp (`2026-12-08 09:30:00`, UTC) or a
 * calendar date (`2026-12-08`, a day in Almaty).
 *
 * @public
 */
export type DateInput = Date | string;

/**
 * The zone every date and time a person reads is shown in (Kazakhstan,
 * UTC+5 since 1 March 2024).
 *
 * @public
 */
export const DISPLAY_TIME_ZONE = 'Asia/Almaty';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The BCP 47 locale of each language for `Intl` (and luxon). */
const LOCALES: Record<FormatLanguage, string> = {
  ru: 'ru-RU',
  kk: 'kk-KZ',
  en: 'en-GB',
};

/** Separators as officials write numbers: «1 234 567,5» in ru and kk. */
const SEPARATORS: Record<FormatLanguage, { group: string; decimal: string }> = {
  ru: { group: '\u00A0', decimal: ',' },
  kk: { group: '\u00A0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function toDateTime(value: DateInput): DateTime | undefined {
  let parsed: DateTime;
  if (value instanceof Date) {
    parsed = DateTime.fromJSDate(value);
  } else if (CALENDAR_DATE.test(value)) {
    parsed = DateTime.fromISO(value, { zone: DISPLAY_TIME_ZONE });
  } else {
    parsed = DateTime.fromISO(value, { zone: 'utc' });
    if (!parsed.isValid) {
      parsed = DateTime.fromSQL(value, { zone: 'utc' });
    }
  }
  return parsed.isValid ? parsed.setZone(DISPLAY_TIME_ZONE) : undefined;
}

function isCalendarDateText(value: DateInput): boolean {
  return typeof value === 'string' && CALENDAR_DATE.test(value);
}

/**
 * A day as officials write it, `ДД.ММ.ГГГГ` («08.12.2026»), in Almaty. The
 * same in every app language. An empty value gives `''`; text that is not a
 * date is returned as it is.
 *
 * @public
 */
export function formatDate(value: DateInput | undefined | null): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  const moment = toDateTime(value);
  return moment ? moment.toFormat('dd.MM.yyyy') : String(value);
}

/**
 * A moment as `ДД.ММ.ГГГГ ЧЧ:ММ`, 24-hour clock, Almaty time
 * («08.12.2026 15:30»). A calendar date (no time of day) is shown as a day.
 * An empty value gives `''`; text that is not a date is returned as it is.
 *
 * @public
 */
export function formatDateTime(value: DateInput | undefined | null): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  if (isCalendarDateText(value)) {
    return formatDate(value);
  }
  const moment = toDateTime(value);
  return moment ? moment.toFormat('dd.MM.yyyy HH:mm') : String(value);
}

/** Options of {@link formatNumber}. @public */
export interface FormatNumberOptions {
  /** Digits after the decimal separator, at most (default 0: whole numbers). */
  maximumFractionDigits?: number;
  /** Digits after the decimal separator, at least (default 0). */
  minimumFractionDigits?: number;
}

/**
 * A number with thousands separated by a no-break space and a decimal
 * comma in ru and kk («1 234 567», «0,5»); `1,234,567` and `0.5` in en. The
 * separators are fixed here, not taken from the browser, so every browser
 * shows the same text.
 *
 * @public
 */
export function formatNumber(
  value: number,
  language: FormatLanguage,
  options: FormatNumberOptions = {},
): string {
  if (!Number.isFinite(value)) {
    return '';
  }
  const maximumFractionDigits = options.maximumFractionDigits ?? 0;
  const minimumFractionDigits = Math.min(
    options.minimumFractionDigits ?? 0,
    maximumFractionDigits,
  );
  const { group, decimal } = SEPARATORS[language] ?? SEPARATORS.ru;
  return new Intl.NumberFormat('en-US', {
    maximumFractionDigits,
    minimumFractionDigits,
  })
    .formatToParts(value)
    .map(part => {
      if (part.type === 'group') {
        return group;
      }
      if (part.type === 'decimal') {
        return decimal;
      }
      return part.value;
    })
    .join('');
}

/**
 * A score (0–10) with at most one decimal: «8,4» in ru and kk alike, «8.4»
 * in en; a whole score has no decimals («8»).
 *
 * @public
 */
export function formatScore(score: number, language: FormatLanguage): string {
  return formatNumber(score, language, { maximumFractionDigits: 1 });
}

/**
 * How long ago (or how soon) a moment is, in the language: «2 дня назад»,
 * «2 күн бұрын», «2 days ago», «через 5 минут». `now` is the moment to count
 * from (default: now).
 *
 * @public
 */
export function formatRelative(
  value: DateInput | undefined | null,
  language: FormatLanguage,
  now: Date = new Date(),
): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  const moment = toDateTime(value);
  if (!moment) {
    return String(value);
  }
  return (
    moment.toRelative({
      base: DateTime.fromJSDate(now),
      locale: LOCALES[language] ?? LOCALES.ru,
    }) ?? formatDateTime(value)
  );
}

/**
 * Today's calendar date in Almaty as ISO `YYYY-MM-DD`: for date inputs,
 * API parameters and file names, not for showing.
 *
 * @public
 */
export function todayInAlmaty(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(DISPLAY_TIME_ZONE).toISODate()!;
}

/**
 * The Almaty calendar day of a moment as ISO `YYYY-MM-DD` (for comparing
 * days and for date inputs, not for showing); `undefined` when the value is
 * not a date.
 *
 * @public
 */
export function almatyCalendarDate(
  value: DateInput | undefined | null,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return toDateTime(value)?.toISODate() ?? undefined;
}

/**
 * The app language as a {@link FormatLanguage}: `ru`, `kk` or `en`, and `ru`
 * (the default language) for anything else.
 *
 * @public
 */
export function toFormatLanguage(language: string | undefined): FormatLanguage {
  return language === 'kk' || language === 'en' ? language : 'ru';
}
