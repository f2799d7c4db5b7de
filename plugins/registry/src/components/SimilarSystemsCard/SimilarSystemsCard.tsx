import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { PlatformStatusChip } from '../PlatformStatusChip';
import { useLocalizedTitle } from '../useLocalizedTitle';

/**
 * Systems of the register whose purpose overlaps this one's, the closest
 * first, with the words they share: the duplication the platform exists
 * to end, shown where a system's owners look.
 *
 * @public
 */
export function SimilarSystemsCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const localized = useLocalizedTitle();
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const similar = useAsync(
    () => registryApi.getSimilarSystems({ namespace, name }),
    [registryApi, namespace, name],
  );

  return (
    <EntityInfoCard title={t('similar.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('similar.description')}
      </Typography>
      {similar.loading && <Progress />}
      {similar.error && <ResponseErrorPanel error={similar.error} />}
      {similar.value?.length === 0 && (
        <Typography variant="body2">{t('similar.none')}</Typography>
      )}
      {similar.value && similar.value.length > 0 && (
        <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {similar.value.map(system => (
            <Box component="li" key={system.entityRef} mb={1.5}>
              <Box display="flex" alignItems="center" gridGap={8}>
                <Box flexGrow={1}>
                  <EntityRefLink entityRef={system.entityRef}>
                    {localized(system.title)}
                  </EntityRefLink>
                </Box>
                <PlatformStatusChip status={system.platformStatus} />
              </Box>
              <Typography variant="body2" color="textSecondary">
                <EntityRefLink
                  entityRef={system.stateBodyRef}
                  defaultKind="group"
                />
                {system.sharedTerms.length > 0 &&
                  ` · ${t('similar.sharedTerms', {
                    terms: system.sharedTerms.join(', '),
                  })}`}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </EntityInfoCard>
  );
}
