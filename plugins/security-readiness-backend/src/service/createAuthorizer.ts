import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  isError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import { SecurityReadinessSystemResource } from '@qaztech/plugin-security-readiness-common';
import { SystemQuery } from '../permissions/resource';

/**
 * Which systems' records a caller may read with a resource permission:
 * all, none, or those a filter selects (the policy's conditions, as a
 * store filter and as a test of one system).
 */
export type SystemAccess =
  | { result: 'all' }
  | { result: 'none' }
  | {
      result: 'some';
      filter: PermissionCriteria<SystemQuery>;
      allows(resource: SecurityReadinessSystemResource): boolean;
    };

/** Whether a {@link SystemAccess} lets the caller read one system's record. */
export function accessAllows(
  access: SystemAccess,
  resource: SecurityReadinessSystemResource,
): boolean {
  if (access.result === 'some') {
    return access.allows(resource);
  }
  return access.result === 'all';
}

/**
 * Asks the permission framework; when it cannot answer (the permission
 * backend is down or unreachable) the request is refused with a 503 that
 * names no internal address, and nothing is done.
 */
async function authorizeOrUnavailable(
  permissions: PermissionsService,
  ...args: Parameters<PermissionsService['authorize']>
): ReturnType<PermissionsService['authorize']> {
  try {
    return await permissions.authorize(...args);
  } catch (error) {
    if (isError(error) && error.name === 'NotAllowedError') {
      throw error;
    }
    throw new ServiceUnavailableError(
      'The permission service could not be reached, so nothing was done; try again later',
    );
  }
}

/**
 * The one place the security readiness backend asks the permission framework.
 * `check` throws NotAllowedError naming the permission; `allowed` answers
 * many at once (for the actions a caller may take).
 */
export interface Authorizer {
  check(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void>;
  allowed(
    credentials: BackstageCredentials,
    permissions: BasicPermission[],
  ): Promise<Set<string>>;
  /**
   * Which systems a resource permission lets the caller act on; a
   * conditional decision is applied here with the plugin's own rules.
   */
  systems(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
  ): Promise<SystemAccess>;
}

/** Creates the {@link Authorizer} of the plugin. */
export function createAuthorizer(options: {
  permissions: PermissionsService;
  /** The plugin's rules, from the permissions registry. */
  ruleset: PermissionRuleset<SecurityReadinessSystemResource, SystemQuery>;
}): Authorizer {
  const { permissions, ruleset } = options;
  const transform = createConditionTransformer(ruleset);
  const authorize = createConditionAuthorizer(ruleset);
  return {
    async systems(credentials, permission) {
      let decision: PolicyDecision;
      try {
        [decision] = await permissions.authorizeConditional([{ permission }], {
          credentials,
        });
      } catch (error) {
        if (isError(error) && error.name === 'NotAllowedError') {
          throw error;
        }
        throw new ServiceUnavailableError(
          'The permission service could not be reached, so nothing was done; try again later',
        );
      }
      if (decision.result === AuthorizeResult.ALLOW) {
        return { result: 'all' };
      }
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        return { result: 'none' };
      }
      const conditional = decision;
      return {
        result: 'some',
        filter: transform(conditional.conditions),
        allows: resource => authorize(conditional, resource),
      };
    },
    async check(credentials, permission) {
      const [decision] = await authorizeOrUnavailable(
        permissions,
        [{ permission }],
        {
          credentials,
        },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(`Not allowed: ${permission.name}`);
      }
    },
    async allowed(credentials, list) {
      const unique = [...new Map(list.map(p => [p.name, p])).values()];
      if (unique.length === 0) {
        return new Set();
      }
      const decisions = await authorizeOrUnavailable(
        permissions,
        unique.map(permission => ({ permission })),
        { credentials },
      );
      return new Set(
        unique
          .filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW)
          .map(p => p.name),
      );
    },
  };
}
