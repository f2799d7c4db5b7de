import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the register: the list of state information systems, their records
 * and moratorium status.
 *
 * @public
 */
export const registrySystemReadPermission = createPermission({
  name: 'registry.system.read',
  attributes: { action: 'read' },
});

/**
 * Download the register as a CSV or JSON export.
 *
 * @public
 */
export const registryExportPermission = createPermission({
  name: 'registry.export.read',
  attributes: { action: 'read' },
});

/**
 * See campaigns (national deadlines, such as the migration wave) and their
 * progress.
 *
 * @public
 */
export const registryCampaignReadPermission = createPermission({
  name: 'registry.campaign.read',
  attributes: { action: 'read' },
});

/** Start a campaign. @public */
export const registryCampaignCreatePermission = createPermission({
  name: 'registry.campaign.create',
  attributes: { action: 'create' },
});

/** Change a campaign's deadline, scope or description. @public */
export const registryCampaignUpdatePermission = createPermission({
  name: 'registry.campaign.update',
  attributes: { action: 'update' },
});

/** Delete a campaign. @public */
export const registryCampaignDeletePermission = createPermission({
  name: 'registry.campaign.delete',
  attributes: { action: 'delete' },
});

/**
 * Every permission of the registry plugin, for the permission integration
 * router.
 *
 * @public
 */
export const registryPermissions = [
  registrySystemReadPermission,
  registryExportPermission,
  registryCampaignReadPermission,
  registryCampaignCreatePermission,
  registryCampaignUpdatePermission,
  registryCampaignDeletePermission,
];
