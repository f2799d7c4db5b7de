import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { RegistryClient, registryApiRef } from '../api';

type TestConfig = NonNullable<Parameters<typeof renderInTestApp>[1]>['config'];

/** Where the registry backend answers in tests (msw handlers match it). */
export const REGISTRY_URL = 'http://localhost:7007/api/registry';

/**
 * Renders an element in a test app whose registry client talks HTTP to
 * {@link REGISTRY_URL}, with entity pages mounted so links resolve.
 */
export function renderWithRegistry(
  element: JSX.Element,
  options: { config?: TestConfig } = {},
) {
  const client = new RegistryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [[registryApiRef, client]],
    config: options.config,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
