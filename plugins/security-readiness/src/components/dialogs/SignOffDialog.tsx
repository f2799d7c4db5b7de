import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ScorecardResult } from '@qaztech/plugin-security-readiness-common';
import { useState } from 'react';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { FormDialog, Notice, errorStatus, useChecks } from '../shared';

/**
 * A security officer signs off the result on screen. The request carries
 * the result's `inputsHash`, so a result that changed meanwhile is refused
 * (409) and the officer is asked to reload and review it again.
 */
export function SignOffDialog(props: {
  result: ScorecardResult;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const checks = useChecks();
  const [comment, setComment] = useState('');
  const { result } = props;

  return (
    <FormDialog
      title={t('dialog.signOffTitle')}
      confirmLabel={t('scorecard.signOff')}
      canSubmit={Boolean(result.inputsHash)}
      onClose={props.onClose}
      onSubmit={async () => {
        await api.signOff({
          systemRef: result.systemRef,
          evidenceHash: result.inputsHash!,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        });
        props.onDone();
      }}
      renderError={error =>
        errorStatus(error) === 409 ? (
          <Notice
            severity="error"
            action={
              <Button
                variant="outlined"
                onClick={() => {
                  props.onClose();
                  props.onReload();
                }}
              >
                {t('dialog.reload')}
              </Button>
            }
          >
            {t('dialog.conflict')}
          </Notice>
        ) : undefined
      }
    >
      <Typography variant="body2">
        {t('dialog.signOffIntro', {
          level: t(`level.${result.level}`),
          score: checks.score(result.score),
        })}
      </Typography>
      <TextField
        id="security-readiness-signoff-comment"
        label={t('dialog.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
      />
    </FormDialog>
  );
}
