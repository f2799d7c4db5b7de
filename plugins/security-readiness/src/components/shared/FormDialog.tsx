import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ReactNode, useState } from 'react';
import { securityReadinessTranslationRef } from '../../translations';
import { Notice } from './Notice';
import { errorMessage } from './errors';

let dialogCount = 0;

/**
 * A dialog with a form: Confirm stays disabled until `canSubmit`, shows
 * progress while the change runs, and the backend's message when it
 * refuses; `renderError` may show a refusal its own way (e.g. a 409).
 */
export function FormDialog(props: {
  title: string;
  children: ReactNode;
  canSubmit: boolean;
  confirmLabel?: string;
  onClose: () => void;
  /** Runs the change; the dialog closes when it resolves. */
  onSubmit: () => Promise<void>;
  renderError?: (error: unknown) => ReactNode | undefined;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const [titleId] = useState(
    () => `security-readiness-dialog-${++dialogCount}`,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit();
      props.onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" gridGap={16}>
          {props.children}
          {error !== undefined &&
            (props.renderError?.(error) ?? (
              <Notice severity="error">{errorMessage(error)}</Notice>
            ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('dialog.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!props.canSubmit || busy}
          onClick={confirm}
        >
          {props.confirmLabel ?? t('dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
