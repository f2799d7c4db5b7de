import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { HeaderNavTab } from '@backstage/ui';
import { rootRouteRef } from '../routes';
import { registryTranslationRef } from '../translations';

/** Where the register page is mounted when the app does not say. */
const DEFAULT_ROOT = '/registry';

function useRootPath(): string {
  // Outside an app on the new frontend system the route cannot be resolved;
  // the plugin's default path stands in.
  try {
    return useRouteRef(rootRouteRef)?.() ?? DEFAULT_ROOT;
  } catch {
    return DEFAULT_ROOT;
  }
}

/** Links to the register's pages, wherever the app mounted them. */
export function useRegistryLinks() {
  const root = useRootPath().replace(/\/$/, '');
  return {
    root: root || '/',
    campaigns: `${root}/campaigns`,
    campaign: (id: string, params?: { body?: string; status?: string }) => {
      const query = new URLSearchParams();
      if (params?.body) {
        query.set('body', params.body);
      }
      if (params?.status) {
        query.set('status', params.status);
      }
      const search = query.toString();
      return `${root}/campaigns/${encodeURIComponent(id)}${
        search ? `?${search}` : ''
      }`;
    },
    integrations: (stateBody?: string) =>
      `${root}/integrations${
        stateBody ? `?body=${encodeURIComponent(stateBody)}` : ''
      }`,
  };
}

/** The sections of the register page. */
export type RegistrySection = 'register' | 'campaigns' | 'integrations';

/** The header tabs between the register, its campaigns and integrations. */
export function useRegistryTabs(): HeaderNavTab[] {
  const { t } = useTranslationRef(registryTranslationRef);
  const links = useRegistryLinks();
  return [
    { id: 'register', label: t('tabs.register'), href: links.root },
    { id: 'campaigns', label: t('tabs.campaigns'), href: links.campaigns },
    {
      id: 'integrations',
      label: t('tabs.integrations'),
      href: links.integrations(),
    },
  ];
}
