import { createElement, ReactElement } from 'react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import { Routes, Route } from 'react-router-dom';
import {
  CatalogIcon,
  Content,
  useSidebarPinState,
} from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Router as SearchRouter, SearchType } from '@backstage/plugin-search';
import {
  DefaultResultListItem,
  SearchBar,
  SearchFilter,
  SearchPagination,
  SearchResult,
  SearchResultPager,
  useSearch,
} from '@backstage/plugin-search-react';
import { qaztechAppTranslationRef } from '../../translations/ref';

/** A result type offered by a plugin (SearchFilterResultTypeBlueprint). */
export interface ResultType {
  value: string;
  name: string;
  icon: ReactElement;
}

/** A plugin's list item for its results (SearchResultListItemBlueprint). */
export interface ResultItem {
  predicate?: (result: any) => boolean;
  component: (props: any) => ReactElement | null;
}

/** What the search page draws, from the search plugin's inputs. */
export interface QazTechSearchPageProps {
  items: ResultItem[];
  resultTypes: ResultType[];
  searchFilters: Array<(props: { className: string }) => ReactElement>;
}

/** Result types the app names in the reader's language, by value. */
const TYPE_KEYS = {
  'software-catalog': 'search.softwareCatalog',
  techdocs: 'search.documentation',
} as const;

const useStyles = makeStyles(theme => ({
  filter: { '& + &': { marginTop: theme.spacing(2.5) } },
  filters: { padding: theme.spacing(2), marginTop: theme.spacing(2) },
}));

function facetValues(
  catalogApi: typeof catalogApiRef.T,
  facet: string,
): () => Promise<string[]> {
  return async () => {
    const { facets } = await catalogApi.getEntityFacets({ facets: [facet] });
    return (facets[facet] ?? [])
      .map(f => f.value)
      .sort((a, b) => a.localeCompare(b));
  };
}

function SearchPageContent(props: QazTechSearchPageProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const { isMobile } = useSidebarPinState();
  const { types } = useSearch();
  const catalogApi = useApi(catalogApiRef);
  const configApi = useApi(configApiRef);
  const itemFor = (result: any) =>
    props.items.find(item => item.predicate?.(result))?.component ??
    DefaultResultListItem;
  const resultTypes = [
    { value: 'software-catalog', name: '', icon: <CatalogIcon /> },
    ...props.resultTypes,
  ].map(type => {
    const key = TYPE_KEYS[type.value as keyof typeof TYPE_KEYS];
    return { ...type, name: key ? t(key) : type.name };
  });

  return (
    <Content>
      <Grid container direction="row">
        <Grid item xs={12}>
          <SearchBar debounceTime={100} />
        </Grid>
        {!isMobile && (
          <Grid item xs={3}>
            <SearchType.Accordion
              name={t('search.resultType')}
              defaultValue={configApi.getOptionalString('search.defaultType')}
              showCounts
              types={resultTypes}
            />
            <Paper className={classes.filters}>
              {types.includes('techdocs') && (
                <SearchFilter.Select
                  className={classes.filter}
                  label={t('search.entity')}
                  name="name"
                  values={facetValues(catalogApi, 'metadata.name')}
                />
              )}
              <SearchFilter.Select
                className={classes.filter}
                label={t('search.kind')}
                name="kind"
                values={facetValues(catalogApi, 'kind')}
              />
              <SearchFilter.Select
                className={classes.filter}
                label={t('search.lifecycle')}
                name="lifecycle"
                values={facetValues(catalogApi, 'spec.lifecycle')}
              />
              {props.searchFilters.map((Filter, index) => (
                <Filter key={index} className={classes.filter} />
              ))}
            </Paper>
          </Grid>
        )}
        <Grid item xs>
          <SearchPagination />
          <SearchResult>
            {({ results }) => (
              <>
                {results.map(({ document, ...rest }, index) =>
                  createElement(itemFor(document), {
                    ...rest,
                    key: index,
                    result: document,
                  }),
                )}
              </>
            )}
          </SearchResult>
          <SearchResultPager />
        </Grid>
      </Grid>
    </Content>
  );
}

/**
 * Backstage's search page (new frontend system) with its filter labels in
 * the reader's language: the plugin's own page hard-codes «Result Type»,
 * «Software Catalog», «Kind» and «Lifecycle» in English. The search context
 * and the URL sync are Backstage's own (`Router` of `@backstage/plugin-search`).
 */
export function QazTechSearchPage(props: QazTechSearchPageProps) {
  return (
    <Routes>
      <Route element={<SearchRouter />}>
        <Route path="*" element={<SearchPageContent {...props} />} />
      </Route>
    </Routes>
  );
}
