import type {
  DataCategory,
  LifecycleStage,
  MoratoriumStatusKind,
} from '@qaztech/plugin-registry-common';
import { RegistryFilter } from '../../api';

/** The filters the register page offers; empty means "all". */
export type RegisterFilters = {
  owner?: string;
  platformStatus?: MoratoriumStatusKind;
  lifecycleStage?: LifecycleStage;
  critical: boolean;
  /** Only systems with unverified claims. */
  unverified?: boolean;
  dataCategory?: DataCategory;
  q: string;
};

/** No filter set: the whole register. */
export const NO_FILTERS: RegisterFilters = { critical: false, q: '' };

/** The API filter for the page's filters; an unticked toggle filters nothing. */
export function toRegistryFilter(filters: RegisterFilters): RegistryFilter {
  return {
    owner: filters.owner,
    platformStatus: filters.platformStatus,
    lifecycleStage: filters.lifecycleStage,
    critical: filters.critical ? true : undefined,
    unverified: filters.unverified ? true : undefined,
    dataCategory: filters.dataCategory,
    q: filters.q.trim() || undefined,
  };
}
