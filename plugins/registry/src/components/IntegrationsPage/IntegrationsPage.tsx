import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { ownerTitle } from '../RegisterPage/ownerTitle';
import { useEntityTitles, useTitleComparator } from '../useEntityTitles';
import { useLocalizedTitle } from '../useLocalizedTitle';
import { useRegistryTabs } from '../useRegistryLinks';
import { IntegrationGraphView } from './IntegrationGraphView';

/**
 * The integrations between state systems, from their register records:
 * the graph, and the same integrations as a table (readable without the
 * picture). Narrowed to one state body's systems and their partners; the
 * body is kept in the URL (`?body=group:default/minfin`).
 *
 * @public
 */
export function IntegrationsPage() {
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const tabs = useRegistryTabs();
  const localized = useLocalizedTitle();
  const [params, setParams] = useSearchParams();
  const body = params.get('body') ?? undefined;
  const stats = useAsync(() => registryApi.getStats(), [registryApi]);
  const graph = useAsync(
    () => registryApi.getIntegrations({ stateBody: body }),
    [registryApi, body],
  );
  const titles = useMemo(
    () =>
      new Map(
        (graph.value?.nodes ?? []).map(node => [
          node.entityRef,
          localized(node.title),
        ]),
      ),
    [graph.value, localized],
  );
  const bodyTitles = useEntityTitles(
    stats.value?.byOwner.map(owner => owner.ref),
  );
  const compareTitles = useTitleComparator();
  const bodies = (stats.value?.byOwner ?? [])
    .map(owner => ({
      ...owner,
      title: owner.title ?? bodyTitles.get(owner.ref),
    }))
    .sort((a, b) => compareTitles(ownerTitle(a), ownerTitle(b)));
  const channel = (via: 'shep' | 'direct') => t(`integrationChannel.${via}`);

  return (
    <>
      <Header
        title={t('integrations.title')}
        description={t('integrations.description')}
        tabs={tabs}
        activeTabId="integrations"
      />
      <Container>
        <Box my={2}>
          <TextField
            id="registry-integrations-body"
            select
            label={t('filters.stateBody')}
            value={body ?? ''}
            onChange={e =>
              setParams(e.target.value ? { body: e.target.value } : {})
            }
            style={{ minWidth: 300 }}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
          >
            <MenuItem value="">{t('filters.all')}</MenuItem>
            {bodies.map(owner => (
              <MenuItem key={owner.ref} value={owner.ref}>
                {ownerTitle(owner)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {graph.loading && <Progress />}
        {graph.error && <ResponseErrorPanel error={graph.error} />}
        {graph.value && graph.value.edges.length === 0 && (
          <Typography>{t('integrations.empty')}</Typography>
        )}
        {graph.value && graph.value.edges.length > 0 && (
          <>
            <InfoCard>
              <IntegrationGraphView
                graph={graph.value}
                titleOf={node => localized(node.title)}
                channelLabel={channel}
              />
              <Typography variant="caption" color="textSecondary">
                {t('integrations.legend')}
              </Typography>
            </InfoCard>
            <Box mt={2}>
              <InfoCard title={t('integrations.table')}>
                <Table size="small" aria-label={t('integrations.table')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('integrations.from')}</TableCell>
                      <TableCell>{t('integrations.to')}</TableCell>
                      <TableCell>{t('integrations.via')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {graph.value.edges.map(edge => (
                      <TableRow key={`${edge.from}>${edge.to}>${edge.via}`}>
                        <TableCell>
                          <EntityRefLink entityRef={edge.from}>
                            {titles.get(edge.from) ?? edge.from}
                          </EntityRefLink>
                        </TableCell>
                        <TableCell>
                          <EntityRefLink entityRef={edge.to}>
                            {titles.get(edge.to) ?? edge.to}
                          </EntityRefLink>
                        </TableCell>
                        <TableCell>{channel(edge.via)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </InfoCard>
            </Box>
          </>
        )}
      </Container>
    </>
  );
}
