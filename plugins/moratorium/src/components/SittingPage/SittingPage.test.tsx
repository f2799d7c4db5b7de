import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { request, summary } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { SittingPage } from './SittingPage';

describe('SittingPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the agenda with each dossier in brief, its tally and the way to vote', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/sittings/s1`, () =>
        HttpResponse.json({
          id: 's1',
          date: '2026-03-02',
          requestIds: ['r1'],
          requests: [
            summary('r1', { number: 'EX-2026-0001', state: 'on-agenda' }),
          ],
        }),
      ),
      http.get(`${MORATORIUM_URL}/requests/r1`, () =>
        HttpResponse.json(request()),
      ),
    );
    await renderWithMoratorium(<SittingPage />, {
      mountPath: '/moratorium/sittings/:id',
      path: '/moratorium/sittings/s1',
    });

    expect(
      await screen.findByRole('heading', { name: 'Sitting of 02.03.2026' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Учёт бюджетных платежей казначейства'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Processing of classified data'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Platform architect: The platform cannot serve'),
    ).toBeInTheDocument();
    expect(screen.getByText('Quorum reached')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'EX-2026-0001' })).toHaveAttribute(
      'href',
      '/moratorium/requests/r1',
    );
    expect(
      screen.getByRole('button', {
        name: 'Open the dossier and vote: EX-2026-0001',
      }),
    ).toHaveAttribute('href', '/moratorium/requests/r1');
    const tally = screen.getByText('Tally').parentElement!;
    expect(within(tally).getByText('Approved')).toBeInTheDocument();
  });

  it('says so when the agenda is empty', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/sittings/s2`, () =>
        HttpResponse.json({
          id: 's2',
          date: '2026-04-06',
          requestIds: [],
          requests: [],
        }),
      ),
    );
    await renderWithMoratorium(<SittingPage />, {
      mountPath: '/moratorium/sittings/:id',
      path: '/moratorium/sittings/s2',
    });

    expect(await screen.findByText('The agenda is empty')).toBeInTheDocument();
  });
});
