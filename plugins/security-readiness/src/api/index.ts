export { securityReadinessApiRef } from './SecurityReadinessApi';
export type {
  ListScorecardsFilter,
  ReviewQueue,
  ScorecardAction,
  ScorecardListItem,
  ScorecardView,
  SecurityReadinessApi,
  SecurityReadinessPage,
} from './SecurityReadinessApi';
export { SecurityReadinessClient } from './SecurityReadinessClient';
