export { moratoriumApiRef } from './MoratoriumApi';
export type {
  DecisionListItem,
  ListDecisionsFilter,
  ListRequestsFilter,
  MoratoriumApi,
  MutationOptions,
  SittingWithRequests,
} from './MoratoriumApi';
export { MoratoriumClient } from './MoratoriumClient';
