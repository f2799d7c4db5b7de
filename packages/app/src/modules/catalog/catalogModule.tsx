import { Fragment } from 'react';
import {
  coreExtensionData,
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import CategoryIcon from '@material-ui/icons/Category';

/**
 * Replaces the catalog plugin's index page (`page:catalog`) with one whose
 * table title is in the reader's language; the catalog's filters
 * (`CatalogFilterBlueprint`) still attach to it. Pagination is Backstage's
 * default (on); the export button is not offered.
 */
const catalogIndexPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
      routeRef: catalogPlugin.routes.catalogIndex,
      title: 'Catalog',
      icon: <CategoryIcon fontSize="inherit" />,
      loader: async () => {
        const { QazTechCatalogPage } = await import('./QazTechCatalogPage');
        return (
          <QazTechCatalogPage
            filters={inputs.filters.map(filter => (
              <Fragment key={filter.node.spec.id}>
                {filter.get(coreExtensionData.reactElement)}
              </Fragment>
            ))}
            pagination
          />
        );
      },
    });
  },
});

export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPage],
});
