import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { RegistryTitle } from '@qaztech/plugin-registry-common';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';

/**
 * Picks a system's title in the language the user chose, falling back to
 * Russian, which every title has.
 */
export function useLocalizedTitle(): (title: Partial<RegistryTitle>) => string {
  const languageApi = useApi(appLanguageApiRef);
  const language$ = useMemo(() => languageApi.language$(), [languageApi]);
  const { language } = useObservable(language$, languageApi.getLanguage());
  return title =>
    title[language as keyof RegistryTitle] || title.ru || title.kk || '';
}
