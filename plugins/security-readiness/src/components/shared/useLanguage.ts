import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  CheckDefinition,
  DEFAULT_SCORECARD,
  LocalizedText,
} from '@qaztech/plugin-security-readiness-common';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { formatScore, toFormatLanguage } from '@qaztech/plugin-registry-common';
import { securityReadinessTranslationRef } from '../../translations';

/** The language the user reads the app in (`ru`, `kk`, `en`). */
export function useLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const language$ = useMemo(() => languageApi.language$(), [languageApi]);
  return useObservable(language$, languageApi.getLanguage()).language;
}

const DEFAULT_CHECKS = new Map(DEFAULT_SCORECARD.checks.map(c => [c.id, c]));

/**
 * The check definitions by id with their texts in the reader's language,
 * and scores formatted for it. Titles of checks the scorecard does not
 * define (a scorecard configured with other checks) fall back to the id.
 */
export function useChecks() {
  const language = useLanguage();
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  return useMemo(() => {
    const localize = (text: LocalizedText | undefined): string =>
      text
        ? text[language as keyof LocalizedText] || text.ru || text.en || ''
        : '';
    return {
      language,
      localize,
      definition: (checkId: string): CheckDefinition | undefined =>
        DEFAULT_CHECKS.get(checkId),
      title: (checkId: string): string =>
        localize(DEFAULT_CHECKS.get(checkId)?.title) || checkId,
      remediation: (checkId: string): string =>
        localize(DEFAULT_CHECKS.get(checkId)?.remediation),
      number: (value: number): string =>
        formatScore(value, toFormatLanguage(language)),
      score: (score: number | null | undefined): string =>
        score === null || score === undefined
          ? t('scorecard.noScore')
          : t('scorecard.scoreValue', {
              score: formatScore(score, toFormatLanguage(language)),
            }),
    };
  }, [language, t]);
}
