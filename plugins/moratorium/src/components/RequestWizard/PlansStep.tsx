import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { moratoriumTranslationRef } from '../../translations';
import { WizardForm } from './wizardForm';

/** Step 5: the security plan and the exit or migration plan. */
export function PlansStep(props: {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { form, onChange } = props;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <TextField
        id="moratorium-wizard-security-plan"
        label={t('field.securityPlan')}
        value={form.securityPlan}
        onChange={e => onChange({ securityPlan: e.target.value })}
        multiline
        minRows={4}
        fullWidth
        required
        variant="outlined"
      />
      <TextField
        id="moratorium-wizard-exit-plan"
        label={t('field.exitPlan')}
        value={form.exitPlan}
        onChange={e => onChange({ exitPlan: e.target.value })}
        multiline
        minRows={4}
        fullWidth
        required
        variant="outlined"
      />
    </Box>
  );
}
