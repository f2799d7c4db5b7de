import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ENTITY_TAB_PATH } from '../../routes';

function useEntityRoute() {
  // Outside an app that mounts the catalog the route cannot be resolved;
  // the catalog's default path stands in.
  try {
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/** Links to the scorecard tab of a System's catalog page. */
export function useSecurityReadinessLinks() {
  const entityRoute = useEntityRoute();
  return {
    scorecard: (systemRef: string): string => {
      const ref = parseEntityRef(systemRef, { defaultKind: 'system' });
      const entityPath = entityRoute
        ? entityRoute(entityRouteParams(ref))
        : `/catalog/${ref.namespace}/${ref.kind.toLocaleLowerCase('en-US')}/${
            ref.name
          }`;
      return `${entityPath.replace(/\/$/, '')}/${ENTITY_TAB_PATH}`;
    },
  };
}
