import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  CampaignHistoryPoint,
  CampaignMilestone,
} from '@qaztech/plugin-registry-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import { PROGRESS_STATUS_COLORS, formatShare } from './progressStatusColors';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 28 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since the epoch of a `YYYY-MM-DD` date. */
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * The burn-up chart of a campaign in plain SVG, like the suite's other
 * charts: the share of systems done day by day (solid line) against the
 * milestone steps (dashed; from each milestone's date on, at least its
 * share must be done), with today marked. The figure's accessible name
 * says where the line starts and ends and what the milestones ask.
 */
export function BurnUpChart(props: {
  startDate: string;
  milestones: CampaignMilestone[];
  history: CampaignHistoryPoint[];
  /** The local date to mark; the last history day when absent. */
  today?: string;
}) {
  const { t } = useTranslationRef(registryTranslationRef);
  const history = [...props.history].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const milestones = [...props.milestones].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const milestoneText = milestones
    .map(m =>
      t('burnUp.milestone', { share: formatShare(m.share), date: m.date }),
    )
    .join(', ');

  const first = history[0];
  const last = history[history.length - 1];
  const description = first
    ? t('burnUp.description', {
        from: first.date,
        to: last.date,
        shareFrom: formatShare(first.share),
        shareTo: formatShare(last.share),
        milestones: milestoneText,
      })
    : t('burnUp.noHistory', { milestones: milestoneText });

  const startDay = dayOf(props.startDate);
  const endDay = Math.max(
    startDay + 1,
    ...milestones.map(m => dayOf(m.date)),
    ...history.map(p => dayOf(p.date)),
  );
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (date: string) =>
    PAD.left +
    ((Math.min(Math.max(dayOf(date), startDay), endDay) - startDay) /
      (endDay - startDay)) *
      innerW;
  const y = (share: number) => PAD.top + innerH - share * innerH;
  const endX = PAD.left + innerW;

  // Zero until the first milestone, then each milestone's share from its
  // date until the next: the line done must stay on or above.
  const steps: string[] = [`${PAD.left},${y(0)}`];
  let level = 0;
  for (const milestone of milestones) {
    steps.push(`${x(milestone.date)},${y(level)}`);
    level = milestone.share;
    steps.push(`${x(milestone.date)},${y(level)}`);
  }
  steps.push(`${endX},${y(level)}`);

  const done = history.map(p => `${x(p.date)},${y(p.share)}`).join(' ');
  const today = props.today ?? last?.date;

  return (
    <Box component="section" aria-labelledby="registry-campaign-burn-up">
      <Typography id="registry-campaign-burn-up" variant="h6" component="h2">
        {t('burnUp.title')}
      </Typography>
      <svg
        role="img"
        aria-label={description}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxHeight: 300 }}
      >
        <title>{description}</title>
        {[0.25, 0.5, 0.75, 1].map(share => (
          <line
            key={share}
            x1={PAD.left}
            x2={endX}
            y1={y(share)}
            y2={y(share)}
            stroke="#e0e0e0"
          />
        ))}
        <polyline
          points={steps.join(' ')}
          fill="none"
          stroke="#757575"
          strokeWidth={1.5}
          strokeDasharray="6 4"
        />
        {milestones.map(m => (
          <g key={m.date}>
            <circle
              cx={x(m.date)}
              cy={y(m.share)}
              r={4}
              fill={PROGRESS_STATUS_COLORS.late.background}
            />
            <text
              x={x(m.date) - 6}
              y={y(m.share) - 6}
              textAnchor="end"
              fontSize={11}
              fill="currentColor"
            >
              {formatShare(m.share)} · {formatDate(m.date)}
            </text>
          </g>
        ))}
        {history.length > 1 && (
          <polyline
            points={done}
            fill="none"
            stroke={PROGRESS_STATUS_COLORS.done.background}
            strokeWidth={2.5}
          />
        )}
        {history.length === 1 && (
          <circle
            cx={x(history[0].date)}
            cy={y(history[0].share)}
            r={3}
            fill={PROGRESS_STATUS_COLORS.done.background}
          />
        )}
        {today && (
          <line
            x1={x(today)}
            x2={x(today)}
            y1={PAD.top}
            y2={y(0)}
            stroke={PROGRESS_STATUS_COLORS['on-track'].background}
            strokeDasharray="2 3"
          />
        )}
        <line x1={PAD.left} y1={y(0)} x2={endX} y2={y(0)} stroke="#757575" />
        <line
          x1={PAD.left}
          y1={PAD.top}
          x2={PAD.left}
          y2={y(0)}
          stroke="#757575"
        />
        {[0, 0.5, 1].map(share => (
          <text
            key={share}
            x={PAD.left - 4}
            y={y(share) + 4}
            textAnchor="end"
            fontSize={11}
            fill="currentColor"
          >
            {formatShare(share)}
          </text>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} fontSize={11} fill="currentColor">
          {formatDate(props.startDate)}
        </text>
        <text
          x={endX}
          y={HEIGHT - 8}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {milestones.length ? milestones[milestones.length - 1].date : ''}
        </text>
      </svg>
      <Box display="flex" gridGap={16} flexWrap="wrap" aria-hidden>
        <Typography variant="caption">
          <span style={{ color: PROGRESS_STATUS_COLORS.done.background }}>
            ━
          </span>{' '}
          {t('burnUp.legendDone')}
        </Typography>
        <Typography variant="caption">
          <span style={{ color: '#757575' }}>┅</span> {t('burnUp.legendTarget')}
        </Typography>
      </Box>
    </Box>
  );
}
