/**
 * A language the suite speaks: Russian (the default), Kazakh or English.
 *
 * @public
 */
export type UserLanguage = 'ru' | 'kk' | 'en';

/**
 * The languages the suite speaks, the default first.
 *
 * @public
 */
export const USER_LANGUAGES: readonly UserLanguage[] = ['ru', 'kk', 'en'];

/**
 * The language of a person who has not picked one in Settings.
 *
 * @public
 */
export const DEFAULT_USER_LANGUAGE: UserLanguage = 'ru';

/**
 * Whether a value names a language the suite speaks.
 *
 * @public
 */
export function isUserLanguage(value: unknown): value is UserLanguage {
  return (
    typeof value === 'string' &&
    (USER_LANGUAGES as readonly string[]).includes(value)
  );
}
