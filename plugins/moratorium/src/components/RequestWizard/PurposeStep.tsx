import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { moratoriumTranslationRef } from '../../translations';
import { WizardForm } from './wizardForm';

/** Step 2: what the system is for and what the platform cannot provide. */
export function PurposeStep(props: {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
  similar: JSX.Element;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { form, onChange } = props;
  const setGap = (index: number, patch: Partial<WizardForm['gaps'][0]>) =>
    onChange({
      gaps: form.gaps.map((g, i) => (i === index ? { ...g, ...patch } : g)),
    });

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <TextField
        id="moratorium-wizard-purpose"
        label={t('field.purpose')}
        helperText={t('wizard.purposeHelp')}
        value={form.purpose}
        onChange={e => onChange({ purpose: e.target.value })}
        multiline
        minRows={3}
        fullWidth
        required
        variant="outlined"
      />
      {props.similar}
      <Typography variant="h6" component="h3">
        {t('field.capabilityGaps')}
      </Typography>
      {form.gaps.length === 0 && (
        <Typography variant="body2">{t('wizard.noGaps')}</Typography>
      )}
      {form.gaps.map((gap, index) => (
        <Box key={index} display="flex" gridGap={8} alignItems="flex-start">
          <TextField
            id={`moratorium-wizard-gap-${index}-capability`}
            label={`${t('field.capability')} ${index + 1}`}
            value={gap.capability}
            onChange={e => setGap(index, { capability: e.target.value })}
            variant="outlined"
            style={{ flex: 1 }}
          />
          <TextField
            id={`moratorium-wizard-gap-${index}-reason`}
            label={`${t('field.gapReason')} ${index + 1}`}
            value={gap.reason}
            onChange={e => setGap(index, { reason: e.target.value })}
            variant="outlined"
            multiline
            style={{ flex: 2 }}
          />
          <IconButton
            aria-label={t('wizard.removeGap', { index: String(index + 1) })}
            onClick={() =>
              onChange({ gaps: form.gaps.filter((_, i) => i !== index) })
            }
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box>
        <Button
          startIcon={<AddIcon />}
          onClick={() =>
            onChange({ gaps: [...form.gaps, { capability: '', reason: '' }] })
          }
        >
          {t('wizard.addGap')}
        </Button>
      </Box>
    </Box>
  );
}
