import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { CampaignSystemProgress } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import { ProgressStatusChip, useWhatToDo } from '../campaigns';
import { useLocalizedTitle } from '../useLocalizedTitle';

/** The systems of a campaign with where each stands and what it must do. */
export function SystemsProgressTable(props: {
  items: CampaignSystemProgress[];
  bodyTitles: Map<string, string>;
}) {
  const { t } = useTranslationRef(registryTranslationRef);
  const localized = useLocalizedTitle();
  const whatToDo = useWhatToDo();
  return (
    <Table size="small" aria-label={t('campaign.systems')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('campaign.system')}</TableCell>
          <TableCell>{t('campaign.body')}</TableCell>
          <TableCell>{t('campaign.status')}</TableCell>
          <TableCell>{t('campaign.whatToDo')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(system => (
          <TableRow key={system.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={system.entityRef}>
                {localized(system.title)}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={system.stateBodyRef}>
                {props.bodyTitles.get(system.stateBodyRef) ??
                  system.stateBodyRef}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              <ProgressStatusChip status={system.status} />
            </TableCell>
            <TableCell>{whatToDo(system.whatToDo)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
