export { EntitySecurityReadinessContent } from './EntitySecurityReadinessContent';
