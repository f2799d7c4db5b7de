import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { moratoriumTranslationRef } from './ref';

export { moratoriumTranslationRef } from './ref';

/**
 * Russian and Kazakh for the moratorium plugin. The ref already loads them
 * by default; an app adds this resource only to list it explicitly.
 *
 * @public
 */
export const moratoriumTranslations = createTranslationResource({
  ref: moratoriumTranslationRef,
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
