import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import {
  CampaignSummary,
  PROGRESS_STATUSES,
} from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import {
  CampaignStateChip,
  MilestoneProgress,
  ProgressStatusChip,
  formatShare,
  useGoalText,
} from '../campaigns';
import { useLocalizedTitle } from '../useLocalizedTitle';
import { useRegistryLinks } from '../useRegistryLinks';

/**
 * One campaign on the campaigns page: its title linking to the campaign,
 * state, owner and goal, and where it stands: the share done against the
 * milestones, the next milestone, and how many state bodies are late.
 */
export function CampaignCard(props: { campaign: CampaignSummary }) {
  const { campaign } = props;
  const { t } = useTranslationRef(registryTranslationRef);
  const localized = useLocalizedTitle();
  const goalText = useGoalText();
  const links = useRegistryLinks();
  const title = localized(campaign.title);
  const progress = campaign.progress;

  return (
    <Card
      variant="outlined"
      component="article"
      aria-label={title}
      style={{ height: '100%' }}
    >
      <CardContent>
        <Box display="flex" alignItems="center" gridGap={8} mb={1}>
          <Box flexGrow={1}>
            <Typography variant="h6" component="h2">
              <Link to={links.campaign(campaign.id)}>{title}</Link>
            </Typography>
          </Box>
          <CampaignStateChip state={campaign.state} />
          {progress && <ProgressStatusChip status={progress.status} />}
        </Box>
        <Typography variant="body2" color="textSecondary">
          {goalText(campaign.goal)}
        </Typography>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {t('campaigns.owner')} <EntityRefLink entityRef={campaign.owner} />
          {campaign.source === 'config' && ` · ${t('campaigns.fromConfig')}`}
        </Typography>
        {progress ? (
          <Box mt={2}>
            <Typography variant="body1" gutterBottom>
              {t('campaigns.done', {
                done: String(progress.done),
                total: String(progress.total),
                share: formatShare(progress.share),
              })}
            </Typography>
            <MilestoneProgress
              share={progress.share}
              status={progress.status}
              milestones={campaign.milestones}
            />
            <Typography variant="body2">
              {progress.nextMilestone
                ? t('campaigns.nextMilestone', {
                    share: formatShare(progress.nextMilestone.share),
                    date: progress.nextMilestone.date,
                  })
                : t('campaigns.noNextMilestone')}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {PROGRESS_STATUSES.filter(s => progress.bodies[s] > 0)
                .map(s =>
                  t(`campaigns.bodies.${s}`, {
                    amount: String(progress.bodies[s]),
                  }),
                )
                .join(' · ')}
            </Typography>
          </Box>
        ) : (
          <Box mt={2}>
            <Typography variant="body2">
              {t('campaigns.notComputed')}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {campaign.milestones
                .map(m =>
                  t('burnUp.milestone', {
                    share: formatShare(m.share),
                    date: m.date,
                  }),
                )
                .join(', ')}
            </Typography>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
