export { registryApiRef } from './RegistryApi';
export type {
  ListRegistrySystemsRequest,
  ListRegistrySystemsResponse,
  RegistryApi,
  RegistryFilter,
  RegistryOwnerStats,
  RegistrySortField,
  RegistryStats,
  RegistrySystem,
  RegistrySystemDetails,
  RegistrySystemTitle,
} from './RegistryApi';
export { RegistryClient } from './RegistryClient';
