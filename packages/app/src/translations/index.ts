import {
  createFrontendModule,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { qaztechAppTranslationRef } from './ref';
import backstageResources from './resources';
import { appLocaleElement } from './appLocale';
import { muiLocaleWrapper } from './muiLocale';

export { qaztechAppTranslationRef } from './ref';

/** Russian and Kazakh for the app's own texts. */
export const qaztechAppTranslations = createTranslationResource({
  ref: qaztechAppTranslationRef,
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});

/**
 * Russian and Kazakh for Backstage's own plugins (core components, catalog,
 * scaffolder, search, notifications, …): the JSON files in
 * packages/app/translations, wired by `yarn translations:import` into
 * ./resources.ts. See docs/translations.md.
 */
export const backstageTranslations = backstageResources;

export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'qaztech-app',
      params: { resource: qaztechAppTranslations },
    }),
    ...backstageResources.map(resource =>
      TranslationBlueprint.make({
        name: `backstage-${resource.id}`,
        params: { resource },
      }),
    ),
    appLocaleElement,
    muiLocaleWrapper,
  ],
});
