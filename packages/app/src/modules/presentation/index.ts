import {
  ApiBlueprint,
  appLanguageApiRef,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { createQazTechEntityPresentationApi } from './QazTechEntityPresentationApi';

export { presentEntity } from './registryPresentation';
export { createQazTechEntityPresentationApi } from './QazTechEntityPresentationApi';

/**
 * Replaces the catalog's entity presentation (same extension id,
 * `api:catalog/entity-presentation`), so catalog tables, entity headers,
 * entity links and pickers name systems, state bodies and people as the
 * reader knows them.
 */
export const presentationModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [
    ApiBlueprint.make({
      name: 'entity-presentation',
      params: defineParams =>
        defineParams({
          api: entityPresentationApiRef,
          deps: { catalogApi: catalogApiRef, languageApi: appLanguageApiRef },
          factory: ({ catalogApi, languageApi }) =>
            createQazTechEntityPresentationApi({
              catalogApi,
              getLanguage: () => languageApi.getLanguage().language,
            }),
        }),
    }),
  ],
});
