import { UnifiedThemeProvider } from '@backstage/theme';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { render, screen } from '@testing-library/react';
import { qaztechThemes } from './tableTheme';

describe('qaztechThemes', () => {
  it.each(['light', 'dark'] as const)(
    'the %s theme wraps table cells between words only',
    variant => {
      render(
        <UnifiedThemeProvider theme={qaztechThemes[variant]}>
          <Table>
            <TableHead>
              <TableRow>
                <TableCell>Государственный орган</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                <TableCell>Информационная система</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </UnifiedThemeProvider>,
      );
      for (const text of ['Государственный орган', 'Информационная система']) {
        const style = getComputedStyle(screen.getByText(text));
        expect(style.wordBreak).toBe('normal');
        expect(style.overflowWrap).toBe('normal');
        // Backstage's other cell styles are kept.
        expect(style.verticalAlign).toBe('middle');
      }
    },
  );
});
