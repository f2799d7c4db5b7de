import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { securityCampaignSummary } from '../../__testUtils__/campaignFixtures';
import {
  REGISTRY_URL,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { RegistryRoutes } from '../RegistryRoutes';

// A file of its own: permission decisions are cached per module instance.
describe('CampaignsPage without the campaign permissions', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows the campaigns without the button to define one', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/campaigns`, () =>
        HttpResponse.json({ items: [securityCampaignSummary()] }),
      ),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns',
      deny: true,
    });

    expect(
      await screen.findByRole('article', {
        name: 'Every platform system secured',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  }, 30_000);
});
