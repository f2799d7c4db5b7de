import { useApi } from '@backstage/frontend-plugin-api';
import {
  CampaignProgress,
  CampaignSystemProgress,
  ProgressStatus,
} from '@qaztech/plugin-registry-common';
import { useCallback, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { registryApiRef } from '../../api';

/** How often a campaign whose progress is not computed yet is asked for. */
export const PENDING_RETRY_MS = 10_000;

/** How many systems one page of the drill-down asks for. */
export const SYSTEMS_PAGE_SIZE = 25;

/**
 * A campaign's progress with the first page of its systems, narrowed to a
 * body and a status; `loadMore` appends the next pages by keyset cursor.
 */
export function useCampaignProgress(
  id: string,
  filter: { stateBody?: string; status?: ProgressStatus },
) {
  const registryApi = useApi(registryApiRef);
  const { stateBody, status } = filter;
  const progress = useAsyncRetry(
    () =>
      registryApi.getCampaignProgress(id, {
        stateBody,
        status,
        // The chosen body's own burn-up comes from the per-body history.
        byBody: stateBody ? true : undefined,
        limit: SYSTEMS_PAGE_SIZE,
      }),
    [registryApi, id, stateBody, status],
  );
  const [more, setMore] = useState<{
    items: CampaignSystemProgress[];
    nextCursor?: string;
    loading: boolean;
    error?: Error;
  }>({ items: [], loading: false });

  const value: CampaignProgress | undefined = progress.value;
  // A campaign not yet computed (just created, or the task has not run since
  // start-up) is asked for again until the task has computed it.
  const notComputed = Boolean(value && !value.computedAt);
  const { retry } = progress;
  useEffect(() => {
    if (!notComputed) {
      return undefined;
    }
    const timer = setInterval(retry, PENDING_RETRY_MS);
    return () => clearInterval(timer);
  }, [notComputed, retry]);
  useEffect(() => {
    setMore({
      items: [],
      nextCursor: value?.systems.nextCursor,
      loading: false,
    });
  }, [value]);

  const loadMore = useCallback(async () => {
    if (!more.nextCursor) {
      return;
    }
    setMore(m => ({ ...m, loading: true, error: undefined }));
    try {
      const page = await registryApi.getCampaignProgress(id, {
        stateBody,
        status,
        limit: SYSTEMS_PAGE_SIZE,
        cursor: more.nextCursor,
      });
      setMore(m => ({
        items: [...m.items, ...page.systems.items],
        nextCursor: page.systems.nextCursor,
        loading: false,
      }));
    } catch (error) {
      setMore(m => ({ ...m, loading: false, error: error as Error }));
    }
  }, [registryApi, id, stateBody, status, more.nextCursor]);

  return {
    progress,
    systems: [...(value?.systems.items ?? []), ...more.items],
    totalSystems: value?.systems.totalCount ?? 0,
    hasMore: !!more.nextCursor,
    loadingMore: more.loading,
    loadMoreError: more.error,
    loadMore,
  };
}
