import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ScorecardHistoryEntry } from '@qaztech/plugin-security-readiness-common';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LevelChip, Notice, errorMessage, useChecks } from '../shared';

/** The changes of a system's result, latest first, with the checks that moved. */
export function HistoryCard(props: {
  entries?: ScorecardHistoryEntry[];
  error?: Error;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const checks = useChecks();
  const entries = props.entries ?? [];
  const statusScore = (s: {
    status: ScorecardHistoryEntry['changedChecks'][number]['to']['status'];
    score: number | null;
  }) =>
    s.score === null
      ? t(`status.${s.status}`)
      : t('history.statusScore', {
          status: t(`status.${s.status}`),
          score: checks.number(s.score),
        });

  return (
    <InfoCard title={t('history.title')}>
      {props.error && (
        <Notice severity="error">{errorMessage(props.error)}</Notice>
      )}
      {!props.error && entries.length === 0 && (
        <Typography>{t('history.empty')}</Typography>
      )}
      {entries.length > 0 && (
        <Table size="small" aria-label={t('history.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('history.when')}</TableCell>
              <TableCell>{t('history.result')}</TableCell>
              <TableCell>{t('history.changes')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map(entry => (
              <TableRow key={`${entry.evaluatedAt}-${entry.inputsHash ?? ''}`}>
                <TableCell>{formatDateTime(entry.evaluatedAt)}</TableCell>
                <TableCell>
                  <LevelChip level={entry.level} size="small" />{' '}
                  {checks.score(entry.score)}
                </TableCell>
                <TableCell>
                  {entry.changedChecks.length === 0 && t('history.first')}
                  {entry.changedChecks.map(change => (
                    <Typography variant="body2" key={change.checkId}>
                      {t('history.change', {
                        check: checks.title(change.checkId),
                        from: change.from
                          ? statusScore(change.from)
                          : t('page.none'),
                        to: statusScore(change.to),
                      })}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
