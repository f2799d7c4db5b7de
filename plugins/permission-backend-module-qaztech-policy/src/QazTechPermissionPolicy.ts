import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
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
import { QazTechRole, RoleMembership, rolesOf } from './roles';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Backstage's own permissions that remove things from the catalog: only an
 * admin may use them.
 */
const ADMIN_ONLY_PERMISSIONS = new Set([
  'catalog.entity.delete',
  'catalog.location.delete',
]);

/**
 * Options of {@link QazTechPermissionPolicy}.
 *
 * @public
 */
export interface QazTechPermissionPolicyOptions {
  userInfo: UserInfoService;
  membership: RoleMembership;
  /** Overrides {@link ROLE_GRANTS}; for tests and forks. */
  grants?: Record<QazTechRole, readonly PermissionGrant[]>;
}

/**
 * The role policy of the QazTech suite.
 *
 * - The suite's permissions (`registry.*`, `moratorium.*`,
 *   `security-readiness.*`) are denied unless one of the person's roles grants
 *   them.
 * - Backstage's own permissions: reads are allowed to everyone signed in;
 *   deleting catalog entities and locations is for admins; other changes
 *   (registering a location, running a template, refreshing an entity) are
 *   for anyone holding a role other than auditor.
 * - Without a user (a service principal), the suite allows reads and the
 *   writes of {@link SERVICE_GRANTS} (CI pushing facts); other writes need
 *   a person.
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
  readonly #userInfo: UserInfoService;
  readonly #membership: RoleMembership;
  readonly #grants: Record<QazTechRole, readonly PermissionGrant[]>;

  constructor(options: QazTechPermissionPolicyOptions) {
    this.#userInfo = options.userInfo;
    this.#membership = options.membership;
    this.#grants = options.grants ?? ROLE_GRANTS;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const isRead = permission.attributes.action === 'read';

    if (!user) {
      // Service principals: other plugins and external callers with static
      // tokens may read; a write in this suite needs a person, except the
      // few a pipeline makes (pushing facts).
      if (isRead || !isSuitePermission(permission)) {
        return ALLOW;
      }
      return SERVICE_GRANTS.some(grant => grantCovers(grant, permission))
        ? ALLOW
        : DENY;
    }

    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const roles = rolesOf(ownershipEntityRefs, this.#membership);

    if (isSuitePermission(permission)) {
      return this.#decide(
        {
          userEntityRef: user.info.userEntityRef,
          ownershipEntityRefs: ownershipEntityRefs.map(ref =>
            ref.toLocaleLowerCase('en-US'),
          ),
          roles,
        },
        permission,
      );
    }
    if (isRead) {
      return ALLOW;
    }
    if (ADMIN_ONLY_PERMISSIONS.has(permission.name)) {
      return roles.has('admin') ? ALLOW : DENY;
    }
    const actsBeyondReading = [...roles].some(role => role !== 'auditor');
    return actsBeyondReading ? ALLOW : DENY;
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
