import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { RegistrySystemTitle } from '../api';

/**
 * Picks a system's title in the language the user chose, falling back to
 * Russian, which every record has.
 */
export function useLocalizedTitle(): (title: RegistrySystemTitle) => string {
  const languageApi = useApi(appLanguageApiRef);
  const language$ = useMemo(() => languageApi.language$(), [languageApi]);
  const { language } = useObservable(language$, languageApi.getLanguage());
  return title => {
    const localized = title[language as keyof RegistrySystemTitle];
    return localized || title.ru;
  };
}
