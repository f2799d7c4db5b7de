import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { Deadline } from '@qaztech/plugin-moratorium-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import { daysLeft, daysOverdue } from './format';

/** The red "overdue" chip; used for deadlines and conditions alike. */
export function OverdueChip() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  return (
    <Chip
      size="small"
      label={t('deadline.overdue')}
      style={{ backgroundColor: '#c62828', color: '#fff' }}
    />
  );
}

/**
 * A deadline: its due day (Almaty), and either the days left, the paused
 * clock, or a red "overdue" chip with the days it is late.
 */
export function DeadlineInfo(props: { deadline?: Deadline; now?: Date }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { deadline } = props;
  if (!deadline) {
    return <>{t('page.none')}</>;
  }
  const now = props.now ?? new Date();
  if (deadline.pausedAt) {
    return (
      <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
        <Chip size="small" label={t('deadline.paused')} />
        <Typography variant="body2" component="span">
          {t('deadline.pausedLeft', {
            count: deadline.remainingWorkingDays ?? 0,
          })}
        </Typography>
      </Box>
    );
  }
  const late = daysOverdue(deadline.dueAt, now);
  const overdue = deadline.overdue || late > 0;
  return (
    <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
      {overdue && <OverdueChip />}
      <Typography
        variant="body2"
        component="span"
        style={overdue ? { color: '#c62828', fontWeight: 500 } : undefined}
      >
        {t('deadline.due', { date: formatDate(deadline.dueAt) })}
        {', '}
        {overdue
          ? t('deadline.overdueBy', { count: Math.max(1, late) })
          : t('deadline.daysLeft', { count: daysLeft(deadline.dueAt, now) })}
      </Typography>
    </Box>
  );
}
