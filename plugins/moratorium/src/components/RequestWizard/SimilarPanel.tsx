import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  REUSE_ANSWERS_REQUIRED,
  SimilarSystem,
} from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import {
  Notice,
  SimilarSystemsList,
  errorMessage,
  useLocalizedTitle,
} from '../shared';
import { WizardForm, systemsToAnswer } from './wizardForm';

/**
 * The similar systems found live in the register as the applicant types:
 * the list with the words each shares, an error with «Retry» when the
 * register cannot be searched (never "none found"), and, with `answers`,
 * a question for each of the top matches: why it cannot be reused.
 */
export function SimilarPanel(props: {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
  items: SimilarSystem[];
  error?: Error;
  loading: boolean;
  queryTooShort: boolean;
  onRetry: () => void;
  answers?: boolean;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const localizedTitle = useLocalizedTitle();
  const { form, onChange } = props;
  const toAnswer = systemsToAnswer(form, props.items);
  const items = props.items.filter(
    s =>
      form.systemKind !== 'existing' ||
      s.entityRef.toLocaleLowerCase('en-US') !==
        form.existingRef.trim().toLocaleLowerCase('en-US'),
  );
  return (
    <Box>
      <Typography variant="h6" component="h3">
        {t('request.similar')}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {t('wizard.similarDescription')}
      </Typography>
      {props.error ? (
        <Notice severity="error" title={t('wizard.similarFailed')}>
          <Typography variant="body2">{errorMessage(props.error)}</Typography>
          <Button variant="outlined" onClick={props.onRetry}>
            {t('wizard.retry')}
          </Button>
        </Notice>
      ) : (
        <SimilarSystemsList
          items={props.loading ? [] : items}
          emptyText={
            props.queryTooShort || props.loading
              ? t('wizard.similarHint')
              : t('wizard.similarEmpty')
          }
        />
      )}
      {props.answers && !props.error && toAnswer.length > 0 && (
        <Box display="flex" flexDirection="column" gridGap={16} mt={2}>
          <Typography variant="body2">
            {t('wizard.reuseHelp', {
              number: String(Math.min(REUSE_ANSWERS_REQUIRED, toAnswer.length)),
            })}
          </Typography>
          {toAnswer.map((system, index) => (
            <TextField
              key={system.entityRef}
              id={`moratorium-wizard-reuse-${index}`}
              label={t('wizard.reuseQuestion', {
                title: localizedTitle(system.title),
              })}
              value={form.reuseAnswers[system.entityRef] ?? ''}
              onChange={e =>
                onChange({
                  reuseAnswers: {
                    ...form.reuseAnswers,
                    [system.entityRef]: e.target.value,
                  },
                })
              }
              multiline
              minRows={2}
              fullWidth
              required
              variant="outlined"
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
