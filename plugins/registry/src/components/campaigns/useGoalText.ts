import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CampaignGoal } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';

/** Says a campaign's goal for each system, in the reader's language. */
export function useGoalText(): (goal: CampaignGoal) => string {
  const { t } = useTranslationRef(registryTranslationRef);
  return goal => {
    switch (goal.kind) {
      case 'readiness-level':
        return t('goal.readiness-level', {
          level: t(`readinessLevel.${goal.level}`),
        });
      case 'platform-status':
        return t('goal.platform-status', {
          statuses: goal.statuses
            .map(status => t(`platformStatus.${status}`))
            .join(t('list.or')),
        });
      case 'checks-pass':
        return t('goal.checks-pass', { checks: goal.checkIds.join(', ') });
      default:
        return '';
    }
  };
}
