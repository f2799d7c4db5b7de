import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  CampaignHistoryPoint,
  PROGRESS_STATUSES,
  ProgressStatus,
  todayInAlmaty,
} from '@qaztech/plugin-registry-common';
import { ReactNode, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { registryTranslationRef } from '../../translations';
import {
  BurnUpChart,
  CampaignStateChip,
  ProgressStatusChip,
  formatShare,
  useGoalText,
} from '../campaigns';
import { useLocalizedTitle } from '../useLocalizedTitle';
import { useRegistryTabs } from '../useRegistryLinks';
import { BodiesTable } from './BodiesTable';
import { CampaignActions } from './CampaignActions';
import { SystemsProgressTable } from './SystemsProgressTable';
import { useCampaignProgress } from './useCampaignSystems';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/** One body's line of the burn-up, from the per-body history. */
function historyOfBody(
  history: CampaignHistoryPoint[],
  stateBodyRef: string,
): CampaignHistoryPoint[] | undefined {
  if (!history.some(point => point.byBody)) {
    return undefined;
  }
  return history.flatMap(point => {
    const body = point.byBody?.[stateBodyRef];
    if (!body) {
      return [];
    }
    return [
      {
        date: point.date,
        total: body.total,
        done: body.done,
        share: body.total > 0 ? body.done / body.total : 1,
      },
    ];
  });
}

/**
 * One campaign: where it stands, the burn-up chart of the share done per
 * day against the milestone steps, the state bodies sorted by lateness
 * with their responsible officials, and the drill-down to each body's
 * systems and what each must do. The chosen body and status are kept in
 * the URL (`?body=group:default/minfin&status=late`).
 *
 * @public
 */
export function CampaignPage() {
  const { t } = useTranslationRef(registryTranslationRef);
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const body = params.get('body') ?? undefined;
  const requestedStatus = params.get('status');
  const status = (PROGRESS_STATUSES as readonly string[]).includes(
    requestedStatus ?? '',
  )
    ? (requestedStatus as ProgressStatus)
    : undefined;
  const tabs = useRegistryTabs();
  const localized = useLocalizedTitle();
  const goalText = useGoalText();
  const data = useCampaignProgress(id, { stateBody: body, status });
  const value = data.progress.value;

  const bodyTitles = useMemo(
    () => new Map((value?.bodies ?? []).map(b => [b.stateBodyRef, b.title])),
    [value],
  );

  const setFilter = (next: { body?: string; status?: string }) => {
    const search: Record<string, string> = {};
    if (next.body) {
      search.body = next.body;
    }
    if (next.status) {
      search.status = next.status;
    }
    setParams(search);
  };

  if (!value) {
    return (
      <>
        <Header
          title={t('campaigns.title')}
          tabs={tabs}
          activeTabId="campaigns"
        />
        <Container>
          {data.progress.loading && <Progress />}
          {data.progress.error && (
            <ResponseErrorPanel error={data.progress.error} />
          )}
        </Container>
      </>
    );
  }

  const { campaign } = value;
  const selectedBody = body ? bodyTitles.get(body) ?? body : undefined;
  const chartHistory =
    (body && historyOfBody(value.history, body)) || value.history;

  return (
    <>
      <Header
        title={localized(campaign.title)}
        description={campaign.description && localized(campaign.description)}
        tabs={tabs}
        activeTabId="campaigns"
        customActions={
          <CampaignActions
            campaign={campaign}
            onChanged={data.progress.retry}
          />
        }
      />
      <Container>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <InfoCard>
              <Box display="flex" gridGap={40} flexWrap="wrap">
                <Fact label={t('campaign.status')}>
                  <Box display="flex" gridGap={8}>
                    <ProgressStatusChip status={value.status} />
                    <CampaignStateChip state={campaign.state} />
                  </Box>
                </Fact>
                <Fact label={t('campaign.progress')}>
                  {t('campaigns.done', {
                    done: String(value.done),
                    total: String(value.total),
                    share: formatShare(value.share),
                  })}
                </Fact>
                <Fact label={t('campaign.requiredShare')}>
                  {formatShare(value.requiredShare)}
                </Fact>
                <Fact label={t('campaign.nextMilestone')}>
                  {value.nextMilestone
                    ? t('burnUp.milestone', {
                        share: formatShare(value.nextMilestone.share),
                        date: value.nextMilestone.date,
                      })
                    : t('campaigns.noNextMilestone')}
                </Fact>
                <Fact label={t('campaign.goal')}>
                  {goalText(campaign.goal)}
                </Fact>
                <Fact label={t('campaigns.owner')}>
                  <EntityRefLink entityRef={campaign.owner} />
                </Fact>
              </Box>
              {!value.computedAt && (
                <Box mt={2}>
                  <Typography variant="body2" color="textSecondary">
                    {t('campaigns.notComputed')}
                  </Typography>
                </Box>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard>
              {selectedBody && (
                <Typography variant="body2" color="textSecondary">
                  {t('campaign.chartOfBody', { body: selectedBody })}
                </Typography>
              )}
              <BurnUpChart
                startDate={campaign.startDate}
                milestones={campaign.milestones}
                history={chartHistory}
                today={todayInAlmaty()}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title={t('campaign.bodies')}>
              {value.bodies.length === 0 ? (
                <Typography>{t('campaign.noBodies')}</Typography>
              ) : (
                <BodiesTable
                  bodies={value.bodies}
                  selected={body}
                  onSelect={ref =>
                    setFilter({ body: ref === body ? undefined : ref, status })
                  }
                />
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title={
                selectedBody
                  ? t('campaign.systemsOf', { body: selectedBody })
                  : t('campaign.systems')
              }
            >
              <Box display="flex" gridGap={16} alignItems="center" mb={2}>
                <TextField
                  id="registry-campaign-status"
                  select
                  label={t('campaign.statusFilter')}
                  value={status ?? 'all'}
                  onChange={e =>
                    setFilter({
                      body,
                      status:
                        e.target.value === 'all' ? undefined : e.target.value,
                    })
                  }
                  style={{ minWidth: 200 }}
                >
                  <MenuItem value="all">{t('campaign.allStatuses')}</MenuItem>
                  {PROGRESS_STATUSES.map(s => (
                    <MenuItem key={s} value={s}>
                      {t(`progressStatus.${s}`)}
                    </MenuItem>
                  ))}
                </TextField>
                {body && (
                  <Button onClick={() => setFilter({ status })}>
                    {t('campaign.allBodies')}
                  </Button>
                )}
              </Box>
              {data.progress.loading && <Progress />}
              {data.systems.length === 0 ? (
                <Typography>{t('campaign.noSystems')}</Typography>
              ) : (
                <SystemsProgressTable
                  items={data.systems}
                  bodyTitles={bodyTitles}
                />
              )}
              <Box mt={2} display="flex" alignItems="center" gridGap={16}>
                <Typography variant="body2">
                  {t('page.shown', {
                    shown: String(data.systems.length),
                    total: String(data.totalSystems),
                  })}
                </Typography>
                {data.hasMore && (
                  <Button
                    variant="outlined"
                    disabled={data.loadingMore}
                    onClick={data.loadMore}
                  >
                    {t('page.showMore')}
                  </Button>
                )}
              </Box>
              {data.loadMoreError && (
                <ResponseErrorPanel error={data.loadMoreError} />
              )}
            </InfoCard>
          </Grid>
        </Grid>
      </Container>
    </>
  );
}
