/**
 * The security readiness backend plugin: a scorecard for every state
 * information system, from facts (the entity, external tools, CI),
 * officers' attestations and waivers; evaluation on a schedule and on
 * demand; history, sign-off and the national summary.
 *
 * @packageDocumentation
 */

export { securityReadinessPlugin as default } from './plugin';
