import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { SecurityReadinessClient, securityReadinessApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** A permission decision of the mock permission API. */
type Decision = Exclude<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
  undefined | ((...args: any[]) => any)
>;
// The package does not depend on permission-common for its enum; the mock
// compares the string values.
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** Where the security readiness backend answers in tests (msw handlers match it). */
export const SR_URL = 'http://localhost:7007/api/security-readiness';

/**
 * Renders an element in a test app whose security readiness client talks
 * HTTP to {@link SR_URL}, with the page mounted at `/security-readiness`
 * and entity pages mounted so links resolve. Permissions are allowed
 * unless `deny` is set.
 */
export function renderWithSecurityReadiness(
  element: JSX.Element,
  options: { deny?: boolean } = {},
) {
  const client = new SecurityReadinessClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [
      [securityReadinessApiRef, client],
      mockApis.identity({
        userEntityRef: 'user:default/officer',
        ownershipEntityRefs: ['user:default/officer'],
      }),
      mockApis.permission({
        authorize: options.deny ? DENY : ALLOW,
      }),
      catalogApiMock({ entities: [] }),
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/security-readiness': rootRouteRef,
    },
  });
}
