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
} from '@backstage/plugin-permission-common';

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
  };
}
