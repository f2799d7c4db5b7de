import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { IntegrationGraph } from '@qaztech/plugin-registry-common';
import { TWO_BODY_STATS } from '../../__testUtils__/fixtures';
import {
  REGISTRY_URL,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { RegistryRoutes } from '../RegistryRoutes';

jest.setTimeout(30_000);

const graph: IntegrationGraph = {
  nodes: [
    {
      entityRef: 'system:default/tax',
      title: { ru: 'Налоговая система', kk: 'Салық жүйесі', en: 'Tax system' },
      stateBodyRef: 'group:default/minfin',
      platformStatus: 'legacy-migrating',
      registered: true,
    },
    {
      entityRef: 'system:default/shep',
      title: { ru: 'ШЭП', kk: 'ЭҮШ', en: 'Government service bus' },
      stateBodyRef: 'group:default/mcriap',
      platformStatus: 'on-platform',
      registered: true,
    },
  ],
  edges: [
    { from: 'system:default/tax', to: 'system:default/shep', via: 'shep' },
  ],
};

describe('IntegrationsPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  beforeAll(() => {
    // jsdom lays nothing out; the graph measures its nodes and labels.
    (SVGElement.prototype as any).getBBox = () => ({
      x: 0,
      y: 0,
      width: 180,
      height: 44,
    });
  });

  it('draws the integrations between systems and lists them, narrowed to a state body', async () => {
    const user = userEvent.setup({ delay: null });
    const bodies: (string | null)[] = [];
    server.use(
      http.get(`${REGISTRY_URL}/stats`, () =>
        HttpResponse.json(TWO_BODY_STATS),
      ),
      http.get(`${REGISTRY_URL}/integrations`, ({ request }) => {
        bodies.push(new URL(request.url).searchParams.get('stateBody'));
        return HttpResponse.json(graph);
      }),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/integrations',
    });

    expect(
      await screen.findByRole('link', { name: 'Tax system' }),
    ).toBeInTheDocument();
    // The graph's nodes, by their titles, once it has laid them out; and
    // the same system in the table.
    await waitFor(
      () =>
        expect(
          screen.getAllByRole('link', { name: 'Government service bus' }),
        ).toHaveLength(2),
      { timeout: 5000 },
    );
    const table = screen.getByRole('table', {
      name: 'All integrations shown',
    });
    const row = within(table).getAllByRole('row')[1];
    expect(
      within(row).getByRole('link', { name: 'Tax system' }),
    ).toHaveAttribute('href', '/catalog/default/system/tax');
    expect(
      within(row).getByText('through the government service bus'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([null]);

    await user.click(screen.getByRole('button', { name: /State body/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Ministry of Finance' }),
    );
    await waitFor(() => expect(bodies).toEqual([null, 'group:default/minfin']));
  });

  it('says when no integrations are recorded', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/stats`, () =>
        HttpResponse.json(TWO_BODY_STATS),
      ),
      http.get(`${REGISTRY_URL}/integrations`, () =>
        HttpResponse.json({ nodes: [], edges: [] }),
      ),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/integrations',
    });
    expect(
      await screen.findByText('No integrations recorded'),
    ).toBeInTheDocument();
  });
});
