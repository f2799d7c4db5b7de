import { usePermission } from '@backstage/plugin-permission-react';
import {
  registryCampaignCreatePermission,
  registryCampaignUpdatePermission,
} from '@qaztech/plugin-registry-common';

/**
 * Whether the user may define campaigns and change them. The backend
 * decides again on every write; this only hides what would be refused.
 */
export function useCampaignPermissions() {
  const create = usePermission({
    permission: registryCampaignCreatePermission,
  });
  const update = usePermission({
    permission: registryCampaignUpdatePermission,
  });
  return { mayCreate: create.allowed, mayUpdate: update.allowed };
}
