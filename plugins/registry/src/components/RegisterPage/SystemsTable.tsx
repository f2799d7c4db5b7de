import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { RegistrySortField, RegistrySystem } from '../../api';
import { registryTranslationRef } from '../../translations';
import { PlatformStatusChip } from '../PlatformStatusChip';
import { UnverifiedClaims } from '../UnverifiedClaims';
import { useLocalizedTitle } from '../useLocalizedTitle';

/** How the table is sorted. */
export type TableSort = { field: RegistrySortField; order: 'asc' | 'desc' };

/** The register's systems, one row each, linking to their catalog pages. */
export function SystemsTable(props: {
  items: RegistrySystem[];
  ownerTitles: Map<string, string>;
  sort: TableSort;
  onSort: (sort: TableSort) => void;
}) {
  const { items, ownerTitles, sort, onSort } = props;
  const { t } = useTranslationRef(registryTranslationRef);
  const localizedTitle = useLocalizedTitle();

  const header = (field: RegistrySortField, label: string) => (
    <TableCell sortDirection={sort.field === field ? sort.order : false}>
      <TableSortLabel
        active={sort.field === field}
        direction={sort.field === field ? sort.order : 'asc'}
        onClick={() =>
          onSort({
            field,
            order:
              sort.field === field && sort.order === 'asc' ? 'desc' : 'asc',
          })
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {header('title', t('table.title'))}
          {header('registryNumber', t('table.registryNumber'))}
          <TableCell>{t('table.stateBody')}</TableCell>
          {header('lifecycleStage', t('table.lifecycleStage'))}
          {header('platformStatus', t('table.platformStatus'))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => (
          <TableRow key={item.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={item.entityRef}>
                {localizedTitle(item.title)}
              </EntityRefLink>
            </TableCell>
            <TableCell>{item.registryNumber ?? ''}</TableCell>
            <TableCell>
              <EntityRefLink entityRef={item.owner.ref}>
                {ownerTitles.get(item.owner.ref) ?? item.owner.ref}
              </EntityRefLink>
            </TableCell>
            <TableCell>{t(`lifecycleStage.${item.lifecycleStage}`)}</TableCell>
            <TableCell>
              <PlatformStatusChip status={item.platformStatus} />
              <UnverifiedClaims claims={item.unverifiedClaims} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
