import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import SaveAltIcon from '@material-ui/icons/SaveAlt';
import { useState } from 'react';
import { RegistryFilter, registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { saveBlob } from '../saveBlob';

/** Downloads the register, with the filters on the page, as CSV. */
export function ExportButton(props: { filter: RegistryFilter }) {
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const alertApi = useApi(alertApiRef);
  const [exporting, setExporting] = useState(false);

  const onExport = async () => {
    setExporting(true);
    try {
      const blob = await registryApi.exportCsv(props.filter);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(blob, `registry-${day}.csv`);
    } catch (error) {
      alertApi.post({
        message: t('page.exportFailed', { error: String(error) }),
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<SaveAltIcon />}
      disabled={exporting}
      onClick={onExport}
    >
      {exporting ? t('page.exporting') : t('page.export')}
    </Button>
  );
}
