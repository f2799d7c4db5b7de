/**
 * The moratorium in the app: the exemption request wizard, my requests, the
 * secretary's intake queue, the commission's sittings with voting, the
 * decision page with conditions, the register of decisions, and the
 * "Exemption" tab on System pages.
 *
 * @packageDocumentation
 */

export {
  moratoriumPlugin,
  MoratoriumPage,
  EntityExemptionContent,
} from './plugin';
export { legacyRootRouteRef as moratoriumRouteRef } from './routes';
export * from './api';
export {
  moratoriumTranslationRef,
  moratoriumTranslations,
} from './translations';
