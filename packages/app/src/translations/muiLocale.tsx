import { ReactNode, useCallback } from 'react';
import { Theme, ThemeProvider } from '@material-ui/core/styles';
import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { AppRootWrapperBlueprint } from '@backstage/plugin-app-react';
import useObservable from 'react-use/esm/useObservable';

type PageItem =
  | 'page'
  | 'first'
  | 'last'
  | 'next'
  | 'previous'
  | 'start-ellipsis'
  | 'end-ellipsis';

/**
 * The texts Material UI (v4) components draw themselves, as theme default
 * props: pagination, breadcrumbs, autocomplete, alert, rating. The shape of
 * `@material-ui/core/locale`'s locales; Material UI ships `ruRU` without
 * breadcrumbs and pagination, and no Kazakh at all.
 */
export interface MuiLocale {
  props: Record<string, Record<string, unknown>>;
}

function ruPlural(n: number, one: string, few: string, many: string) {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** Russian. */
export const muiRu: MuiLocale = {
  props: {
    MuiBreadcrumbs: { expandText: 'Показать путь' },
    MuiTablePagination: {
      backIconButtonText: 'Предыдущая страница',
      nextIconButtonText: 'Следующая страница',
      labelRowsPerPage: 'Строк на странице:',
      labelDisplayedRows: ({
        from,
        to,
        count,
      }: {
        from: number;
        to: number;
        count: number;
      }) => `${from}–${to} из ${count !== -1 ? count : `более чем ${to}`}`,
    },
    MuiRating: {
      getLabelText: (value: number) =>
        `${value} ${ruPlural(value, 'звезда', 'звезды', 'звёзд')}`,
      emptyLabelText: 'Нет оценки',
    },
    MuiAutocomplete: {
      clearText: 'Очистить',
      closeText: 'Закрыть',
      loadingText: 'Загрузка…',
      noOptionsText: 'Нет вариантов',
      openText: 'Открыть',
    },
    MuiAlert: { closeText: 'Закрыть' },
    MuiPagination: {
      'aria-label': 'Навигация по страницам',
      getItemAriaLabel: (type: PageItem, page: number, selected: boolean) => {
        switch (type) {
          case 'page':
            return selected
              ? `Страница ${page}`
              : `Перейти на страницу ${page}`;
          case 'first':
            return 'Перейти на первую страницу';
          case 'last':
            return 'Перейти на последнюю страницу';
          case 'next':
            return 'Перейти на следующую страницу';
          case 'previous':
            return 'Перейти на предыдущую страницу';
          default:
            return undefined;
        }
      },
    },
  },
};

/** Kazakh. */
export const muiKk: MuiLocale = {
  props: {
    MuiBreadcrumbs: { expandText: 'Жолды көрсету' },
    MuiTablePagination: {
      backIconButtonText: 'Алдыңғы бет',
      nextIconButtonText: 'Келесі бет',
      labelRowsPerPage: 'Беттегі жолдар:',
      labelDisplayedRows: ({
        from,
        to,
        count,
      }: {
        from: number;
        to: number;
        count: number;
      }) =>
        `${from}–${to}, барлығы ${count !== -1 ? count : `${to}-ден артық`}`,
    },
    MuiRating: {
      getLabelText: (value: number) => `${value} жұлдыз`,
      emptyLabelText: 'Бағасы жоқ',
    },
    MuiAutocomplete: {
      clearText: 'Тазалау',
      closeText: 'Жабу',
      loadingText: 'Жүктелуде…',
      noOptionsText: 'Нұсқалар жоқ',
      openText: 'Ашу',
    },
    MuiAlert: { closeText: 'Жабу' },
    MuiPagination: {
      'aria-label': 'Беттер бойынша навигация',
      getItemAriaLabel: (type: PageItem, page: number, selected: boolean) => {
        switch (type) {
          case 'page':
            return selected ? `${page}-бет` : `${page}-бетке өту`;
          case 'first':
            return 'Бірінші бетке өту';
          case 'last':
            return 'Соңғы бетке өту';
          case 'next':
            return 'Келесі бетке өту';
          case 'previous':
            return 'Алдыңғы бетке өту';
          default:
            return undefined;
        }
      },
    },
  },
};

/** The Material UI texts for an app language (English: Material UI's own). */
export function muiLocaleFor(language: string): MuiLocale | undefined {
  switch (language) {
    case 'ru':
      return muiRu;
    case 'kk':
      return muiKk;
    default:
      return undefined;
  }
}

/** The theme with a locale's default props laid over its own. */
export function withMuiLocale(theme: Theme, locale?: MuiLocale): Theme {
  if (!locale) return theme;
  const props: Record<string, Record<string, unknown>> = {
    ...(theme.props as Record<string, Record<string, unknown>>),
  };
  for (const [component, defaults] of Object.entries(locale.props)) {
    props[component] = { ...defaults, ...props[component] };
  }
  return { ...theme, props } as Theme;
}

function MuiLocaleProvider({ children }: { children?: ReactNode }) {
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  const theme = useCallback(
    (outer: Theme) => withMuiLocale(outer, muiLocaleFor(language)),
    [language],
  );
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}

/** Material UI's own texts (pagination, autocomplete, …) in the app language. */
export const muiLocaleWrapper = AppRootWrapperBlueprint.make({
  name: 'mui-locale',
  params: { component: MuiLocaleProvider },
});
