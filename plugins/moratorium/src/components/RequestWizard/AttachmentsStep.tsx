import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import type { Attachment } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import { WizardForm, isSha256 } from './wizardForm';

/** Step 6: documents as links, each with the SHA-256 of its content. */
export function AttachmentsStep(props: {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { form, onChange } = props;
  const setAttachment = (index: number, patch: Partial<Attachment>) =>
    onChange({
      attachments: form.attachments.map((a, i) =>
        i === index ? { ...a, ...patch } : a,
      ),
    });

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {form.attachments.length === 0 && (
        <Typography variant="body2">{t('wizard.noAttachments')}</Typography>
      )}
      {form.attachments.map((attachment, index) => {
        const n = index + 1;
        const shaInvalid =
          attachment.sha256.trim() !== '' && !isSha256(attachment.sha256);
        return (
          <Box key={index} display="flex" gridGap={8} alignItems="flex-start">
            <TextField
              id={`moratorium-wizard-attachment-${index}-title`}
              label={`${t('field.attachmentTitle')} ${n}`}
              value={attachment.title}
              onChange={e => setAttachment(index, { title: e.target.value })}
              variant="outlined"
              style={{ flex: 1 }}
            />
            <TextField
              id={`moratorium-wizard-attachment-${index}-url`}
              label={`${t('field.attachmentUrl')} ${n}`}
              value={attachment.url}
              onChange={e => setAttachment(index, { url: e.target.value })}
              type="url"
              variant="outlined"
              style={{ flex: 1 }}
            />
            <TextField
              id={`moratorium-wizard-attachment-${index}-sha256`}
              label={`${t('field.attachmentSha256')} ${n}`}
              value={attachment.sha256}
              onChange={e => setAttachment(index, { sha256: e.target.value })}
              error={shaInvalid}
              helperText={shaInvalid ? t('wizard.invalidSha256') : undefined}
              variant="outlined"
              style={{ flex: 2 }}
            />
            <IconButton
              aria-label={t('wizard.removeAttachment', { index: String(n) })}
              onClick={() =>
                onChange({
                  attachments: form.attachments.filter((_, i) => i !== index),
                })
              }
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        );
      })}
      <Box>
        <Button
          startIcon={<AddIcon />}
          onClick={() =>
            onChange({
              attachments: [
                ...form.attachments,
                { title: '', url: '', sha256: '' },
              ],
            })
          }
        >
          {t('wizard.addAttachment')}
        </Button>
      </Box>
    </Box>
  );
}
