import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { moratoriumTranslationRef } from '../../translations';

/** "Shown N of M" and the button for the next page. */
export function ListFooter(props: {
  shown: number;
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  error?: Error;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  return (
    <>
      <Box p={2} display="flex" alignItems="center" gridGap={16}>
        <Typography variant="body2">
          {t('page.shown', {
            shown: String(props.shown),
            total: String(props.total),
          })}
        </Typography>
        {props.hasMore && (
          <Button
            variant="outlined"
            disabled={props.loadingMore}
            onClick={props.onMore}
          >
            {t('page.showMore')}
          </Button>
        )}
      </Box>
      {props.error && props.shown > 0 && (
        <ResponseErrorPanel error={props.error} />
      )}
    </>
  );
}
