import type { Page } from '@qaztech/plugin-moratorium-common';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A keyset-paged list: the first page whenever `key` changes, more on
 * demand with the cursor the backend returned.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  key: string,
) {
  const [state, setState] = useState<{
    items: T[];
    totalCount: number;
    nextCursor?: string;
    loading: boolean;
    loadingMore: boolean;
    error?: Error;
  }>({ items: [], totalCount: 0, loading: true, loadingMore: false });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setState(s => ({ ...s, loading: true, error: undefined }));
    fetchRef.current().then(
      page => {
        if (current === generation.current) {
          setState({
            items: page.items,
            totalCount: page.totalCount,
            nextCursor: page.nextCursor,
            loading: false,
            loadingMore: false,
          });
        }
      },
      error => {
        if (current === generation.current) {
          setState({
            items: [],
            totalCount: 0,
            loading: false,
            loadingMore: false,
            error,
          });
        }
      },
    );
  }, [key]);

  const cursorRef = useRef<string | undefined>(undefined);
  cursorRef.current = state.nextCursor;

  const loadMore = useCallback(() => {
    const current = generation.current;
    setState(s => ({ ...s, loadingMore: true }));
    fetchRef.current(cursorRef.current).then(
      page => {
        if (current === generation.current) {
          setState(prev => ({
            ...prev,
            items: [...prev.items, ...page.items],
            totalCount: page.totalCount,
            nextCursor: page.nextCursor,
            loadingMore: false,
          }));
        }
      },
      error => {
        if (current === generation.current) {
          setState(prev => ({ ...prev, loadingMore: false, error }));
        }
      },
    );
  }, []);

  return { ...state, loadMore };
}
