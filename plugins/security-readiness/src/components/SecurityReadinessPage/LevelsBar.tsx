import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  LevelCounts,
  READINESS_LEVELS,
} from '@qaztech/plugin-security-readiness-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LEVEL_COLORS, percent } from '../shared';

/**
 * One stacked bar of all evaluated systems by level, each segment naming
 * its level, count and share, with a legend below.
 */
export function LevelsBar(props: { byLevel: LevelCounts; total: number }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const { byLevel, total } = props;
  const label = (level: (typeof READINESS_LEVELS)[number]) =>
    t('dashboard.levelSegment', {
      level: t(`level.${level}`),
      amount: String(byLevel[level] ?? 0),
      percent: String(percent(byLevel[level] ?? 0, total)),
    });

  return (
    <Box component="figure" m={0} aria-label={t('dashboard.levels')}>
      <Typography variant="h6" component="h2">
        {t('dashboard.levels')}
      </Typography>
      {total === 0 ? (
        <Typography
          variant="body2"
          color="textSecondary"
          component="figcaption"
        >
          {t('dashboard.levelsEmpty')}
        </Typography>
      ) : (
        <>
          <Box
            display="flex"
            height={28}
            my={1}
            role="group"
            aria-label={t('dashboard.levels')}
          >
            {READINESS_LEVELS.map(level => {
              const count = byLevel[level] ?? 0;
              if (count === 0) {
                return null;
              }
              return (
                <div
                  key={level}
                  role="img"
                  aria-label={label(level)}
                  title={label(level)}
                  style={{
                    flexGrow: count,
                    flexBasis: 0,
                    backgroundColor: LEVEL_COLORS[level].background,
                  }}
                />
              );
            })}
          </Box>
          <Box
            component="ul"
            p={0}
            m={0}
            display="flex"
            flexWrap="wrap"
            gridGap={16}
            style={{ listStyle: 'none' }}
          >
            {READINESS_LEVELS.map(level => (
              <Box
                component="li"
                key={level}
                display="flex"
                alignItems="center"
                gridGap={4}
              >
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 12,
                    height: 12,
                    backgroundColor: LEVEL_COLORS[level].background,
                  }}
                />
                <Typography variant="body2">{label(level)}</Typography>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
