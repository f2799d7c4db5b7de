import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import { useMoratoriumLinks } from '../shared';

/** The commission's sittings, each linking to its agenda. */
export function SittingsTab() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const links = useMoratoriumLinks();
  const sittings = useAsync(() => api.listSittings(), [api]);

  if (sittings.loading) {
    return <Progress />;
  }
  if (sittings.error) {
    return <ResponseErrorPanel error={sittings.error} />;
  }
  const items = sittings.value?.items ?? [];
  return (
    <Paper variant="outlined">
      {items.length === 0 ? (
        <Box p={3}>
          <Typography>{t('sittings.empty')}</Typography>
        </Box>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('sittings.date')}</TableCell>
              <TableCell>{t('sittings.requests')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(sitting => (
              <TableRow key={sitting.id}>
                <TableCell>
                  <Link to={links.sitting(sitting.id)}>
                    {t('sittings.open', { date: formatDate(sitting.date) })}
                  </Link>
                </TableCell>
                <TableCell>{sitting.requestIds.length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
