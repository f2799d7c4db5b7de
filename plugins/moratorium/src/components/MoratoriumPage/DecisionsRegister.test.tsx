import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { decision } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { DecisionsRegister } from './DecisionsRegister';

describe('DecisionsRegister', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists the decisions and sends the outcome and state body filters', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${MORATORIUM_URL}/decisions`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        if (params.get('outcome') === 'rejected') {
          return HttpResponse.json({
            items: [
              decision('9', {
                outcome: 'rejected',
                expiresAt: undefined,
                reasons: 'the platform can serve',
                state: 'rejected',
              }),
            ],
            totalCount: 1,
          });
        }
        return HttpResponse.json({
          items: [
            decision('1', {
              outcome: 'approved-with-conditions',
              state: 'approved-with-conditions',
              conditions: [
                {
                  id: 'c1',
                  text: 'Connect to the SOC',
                  dueDate: '2026-06-01',
                  status: 'met',
                },
                {
                  id: 'c2',
                  text: 'Migration plan',
                  dueDate: '2026-09-01',
                  status: 'open',
                },
              ],
            }),
          ],
          totalCount: 1,
        });
      }),
    );
    await renderWithMoratorium(<DecisionsRegister />);

    const link = await screen.findByRole('link', { name: 'EX-2026-0001' });
    expect(link).toHaveAttribute('href', '/moratorium/requests/1');
    const row = link.closest('tr')!;
    // The outcome, and the request's state since.
    expect(within(row).getAllByText('Approved with conditions')).toHaveLength(
      2,
    );
    expect(within(row).getByText('КЦ-2026/1')).toBeInTheDocument();
    expect(within(row).getByText('31.12.2027')).toBeInTheDocument();
    expect(within(row).getByText('1 of 2 met')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'rejected');
    expect(
      await screen.findByRole('link', { name: 'EX-2026-0009' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'EX-2026-0001' }),
    ).not.toBeInTheDocument();

    await userEvent.type(
      screen.getByLabelText('State body'),
      'group:default/minfin',
    );
    await waitFor(() =>
      expect(queries.at(-1)?.get('stateBody')).toBe('group:default/minfin'),
    );
    expect(queries.at(-1)?.get('outcome')).toBe('rejected');
  });

  it('says so when no decision matches', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/decisions`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    await renderWithMoratorium(<DecisionsRegister />);

    expect(
      await screen.findByText('No decisions match these filters'),
    ).toBeInTheDocument();
  });

  it('exports the decisions with the filters on the page', async () => {
    const exports: URLSearchParams[] = [];
    server.use(
      http.get(`${MORATORIUM_URL}/decisions`, () =>
        HttpResponse.json({ items: [decision('1')], totalCount: 1 }),
      ),
      http.get(`${MORATORIUM_URL}/decisions/export.csv`, ({ request }) => {
        exports.push(new URL(request.url).searchParams);
        return new HttpResponse('requestNumber,outcome\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:decisions';
    };
    URL.revokeObjectURL = () => {};
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderWithMoratorium(<DecisionsRegister />);
    await screen.findByRole('link', { name: 'EX-2026-0001' });

    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'approved');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].text()).toBe('requestNumber,outcome\n');
    // `;`: the separator Excel and LibreOffice use in the ru and kk locales
    expect(Object.fromEntries(exports[0])).toEqual({
      outcome: 'approved',
      sep: ';',
    });
    click.mockRestore();
  });
});
