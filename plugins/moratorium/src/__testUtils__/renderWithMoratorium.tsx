import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { MoratoriumClient, moratoriumApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** Where the moratorium backend answers in tests (msw handlers match it). */
export const MORATORIUM_URL = 'http://localhost:7007/api/moratorium';

/** The signed-in user of the tests unless one says otherwise. */
export const APPLICANT = {
  userEntityRef: 'user:default/aigerim',
  ownershipEntityRefs: ['user:default/aigerim', 'group:default/minfin'],
};

/**
 * Renders an element in a test app whose moratorium client talks HTTP to
 * {@link MORATORIUM_URL}, with the moratorium page mounted at `/moratorium`
 * and entity pages mounted so links resolve.
 */
export function renderWithMoratorium(
  element: JSX.Element,
  options: {
    /** A route pattern the element is rendered at, e.g. `/moratorium/requests/:id`. */
    mountPath?: string;
    /** The URL the test starts at. */
    path?: string;
    identity?: { userEntityRef: string; ownershipEntityRefs: string[] };
    catalogEntities?: Entity[];
  } = {},
) {
  const client = new MoratoriumClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [
      [moratoriumApiRef, client],
      mockApis.identity(options.identity ?? APPLICANT),
      // Allows everything: what a user may do comes from allowedActions.
      mockApis.permission(),
      catalogApiMock({ entities: options.catalogEntities ?? [] }),
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/moratorium': rootRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.path ? [options.path] : undefined,
  });
}
