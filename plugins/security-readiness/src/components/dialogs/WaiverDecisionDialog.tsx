import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  DecideWaiverRequest,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';
import { useState } from 'react';
import {
  todayInAlmaty,
  almatyCalendarDate,
  formatDate,
} from '@qaztech/plugin-registry-common';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { FormDialog, endOfDay, useChecks } from '../shared';

/**
 * A security officer grants or rejects a requested waiver. A rejection
 * needs a comment; a grant may shorten the waiver, never lengthen it.
 */
export function WaiverDecisionDialog(props: {
  waiver: Waiver;
  onClose: () => void;
  onDone: (decision: DecideWaiverRequest['decision']) => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const checks = useChecks();
  const { waiver } = props;
  const requestedUntil = almatyCalendarDate(waiver.expiresAt) ?? '';
  const [decision, setDecision] = useState<'granted' | 'rejected' | ''>('');
  const [comment, setComment] = useState('');
  const [until, setUntil] = useState(requestedUntil);

  const needsComment = decision === 'rejected' && comment.trim() === '';
  const untilValid =
    decision !== 'granted' ||
    (until !== '' && until >= todayInAlmaty() && until <= requestedUntil);

  return (
    <FormDialog
      title={t('queue.decisionTitle', { check: checks.title(waiver.checkId) })}
      canSubmit={decision !== '' && !needsComment && untilValid}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!decision) return;
        const body: DecideWaiverRequest = { decision };
        if (comment.trim()) body.comment = comment.trim();
        if (decision === 'granted' && until !== requestedUntil) {
          body.expiresAt = endOfDay(until);
        }
        await api.decideWaiver(waiver.id, body);
        props.onDone(decision);
      }}
    >
      <Typography variant="body2">
        {t('queue.decisionIntro', {
          system: waiver.systemRef,
          by: waiver.requestedBy,
          date: formatDate(requestedUntil),
        })}
      </Typography>
      <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
        {waiver.justification}
      </Typography>
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('queue.decision')}</FormLabel>
        <RadioGroup
          row
          value={decision}
          onChange={e => setDecision(e.target.value as 'granted' | 'rejected')}
        >
          <FormControlLabel
            value="granted"
            control={<Radio />}
            label={t('queue.grant')}
          />
          <FormControlLabel
            value="rejected"
            control={<Radio />}
            label={t('queue.reject')}
          />
        </RadioGroup>
      </FormControl>
      {decision === 'granted' && (
        <TextField
          id="security-readiness-decision-until"
          label={t('queue.shorten')}
          value={until}
          onChange={e => setUntil(e.target.value)}
          type="date"
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: todayInAlmaty(), max: requestedUntil }}
          error={!untilValid}
          variant="outlined"
        />
      )}
      <TextField
        id="security-readiness-decision-comment"
        label={t('queue.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        required={decision === 'rejected'}
        error={needsComment}
        helperText={needsComment ? t('queue.commentRequired') : undefined}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
      />
    </FormDialog>
  );
}
