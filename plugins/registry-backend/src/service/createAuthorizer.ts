import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  isError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

// The enum's runtime value; the permission package is only a type dependency here.
const ALLOW = 'ALLOW' as AuthorizeResult.ALLOW;

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
 * Checks that the caller of a request (a user or a service) holds a basic
 * permission; throws NotAllowedError otherwise. The one place the router
 * asks the permission framework.
 */
export type Authorizer = (
  // Any request: the typed OpenAPI router narrows params, query and body.
  req: Request<any, any, any, any>,
  permission: BasicPermission,
) => Promise<BackstageCredentials>;

/** Creates the {@link Authorizer} of the router. */
export function createAuthorizer(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Authorizer {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await authorizeOrUnavailable(
      permissions,
      [{ permission }],
      {
        credentials,
      },
    );
    if (decision.result !== ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  };
}
