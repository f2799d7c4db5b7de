import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import SaveAltIcon from '@material-ui/icons/SaveAlt';
import {
  DECISION_OUTCOMES,
  DecisionOutcome,
} from '@qaztech/plugin-moratorium-common';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { formatDate } from '@qaztech/plugin-registry-common';
import { DecisionListItem, moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import {
  StateChip,
  SystemLabel,
  useMoratoriumLinks,
  usePagedList,
} from '../shared';
import { ListFooter } from './ListFooter';

/** Saves a blob as a file through a temporary download link. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function DecisionRow(props: { item: DecisionListItem }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const links = useMoratoriumLinks();
  const { item } = props;
  const met = item.conditions.filter(c => c.status === 'met').length;
  return (
    <TableRow>
      <TableCell>
        <Link to={links.request(item.requestId)}>{item.requestNumber}</Link>
      </TableCell>
      <TableCell>
        <SystemLabel system={item.system} />
      </TableCell>
      <TableCell>
        {item.stateBodyRef ? (
          <EntityRefLink entityRef={item.stateBodyRef} defaultKind="group" />
        ) : (
          t('page.none')
        )}
      </TableCell>
      <TableCell>{t(`outcome.${item.outcome}`)}</TableCell>
      <TableCell>{item.protocolNumber}</TableCell>
      <TableCell>{formatDate(item.sittingDate)}</TableCell>
      <TableCell>
        {item.expiresAt ? formatDate(item.expiresAt) : t('page.none')}
      </TableCell>
      <TableCell>
        {item.conditions.length > 0
          ? t('decisions.conditionsSummary', {
              met: String(met),
              total: String(item.conditions.length),
            })
          : t('page.none')}
      </TableCell>
      <TableCell>
        <StateChip state={item.state} />
      </TableCell>
    </TableRow>
  );
}

/**
 * The public register of the commission's decisions, filtered by outcome
 * and state body, with a CSV export of the same selection.
 */
export function DecisionsRegister() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const alertApi = useApi(alertApiRef);
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [stateBodyInput, setStateBodyInput] = useState('');
  const [stateBody, setStateBody] = useState('');
  const [exporting, setExporting] = useState(false);
  useDebounce(() => setStateBody(stateBodyInput.trim()), 400, [stateBodyInput]);

  const filter = {
    outcome: outcome || undefined,
    stateBody: stateBody || undefined,
  };
  const list = usePagedList(
    cursor => api.listDecisions({ ...filter, cursor }),
    JSON.stringify(filter),
  );

  const onExport = async () => {
    setExporting(true);
    try {
      const blob = await api.exportDecisionsCsv(filter);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(blob, `moratorium-decisions-${day}.csv`);
    } catch (error) {
      alertApi.post({
        message: t('decisions.exportFailed', { error: String(error) }),
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Box display="flex" gridGap={16} alignItems="flex-end" mb={2}>
        <TextField
          select
          label={t('decisions.outcome')}
          value={outcome}
          onChange={e => setOutcome(e.target.value as DecisionOutcome | '')}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          id="moratorium-decisions-outcome"
          style={{ minWidth: 220 }}
        >
          <option value="">{t('decisions.all')}</option>
          {DECISION_OUTCOMES.map(o => (
            <option key={o} value={o}>
              {t(`outcome.${o}`)}
            </option>
          ))}
        </TextField>
        <TextField
          label={t('decisions.stateBody')}
          placeholder={t('decisions.stateBodyPlaceholder')}
          value={stateBodyInput}
          onChange={e => setStateBodyInput(e.target.value)}
          InputLabelProps={{ shrink: true }}
          id="moratorium-decisions-state-body"
          style={{ minWidth: 260 }}
        />
        <Box flexGrow={1} />
        <Button
          variant="outlined"
          color="primary"
          startIcon={<SaveAltIcon />}
          disabled={exporting}
          onClick={onExport}
        >
          {exporting ? t('decisions.exporting') : t('decisions.export')}
        </Button>
      </Box>
      {list.loading && <Progress />}
      {!list.loading && list.error && list.items.length === 0 && (
        <ResponseErrorPanel error={list.error} />
      )}
      {!list.loading && !(list.error && list.items.length === 0) && (
        <Paper variant="outlined">
          {list.items.length === 0 ? (
            <Box p={3}>
              <Typography>{t('decisions.empty')}</Typography>
            </Box>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('decisions.request')}</TableCell>
                  <TableCell>{t('table.system')}</TableCell>
                  <TableCell>{t('table.stateBody')}</TableCell>
                  <TableCell>{t('decisions.outcome')}</TableCell>
                  <TableCell>{t('decisions.protocol')}</TableCell>
                  <TableCell>{t('decisions.sittingDate')}</TableCell>
                  <TableCell>{t('decisions.expiresAt')}</TableCell>
                  <TableCell>{t('decisions.conditions')}</TableCell>
                  <TableCell>{t('decisions.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.items.map(item => (
                  <DecisionRow key={item.requestId} item={item} />
                ))}
              </TableBody>
            </Table>
          )}
          <ListFooter
            shown={list.items.length}
            total={list.totalCount}
            hasMore={Boolean(list.nextCursor)}
            loadingMore={list.loadingMore}
            onMore={list.loadMore}
            error={list.error}
          />
        </Paper>
      )}
    </>
  );
}
