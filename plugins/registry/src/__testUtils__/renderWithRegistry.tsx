import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { RegistryClient, registryApiRef } from '../api';
import { rootRouteRef } from '../routes';

type TestConfig = NonNullable<Parameters<typeof renderInTestApp>[1]>['config'];

/** A permission decision of the mock permission API. */
type Decision = Exclude<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
  undefined | ((...args: any[]) => any)
>;
// The package does not depend on permission-common for its enum; the mock
// compares the string values.
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** Where the registry backend answers in tests (msw handlers match it). */
export const REGISTRY_URL = 'http://localhost:7007/api/registry';

/** The signed-in user of the tests. */
export const SECRETARY = 'user:default/gulnara.akhmetova';

/**
 * Renders an element in a test app whose registry client talks HTTP to
 * {@link REGISTRY_URL}, with the register mounted at `/registry` and
 * entity pages mounted so links resolve. Permissions are allowed unless
 * `deny` is set.
 */
export function renderWithRegistry(
  element: JSX.Element,
  options: {
    config?: TestConfig;
    /** A route pattern the element is rendered at, e.g. `/registry/*`. */
    mountPath?: string;
    /** The URL the test starts at. */
    path?: string;
    deny?: boolean;
  } = {},
) {
  const client = new RegistryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [
      [registryApiRef, client],
      mockApis.identity({
        userEntityRef: SECRETARY,
        ownershipEntityRefs: [SECRETARY],
      }),
      mockApis.permission({ authorize: options.deny ? DENY : ALLOW }),
    ],
    config: options.config,
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/registry': rootRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.path ? [options.path] : undefined,
  });
}
