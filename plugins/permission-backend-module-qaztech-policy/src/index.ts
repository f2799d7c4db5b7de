/**
 * The QazTech role policy for the Backstage permission framework.
 *
 * @packageDocumentation
 */

export { permissionModuleQazTechPolicy as default } from './module';
export { QazTechPermissionPolicy } from './QazTechPermissionPolicy';
export type { QazTechPermissionPolicyOptions } from './QazTechPermissionPolicy';
export {
  ROLE_GRANTS,
  SERVICE_GRANTS,
  SUITE_PERMISSION_PREFIXES,
  grantCovers,
  isConditionalGrant,
  isSuitePermission,
} from './grants';
export type { ConditionalGrant, GrantSubject, PermissionGrant } from './grants';
export { BACKSTAGE_PERMISSIONS } from './backstagePermissions';
export type {
  BackstagePermissionEntry,
  BackstagePermissionRule,
} from './backstagePermissions';
export { SUITE_PERMISSIONS } from './suitePermissions';
export {
  CatalogOwnershipResolver,
  MAX_MEMBERSHIP_TTL_MS,
  MEMBERSHIP_TTL_KEY,
  TokenOwnershipResolver,
  catalogGroupLookup,
  readMembershipTtlMs,
} from './membership';
export type { GroupLookup, OwnershipResolver } from './membership';
export { QAZTECH_ROLES, readRoleMembership, rolesOf } from './roles';
export type { QazTechRole, RoleMembership } from './roles';
