import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import {
  DATA_CATEGORIES,
  HOSTING_KINDS,
  HostingKind,
} from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import { WizardForm } from './wizardForm';

/** Step 4: cost and budget programme, data categories, planned hosting. */
export function CostStep(props: {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { form, onChange } = props;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box display="flex" gridGap={16}>
        <TextField
          id="moratorium-wizard-amount"
          label={t('field.amountKzt')}
          value={form.amountKzt}
          onChange={e => onChange({ amountKzt: e.target.value })}
          inputProps={{ inputMode: 'decimal' }}
          required
          variant="outlined"
        />
        <TextField
          id="moratorium-wizard-budget-programme"
          label={t('field.budgetProgramme')}
          value={form.budgetProgramme}
          onChange={e => onChange({ budgetProgramme: e.target.value })}
          required
          variant="outlined"
          style={{ flex: 1 }}
        />
      </Box>
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('field.dataCategories')}</FormLabel>
        <FormGroup row>
          {DATA_CATEGORIES.map(category => (
            <FormControlLabel
              key={category}
              control={
                <Checkbox
                  color="primary"
                  checked={form.dataCategories.includes(category)}
                  onChange={e =>
                    onChange({
                      dataCategories: e.target.checked
                        ? [...form.dataCategories, category]
                        : form.dataCategories.filter(c => c !== category),
                    })
                  }
                />
              }
              label={t(`dataCategory.${category}`)}
            />
          ))}
        </FormGroup>
      </FormControl>
      <Box display="flex" gridGap={16}>
        <TextField
          select
          id="moratorium-wizard-hosting-kind"
          label={t('field.hostingKind')}
          value={form.hostingKind}
          onChange={e =>
            onChange({ hostingKind: e.target.value as HostingKind | '' })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          required
          variant="outlined"
          style={{ minWidth: 240 }}
        >
          <option value="" />
          {HOSTING_KINDS.map(kind => (
            <option key={kind} value={kind}>
              {t(`hostingKind.${kind}`)}
            </option>
          ))}
        </TextField>
        <TextField
          id="moratorium-wizard-hosting-country"
          label={t('field.hostingCountry')}
          value={form.hostingCountry}
          onChange={e => onChange({ hostingCountry: e.target.value })}
          inputProps={{ maxLength: 2 }}
          variant="outlined"
          style={{ width: 120 }}
        />
        <TextField
          id="moratorium-wizard-hosting-provider"
          label={t('field.hostingProvider')}
          value={form.hostingProvider}
          onChange={e => onChange({ hostingProvider: e.target.value })}
          variant="outlined"
          style={{ flex: 1 }}
        />
      </Box>
    </Box>
  );
}
