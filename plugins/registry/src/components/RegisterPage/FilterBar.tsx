import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  DATA_CATEGORIES,
  DataCategory,
  LIFECYCLE_STAGES,
  LifecycleStage,
  MORATORIUM_STATUSES,
  MoratoriumStatusKind,
} from '@qaztech/plugin-registry-common';
import { ChangeEvent, useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { RegistryStats } from '../../api';
import { registryTranslationRef } from '../../translations';
import { PLATFORM_STATUS_COLORS } from '../PlatformStatusChip';
import { ownerTitle } from './ownerTitle';
import { useTitleComparator } from '../useEntityTitles';
import { NO_FILTERS, RegisterFilters } from './RegisterFilters';

/** One facet: a native select whose first option clears it. */
function FacetSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value?: string;
  onChange: (event: ChangeEvent<{ value: unknown }>) => void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value ?? ''}
      onChange={props.onChange}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 220 }}
      variant="outlined"
      size="small"
    >
      <option value="">{props.allLabel}</option>
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** How long typing must pause before the search is sent. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * The register's filters, each option with its count over the whole
 * register (from the backend's statistics).
 */
export function FilterBar(props: {
  filters: RegisterFilters;
  stats?: RegistryStats;
  onChange: (filters: RegisterFilters) => void;
}) {
  const { filters, stats, onChange } = props;
  const { t } = useTranslationRef(registryTranslationRef);
  const compareTitles = useTitleComparator();
  const [text, setText] = useState(filters.q);

  useDebounce(
    () => {
      if (text !== filters.q) {
        onChange({ ...filters, q: text });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  // Clearing the filters from outside empties the box too.
  useEffect(() => setText(filters.q), [filters.q]);

  const withCount = (label: string, count: number | undefined) =>
    count === undefined
      ? label
      : t('filters.option', { label, amount: String(count) });

  const owners = [...(stats?.byOwner ?? [])].sort((a, b) =>
    compareTitles(ownerTitle(a), ownerTitle(b)),
  );

  const setSelect =
    <K extends 'owner' | 'lifecycleStage' | 'dataCategory'>(key: K) =>
    (event: ChangeEvent<{ value: unknown }>) => {
      const value = event.target.value as string;
      onChange({ ...filters, [key]: value || undefined });
    };

  const togglePlatformStatus = (status: MoratoriumStatusKind) =>
    onChange({
      ...filters,
      platformStatus: filters.platformStatus === status ? undefined : status,
    });

  return (
    <Box
      component="section"
      aria-label={t('filters.label')}
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={16}
      mb={2}
    >
      <TextField
        id="registry-filter-search"
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
        value={text}
        onChange={event => setText(event.target.value)}
        variant="outlined"
        size="small"
        type="search"
      />
      <FacetSelect
        id="registry-filter-state-body"
        label={t('filters.stateBody')}
        allLabel={t('filters.all')}
        value={filters.owner}
        onChange={setSelect('owner')}
        options={owners.map(owner => ({
          value: owner.ref,
          label: withCount(ownerTitle(owner), owner.total),
        }))}
      />
      <FacetSelect
        id="registry-filter-lifecycle-stage"
        label={t('filters.lifecycleStage')}
        allLabel={t('filters.all')}
        value={filters.lifecycleStage}
        onChange={setSelect('lifecycleStage')}
        options={LIFECYCLE_STAGES.map((stage: LifecycleStage) => ({
          value: stage,
          label: withCount(
            t(`lifecycleStage.${stage}`),
            stats ? stats.byLifecycleStage[stage] ?? 0 : undefined,
          ),
        }))}
      />
      <FacetSelect
        id="registry-filter-data-category"
        label={t('filters.dataCategory')}
        allLabel={t('filters.all')}
        value={filters.dataCategory}
        onChange={setSelect('dataCategory')}
        options={DATA_CATEGORIES.map((category: DataCategory) => ({
          value: category,
          label: t(`dataCategory.${category}`),
        }))}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filters.critical}
            onChange={(_, checked) =>
              onChange({ ...filters, critical: checked })
            }
            color="primary"
          />
        }
        label={t('filters.critical')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={Boolean(filters.unverified)}
            onChange={(_, checked) =>
              onChange({ ...filters, unverified: checked || undefined })
            }
            color="primary"
          />
        }
        label={t('filters.unverified')}
      />
      <Box
        role="group"
        aria-label={t('filters.platformStatus')}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        gridGap={8}
      >
        <Typography variant="body2" component="span">
          {t('filters.platformStatus')}:
        </Typography>
        {MORATORIUM_STATUSES.map(status => {
          const selected = filters.platformStatus === status;
          const colors = PLATFORM_STATUS_COLORS[status];
          return (
            <Chip
              key={status}
              clickable
              aria-pressed={selected}
              variant={selected ? 'default' : 'outlined'}
              label={withCount(
                t(`platformStatus.${status}`),
                stats ? stats.byPlatformStatus[status] ?? 0 : undefined,
              )}
              onClick={() => togglePlatformStatus(status)}
              style={
                selected
                  ? { backgroundColor: colors.background, color: colors.text }
                  : { borderColor: colors.background }
              }
            />
          );
        })}
      </Box>
      <Button size="small" onClick={() => onChange(NO_FILTERS)}>
        {t('filters.clear')}
      </Button>
    </Box>
  );
}
