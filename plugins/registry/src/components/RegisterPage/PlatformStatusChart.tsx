import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { MORATORIUM_STATUSES } from '@qaztech/plugin-registry-common';
import { RegistryOwnerStats } from '../../api';
import { registryTranslationRef } from '../../translations';
import { PLATFORM_STATUS_COLORS } from '../PlatformStatusChip';
import { ownerTitle } from './ownerTitle';
import { useTitleComparator } from '../useEntityTitles';

/** How many state bodies the chart shows. */
export const CHART_BODIES = 15;

/**
 * Horizontal stacked bars: for each of the state bodies with the most
 * systems, how many are on the platform, migrating, exempted or in
 * violation. Bar lengths compare bodies; every segment names its count.
 */
export function PlatformStatusChart(props: { byOwner: RegistryOwnerStats[] }) {
  const { t } = useTranslationRef(registryTranslationRef);
  const compareTitles = useTitleComparator();
  const bodies = [...props.byOwner]
    .sort(
      (a, b) =>
        b.total - a.total || compareTitles(ownerTitle(a), ownerTitle(b)),
    )
    .slice(0, CHART_BODIES);
  const max = Math.max(1, ...bodies.map(body => body.total));

  return (
    <Box component="figure" m={0} aria-label={t('chart.title')}>
      <Typography variant="h6" component="h2">
        {t('chart.title')}
      </Typography>
      <Typography variant="body2" color="textSecondary" component="figcaption">
        {bodies.length === 0
          ? t('chart.empty')
          : t('chart.description', { amount: String(bodies.length) })}
      </Typography>
      <Box
        component="ul"
        role="list"
        p={0}
        my={1}
        style={{ listStyle: 'none' }}
      >
        {bodies.map(body => {
          const name = ownerTitle(body);
          return (
            <Box
              component="li"
              key={body.ref}
              display="flex"
              alignItems="center"
              gridGap={8}
              mb={0.5}
            >
              <Typography
                variant="body2"
                style={{ width: '30%', flexShrink: 0 }}
                noWrap
                title={name}
              >
                {name}
              </Typography>
              <Box flexGrow={1} display="flex" alignItems="center" gridGap={8}>
                <Box
                  display="flex"
                  height={16}
                  width={`${(body.total / max) * 100}%`}
                  aria-label={t('chart.total', {
                    body: name,
                    amount: String(body.total),
                  })}
                  role="group"
                >
                  {MORATORIUM_STATUSES.map(status => {
                    const count = body.byPlatformStatus[status] ?? 0;
                    if (count === 0) {
                      return null;
                    }
                    const label = t('chart.segment', {
                      body: name,
                      status: t(`platformStatus.${status}`),
                      amount: String(count),
                    });
                    return (
                      <div
                        key={status}
                        role="img"
                        aria-label={label}
                        title={label}
                        style={{
                          flexGrow: count,
                          flexBasis: 0,
                          backgroundColor:
                            PLATFORM_STATUS_COLORS[status].background,
                        }}
                      />
                    );
                  })}
                </Box>
                <Typography variant="body2" aria-hidden>
                  {body.total}
                </Typography>
              </Box>
            </Box>
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
        {MORATORIUM_STATUSES.map(status => (
          <Box
            component="li"
            key={status}
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
                backgroundColor: PLATFORM_STATUS_COLORS[status].background,
              }}
            />
            <Typography variant="caption">
              {t(`platformStatus.${status}`)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
