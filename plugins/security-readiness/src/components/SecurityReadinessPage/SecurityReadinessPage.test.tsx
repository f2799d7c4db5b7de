import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { summary } from '../../__testUtils__/fixtures';
import {
  SR_URL,
  renderWithSecurityReadiness,
} from '../../__testUtils__/renderWithSecurityReadiness';
import { SecurityReadinessPage } from './SecurityReadinessPage';

describe('SecurityReadinessPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('opens on the dashboard and switches to the review queue', async () => {
    const user = userEvent.setup({ delay: null });
    server.use(
      http.get(`${SR_URL}/summary`, () => HttpResponse.json(summary())),
      http.get(`${SR_URL}/review-queue`, () =>
        HttpResponse.json({
          awaitingSignOff: [],
          expiringAttestations: [],
          pendingWaivers: [],
        }),
      ),
    );
    await renderWithSecurityReadiness(<SecurityReadinessPage />);

    expect(
      screen.getByRole('heading', { name: 'Security readiness' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('Systems evaluated: 40'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Review queue' }));

    expect(
      await screen.findByText('No scorecard awaits sign-off'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tabpanel', { name: 'Review queue' }),
    ).toBeInTheDocument();
  }, 30_000);
});
