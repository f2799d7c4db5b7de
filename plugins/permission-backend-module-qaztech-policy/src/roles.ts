import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The roles of the QazTech suite. A person holds a role through membership of
 * a catalog Group named for it in config (`qaztech.roles`).
 *
 * @public
 */
export const QAZTECH_ROLES = [
  'developer',
  'digitalHead',
  'platformArchitect',
  'secretary',
  'commissionMember',
  'securityOfficer',
  'auditor',
  'admin',
] as const;

/** @public */
export type QazTechRole = (typeof QAZTECH_ROLES)[number];

/**
 * Which groups grant which role: group entity ref to roles.
 *
 * @public
 */
export type RoleMembership = ReadonlyMap<string, readonly QazTechRole[]>;

/** The groups each role comes from when config names none. */
export const DEFAULT_ROLE_GROUPS: Record<QazTechRole, string[]> = {
  developer: ['group:default/qaztech-developers'],
  digitalHead: ['group:default/qaztech-digital-heads'],
  platformArchitect: ['group:default/qaztech-platform-architects'],
  secretary: ['group:default/qaztech-commission-secretaries'],
  commissionMember: ['group:default/qaztech-commission-members'],
  securityOfficer: ['group:default/qaztech-security-officers'],
  auditor: ['group:default/qaztech-auditors'],
  admin: ['group:default/qaztech-admins'],
};

/**
 * Reads `qaztech.roles` (role to group refs); roles it leaves out keep their
 * default groups. A misspelt role or a ref that is not a Group stops start-up.
 *
 * @public
 */
export function readRoleMembership(config: Config): RoleMembership {
  const rolesConfig = config.getOptionalConfig('qaztech.roles');
  const membership = new Map<string, QazTechRole[]>();
  const configured = new Set(rolesConfig?.keys() ?? []);

  for (const key of configured) {
    if (!(QAZTECH_ROLES as readonly string[]).includes(key)) {
      throw new InputError(
        `qaztech.roles.${key} is not a QazTech role; expected one of ${QAZTECH_ROLES.join(
          ', ',
        )}`,
      );
    }
  }

  for (const role of QAZTECH_ROLES) {
    const groups = configured.has(role)
      ? rolesConfig!.getStringArray(role)
      : DEFAULT_ROLE_GROUPS[role];
    for (const group of groups) {
      let ref: string;
      try {
        ref = stringifyEntityRef(
          parseEntityRef(group, { defaultKind: 'group' }),
        );
      } catch (e) {
        throw new InputError(`qaztech.roles.${role}: ${e}`);
      }
      if (!ref.startsWith('group:')) {
        throw new InputError(
          `qaztech.roles.${role}: "${group}" is not a Group reference`,
        );
      }
      membership.set(ref, [...(membership.get(ref) ?? []), role]);
    }
  }
  return membership;
}

/**
 * The roles a person holds, from the ownership refs of their identity (their
 * user ref and the groups they are a member of).
 *
 * @public
 */
export function rolesOf(
  ownershipEntityRefs: readonly string[],
  membership: RoleMembership,
): Set<QazTechRole> {
  const roles = new Set<QazTechRole>();
  for (const ref of ownershipEntityRefs) {
    for (const role of membership.get(ref.toLocaleLowerCase('en-US')) ?? []) {
      roles.add(role);
    }
  }
  return roles;
}
