import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  READINESS_LEVELS,
  StateBodySummary,
} from '@qaztech/plugin-security-readiness-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LEVEL_COLORS, percent, useChecks } from '../shared';

const notReadyShare = (body: StateBodySummary) =>
  body.total > 0 ? (body.byLevel['not-ready'] ?? 0) / body.total : 0;

/**
 * State bodies sorted by their share of not-ready systems (the most
 * worrying first; ties by size), each with its counts, average score and a
 * small stacked bar of its levels.
 */
export function StateBodyTable(props: { bodies: StateBodySummary[] }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const checks = useChecks();
  const bodies = [...props.bodies].sort(
    (a, b) =>
      notReadyShare(b) - notReadyShare(a) ||
      b.total - a.total ||
      a.stateBodyRef.localeCompare(b.stateBodyRef),
  );

  return (
    <Box component="section" aria-labelledby="security-readiness-by-body">
      <Typography id="security-readiness-by-body" variant="h6" component="h2">
        {t('dashboard.byBody')}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {bodies.length === 0
          ? t('dashboard.bodiesEmpty')
          : t('dashboard.byBodyDescription')}
      </Typography>
      {bodies.length > 0 && (
        <Table size="small" aria-label={t('dashboard.byBody')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('dashboard.body')}</TableCell>
              <TableCell align="right">{t('dashboard.total')}</TableCell>
              {READINESS_LEVELS.map(level => (
                <TableCell key={level} align="right">
                  {t(`level.${level}`)}
                </TableCell>
              ))}
              <TableCell align="right">
                {t('dashboard.notReadyShare')}
              </TableCell>
              <TableCell align="right">{t('dashboard.averageScore')}</TableCell>
              <TableCell style={{ width: '25%' }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {bodies.map(body => (
              <TableRow key={body.stateBodyRef}>
                <TableCell>
                  <EntityRefLink
                    entityRef={body.stateBodyRef}
                    defaultKind="group"
                  />
                </TableCell>
                <TableCell align="right">{body.total}</TableCell>
                {READINESS_LEVELS.map(level => (
                  <TableCell key={level} align="right">
                    {body.byLevel[level] ?? 0}
                  </TableCell>
                ))}
                <TableCell align="right">
                  {t('dashboard.share', {
                    percent: String(
                      percent(body.byLevel['not-ready'] ?? 0, body.total),
                    ),
                  })}
                </TableCell>
                <TableCell align="right">
                  {body.averageScore === null
                    ? t('page.none')
                    : checks.number(body.averageScore)}
                </TableCell>
                <TableCell>
                  <Box
                    display="flex"
                    height={10}
                    role="img"
                    aria-label={t('dashboard.bodyBar', {
                      body: body.stateBodyRef,
                      ready: String(body.byLevel.ready ?? 0),
                      conditional: String(body.byLevel.conditional ?? 0),
                      notReady: String(body.byLevel['not-ready'] ?? 0),
                    })}
                  >
                    {READINESS_LEVELS.map(level =>
                      (body.byLevel[level] ?? 0) > 0 ? (
                        <div
                          key={level}
                          style={{
                            flexGrow: body.byLevel[level],
                            flexBasis: 0,
                            backgroundColor: LEVEL_COLORS[level].background,
                          }}
                        />
                      ) : null,
                    )}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
