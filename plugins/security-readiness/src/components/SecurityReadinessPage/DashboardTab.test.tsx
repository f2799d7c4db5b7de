import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { summary } from '../../__testUtils__/fixtures';
import {
  SR_URL,
  renderWithSecurityReadiness,
} from '../../__testUtils__/renderWithSecurityReadiness';
import { DashboardTab } from './DashboardTab';

describe('DashboardTab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the national numbers, the levels, the state bodies by not-ready share and the trend', async () => {
    let days: string | null = null;
    server.use(
      http.get(`${SR_URL}/summary`, ({ request }) => {
        days = new URL(request.url).searchParams.get('days');
        return HttpResponse.json(summary());
      }),
    );
    await renderWithSecurityReadiness(<DashboardTab />);

    expect(
      await screen.findByLabelText('Systems evaluated: 40'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Average score: 6.3')).toBeInTheDocument();
    expect(days).toBe('90');

    const levels = screen.getByRole('group', { name: 'Systems by level' });
    expect(
      within(levels).getByRole('img', { name: 'Ready: 10 (25%)' }),
    ).toBeInTheDocument();
    expect(
      within(levels).getByRole('img', {
        name: 'Conditionally ready: 14 (35%)',
      }),
    ).toBeInTheDocument();
    expect(
      within(levels).getByRole('img', { name: 'Not ready: 16 (40%)' }),
    ).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'By state body' });
    const rows = within(table).getAllByRole('row').slice(1);
    // 4 of 5 not ready, then 8 of 15, then 4 of 20.
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual(['akimat-almaty', 'mzdrav', 'minfin']);
    expect(within(rows[0]).getByText('80%')).toBeInTheDocument();
    expect(within(rows[0]).getByText('3.1')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('img', {
        name: 'group:default/mzdrav: ready 2, conditionally ready 5, not ready 8',
      }),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: 'Systems by level from 2026-11-18 to 2026-11-20: ready 6 → 10, conditionally ready 12 → 14, not ready 22 → 16.',
      }),
    ).toBeInTheDocument();
  }, 30_000);

  it('evaluates all systems and follows the run until it finishes', async () => {
    const user = userEvent.setup({ delay: null });
    const progress = [
      { status: 'running', total: 40, done: 20, changed: 3 },
      { status: 'succeeded', total: 40, done: 40, changed: 5 },
    ];
    let summaryReads = 0;
    let polls = 0;
    server.use(
      http.get(`${SR_URL}/summary`, () => {
        summaryReads += 1;
        return HttpResponse.json(summary());
      }),
      http.post(`${SR_URL}/evaluate`, () =>
        HttpResponse.json(
          { id: 'run-7', status: 'queued', total: 0, done: 0, changed: 0 },
          { status: 202 },
        ),
      ),
      http.get(`${SR_URL}/runs/run-7`, () => {
        const step = progress[Math.min(polls, progress.length - 1)];
        polls += 1;
        return HttpResponse.json({ id: 'run-7', ...step });
      }),
    );
    await renderWithSecurityReadiness(<DashboardTab pollIntervalMs={50} />);

    await user.click(
      await screen.findByRole('button', { name: 'Evaluate all systems' }),
    );
    expect(
      await screen.findByText('The evaluation is queued…'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Evaluated 20 of 40 systems'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'The evaluation is finished: 40 systems, 5 results changed.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(summaryReads).toBe(2));
  }, 30_000);

  it('says so when nothing has been evaluated yet', async () => {
    server.use(
      http.get(`${SR_URL}/summary`, () =>
        HttpResponse.json({
          total: 0,
          byLevel: { ready: 0, conditional: 0, 'not-ready': 0 },
          averageScore: null,
          byStateBody: [],
          trend: [],
        }),
      ),
    );
    await renderWithSecurityReadiness(<DashboardTab />);

    expect(
      await screen.findByText('No system has been evaluated yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No state body has evaluated systems yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('There is no trend yet: it grows by one point a day.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Average score: —')).toBeInTheDocument();
  }, 30_000);

  it('shows the error when the summary cannot be read', async () => {
    server.use(
      http.get(`${SR_URL}/summary`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'summary.read denied' },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithSecurityReadiness(<DashboardTab />);

    expect(await screen.findByText(/summary\.read denied/)).toBeInTheDocument();
  }, 30_000);
});
