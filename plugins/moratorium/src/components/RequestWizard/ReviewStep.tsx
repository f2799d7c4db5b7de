import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { SimilarSystem } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import { Dossier, SimilarSystemsList } from '../shared';
import { WizardForm, toContent } from './wizardForm';

/** Step 7: the request as reviewers will read it. */
export function ReviewStep(props: {
  form: WizardForm;
  similar: SimilarSystem[];
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Typography variant="body2">{t('wizard.reviewDescription')}</Typography>
      <Dossier content={toContent(props.form)} />
      <Typography variant="h6" component="h3">
        {t('request.similar')}
      </Typography>
      <SimilarSystemsList
        items={props.similar}
        answers={props.form.reuseAnswers}
      />
    </Box>
  );
}
