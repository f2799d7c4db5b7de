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
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { RequestQuery, StoredRequest } from '../database/MoratoriumStore';
import { moratoriumRequestRules } from '../permissions/rules';

/**
 * What the caller may read of a resource permission: everything, nothing,
 * or the resources the conditions match (as a store filter for lists, and
 * as a test for one request).
 */
export type ResourceAccess =
  | { result: 'allow' }
  | { result: 'deny' }
  | {
      result: 'conditional';
      filter: PermissionCriteria<RequestQuery>;
      allows(request: StoredRequest): boolean;
    };

const transformConditions = createConditionTransformer<
  RequestQuery,
  typeof moratoriumRequestRules
>(moratoriumRequestRules);
const authorizeConditions = createConditionAuthorizer(moratoriumRequestRules);

async function authorizeConditionalOrUnavailable(
  permissions: PermissionsService,
  ...args: Parameters<PermissionsService['authorizeConditional']>
): ReturnType<PermissionsService['authorizeConditional']> {
  try {
    return await permissions.authorizeConditional(...args);
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
 * The one place the moratorium backend asks the permission framework.
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
   * The caller's access to `moratorium-request` resources under a resource
   * permission, with conditions turned into a store filter.
   */
  requestAccess(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'moratorium-request'>,
  ): Promise<ResourceAccess>;
}

/** Creates the {@link Authorizer} of the plugin. */
export function createAuthorizer(options: {
  permissions: PermissionsService;
}): Authorizer {
  const { permissions } = options;
  return {
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
    async requestAccess(credentials, permission) {
      const [decision] = await authorizeConditionalOrUnavailable(
        permissions,
        [{ permission }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) {
        return { result: 'allow' };
      }
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        return { result: 'deny' };
      }
      return {
        result: 'conditional',
        filter: transformConditions(decision.conditions),
        allows: request => authorizeConditions(decision, request),
      };
    },
  };
}
