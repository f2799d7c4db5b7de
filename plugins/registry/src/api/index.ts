export { registryApiRef } from './RegistryApi';
export type {
  CampaignProgressRequest,
  CampaignUpdate,
  ListRegistrySystemsRequest,
  ListRegistrySystemsResponse,
  RegistryApi,
  RegistryFilter,
  RegistryOwnerStats,
  RegistrySortField,
  RegistryStats,
  RegistrySystem,
  RegistrySystemDetails,
  RegistrySystemRef,
  RegistrySystemTitle,
} from './RegistryApi';
export { RegistryClient } from './RegistryClient';
