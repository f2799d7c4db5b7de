import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';

/** Where the moratorium page is mounted when the app does not say. */
const DEFAULT_ROOT = '/moratorium';

function useRootPath(): string {
  // Outside an app on the new frontend system the route cannot be resolved;
  // the plugin's default path stands in.
  try {
    return useRouteRef(rootRouteRef)?.() ?? DEFAULT_ROOT;
  } catch {
    return DEFAULT_ROOT;
  }
}

/** Links to the moratorium pages, wherever the app mounted them. */
export function useMoratoriumLinks() {
  const root = useRootPath().replace(/\/$/, '');
  return {
    root: root || '/',
    tab: (tab: string) => `${root}/?tab=${encodeURIComponent(tab)}`,
    newRequest: (systemRef?: string) =>
      `${root}/new${
        systemRef ? `?system=${encodeURIComponent(systemRef)}` : ''
      }`,
    request: (id: string) => `${root}/requests/${encodeURIComponent(id)}`,
    editRequest: (id: string) =>
      `${root}/requests/${encodeURIComponent(id)}/edit`,
    sitting: (id: string) => `${root}/sittings/${encodeURIComponent(id)}`,
  };
}
