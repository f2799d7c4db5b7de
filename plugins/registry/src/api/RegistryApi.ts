import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Campaign,
  CampaignInput,
  CampaignList,
  CampaignProgress,
  CampaignState,
  DataCategory,
  IntegrationGraph,
  ProgressStatus,
  SimilarSystem,
  SystemCampaign,
  HostingKind,
  LifecycleStage,
  MoratoriumStatusKind,
  OwnerKind,
  RegistryRecord,
  UnverifiedClaim,
  UserLanguage,
} from '@qaztech/plugin-registry-common';

/**
 * A system's official title; Russian is always present.
 *
 * @public
 */
export type RegistrySystemTitle = {
  ru: string;
  kk?: string;
  en?: string;
};

/**
 * One row of the register, as the registry backend lists it.
 *
 * @public
 */
export type RegistrySystem = {
  /** The System entity ref, e.g. `system:default/shep`. */
  entityRef: string;
  namespace: string;
  name: string;
  title: RegistrySystemTitle;
  registryNumber?: string;
  /** The owning state body: its Group entity ref and БИН. */
  owner: { ref: string; bin?: string };
  ownerKind: OwnerKind;
  lifecycleStage: LifecycleStage;
  platformStatus: MoratoriumStatusKind;
  platformReason?: string;
  critical: boolean;
  hostingKind: HostingKind;
  hostingCountry?: string;
  dataCategories: DataCategory[];
  /**
   * Claims of the system's own record the evidence does not bear out; the
   * status is computed on the evidence.
   */
  unverifiedClaims?: UnverifiedClaim[];
  /** ISO timestamp of the last change the backend saw. */
  updatedAt: string;
};

/**
 * One system of the register with its full record.
 *
 * @public
 */
export type RegistrySystemDetails = RegistrySystem & {
  record: RegistryRecord;
};

/**
 * Filters on the register; every field left out matches all systems.
 *
 * @public
 */
export type RegistryFilter = {
  /** The owning state body's Group entity ref. */
  owner?: string;
  platformStatus?: MoratoriumStatusKind;
  lifecycleStage?: LifecycleStage;
  critical?: boolean;
  dataCategory?: DataCategory;
  hostingKind?: HostingKind;
  /** Only systems whose record claims more than the evidence shows. */
  unverified?: boolean;
  /** Free text matched against titles, registry numbers and names. */
  q?: string;
};

/**
 * The columns the register can be sorted by.
 *
 * @public
 */
export type RegistrySortField =
  | 'name'
  | 'title'
  | 'registryNumber'
  | 'lifecycleStage'
  | 'platformStatus'
  | 'updatedAt';

/**
 * A request for one page of the register.
 *
 * @public
 */
export type ListRegistrySystemsRequest = RegistryFilter & {
  sort?: RegistrySortField;
  order?: 'asc' | 'desc';
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * One page of the register.
 *
 * @public
 */
export type ListRegistrySystemsResponse = {
  items: RegistrySystem[];
  /** Present when more systems follow. */
  nextCursor?: string;
  /** How many systems match the filters, over all pages. */
  totalCount: number;
};

/**
 * The systems of one state body, counted by platform status.
 *
 * @public
 */
export type RegistryOwnerStats = {
  /** The state body's Group entity ref. */
  ref: string;
  title?: string;
  total: number;
  byPlatformStatus: Partial<Record<MoratoriumStatusKind, number>>;
};

/**
 * Counts over the whole register.
 *
 * @public
 */
export type RegistryStats = {
  total: number;
  byPlatformStatus: Partial<Record<MoratoriumStatusKind, number>>;
  byLifecycleStage: Partial<Record<LifecycleStage, number>>;
  byOwner: RegistryOwnerStats[];
};

/**
 * A system of the register, by its entity name.
 *
 * @public
 */
export type RegistrySystemRef = { namespace: string; name: string };

/**
 * What `getCampaignProgress` asks for: the whole campaign with one page of
 * its systems, narrowed to one state body or status when set.
 *
 * @public
 */
export type CampaignProgressRequest = {
  /** The state body Group entity ref whose systems to list. */
  stateBody?: string;
  status?: ProgressStatus;
  /** Also give each history point per state body. */
  byBody?: boolean;
  limit?: number;
  /** The `systems.nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * A change to a campaign, naming the version it was made against; a
 * campaign changed since answers 409.
 *
 * @public
 */
export type CampaignUpdate = CampaignInput & { version: number };

/**
 * The registry backend, as the frontend uses it.
 *
 * @public
 */
export interface RegistryApi {
  /** One page of the register, filtered and sorted. */
  listSystems(
    request?: ListRegistrySystemsRequest,
  ): Promise<ListRegistrySystemsResponse>;
  /** One system with its record, or undefined when it is not in the register. */
  getSystem(ref: RegistrySystemRef): Promise<RegistrySystemDetails | undefined>;
  /** Counts over the whole register. */
  getStats(): Promise<RegistryStats>;
  /** The systems matching the filters, as a CSV file. */
  exportCsv(filter?: RegistryFilter): Promise<Blob>;

  /** Every campaign the user may see, with its latest progress. */
  listCampaigns(): Promise<CampaignList>;
  /** One campaign; throws a 404 ResponseError when it does not exist. */
  getCampaign(id: string): Promise<Campaign>;
  /** Defines a campaign in the app; it starts as a draft. */
  createCampaign(input: CampaignInput): Promise<Campaign>;
  /** Changes a campaign defined in the app. */
  updateCampaign(id: string, update: CampaignUpdate): Promise<Campaign>;
  /** Moves a campaign on: draft → active → ended → archived. */
  setCampaignState(
    id: string,
    change: { state: CampaignState; version: number },
  ): Promise<Campaign>;
  /** A campaign's progress by body, one page of its systems, and history. */
  getCampaignProgress(
    id: string,
    request?: CampaignProgressRequest,
  ): Promise<CampaignProgress>;
  /** The late systems of a campaign with their bodies, as a CSV file. */
  exportLateCsv(id: string): Promise<Blob>;
  /** The campaigns a system is in, with where it stands in each. */
  getSystemCampaigns(ref: RegistrySystemRef): Promise<SystemCampaign[]>;
  /** Systems whose purpose overlaps this one's, the closest first. */
  getSimilarSystems(ref: RegistrySystemRef): Promise<SimilarSystem[]>;
  /** The integrations between registry systems, of one body when set. */
  getIntegrations(filter?: { stateBody?: string }): Promise<IntegrationGraph>;
  /**
   * The language the signed-in user picked for notifications (ru when never
   * picked).
   */
  getMyLanguage(): Promise<{ language: UserLanguage; picked: boolean }>;
  /** Records the language the signed-in user picked in Settings. */
  setMyLanguage(language: UserLanguage): Promise<void>;
}

/**
 * The API ref of the {@link RegistryApi}.
 *
 * @public
 */
export const registryApiRef = createApiRef<RegistryApi>().with({
  id: 'plugin.registry.api',
  pluginId: 'registry',
});
