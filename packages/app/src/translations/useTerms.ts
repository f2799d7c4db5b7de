import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { qaztechAppTranslationRef } from './ref';

/** The term set the UI uses; `qaztech.terminology` in config. */
export type Terminology = 'information-system' | 'digital-system';

/**
 * The words for "information system" in the current language, from the term
 * set chosen in config: the Digital Code of 2026 renames information systems
 * to digital systems, and the switch must not need a release.
 */
export function useTerms() {
  const config = useApi(configApiRef);
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const configured = config.getOptionalString('qaztech.terminology');
  const terminology: Terminology =
    configured === 'digital-system' ? 'digital-system' : 'information-system';
  return {
    terminology,
    one: t(`terms.${terminology}.one`),
    many: t(`terms.${terminology}.many`),
    registry: t(`terms.${terminology}.registry`),
  };
}
