import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { securityReadinessTranslationRef } from './ref';

export { securityReadinessTranslationRef } from './ref';

/**
 * Russian and Kazakh for the security readiness plugin. The ref already
 * loads them by default; an app adds this resource only to list it
 * explicitly.
 *
 * @public
 */
export const securityReadinessTranslations = createTranslationResource({
  ref: securityReadinessTranslationRef,
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
