import { useEffect, useState } from 'react';
import {
  AppLanguageApi,
  appLanguageApiRef,
  AppRootElementBlueprint,
  useApi,
} from '@backstage/frontend-plugin-api';
import { Settings } from 'luxon';

/**
 * The BCP 47 locale that formatting uses for an app language: luxon's
 * default locale (and through it the `Intl` formatters luxon calls, such as
 * `toRelative()` → «2 дня назад» / «2 күн бұрын») and the page's `lang`.
 */
export function localeForAppLanguage(language: string): string {
  switch (language) {
    case 'ru':
      return 'ru-RU';
    case 'kk':
      return 'kk-KZ';
    default:
      return language;
  }
}

/**
 * Makes luxon's default locale and the document's language follow the app
 * language, now and on every switch. Returns the subscription; unsubscribe to
 * stop following.
 */
export function followAppLanguage(
  languageApi: Pick<AppLanguageApi, 'language$'>,
): { unsubscribe(): void } {
  return languageApi.language$().subscribe(({ language }) => {
    const locale = localeForAppLanguage(language);
    Settings.defaultLocale = locale;
    if (typeof document !== 'undefined') {
      document.documentElement.lang = language;
    }
  });
}

function AppLocaleFollower() {
  const languageApi = useApi(appLanguageApiRef);
  // Subscribe during the first render, so that the locale is set before the
  // pages beside this element format their first date.
  const [subscription] = useState(() => followAppLanguage(languageApi));
  useEffect(() => () => subscription.unsubscribe(), [subscription]);
  return null;
}

/** Keeps luxon and the page language in step with the app language. */
export const appLocaleElement = AppRootElementBlueprint.make({
  name: 'app-locale',
  params: { element: <AppLocaleFollower /> },
});
