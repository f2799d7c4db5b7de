import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { summary } from '../../__testUtils__/fixtures';
import {
  SR_URL,
  renderWithSecurityReadiness,
} from '../../__testUtils__/renderWithSecurityReadiness';
import { DashboardTab } from './DashboardTab';

// A file of its own: permission decisions are cached per module instance.
describe('DashboardTab without the evaluate permission', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the dashboard without the button to evaluate all systems', async () => {
    server.use(
      http.get(`${SR_URL}/summary`, () => HttpResponse.json(summary())),
    );
    await renderWithSecurityReadiness(<DashboardTab />, { deny: true });

    expect(
      await screen.findByLabelText('Systems evaluated: 40'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Evaluate all systems' }),
    ).not.toBeInTheDocument();
  }, 30_000);
});
