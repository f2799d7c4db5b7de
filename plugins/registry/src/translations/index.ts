import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { registryTranslationRef } from './ref';

export { registryTranslationRef } from './ref';
export { useRegistryTerms } from './useRegistryTerms';
export type { Terminology } from './useRegistryTerms';

/**
 * Russian and Kazakh for the register plugin. The ref already loads them by
 * default; an app adds this resource only to list it explicitly.
 *
 * @public
 */
export const registryTranslations = createTranslationResource({
  ref: registryTranslationRef,
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
