import {
  createFrontendModule,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { qaztechAppTranslationRef } from './ref';

export { qaztechAppTranslationRef } from './ref';

/** Russian and Kazakh for the app's own texts. */
export const qaztechAppTranslations = createTranslationResource({
  ref: qaztechAppTranslationRef,
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});

export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'qaztech-app',
      params: { resource: qaztechAppTranslations },
    }),
  ],
});
