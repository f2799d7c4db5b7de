import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import type { CampaignState } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';

/** A campaign's state (draft, active, ended, archived) as an outlined chip. */
export function CampaignStateChip(props: { state: CampaignState }) {
  const { t } = useTranslationRef(registryTranslationRef);
  return (
    <Chip
      size="small"
      variant="outlined"
      color={props.state === 'active' ? 'primary' : 'default'}
      label={t(`campaignState.${props.state}`)}
    />
  );
}
