import { render, screen } from '@testing-library/react';
import TablePagination from '@material-ui/core/TablePagination';
import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { muiKk, muiLocaleFor, muiRu, withMuiLocale } from './muiLocale';

function Pagination({ language }: { language: string }) {
  return (
    <ThemeProvider theme={withMuiLocale(createTheme(), muiLocaleFor(language))}>
      <table>
        <tfoot>
          <tr>
            <TablePagination
              count={120}
              page={1}
              rowsPerPage={20}
              onPageChange={() => {}}
            />
          </tr>
        </tfoot>
      </table>
    </ThemeProvider>
  );
}

describe('Material UI texts in the app language', () => {
  it('draws table pagination in Russian', () => {
    render(<Pagination language="ru" />);
    expect(screen.getByText('Строк на странице:')).toBeInTheDocument();
    expect(screen.getByText('21–40 из 120')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Следующая страница' }),
    ).toBeInTheDocument();
  });

  it('draws table pagination in Kazakh', () => {
    render(<Pagination language="kk" />);
    expect(screen.getByText('Беттегі жолдар:')).toBeInTheDocument();
    expect(screen.getByText('21–40, барлығы 120')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Келесі бет' }),
    ).toBeInTheDocument();
  });

  it("leaves English to Material UI's own texts", () => {
    render(<Pagination language="en" />);
    expect(screen.getByText('Rows per page:')).toBeInTheDocument();
  });

  it('gives Kazakh every text Russian has', () => {
    const keys = (locale: typeof muiRu) =>
      Object.entries(locale.props).flatMap(([component, props]) =>
        Object.keys(props).map(key => `${component}.${key}`),
      );
    expect(keys(muiKk).sort()).toEqual(keys(muiRu).sort());
  });

  it("keeps the theme's own default props over the locale's", () => {
    const theme = createTheme({
      props: { MuiTablePagination: { labelRowsPerPage: 'Own' } },
    });
    const merged = withMuiLocale(theme, muiRu);
    expect(merged.props?.MuiTablePagination?.labelRowsPerPage).toBe('Own');
    expect(merged.props?.MuiTablePagination?.backIconButtonText).toBe(
      'Предыдущая страница',
    );
  });
});
