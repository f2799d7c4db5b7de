import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  CAMPAIGN_STATES,
  CampaignState,
} from '@qaztech/plugin-registry-common';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { useCampaignPermissions } from '../campaigns';
import { useRegistryLinks, useRegistryTabs } from '../useRegistryLinks';
import { CampaignCard } from './CampaignCard';
import { CampaignFormDialog } from './CampaignFormDialog';

/** What the state filter offers: the campaigns still of interest, or one state. */
type StateFilter = 'current' | CampaignState;

/**
 * The campaigns: national deadlines over the register, one card each with
 * its progress against the milestones; those allowed define new ones.
 * The state filter is kept in the URL (`?state=ended`).
 *
 * @public
 */
export function CampaignsPage() {
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const tabs = useRegistryTabs();
  const links = useRegistryLinks();
  const navigate = useNavigate();
  const { mayCreate } = useCampaignPermissions();
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const requested = params.get('state');
  const filter: StateFilter = (CAMPAIGN_STATES as readonly string[]).includes(
    requested ?? '',
  )
    ? (requested as CampaignState)
    : 'current';
  const campaigns = useAsync(() => registryApi.listCampaigns(), [registryApi]);

  const shown = (campaigns.value?.items ?? []).filter(campaign =>
    filter === 'current'
      ? campaign.state !== 'archived'
      : campaign.state === filter,
  );

  return (
    <>
      <Header
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        tabs={tabs}
        activeTabId="campaigns"
        customActions={
          mayCreate && (
            <Button
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
            >
              {t('campaigns.new')}
            </Button>
          )
        }
      />
      <Container>
        <Box my={2}>
          <TextField
            id="registry-campaigns-state"
            select
            label={t('campaigns.stateFilter')}
            value={filter}
            onChange={e =>
              setParams(
                e.target.value === 'current' ? {} : { state: e.target.value },
              )
            }
            style={{ minWidth: 220 }}
          >
            <MenuItem value="current">{t('campaigns.current')}</MenuItem>
            {CAMPAIGN_STATES.map(state => (
              <MenuItem key={state} value={state}>
                {t(`campaignState.${state}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {campaigns.loading && <Progress />}
        {campaigns.error && <ResponseErrorPanel error={campaigns.error} />}
        {campaigns.value && shown.length === 0 && (
          <Typography>{t('campaigns.empty')}</Typography>
        )}
        <Grid container spacing={2}>
          {shown.map(campaign => (
            <Grid item xs={12} md={6} key={campaign.id}>
              <CampaignCard campaign={campaign} />
            </Grid>
          ))}
        </Grid>
      </Container>
      {creating && (
        <CampaignFormDialog
          onClose={() => setCreating(false)}
          onSaved={campaign => navigate(links.campaign(campaign.id))}
        />
      )}
    </>
  );
}
