import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import {
  CampaignStateChip,
  ProgressStatusChip,
  formatShare,
  useWhatToDo,
} from '../campaigns';
import { useLocalizedTitle } from '../useLocalizedTitle';
import { useRegistryLinks } from '../useRegistryLinks';

/**
 * The campaigns a state information system is in, on its entity page:
 * where it stands in each, what it must still do, and the next milestone.
 *
 * @public
 */
export function EntityCampaignsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const localized = useLocalizedTitle();
  const whatToDo = useWhatToDo();
  const links = useRegistryLinks();
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const campaigns = useAsync(
    () => registryApi.getSystemCampaigns({ namespace, name }),
    [registryApi, namespace, name],
  );

  return (
    <EntityInfoCard title={t('campaignCard.title')}>
      {campaigns.loading && <Progress />}
      {campaigns.error && <ResponseErrorPanel error={campaigns.error} />}
      {campaigns.value?.length === 0 && (
        <Typography variant="body2">{t('campaignCard.none')}</Typography>
      )}
      {campaigns.value && campaigns.value.length > 0 && (
        <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {campaigns.value.map(campaign => (
            <Box
              component="li"
              key={campaign.id}
              mb={2}
              aria-label={localized(campaign.title)}
            >
              <Box display="flex" alignItems="center" gridGap={8}>
                <Box flexGrow={1}>
                  <Link to={links.campaign(campaign.id)}>
                    {localized(campaign.title)}
                  </Link>
                </Box>
                {campaign.state !== 'active' && (
                  <CampaignStateChip state={campaign.state} />
                )}
                <ProgressStatusChip status={campaign.status} />
              </Box>
              <Typography variant="body2">
                {whatToDo(campaign.whatToDo)}
              </Typography>
              {campaign.nextMilestone && !campaign.done && (
                <Typography variant="body2" color="textSecondary">
                  {t('campaigns.nextMilestone', {
                    share: formatShare(campaign.nextMilestone.share),
                    date: campaign.nextMilestone.date,
                  })}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
    </EntityInfoCard>
  );
}
