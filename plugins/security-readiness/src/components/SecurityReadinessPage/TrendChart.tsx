import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ReadinessLevel,
  TrendPoint,
} from '@qaztech/plugin-security-readiness-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LEVEL_COLORS } from '../shared';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 40, right: 8, top: 8, bottom: 24 };

/** Bottom to top: the not-ready systems carry the eye first. */
const STACK: ReadinessLevel[] = ['not-ready', 'conditional', 'ready'];

const count = (point: TrendPoint, level: ReadinessLevel) =>
  point.byLevel[level] ?? 0;

/**
 * The levels of all systems day by day as stacked areas in plain SVG (no
 * chart library), with the first and last day on the axis; the figure's
 * accessible name says how each level moved over the period.
 */
export function TrendChart(props: { trend: TrendPoint[] }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const trend = [...props.trend].sort((a, b) => a.date.localeCompare(b.date));

  if (trend.length < 2) {
    return (
      <Box component="section" aria-labelledby="security-readiness-trend">
        <Typography id="security-readiness-trend" variant="h6" component="h2">
          {t('dashboard.trend')}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('dashboard.trendEmpty')}
        </Typography>
      </Box>
    );
  }

  const first = trend[0];
  const last = trend[trend.length - 1];
  const max = Math.max(
    1,
    ...trend.map(p => STACK.reduce((sum, level) => sum + count(p, level), 0)),
  );
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (i / (trend.length - 1)) * innerW;
  const y = (value: number) => PAD.top + innerH - (value / max) * innerH;

  // Cumulative tops per level, bottom of each band = top of the one below.
  const tops = trend.map(point => {
    let sum = 0;
    return STACK.map(level => {
      sum += count(point, level);
      return sum;
    });
  });
  const bands = STACK.map((level, index) => {
    const upper = tops.map((top, i) => `${x(i)},${y(top[index])}`);
    const lower = tops
      .map((top, i) => `${x(i)},${y(index === 0 ? 0 : top[index - 1])}`)
      .reverse();
    return { level, points: [...upper, ...lower].join(' ') };
  });

  const description = t('dashboard.trendDescription', {
    from: first.date,
    to: last.date,
    readyFrom: String(count(first, 'ready')),
    readyTo: String(count(last, 'ready')),
    conditionalFrom: String(count(first, 'conditional')),
    conditionalTo: String(count(last, 'conditional')),
    notReadyFrom: String(count(first, 'not-ready')),
    notReadyTo: String(count(last, 'not-ready')),
  });

  return (
    <Box component="section" aria-labelledby="security-readiness-trend">
      <Typography id="security-readiness-trend" variant="h6" component="h2">
        {t('dashboard.trend')}
      </Typography>
      <svg
        role="img"
        aria-label={description}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxHeight: 260 }}
      >
        <title>{description}</title>
        {bands.map(band => (
          <polygon
            key={band.level}
            points={band.points}
            fill={LEVEL_COLORS[band.level].background}
            fillOpacity={0.85}
            stroke="#ffffff"
            strokeWidth={0.5}
          />
        ))}
        <line
          x1={PAD.left}
          y1={y(0)}
          x2={WIDTH - PAD.right}
          y2={y(0)}
          stroke="#757575"
        />
        <line
          x1={PAD.left}
          y1={PAD.top}
          x2={PAD.left}
          y2={y(0)}
          stroke="#757575"
        />
        <text
          x={PAD.left - 4}
          y={PAD.top + 10}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {max}
        </text>
        <text
          x={PAD.left - 4}
          y={y(0)}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 6} fontSize={11} fill="currentColor">
          {formatDate(first.date)}
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 6}
          textAnchor="end"
          fontSize={11}
          fill="currentColor"
        >
          {formatDate(last.date)}
        </text>
      </svg>
    </Box>
  );
}
