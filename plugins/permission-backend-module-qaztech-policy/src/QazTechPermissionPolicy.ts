import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  BACKSTAGE_PERMISSIONS,
  BackstagePermissionRule,
} from './backstagePermissions';
import {
  ConditionalGrant,
  GrantSubject,
  PermissionGrant,
  ROLE_GRANTS,
  SERVICE_GRANTS,
  grantCovers,
  isConditionalGrant,
  isSuitePermission,
} from './grants';
import { OwnershipResolver, TokenOwnershipResolver } from './membership';
import { QazTechRole, RoleMembership, rolesOf } from './roles';
import { SUITE_PERMISSIONS } from './suitePermissions';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Options of {@link QazTechPermissionPolicy}.
 *
 * @public
 */
export interface QazTechPermissionPolicyOptions {
  /** Which groups grant which role. */
  membership: RoleMembership;
  /**
   * Where a person's groups come from. The backend module passes a
   * {@link CatalogOwnershipResolver} (the catalog, cached at most 5 minutes).
   */
  ownership?: OwnershipResolver;
  /**
   * Without `ownership`: take the groups from the token's claims as they were
   * at sign-in. For unit tests only.
   */
  userInfo?: UserInfoService;
  /** Overrides {@link ROLE_GRANTS}; for tests and forks. */
  grants?: Record<QazTechRole, readonly PermissionGrant[]>;
}

/** Whether a request names a permission as its owner defines it. */
function sameDefinition(known: Permission, asked: Permission): boolean {
  return (
    known.type === asked.type &&
    known.attributes.action === asked.attributes.action &&
    (isResourcePermission(known) ? known.resourceType : undefined) ===
      (isResourcePermission(asked) ? asked.resourceType : undefined)
  );
}

/**
 * The role policy of the QazTech suite. It denies every permission it does
 * not know:
 *
 * - The suite's permissions are the ones the suite's `-common` packages
 *   export ({@link SUITE_PERMISSIONS}); each is denied unless one of the
 *   person's roles grants it ({@link ROLE_GRANTS}), possibly only for some
 *   resources (a conditional decision).
 * - Backstage's own are listed in {@link BACKSTAGE_PERMISSIONS} with who may
 *   use them; scaffolder tasks are read and cancelled by whoever started
 *   them (the scaffolder's `isTaskOwner` rule) and by admins.
 * - Any other name, or a known name asked with other attributes than its
 *   owner gave it, is denied, to people and to callers without a user alike.
 * - Without a user, only {@link SERVICE_GRANTS} is allowed.
 *
 * A person's roles come from the groups the catalog says they are a member
 * of now (at most 5 minutes old), not from the claims their token got at
 * sign-in.
 *
 * Not everything reaches this policy. Backstage's permissions service
 * allows calls made with another backend plugin's service token without
 * asking the policy (plugins of one backend trust each other), and limits
 * external tokens by their `accessRestrictions` in config: production
 * restricts the CI token to `security-readiness.fact.create`. The
 * authorization matrix test (packages/backend/src/authz) records both.
 *
 * @public
 */
export class QazTechPermissionPolicy implements PermissionPolicy {
  readonly #ownership: OwnershipResolver;
  readonly #membership: RoleMembership;
  readonly #grants: Record<QazTechRole, readonly PermissionGrant[]>;
  readonly #known = new Map<string, Permission>();
  readonly #backstageRules = new Map<string, BackstagePermissionRule>();

  constructor(options: QazTechPermissionPolicyOptions) {
    if (options.ownership) {
      this.#ownership = options.ownership;
    } else if (options.userInfo) {
      this.#ownership = new TokenOwnershipResolver(options.userInfo);
    } else {
      throw new Error('QazTechPermissionPolicy needs ownership or userInfo');
    }
    this.#membership = options.membership;
    this.#grants = options.grants ?? ROLE_GRANTS;
    for (const permission of SUITE_PERMISSIONS) {
      this.#known.set(permission.name, permission);
    }
    for (const { permission, rule } of BACKSTAGE_PERMISSIONS) {
      this.#known.set(permission.name, permission);
      this.#backstageRules.set(permission.name, rule);
    }
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const asked = request.permission;
    const permission = this.#known.get(asked.name);
    if (!permission || !sameDefinition(permission, asked)) {
      return DENY;
    }

    if (!user) {
      // Callers without a user: only the few listed.
      return SERVICE_GRANTS.some(grant => grantCovers(grant, permission))
        ? ALLOW
        : DENY;
    }

    const ownershipEntityRefs = await this.#ownership.ownershipOf(user);
    const roles = rolesOf(ownershipEntityRefs, this.#membership);
    const subject: GrantSubject = {
      userEntityRef: user.info.userEntityRef,
      ownershipEntityRefs,
      roles,
    };

    if (isSuitePermission(permission)) {
      return this.#decide(subject, permission);
    }
    return this.#decideBackstage(
      subject,
      permission,
      this.#backstageRules.get(permission.name)!,
    );
  }

  #decideBackstage(
    subject: GrantSubject,
    permission: Permission,
    rule: BackstagePermissionRule,
  ): PolicyDecision {
    const { roles } = subject;
    switch (rule) {
      case 'signed-in':
        return ALLOW;
      case 'any-role':
        return roles.size > 0 ? ALLOW : DENY;
      case 'actor':
        return [...roles].some(role => role !== 'auditor') ? ALLOW : DENY;
      case 'admin':
        return roles.has('admin') ? ALLOW : DENY;
      case 'task-owner':
        if (roles.has('admin')) {
          return ALLOW;
        }
        if (!isResourcePermission(permission, 'scaffolder-task')) {
          return DENY;
        }
        return createScaffolderTaskConditionalDecision(
          permission,
          scaffolderTaskConditions.isTaskOwner({
            createdBy: [subject.userEntityRef],
          }),
        );
      default:
        return DENY;
    }
  }

  /**
   * An unconditional grant of any role allows; otherwise the conditional
   * grants that cover the permission are joined with anyOf into one
   * conditional decision; otherwise deny.
   */
  #decide(subject: GrantSubject, permission: Permission): PolicyDecision {
    const conditional: ConditionalGrant[] = [];
    for (const role of subject.roles) {
      for (const grant of this.#grants[role]) {
        if (!grantCovers(grant, permission)) {
          continue;
        }
        if (!isConditionalGrant(grant)) {
          return ALLOW;
        }
        conditional.push(grant);
      }
    }
    if (conditional.length === 0) {
      return DENY;
    }
    const [first, ...rest] = conditional.map(grant =>
      grant.conditions(subject),
    );
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: conditional[0].pluginId,
      resourceType: conditional[0].resourceType,
      conditions: rest.length === 0 ? first : { anyOf: [first, ...rest] },
    };
  }
}
