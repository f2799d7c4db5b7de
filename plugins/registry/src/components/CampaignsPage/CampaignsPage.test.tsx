import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  migrationCampaign,
  migrationProgress,
  securityCampaignSummary,
} from '../../__testUtils__/campaignFixtures';
import {
  REGISTRY_URL,
  SECRETARY,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { RegistryRoutes } from '../RegistryRoutes';

jest.setTimeout(30_000);

const list = {
  items: [
    {
      ...migrationCampaign(),
      progress: {
        status: 'late',
        share: 4 / 9,
        total: 9,
        done: 4,
        nextMilestone: { date: '2026-09-30', share: 1 },
        bodies: { late: 1, 'at-risk': 0, 'on-track': 1, done: 1 },
        computedAt: '2026-04-10T05:00:00.000Z',
      },
    },
    securityCampaignSummary(),
    {
      ...securityCampaignSummary(),
      id: 'old-2025',
      title: { ru: 'Старая', kk: 'Ескі', en: 'An old campaign' },
      state: 'archived',
    },
  ],
};

describe('CampaignsPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows a card per current campaign with its progress against the milestones', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/campaigns`, () => HttpResponse.json(list)),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns',
    });

    const migration = await screen.findByRole('article', {
      name: 'Departmental systems migrated to the platform',
    });
    expect(
      within(migration).getByRole('link', {
        name: 'Departmental systems migrated to the platform',
      }),
    ).toHaveAttribute('href', '/registry/campaigns/migration-2026');
    expect(within(migration).getByText('Active')).toBeInTheDocument();
    expect(within(migration).getByText('Late')).toBeInTheDocument();
    expect(
      within(migration).getByText('4 of 9 systems done (44%)'),
    ).toBeInTheDocument();
    expect(
      within(migration).getByRole('img', {
        name: '44% done; milestones: 30% by 2026-03-31, 100% by 2026-09-30',
      }),
    ).toBeInTheDocument();
    expect(
      within(migration).getByText('Next milestone: 100% by 2026-09-30'),
    ).toBeInTheDocument();
    expect(
      within(migration).getByText('1 bodies late · 1 on track · 1 done'),
    ).toBeInTheDocument();

    const security = screen.getByRole('article', {
      name: 'Every platform system secured',
    });
    expect(within(security).getByText('Draft')).toBeInTheDocument();
    expect(
      within(security).getByText(
        'Each system reaches at least the level “ready”',
      ),
    ).toBeInTheDocument();
    expect(
      within(security).getByText('Progress has not been computed yet'),
    ).toBeInTheDocument();
    // Archived campaigns are left out until asked for.
    expect(screen.queryByText('An old campaign')).not.toBeInTheDocument();
  });

  it('defines a campaign, checking it first, and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    let created: any;
    server.use(
      http.get(`${REGISTRY_URL}/campaigns`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${REGISTRY_URL}/campaigns`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(
          migrationCampaign({
            ...created,
            id: 'tax-migration',
            source: 'app',
            state: 'draft',
          }),
          { status: 201 },
        );
      }),
      http.get(`${REGISTRY_URL}/campaigns/tax-migration/progress`, () =>
        HttpResponse.json(
          migrationProgress({
            campaign: migrationCampaign({
              ...created,
              id: 'tax-migration',
              source: 'app',
              state: 'draft',
            }),
          }),
        ),
      ),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns',
    });

    expect(await screen.findByText('No campaigns here')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await waitFor(() =>
      expect(
        within(dialog).getByLabelText('Owner (user or group entity ref)'),
      ).toHaveValue(SECRETARY),
    );

    await user.type(
      within(dialog).getByLabelText('Title (Russian)'),
      'Налоговые системы на платформе',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    // Nothing is sent while the shared rules find problems; each shows at
    // its field.
    expect(created).toBeUndefined();
    expect(
      within(dialog).getAllByText('must be a non-empty text'),
    ).toHaveLength(2);
    // The start date and the one milestone's date.
    expect(
      within(dialog).getAllByText('must be a date written YYYY-MM-DD'),
    ).toHaveLength(2);

    await user.type(
      within(dialog).getByLabelText('Title (Kazakh)'),
      'Салық жүйелері платформада',
    );
    await user.type(
      within(dialog).getByLabelText('Title (English)'),
      'Tax systems on the platform',
    );
    await user.type(
      within(dialog).getByLabelText(
        'State bodies (group entity refs, comma-separated; empty: all)',
      ),
      'group:default/minfin',
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Industrial operation' }),
    );
    fireEvent.change(within(dialog).getByLabelText('Start date'), {
      target: { value: '2026-02-01' },
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Add a milestone' }),
    );
    fireEvent.change(within(dialog).getByLabelText('Milestone 1: date'), {
      target: { value: '2026-05-29' },
    });
    await user.type(
      within(dialog).getByLabelText('Milestone 1: % of systems done'),
      '30',
    );
    fireEvent.change(within(dialog).getByLabelText('Milestone 2: date'), {
      target: { value: '2026-09-30' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(
      await screen.findByRole('heading', {
        name: 'Tax systems on the platform',
      }),
    ).toBeInTheDocument();
    expect(created).toEqual({
      title: {
        ru: 'Налоговые системы на платформе',
        kk: 'Салық жүйелері платформада',
        en: 'Tax systems on the platform',
      },
      owner: SECRETARY,
      scope: {
        stateBodies: ['group:default/minfin'],
        lifecycleStages: ['industrial-operation'],
      },
      goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
      startDate: '2026-02-01',
      milestones: [
        { date: '2026-05-29', share: 0.3 },
        { date: '2026-09-30', share: 1 },
      ],
    });
  });

  it('shows the backend’s refusal in the dialog', async () => {
    const user = userEvent.setup({ delay: null });
    server.use(
      http.get(`${REGISTRY_URL}/campaigns`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${REGISTRY_URL}/campaigns`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'A campaign with id tax already exists',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns',
    });
    await user.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    for (const [label, text] of [
      ['Title (Russian)', 'Налоги'],
      ['Title (Kazakh)', 'Салық'],
      ['Title (English)', 'Tax'],
    ]) {
      await user.type(within(dialog).getByLabelText(label), text);
    }
    await waitFor(() =>
      expect(
        within(dialog).getByLabelText('Owner (user or group entity ref)'),
      ).toHaveValue(SECRETARY),
    );
    fireEvent.change(within(dialog).getByLabelText('Start date'), {
      target: { value: '2026-02-01' },
    });
    fireEvent.change(within(dialog).getByLabelText('Milestone 1: date'), {
      target: { value: '2026-09-30' },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Someone changed this campaign meanwhile; close the dialog and open it again to see the change.',
    );
  });
});
