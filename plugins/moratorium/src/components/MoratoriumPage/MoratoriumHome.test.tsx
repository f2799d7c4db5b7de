import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorBody, summary } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { MoratoriumHome } from './MoratoriumHome';

const DAY = 24 * 60 * 60 * 1000;

describe('MoratoriumHome', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function serveRequests() {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        if (params.get('state') === 'submitted') {
          return HttpResponse.json({
            items: [summary('7', { state: 'submitted' })],
            totalCount: 1,
          });
        }
        return HttpResponse.json({
          items: [
            summary('1', {
              state: 'platform-review',
              currentDeadline: {
                subject: 'platform-review',
                dueAt: new Date(Date.now() - 3 * DAY - 3600_000).toISOString(),
                overdue: true,
              },
            }),
            summary('2', {
              state: 'draft',
              system: {
                kind: 'planned',
                entityRef: 'system:default/kazna',
                title: { ru: 'Казна', kk: 'Қазына', en: 'Treasury' },
              },
              currentDeadline: {
                subject: 'submitted',
                dueAt: new Date(Date.now() + 5 * DAY + 3600_000).toISOString(),
                overdue: false,
              },
            }),
          ],
          totalCount: 2,
        });
      }),
    );
    return queries;
  }

  it('lists my requests with their states and highlights the overdue deadline', async () => {
    const queries = serveRequests();
    await renderWithMoratorium(<MoratoriumHome />);

    const overdueLink = await screen.findByRole('link', {
      name: 'EX-2026-0001',
    });
    expect(overdueLink).toHaveAttribute('href', '/moratorium/requests/1');
    const overdueRow = overdueLink.closest('tr')!;
    expect(within(overdueRow).getByText('Platform review')).toBeInTheDocument();
    expect(within(overdueRow).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(overdueRow).getByText(/overdue by 3 days/),
    ).toBeInTheDocument();

    const draftRow = screen
      .getByRole('link', { name: 'EX-2026-0002' })
      .closest('tr')!;
    expect(within(draftRow).getByText('Draft')).toBeInTheDocument();
    expect(
      within(draftRow).getByText('Treasury (planned)'),
    ).toBeInTheDocument();
    expect(within(draftRow).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(draftRow).getByText(/5 days left/)).toBeInTheDocument();
    expect(queries[0].get('mine')).toBe('true');
    expect(screen.getByRole('button', { name: 'New request' })).toHaveAttribute(
      'href',
      '/moratorium/new',
    );
  });

  it('shows the secretary the submitted requests in the intake queue', async () => {
    const queries = serveRequests();
    await renderWithMoratorium(<MoratoriumHome />);
    await screen.findByRole('link', { name: 'EX-2026-0001' });

    await userEvent.click(screen.getByRole('tab', { name: 'Intake queue' }));

    expect(
      await screen.findByRole('link', { name: 'EX-2026-0007' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'EX-2026-0001' }),
    ).not.toBeInTheDocument();
    expect(queries.at(-1)?.get('state')).toBe('submitted');
  });

  it('says so when there are no requests', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    await renderWithMoratorium(<MoratoriumHome />);

    expect(
      await screen.findByText('You have no exemption requests yet'),
    ).toBeInTheDocument();
  });

  it('shows the backend error when the list cannot be read', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, () =>
        HttpResponse.json(
          errorBody('NotAllowedError', 'not allowed to read requests', 403),
          { status: 403 },
        ),
      ),
    );
    await renderWithMoratorium(<MoratoriumHome />);

    expect(
      (await screen.findAllByText(/not allowed to read requests/)).length,
    ).toBeGreaterThan(0);
  });

  it('lists the sittings, each linking to its agenda', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
      http.get(`${MORATORIUM_URL}/sittings`, () =>
        HttpResponse.json({
          items: [{ id: 's1', date: '2026-03-02', requestIds: ['r1', 'r2'] }],
        }),
      ),
    );
    await renderWithMoratorium(<MoratoriumHome />);

    await userEvent.click(screen.getByRole('tab', { name: 'Sittings' }));

    const link = await screen.findByRole('link', {
      name: 'Agenda of 02.03.2026',
    });
    expect(link).toHaveAttribute('href', '/moratorium/sittings/s1');
    expect(within(link.closest('tr')!).getByText('2')).toBeInTheDocument();
  });
});
