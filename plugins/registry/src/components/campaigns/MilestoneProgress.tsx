import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  CampaignMilestone,
  ProgressStatus,
} from '@qaztech/plugin-registry-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import { PROGRESS_STATUS_COLORS, formatShare } from './progressStatusColors';

/**
 * A bar filled to the share done, in the status colour, with a tick at
 * each milestone's share; the bar's accessible name says both.
 */
export function MilestoneProgress(props: {
  share: number;
  status: ProgressStatus;
  milestones: CampaignMilestone[];
}) {
  const { t } = useTranslationRef(registryTranslationRef);
  const { share, status, milestones } = props;
  const label = t('milestoneBar.label', {
    share: formatShare(share),
    milestones: milestones
      .map(m =>
        t('burnUp.milestone', { share: formatShare(m.share), date: m.date }),
      )
      .join(', '),
  });
  return (
    <Box>
      <Box
        role="img"
        aria-label={label}
        title={label}
        position="relative"
        height={12}
        bgcolor="#eeeeee"
        borderRadius={2}
      >
        <Box
          position="absolute"
          left={0}
          top={0}
          bottom={0}
          width={`${Math.min(1, share) * 100}%`}
          borderRadius={2}
          style={{ backgroundColor: PROGRESS_STATUS_COLORS[status].background }}
        />
        {milestones.map(m => (
          <Box
            key={m.date}
            position="absolute"
            top={-3}
            bottom={-3}
            left={`${m.share * 100}%`}
            width={2}
            style={{
              backgroundColor: '#424242',
              transform: 'translateX(-1px)',
            }}
          />
        ))}
      </Box>
      <Box position="relative" height={18} aria-hidden>
        {milestones.map(m => (
          <Typography
            key={m.date}
            variant="caption"
            color="textSecondary"
            style={{
              position: 'absolute',
              left: `${m.share * 100}%`,
              transform: m.share >= 0.9 ? 'translateX(-100%)' : undefined,
              whiteSpace: 'nowrap',
            }}
          >
            {formatDate(m.date)}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
