import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { useRegistryTerms } from '@qaztech/plugin-registry';
import { qaztechAppTranslationRef } from '../../translations';

/** The welcome card of the home page: what the platform governs, in words the configured term set uses. */
export function QazTechWelcome() {
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const terms = useRegistryTerms();
  const identityApi = useApi(identityApiRef);
  const { value: profile } = useAsync(
    () => identityApi.getProfileInfo(),
    [identityApi],
  );

  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('home.greeting', { name: profile?.displayName ?? '' })}
      </Typography>
      <Typography variant="body1" paragraph>
        {t('home.lead', { systems: terms.many })}
      </Typography>
      <ul>
        <li>
          <Typography variant="body1">
            {t('home.register', { registry: terms.registry })}
          </Typography>
        </li>
        <li>
          <Typography variant="body1">{t('home.moratorium')}</Typography>
        </li>
        <li>
          <Typography variant="body1">{t('home.readiness')}</Typography>
        </li>
      </ul>
      <Box display="flex" gridGap={16}>
        <Link to="/catalog">{t('home.catalogLink')}</Link>
        <Link to="/create">{t('home.createLink')}</Link>
      </Box>
    </Box>
  );
}
