import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ExemptionRequestSummary } from '@qaztech/plugin-moratorium-common';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import {
  DeadlineInfo,
  StateChip,
  SystemLabel,
  useMoratoriumLinks,
} from '../shared';

/** Requests as a table: number, system, state body, state, deadline. */
export function RequestsTable(props: { items: ExemptionRequestSummary[] }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const links = useMoratoriumLinks();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('table.number')}</TableCell>
          <TableCell>{t('table.system')}</TableCell>
          <TableCell>{t('table.stateBody')}</TableCell>
          <TableCell>{t('table.state')}</TableCell>
          <TableCell>{t('table.deadline')}</TableCell>
          <TableCell>{t('table.updated')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.id}>
            <TableCell>
              <Link to={links.request(item.id)}>{item.number}</Link>
            </TableCell>
            <TableCell>
              <SystemLabel system={item.system} />
            </TableCell>
            <TableCell>
              {item.stateBodyRef ? (
                <EntityRefLink
                  entityRef={item.stateBodyRef}
                  defaultKind="group"
                />
              ) : (
                t('page.none')
              )}
            </TableCell>
            <TableCell>
              <StateChip state={item.state} />
            </TableCell>
            <TableCell>
              <DeadlineInfo deadline={item.currentDeadline} />
            </TableCell>
            <TableCell>{formatDateTime(item.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
