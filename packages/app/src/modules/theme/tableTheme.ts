import {
  createUnifiedTheme,
  defaultComponentThemes,
  palettes,
  UnifiedTheme,
} from '@backstage/theme';

type StyleOverride = unknown;

/**
 * Backstage's theme sets `word-break: break-word` on every table cell, which
 * lets a narrow column cut a word or a number anywhere («Си/сте/м», «20/26»).
 * Cells here wrap between words only; a long word widens its column instead
 * (the tables scroll sideways when the page is too narrow).
 */
export const NO_WORD_SPLITTING = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
  hyphens: 'manual',
} as const;

function withoutWordSplitting(original: StyleOverride): StyleOverride {
  if (typeof original === 'function') {
    return (props: unknown) => ({
      ...(original as (p: unknown) => object)(props),
      ...NO_WORD_SPLITTING,
    });
  }
  return { ...(original as object | undefined), ...NO_WORD_SPLITTING };
}

const tableCell = defaultComponentThemes?.MuiTableCell ?? {};
const tableCellOverrides = (tableCell.styleOverrides ?? {}) as Record<
  string,
  StyleOverride
>;

/** The MUI component themes of the app: Backstage's, with whole-word cells. */
export const qaztechComponentThemes = {
  ...defaultComponentThemes,
  MuiTableCell: {
    ...tableCell,
    styleOverrides: {
      ...tableCellOverrides,
      root: withoutWordSplitting(tableCellOverrides.root),
      head: withoutWordSplitting(tableCellOverrides.head),
    },
  },
} as typeof defaultComponentThemes;

/** The app's light and dark themes. */
export const qaztechThemes: { light: UnifiedTheme; dark: UnifiedTheme } = {
  light: createUnifiedTheme({
    palette: palettes.light,
    components: qaztechComponentThemes,
  }),
  dark: createUnifiedTheme({
    palette: palettes.dark,
    components: qaztechComponentThemes,
  }),
};
