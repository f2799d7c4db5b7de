import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import SaveAltIcon from '@material-ui/icons/SaveAlt';
import {
  CAMPAIGN_TRANSITIONS,
  Campaign,
  CampaignState,
} from '@qaztech/plugin-registry-common';
import { useState } from 'react';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { useCampaignPermissions } from '../campaigns';
import { CampaignFormDialog } from '../CampaignsPage/CampaignFormDialog';
import { errorMessage } from '../errors';
import { saveBlob } from '../saveBlob';

/**
 * The campaign page's actions: the late list as CSV for everyone; for
 * those allowed to change campaigns defined in the app, editing and moving
 * the campaign on (activate, end, archive).
 */
export function CampaignActions(props: {
  campaign: Campaign;
  onChanged: () => void;
}) {
  const { campaign, onChanged } = props;
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const alertApi = useApi(alertApiRef);
  const { mayUpdate } = useCampaignPermissions();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const editable = mayUpdate && campaign.source === 'app';

  const run = async (action: () => Promise<void>, failure: string) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      alertApi.post({
        message: `${failure}: ${errorMessage(error)}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const downloadLate = () =>
    run(async () => {
      const blob = await registryApi.exportLateCsv(campaign.id);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(blob, `campaign-${campaign.id}-late-${day}.csv`);
    }, t('campaign.lateCsvFailed'));

  const move = (state: CampaignState) =>
    run(async () => {
      await registryApi.setCampaignState(campaign.id, {
        state,
        version: campaign.version,
      });
      onChanged();
    }, t('campaign.moveFailed'));

  return (
    <Box display="flex" gridGap={8} flexWrap="wrap">
      <Button
        variant="outlined"
        color="primary"
        startIcon={<SaveAltIcon />}
        disabled={busy}
        onClick={downloadLate}
      >
        {t('campaign.lateCsv')}
      </Button>
      {editable && campaign.state !== 'archived' && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => setEditing(true)}
        >
          {t('campaign.edit')}
        </Button>
      )}
      {editable &&
        CAMPAIGN_TRANSITIONS[campaign.state].map(state => (
          <Button
            key={state}
            variant="outlined"
            disabled={busy}
            onClick={() => move(state)}
          >
            {t(`campaign.moveTo.${state}`)}
          </Button>
        ))}
      {editing && (
        <CampaignFormDialog
          campaign={campaign}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
