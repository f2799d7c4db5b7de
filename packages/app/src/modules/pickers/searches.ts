import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { RegistryApi } from '@qaztech/plugin-registry';
import { titleInLanguage } from '@qaztech/plugin-registry-common';
import { PICKER_PAGE_SIZE, PickerOption } from './PagedEntityPicker';

/**
 * Searches the register's paged list for systems whose title, registry
 * number or name matches, first page only, titles in `language`.
 */
export async function searchRegistrySystems(
  registryApi: Pick<RegistryApi, 'listSystems'>,
  query: string,
  language: string,
  options?: { owner?: string },
): Promise<PickerOption[]> {
  const page = await registryApi.listSystems({
    q: query || undefined,
    owner: options?.owner || undefined,
    sort: 'title',
    order: 'asc',
    limit: PICKER_PAGE_SIZE,
  });
  return page.items.map(system => ({
    entityRef: system.entityRef,
    title: titleInLanguage(system.title, language) ?? system.name,
    detail: [system.registryNumber, system.name].filter(Boolean).join(' · '),
  }));
}

/**
 * Searches the catalog's paged query for state bodies whose name, title or
 * display name matches, first page only.
 */
export async function searchStateBodies(
  catalogApi: Pick<CatalogApi, 'queryEntities'>,
  query: string,
): Promise<PickerOption[]> {
  const response = await catalogApi.queryEntities({
    filter: { kind: 'Group', 'spec.type': 'state-body' },
    fullTextFilter: query
      ? {
          term: query,
          fields: [
            'metadata.name',
            'metadata.title',
            'spec.profile.displayName',
          ],
        }
      : undefined,
    orderFields: { field: 'metadata.title', order: 'asc' },
    fields: [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'spec.profile.displayName',
    ],
    limit: PICKER_PAGE_SIZE,
  });
  return response.items.map(entity => {
    const namespace = entity.metadata.namespace ?? 'default';
    const displayName = (entity.spec as { profile?: { displayName?: string } })
      ?.profile?.displayName;
    const title = displayName || entity.metadata.title || entity.metadata.name;
    return {
      entityRef: `group:${namespace}/${entity.metadata.name}`,
      title,
      detail: [
        entity.metadata.title !== title ? entity.metadata.title : undefined,
        entity.metadata.name,
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
}
