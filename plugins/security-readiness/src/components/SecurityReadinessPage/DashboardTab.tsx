import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { securityReadinessEvaluatePermission } from '@qaztech/plugin-security-readiness-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { useChecks } from '../shared';
import { EvaluateAllButton } from './EvaluateAllButton';
import { LevelsBar } from './LevelsBar';
import { StateBodyTable } from './StateBodyTable';
import { TrendChart } from './TrendChart';

/** Days of trend the dashboard shows. */
const TREND_DAYS = 90;

function Figure(props: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      <Typography
        variant="h4"
        component="p"
        aria-label={`${props.label}: ${props.value}`}
      >
        {props.value}
      </Typography>
    </Box>
  );
}

/**
 * The national dashboard: how many systems were evaluated and their
 * average score, the systems by level, the state bodies by share of
 * not-ready systems, the trend over 90 days, and for those allowed a
 * button to evaluate every system now.
 */
export function DashboardTab(props: { pollIntervalMs?: number }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const checks = useChecks();
  const summary = useAsyncRetry(
    () => api.getSummary({ days: TREND_DAYS }),
    [api],
  );
  const { allowed: mayEvaluate } = usePermission({
    permission: securityReadinessEvaluatePermission,
  });

  if (summary.loading && !summary.value) {
    return <Progress />;
  }
  if (!summary.value) {
    return (
      <ResponseErrorPanel error={summary.error ?? new Error('no summary')} />
    );
  }
  const s = summary.value;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <InfoCard>
          <Box
            display="flex"
            gridGap={48}
            alignItems="flex-end"
            flexWrap="wrap"
          >
            <Figure label={t('dashboard.systems')} value={String(s.total)} />
            <Figure
              label={t('dashboard.averageScore')}
              value={
                s.averageScore === null
                  ? t('page.none')
                  : checks.number(s.averageScore)
              }
            />
            {s.evaluatedAt && (
              <Typography variant="body2" color="textSecondary">
                {t('dashboard.lastEvaluated', {
                  date: formatDateTime(s.evaluatedAt),
                })}
              </Typography>
            )}
            <Box flexGrow={1} />
            {mayEvaluate && (
              <EvaluateAllButton
                pollIntervalMs={props.pollIntervalMs ?? 2000}
                onFinished={summary.retry}
              />
            )}
          </Box>
          <Box mt={3}>
            <LevelsBar byLevel={s.byLevel} total={s.total} />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard>
          <TrendChart trend={s.trend} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard>
          <StateBodyTable bodies={s.byStateBody} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
