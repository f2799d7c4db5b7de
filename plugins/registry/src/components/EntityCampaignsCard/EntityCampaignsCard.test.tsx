import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  SimilarSystem,
  SystemCampaign,
} from '@qaztech/plugin-registry-common';
import {
  REGISTRY_URL,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { SimilarSystemsCard } from '../SimilarSystemsCard';
import { EntityCampaignsCard } from './EntityCampaignsCard';

jest.setTimeout(30_000);

const tax: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'tax', namespace: 'default' },
  spec: { type: 'state-information-system', owner: 'group:default/minfin' },
};

describe('the campaign and similar systems cards on a System page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists the campaigns the system is in, where it stands and what it must do', async () => {
    const campaigns: SystemCampaign[] = [
      {
        id: 'migration-2026',
        title: {
          ru: 'Перевод на платформу',
          kk: 'Платформаға көшіру',
          en: 'Migration to the platform',
        },
        state: 'active',
        goal: { kind: 'platform-status', statuses: ['on-platform'] },
        nextMilestone: { date: '2026-09-30', share: 1 },
        status: 'late',
        done: false,
        whatToDo: {
          code: 'move-to-platform',
          values: { statuses: ['on-platform'], current: 'legacy-migrating' },
        },
      },
      {
        id: 'secured-2026',
        title: { ru: 'Защита', kk: 'Қорғау', en: 'Secured' },
        state: 'ended',
        goal: { kind: 'readiness-level', level: 'ready' },
        status: 'done',
        done: true,
        whatToDo: { code: 'done' },
      },
    ];
    server.use(
      http.get(`${REGISTRY_URL}/systems/default/tax/campaigns`, () =>
        HttpResponse.json({ items: campaigns }),
      ),
    );
    await renderWithRegistry(
      <EntityProvider entity={tax}>
        <EntityCampaignsCard />
      </EntityProvider>,
    );

    const migration = await screen.findByRole('listitem', {
      name: 'Migration to the platform',
    });
    expect(
      within(migration).getByRole('link', {
        name: 'Migration to the platform',
      }),
    ).toHaveAttribute('href', '/registry/campaigns/migration-2026');
    expect(within(migration).getByText('Late')).toBeInTheDocument();
    expect(
      within(migration).getByText(
        'Become On the platform (now: Legacy, migrating)',
      ),
    ).toBeInTheDocument();
    expect(
      within(migration).getByText('Next milestone: 100% by 2026-09-30'),
    ).toBeInTheDocument();

    const secured = screen.getByRole('listitem', { name: 'Secured' });
    expect(within(secured).getByText('Ended')).toBeInTheDocument();
    expect(within(secured).getByText('Done')).toBeInTheDocument();
    expect(
      within(secured).getByText('Nothing: the goal is met'),
    ).toBeInTheDocument();
  });

  it('says when the system is in no campaign', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/systems/default/tax/campaigns`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithRegistry(
      <EntityProvider entity={tax}>
        <EntityCampaignsCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('This system is in no campaign'),
    ).toBeInTheDocument();
  });

  it('lists systems with a similar purpose and the words they share', async () => {
    const similar: SimilarSystem[] = [
      {
        entityRef: 'system:default/akimat-tax',
        title: {
          ru: 'Учёт налогов акимата',
          kk: 'Әкімдік салықтары',
          en: 'Akimat tax records',
        },
        stateBodyRef: 'group:default/akimat-almaty',
        platformStatus: 'violation',
        sharedTerms: ['налог', 'учёт'],
        score: 0.6,
      },
    ];
    server.use(
      http.get(`${REGISTRY_URL}/systems/default/tax/similar`, () =>
        HttpResponse.json({ items: similar }),
      ),
    );
    await renderWithRegistry(
      <EntityProvider entity={tax}>
        <SimilarSystemsCard />
      </EntityProvider>,
    );

    expect(
      await screen.findByRole('link', { name: 'Akimat tax records' }),
    ).toHaveAttribute('href', '/catalog/default/system/akimat-tax');
    expect(screen.getByText('In violation')).toBeInTheDocument();
    expect(screen.getByText(/shared: налог, учёт/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'akimat-almaty' })).toHaveAttribute(
      'href',
      '/catalog/default/group/akimat-almaty',
    );
  });
});
