import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CampaignAction } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';

/** Says what a system must still do for a campaign, in the reader's language. */
export function useWhatToDo(): (action: CampaignAction) => string {
  const { t } = useTranslationRef(registryTranslationRef);
  const readiness = (level: string) =>
    t(`readinessLevel.${level as 'ready' | 'conditional' | 'not-ready'}`);
  return action => {
    switch (action.code) {
      case 'done':
        return t('whatToDo.done');
      case 'reach-readiness':
        return action.values.current
          ? t('whatToDo.reach-readiness', {
              level: readiness(action.values.level),
              current: readiness(action.values.current),
            })
          : t('whatToDo.reach-readiness-unknown', {
              level: readiness(action.values.level),
            });
      case 'move-to-platform':
        return t('whatToDo.move-to-platform', {
          statuses: action.values.statuses
            .map(status => t(`platformStatus.${status}`))
            .join(t('list.or')),
          current: t(`platformStatus.${action.values.current}`),
        });
      case 'pass-checks':
        return t('whatToDo.pass-checks', {
          checks: action.values.checkIds.join(', '),
        });
      default:
        return (action as { code: string }).code;
    }
  };
}
