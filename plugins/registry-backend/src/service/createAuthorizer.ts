import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

// The enum's runtime value; the permission package is only a type dependency here.
const ALLOW = 'ALLOW' as AuthorizeResult.ALLOW;

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
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  };
}
