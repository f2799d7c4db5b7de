import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { ListRequestsFilter, moratoriumApiRef } from '../../api';
import { usePagedList } from '../shared';
import { ListFooter } from './ListFooter';
import { RequestsTable } from './RequestsTable';

/** One list of requests (mine, the intake queue…) with paging. */
export function RequestsTab(props: {
  filter: ListRequestsFilter;
  emptyText: string;
}) {
  const api = useApi(moratoriumApiRef);
  const list = usePagedList(
    cursor => api.listRequests({ ...props.filter, cursor }),
    JSON.stringify(props.filter),
  );
  if (list.loading) {
    return <Progress />;
  }
  if (list.error && list.items.length === 0) {
    return <ResponseErrorPanel error={list.error} />;
  }
  return (
    <Paper variant="outlined">
      {list.items.length === 0 ? (
        <Box p={3}>
          <Typography>{props.emptyText}</Typography>
        </Box>
      ) : (
        <RequestsTable items={list.items} />
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
  );
}
