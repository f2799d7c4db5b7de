import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { RequestSystem } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import { useLocalizedTitle } from './useLocalizedTitle';

/**
 * The system a request is about: a link to its catalog page when it is in
 * the register, its title marked "planned" otherwise.
 */
export function SystemLabel(props: { system?: RequestSystem }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const localizedTitle = useLocalizedTitle();
  const { system } = props;
  if (!system) {
    return <>{t('page.none')}</>;
  }
  if (system.kind === 'planned') {
    return <>{t('page.planned', { title: localizedTitle(system.title) })}</>;
  }
  return <EntityRefLink entityRef={system.entityRef} defaultKind="system" />;
}
