import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ListRegistrySystemsRequest,
  RegistrySystem,
  registryApiRef,
} from '../../api';

/** How many systems one page of the table asks for. */
export const PAGE_SIZE = 25;

type RegisterSystemsState = {
  loading: boolean;
  error?: Error;
  items: RegistrySystem[];
  totalCount: number;
  nextCursor?: string;
  loadingMore: boolean;
  loadMoreError?: Error;
};

const INITIAL: RegisterSystemsState = {
  loading: true,
  items: [],
  totalCount: 0,
  loadingMore: false,
};

/**
 * The systems matching a request, first page on every change of the request,
 * further pages appended by `loadMore` through the backend's keyset cursor.
 */
export function useRegisterSystems(request: ListRegistrySystemsRequest) {
  const registryApi = useApi(registryApiRef);
  const [state, setState] = useState<RegisterSystemsState>(INITIAL);
  const key = JSON.stringify(request);
  // A response to an older request must not overwrite a newer one.
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setState(INITIAL);
    registryApi.listSystems({ ...JSON.parse(key), limit: PAGE_SIZE }).then(
      page => {
        if (current === generation.current) {
          setState({
            loading: false,
            items: page.items,
            totalCount: page.totalCount,
            nextCursor: page.nextCursor,
            loadingMore: false,
          });
        }
      },
      error => {
        if (current === generation.current) {
          setState({ ...INITIAL, loading: false, error });
        }
      },
    );
  }, [registryApi, key]);

  const loadMore = useCallback(async () => {
    const current = generation.current;
    const cursor = state.nextCursor;
    if (!cursor) {
      return;
    }
    setState(s => ({ ...s, loadingMore: true, loadMoreError: undefined }));
    try {
      const page = await registryApi.listSystems({
        ...JSON.parse(key),
        limit: PAGE_SIZE,
        cursor,
      });
      if (current === generation.current) {
        setState(s => ({
          ...s,
          items: [...s.items, ...page.items],
          totalCount: page.totalCount,
          nextCursor: page.nextCursor,
          loadingMore: false,
        }));
      }
    } catch (error) {
      if (current === generation.current) {
        setState(s => ({
          ...s,
          loadingMore: false,
          loadMoreError: error as Error,
        }));
      }
    }
  }, [registryApi, key, state.nextCursor]);

  return { ...state, loadMore };
}
