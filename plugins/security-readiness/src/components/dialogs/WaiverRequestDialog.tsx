import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { todayInAlmaty } from '@qaztech/plugin-registry-common';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { FormDialog, endOfDay, monthsFromToday } from '../shared';

/** Waivers last at most this long (the backend refuses longer ones). */
const MAX_WAIVER_MONTHS = 12;

/**
 * The system's owner asks to leave one check out of the score until a
 * date, with a justification; another security officer decides.
 */
export function WaiverRequestDialog(props: {
  systemRef: string;
  checkId: string;
  checkTitle: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const [justification, setJustification] = useState('');
  const [until, setUntil] = useState('');
  const min = todayInAlmaty();
  const max = monthsFromToday(MAX_WAIVER_MONTHS);
  const untilValid = until !== '' && until >= min && until <= max;

  return (
    <FormDialog
      title={t('dialog.waiverTitle', { check: props.checkTitle })}
      canSubmit={justification.trim() !== '' && untilValid}
      onClose={props.onClose}
      onSubmit={async () => {
        await api.requestWaiver({
          systemRef: props.systemRef,
          checkId: props.checkId,
          justification: justification.trim(),
          expiresAt: endOfDay(until),
        });
        props.onDone();
      }}
    >
      <Typography variant="body2">{t('dialog.waiverIntro')}</Typography>
      <TextField
        id="security-readiness-waiver-justification"
        label={t('dialog.justification')}
        value={justification}
        onChange={e => setJustification(e.target.value)}
        required
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
      />
      <TextField
        id="security-readiness-waiver-until"
        label={t('dialog.waiverExpiresAt')}
        value={until}
        onChange={e => setUntil(e.target.value)}
        type="date"
        required
        InputLabelProps={{ shrink: true }}
        inputProps={{ min, max }}
        error={until !== '' && !untilValid}
        helperText={t('dialog.waiverExpiresHint')}
        variant="outlined"
      />
    </FormDialog>
  );
}
