import type { AppLanguageApi } from '@backstage/frontend-plugin-api';
import {
  DEFAULT_USER_LANGUAGE,
  isUserLanguage,
} from '@qaztech/plugin-registry-common';
import type { RegistryApi } from '../../api';

/**
 * Records the language the user picks in Settings with the registry
 * backend, so that notifications reach them in it. The language the app
 * starts in is recorded only when the backend has none yet and it is not
 * the default (a pick made in this browser before it was recorded); every
 * later switch is recorded. Failures are left for the next switch: the
 * notifications fall back to Russian meanwhile.
 */
export function recordLanguagePicks(
  languageApi: Pick<AppLanguageApi, 'language$'>,
  registryApi: Pick<RegistryApi, 'getMyLanguage' | 'setMyLanguage'>,
): { unsubscribe(): void } {
  let first = true;
  const save = (language: string) => {
    if (isUserLanguage(language)) {
      registryApi.setMyLanguage(language).catch(() => {});
    }
  };
  return languageApi.language$().subscribe(({ language }) => {
    if (!first) {
      save(language);
      return;
    }
    first = false;
    if (language === DEFAULT_USER_LANGUAGE) {
      return;
    }
    registryApi.getMyLanguage().then(
      recorded => {
        if (!recorded.picked) {
          save(language);
        }
      },
      () => {},
    );
  });
}
