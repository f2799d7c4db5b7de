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
export { QAZTECH_ROLES, readRoleMembership, rolesOf } from './roles';
export type { QazTechRole, RoleMembership } from './roles';
