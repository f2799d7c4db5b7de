/**
 * Security readiness in the app: the scorecard tab on the pages of state
 * information systems (checks by area, what to do, evidence and expiry,
 * attestations, waivers, sign-off, history), the security officers' review
 * queue and the national dashboard.
 *
 * @packageDocumentation
 */

export {
  securityReadinessPlugin,
  SecurityReadinessPage,
  EntitySecurityReadinessContent,
} from './plugin';
export { legacyRootRouteRef as securityReadinessRouteRef } from './routes';
export * from './api';
export {
  securityReadinessTranslationRef,
  securityReadinessTranslations,
} from './translations';
