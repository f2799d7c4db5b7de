import { useEffect } from 'react';
import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { registryApiRef } from '../../api';
import { recordLanguagePicks } from './recordLanguagePicks';

/** Renders nothing; records the user's language picks (see recordLanguagePicks). */
export function LanguageRecorder() {
  const languageApi = useApi(appLanguageApiRef);
  const registryApi = useApi(registryApiRef);
  useEffect(() => {
    const subscription = recordLanguagePicks(languageApi, registryApi);
    return () => subscription.unsubscribe();
  }, [languageApi, registryApi]);
  return null;
}
