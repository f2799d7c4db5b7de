import {
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  SearchFilterBlueprint,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import SearchIcon from '@material-ui/icons/Search';

/**
 * Replaces the search plugin's page (`page:search`) with one whose filter
 * labels are translated; it takes the same inputs, so plugins' result types,
 * list items and filters still attach to it.
 */
const searchPage = PageBlueprint.makeWithOverrides({
  inputs: {
    items: createExtensionInput([SearchResultListItemBlueprint.dataRefs.item]),
    resultTypes: createExtensionInput([
      SearchFilterResultTypeBlueprint.dataRefs.resultType,
    ]),
    searchFilters: createExtensionInput([
      SearchFilterBlueprint.dataRefs.searchFilters,
    ]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/search',
      routeRef: searchPlugin.routes.root,
      title: 'Search',
      icon: <SearchIcon fontSize="inherit" />,
      loader: async () => {
        const { QazTechSearchPage } = await import('./QazTechSearchPage');
        return (
          <QazTechSearchPage
            items={inputs.items.map(item =>
              item.get(SearchResultListItemBlueprint.dataRefs.item),
            )}
            resultTypes={inputs.resultTypes.map(item =>
              item.get(SearchFilterResultTypeBlueprint.dataRefs.resultType),
            )}
            searchFilters={inputs.searchFilters.map(
              item =>
                item.get(SearchFilterBlueprint.dataRefs.searchFilters)
                  .component,
            )}
          />
        );
      },
    });
  },
});

export const searchModule = createFrontendModule({
  pluginId: 'search',
  extensions: [searchPage],
});
