import {
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Exemption } from '@qaztech/plugin-registry-common';
import useAsync from 'react-use/esm/useAsync';
import { formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import { RequestsTable } from '../MoratoriumPage/RequestsTable';
import { useMoratoriumLinks } from '../shared';

const STATUS_COLORS: Record<Exemption['status'], string> = {
  approved: '#2e7d32',
  revoked: '#c62828',
  expired: '#757575',
};

/**
 * The "Exemption" tab of a System's page: the exemptions the commission
 * granted the system and every exemption request about it.
 */
export function EntityExemptionContent() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const links = useMoratoriumLinks();
  const { entity } = useEntity();
  const systemRef = stringifyEntityRef(entity);
  const data = useAsync(async () => {
    const [requests, exemptions] = await Promise.all([
      api.listRequests({ system: systemRef, limit: 100 }),
      api.getExemptions(systemRef),
    ]);
    return { requests: requests.items, exemptions: exemptions.items };
  }, [api, systemRef]);

  if (data.loading) {
    return <Progress />;
  }
  if (data.error || !data.value) {
    return <ResponseErrorPanel error={data.error ?? new Error(systemRef)} />;
  }
  const { requests, exemptions } = data.value;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <InfoCard title={t('entity.exemptions')}>
          {exemptions.length === 0 ? (
            <Typography>{t('entity.noExemptions')}</Typography>
          ) : (
            <Table size="small" aria-label={t('entity.exemptions')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('entity.decision')}</TableCell>
                  <TableCell>{t('entity.validUntil')}</TableCell>
                  <TableCell>{t('entity.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {exemptions.map(exemption => (
                  <TableRow
                    key={`${exemption.decisionNumber}-${exemption.decisionDate}`}
                  >
                    <TableCell>
                      {t('entity.decisionValue', {
                        number: exemption.decisionNumber,
                        date: formatDate(exemption.decisionDate),
                      })}
                    </TableCell>
                    <TableCell>
                      {exemption.expiresAt
                        ? formatDate(exemption.expiresAt)
                        : t('entity.openEnded')}
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        label={t(`exemptionStatus.${exemption.status}`)}
                        style={{
                          backgroundColor: STATUS_COLORS[exemption.status],
                          color: '#fff',
                        }}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={t('entity.requests')}
          action={
            <Box mt={1} mr={1}>
              <LinkButton
                to={links.newRequest(systemRef)}
                variant="outlined"
                color="primary"
              >
                {t('entity.newRequest')}
              </LinkButton>
            </Box>
          }
        >
          {requests.length === 0 ? (
            <Typography>{t('entity.noRequests')}</Typography>
          ) : (
            <RequestsTable items={requests} />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
