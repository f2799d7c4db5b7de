import {
  appLanguageApiRef,
  useApi,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { titleComparator } from '@qaztech/plugin-registry-common';
import { useEffect, useMemo, useState } from 'react';
import useObservable from 'react-use/esm/useObservable';

/** The app's current language, following switches. */
export function useAppLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const language$ = useMemo(() => languageApi.language$(), [languageApi]);
  return useObservable(language$, languageApi.getLanguage()).language;
}

/**
 * Compares shown titles in the reader's language (`Intl.Collator`), for
 * lists sorted by title.
 */
export function useTitleComparator(): (a: string, b: string) => number {
  const language = useAppLanguage();
  return useMemo(() => titleComparator(language), [language]);
}

/**
 * The names people know entities by (state bodies by their display names,
 * systems by their register titles in the reader's language), from the app's
 * entity presentation; refs not yet loaded are missing from the map.
 */
export function useEntityTitles(
  refs: readonly string[] | undefined,
): Map<string, string> {
  const presentationApi = useApiHolder().get(entityPresentationApiRef);
  const language = useAppLanguage();
  const key = (refs ?? []).join('\n');
  const [titles, setTitles] = useState(() => new Map<string, string>());
  useEffect(() => {
    if (!presentationApi || !key) {
      return undefined;
    }
    let current = true;
    const list = key.split('\n');
    Promise.all(
      list.map(ref =>
        presentationApi
          .forEntity(ref)
          .promise.then(snapshot => [ref, snapshot.primaryTitle] as const)
          .catch(() => undefined),
      ),
    ).then(entries => {
      if (current) {
        setTitles(
          new Map(
            entries.filter((e): e is readonly [string, string] => Boolean(e)),
          ),
        );
      }
    });
    return () => {
      current = false;
    };
  }, [presentationApi, key, language]);
  return titles;
}
