import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import type {
  CatalogApi,
  EntityPresentationApi,
} from '@backstage/plugin-catalog-react';
import {
  presentEntity,
  REGISTRY_PRESENTATION_FIELDS,
} from './registryPresentation';

/**
 * A catalog client that also asks for the register's titles when the
 * presentation API loads entities by ref (Backstage's loader names a fixed
 * list of fields).
 */
function withRegistryFields(catalogApi: CatalogApi): CatalogApi {
  return new Proxy(catalogApi, {
    get(target, property) {
      if (property === 'getEntitiesByRefs') {
        const getEntitiesByRefs: CatalogApi['getEntitiesByRefs'] = (
          request,
          options,
        ) =>
          target.getEntitiesByRefs(
            {
              ...request,
              fields: request.fields
                ? [...request.fields, ...REGISTRY_PRESENTATION_FIELDS]
                : undefined,
            },
            options,
          );
        return getEntitiesByRefs;
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Creates the app's entity presentation: register systems by their title in
 * the app's current language, groups and people by their display names, the
 * entity ref as secondary text. Backstage's batching and cache are kept.
 */
export function createQazTechEntityPresentationApi(options: {
  catalogApi: CatalogApi;
  getLanguage: () => string;
}): EntityPresentationApi {
  return DefaultEntityPresentationApi.create({
    catalogApi: withRegistryFields(options.catalogApi),
    renderer: {
      async: true,
      render: ({ entityRef, entity, context }) => ({
        snapshot: presentEntity(
          entity ?? entityRef,
          options.getLanguage(),
          context,
        ),
      }),
    },
  });
}
