import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { registryTranslationRef } from './ref';

/**
 * The term set the UI uses, from `qaztech.terminology` in config.
 *
 * @public
 */
export type Terminology = 'information-system' | 'digital-system';

/**
 * The words for "information system" in the current language, from the term
 * set chosen in config: the Digital Code of 2026 renames information systems
 * to digital systems, and the switch must not need a release.
 */
export function useRegistryTerms() {
  const config = useApi(configApiRef);
  const { t } = useTranslationRef(registryTranslationRef);
  const terminology: Terminology =
    config.getOptionalString('qaztech.terminology') === 'digital-system'
      ? 'digital-system'
      : 'information-system';
  return {
    terminology,
    one: t(`terms.${terminology}.one`),
    many: t(`terms.${terminology}.many`),
    registry: t(`terms.${terminology}.registry`),
  };
}
