import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  CampaignBodyProgress,
  compareProgressStatus,
} from '@qaztech/plugin-registry-common';
import { Fragment } from 'react';
import { registryTranslationRef } from '../../translations';
import { ProgressStatusChip, formatShare } from '../campaigns';

/** Late bodies first, then at risk…; within a status the lowest share first. */
export function sortByLateness(
  bodies: CampaignBodyProgress[],
): CampaignBodyProgress[] {
  return [...bodies].sort(
    (a, b) =>
      compareProgressStatus(a.status, b.status) ||
      a.share - b.share ||
      b.total - a.total ||
      a.title.localeCompare(b.title),
  );
}

/**
 * The state bodies of a campaign, the latest first, each with its
 * responsible officials and where it stands; choosing a body lists its
 * systems below.
 */
export function BodiesTable(props: {
  bodies: CampaignBodyProgress[];
  selected?: string;
  onSelect: (stateBodyRef: string) => void;
}) {
  const { t } = useTranslationRef(registryTranslationRef);
  return (
    <Table size="small" aria-label={t('campaign.bodies')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('campaign.body')}</TableCell>
          <TableCell>{t('campaign.responsible')}</TableCell>
          <TableCell align="right">{t('campaign.systemsDone')}</TableCell>
          <TableCell align="right">{t('campaign.share')}</TableCell>
          <TableCell>{t('campaign.status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sortByLateness(props.bodies).map(body => (
          <TableRow
            key={body.stateBodyRef}
            selected={props.selected === body.stateBodyRef}
          >
            <TableCell>
              <Button
                color="primary"
                size="small"
                aria-pressed={props.selected === body.stateBodyRef}
                onClick={() => props.onSelect(body.stateBodyRef)}
                style={{ textTransform: 'none', textAlign: 'left' }}
              >
                {body.title}
              </Button>
            </TableCell>
            <TableCell>
              {body.responsible.length === 0
                ? t('campaign.noResponsible')
                : body.responsible.map((ref, index) => (
                    <Fragment key={ref}>
                      {index > 0 && ', '}
                      <EntityRefLink entityRef={ref} defaultKind="user" />
                    </Fragment>
                  ))}
            </TableCell>
            <TableCell align="right">
              {t('campaign.doneOfTotal', {
                done: String(body.done),
                total: String(body.total),
              })}
            </TableCell>
            <TableCell align="right">{formatShare(body.share)}</TableCell>
            <TableCell>
              <ProgressStatusChip status={body.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
