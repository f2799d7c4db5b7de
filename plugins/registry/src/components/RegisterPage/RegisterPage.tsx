import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { registryApiRef } from '../../api';
import { registryTranslationRef, useRegistryTerms } from '../../translations';
import { ExportButton } from './ExportButton';
import { FilterBar } from './FilterBar';
import { ownerTitle } from './ownerTitle';
import { PlatformStatusChart } from './PlatformStatusChart';
import {
  NO_FILTERS,
  RegisterFilters,
  toRegistryFilter,
} from './RegisterFilters';
import { SystemsTable, TableSort } from './SystemsTable';
import { useRegisterSystems } from './useRegisterSystems';
import { useRegistryTabs } from '../useRegistryLinks';
import { useEntityTitles } from '../useEntityTitles';

/**
 * The register of state information systems: counts by platform status per
 * state body, the filtered table of systems and its CSV export.
 *
 * @public
 */
export function RegisterPage() {
  const { t } = useTranslationRef(registryTranslationRef);
  const terms = useRegistryTerms();
  const registryApi = useApi(registryApiRef);
  const tabs = useRegistryTabs();
  const [filters, setFilters] = useState<RegisterFilters>(NO_FILTERS);
  const [sort, setSort] = useState<TableSort>({ field: 'title', order: 'asc' });
  const filter = useMemo(() => toRegistryFilter(filters), [filters]);
  const systems = useRegisterSystems({
    ...filter,
    sort: sort.field,
    order: sort.order,
  });
  const stats = useAsync(() => registryApi.getStats(), [registryApi]);

  // The stats name state bodies by ref; people know them by their names.
  const presentedOwners = useEntityTitles(
    stats.value?.byOwner.map(owner => owner.ref),
  );
  const statsWithTitles = useMemo(
    () =>
      stats.value && {
        ...stats.value,
        byOwner: stats.value.byOwner.map(owner => ({
          ...owner,
          title: owner.title ?? presentedOwners.get(owner.ref),
        })),
      },
    [stats.value, presentedOwners],
  );
  const ownerTitles = useMemo(
    () =>
      new Map(
        (statsWithTitles?.byOwner ?? []).map(owner => [
          owner.ref,
          ownerTitle(owner),
        ]),
      ),
    [statsWithTitles],
  );

  return (
    <>
      <Header
        title={terms.registry}
        description={t('page.description', { systems: terms.many })}
        tabs={tabs}
        activeTabId="register"
        customActions={<ExportButton filter={filter} />}
      />
      <Container>
        <Box my={2}>
          <Paper variant="outlined">
            <Box p={2}>
              {stats.error && <ResponseErrorPanel error={stats.error} />}
              {stats.loading && <Progress />}
              {statsWithTitles && (
                <PlatformStatusChart byOwner={statsWithTitles.byOwner} />
              )}
            </Box>
          </Paper>
        </Box>
        <FilterBar
          filters={filters}
          stats={statsWithTitles}
          onChange={setFilters}
        />
        {systems.error && <ResponseErrorPanel error={systems.error} />}
        {systems.loading && <Progress />}
        {!systems.loading && !systems.error && (
          <Paper variant="outlined">
            {systems.items.length === 0 ? (
              <Box p={3}>
                <Typography>{t('page.empty')}</Typography>
              </Box>
            ) : (
              <SystemsTable
                items={systems.items}
                ownerTitles={ownerTitles}
                sort={sort}
                onSort={setSort}
              />
            )}
            <Box p={2} display="flex" alignItems="center" gridGap={16}>
              <Typography variant="body2">
                {t('page.shown', {
                  shown: String(systems.items.length),
                  total: String(systems.totalCount),
                })}
              </Typography>
              {systems.nextCursor && (
                <Button
                  variant="outlined"
                  disabled={systems.loadingMore}
                  onClick={systems.loadMore}
                >
                  {t('page.showMore')}
                </Button>
              )}
            </Box>
            {systems.loadMoreError && (
              <ResponseErrorPanel error={systems.loadMoreError} />
            )}
          </Paper>
        )}
      </Container>
    </>
  );
}
