import { DateTime, Settings } from 'luxon';
import { followAppLanguage } from './appLocale';

/**
 * The app language API's observable contract (as AppLanguageSelector, which
 * core-app-api does not export, keeps it): the current language on subscribe,
 * then every change.
 */
function languageApiFor(initial: string) {
  let language = initial;
  const listeners = new Set<(value: { language: string }) => void>();
  return {
    setLanguage(next: string) {
      language = next;
      listeners.forEach(listener => listener({ language }));
    },
    language$: () => ({
      subscribe(listener: (value: { language: string }) => void) {
        listeners.add(listener);
        listener({ language });
        return { unsubscribe: () => listeners.delete(listener) };
      },
    }),
  };
}

describe('followAppLanguage', () => {
  const original = Settings.defaultLocale;
  afterEach(() => {
    Settings.defaultLocale = original;
  });

  it('switches luxon, relative times and the page language with the app language', () => {
    const languageApi = languageApiFor('ru');
    const subscription = followAppLanguage(languageApi as any);
    const twoDaysAgo = () =>
      DateTime.now()
        .minus({ days: 2, minutes: 1 })
        .toRelative({ unit: 'days' });

    expect(Settings.defaultLocale).toBe('ru-RU');
    expect(document.documentElement.lang).toBe('ru');
    expect(twoDaysAgo()).toBe('2 дня назад');
    expect(
      DateTime.fromISO('2026-12-08').toLocaleString(DateTime.DATE_SHORT),
    ).toBe('08.12.2026');

    languageApi.setLanguage('kk');
    expect(Settings.defaultLocale).toBe('kk-KZ');
    expect(document.documentElement.lang).toBe('kk');
    expect(twoDaysAgo()).toBe('2 күн бұрын');

    languageApi.setLanguage('en');
    expect(Settings.defaultLocale).toBe('en');
    expect(twoDaysAgo()).toBe('2 days ago');

    subscription.unsubscribe();
    languageApi.setLanguage('ru');
    expect(Settings.defaultLocale).toBe('en');
  });
});
