import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  migrationCampaign,
  migrationProgress,
} from '../../__testUtils__/campaignFixtures';
import {
  REGISTRY_URL,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { RegistryRoutes } from '../RegistryRoutes';
import { PENDING_RETRY_MS } from './useCampaignSystems';

// Full pages with msw round trips; the 5 s default is too tight on a
// loaded machine.
jest.setTimeout(30_000);

const CAMPAIGN_URL = `${REGISTRY_URL}/campaigns/migration-2026`;

describe('CampaignPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  afterEach(() => jest.restoreAllMocks());

  /** Serves the progress, narrowed as asked, recording each query. */
  function serveProgress(progress = migrationProgress()): URLSearchParams[] {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${CAMPAIGN_URL}/progress`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        const body = params.get('stateBody');
        const status = params.get('status');
        if (params.get('cursor') === 'page-2') {
          return HttpResponse.json({
            ...progress,
            systems: {
              items: [
                {
                  entityRef: 'system:default/budget',
                  title: { ru: 'Бюджет' },
                  stateBodyRef: 'group:default/minfin',
                  status: 'late',
                  done: false,
                  whatToDo: {
                    code: 'move-to-platform',
                    values: {
                      statuses: ['on-platform'],
                      current: 'violation',
                    },
                  },
                },
              ],
              totalCount: 9,
            },
          });
        }
        const items = progress.systems.items.filter(
          s =>
            (!body || s.stateBodyRef === body) &&
            (!status || s.status === status),
        );
        return HttpResponse.json({
          ...progress,
          systems: {
            items,
            totalCount: body ? 4 : progress.systems.totalCount,
            ...(body ? {} : { nextCursor: progress.systems.nextCursor }),
          },
        });
      }),
    );
    return queries;
  }

  it('shows where the campaign stands, the burn-up against the milestones and the bodies, the latest first', async () => {
    serveProgress();
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/migration-2026',
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Departmental systems migrated to the platform',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('4 of 9 systems done (44%)')).toBeInTheDocument();
    expect(screen.getAllByText('Late')[0]).toBeInTheDocument();
    expect(
      screen.getByText('Each system is On the platform or Exempted'),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('img', {
        name: 'Share of systems done from 2026-03-01 to 2026-04-10: 11% → 44%; milestones: 30% by 2026-03-31, 100% by 2026-09-30.',
      }),
    ).toBeInTheDocument();

    const bodies = screen.getByRole('table', {
      name: 'State bodies, the latest first',
    });
    const rows = within(bodies).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual([
      'Ministry of Finance',
      'Akimat of Almaty',
      'Ministry of Digital Development',
    ]);
    expect(within(rows[0]).getByText('1 of 4')).toBeInTheDocument();
    expect(within(rows[0]).getByText('25%')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Late')).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'daulet' }),
    ).toHaveAttribute('href', '/catalog/default/user/daulet');
    expect(
      within(rows[0]).getByRole('link', { name: 'saule' }),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText('Not named')).toBeInTheDocument();
  });

  it('asks again until the campaigns task has computed the progress', async () => {
    const computed = migrationProgress();
    let calls = 0;
    server.use(
      http.get(`${CAMPAIGN_URL}/progress`, () => {
        calls += 1;
        return HttpResponse.json(
          calls === 1
            ? {
                ...computed,
                computedAt: undefined,
                bodies: [],
                systems: { items: [], totalCount: 0 },
              }
            : computed,
        );
      }),
    );
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    try {
      await renderWithRegistry(<RegistryRoutes />, {
        mountPath: '/registry/*',
        path: '/registry/campaigns/migration-2026',
      });
      expect(
        await screen.findByText('Progress has not been computed yet'),
      ).toBeInTheDocument();
      await act(() => jest.advanceTimersByTimeAsync(PENDING_RETRY_MS));
      expect(
        await screen.findByText('4 of 9 systems done (44%)'),
      ).toBeInTheDocument();
      expect(
        screen.queryByText('Progress has not been computed yet'),
      ).not.toBeInTheDocument();
      expect(calls).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drills into a late body to its systems and what each must do, and pages on', async () => {
    const user = userEvent.setup({ delay: null });
    const queries = serveProgress();
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/migration-2026',
    });

    const systems = await screen.findByRole('table', { name: 'Systems' });
    expect(within(systems).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Shown 2 of 9')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(
      await within(systems).findByRole('link', { name: 'Бюджет' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Become On the platform (now: In violation)'),
    ).toBeInTheDocument();
    expect(queries[queries.length - 1].get('cursor')).toBe('page-2');

    await user.click(
      screen.getByRole('button', { name: 'Ministry of Finance' }),
    );
    const ofBody = await screen.findByRole('table', {
      name: 'Systems',
    });
    await waitFor(() =>
      expect(
        screen.getByText('Systems of Ministry of Finance'),
      ).toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(within(ofBody).getAllByRole('row')).toHaveLength(2),
    );
    const row = within(ofBody).getAllByRole('row')[1];
    expect(
      within(row).getByRole('link', { name: 'Tax system' }),
    ).toHaveAttribute('href', '/catalog/default/system/tax');
    expect(within(row).getByText('Late')).toBeInTheDocument();
    expect(
      within(row).getByText(
        'Become On the platform or Exempted (now: Legacy, migrating)',
      ),
    ).toBeInTheDocument();
    expect(queries[queries.length - 1].get('stateBody')).toBe(
      'group:default/minfin',
    );
    expect(queries[queries.length - 1].get('byBody')).toBe('true');
    expect(screen.getByText('Shown 1 of 4')).toBeInTheDocument();
  });

  it('downloads the late list as CSV', async () => {
    const user = userEvent.setup({ delay: null });
    serveProgress();
    const separators: Array<string | null> = [];
    server.use(
      http.get(`${CAMPAIGN_URL}/late.csv`, ({ request }) => {
        separators.push(new URL(request.url).searchParams.get('sep'));
        return new HttpResponse('\uFEFFstate body,system\nMinfin,tax\n', {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:late';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });

    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/migration-2026',
    });
    await user.click(
      await screen.findByRole('button', { name: 'Late list (CSV)' }),
    );

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toMatch(
      /^campaign-migration-2026-late-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(await saved[0].text()).toContain('Minfin,tax');
    expect(separators).toEqual([';']);
  });

  it('lets those allowed activate a draft defined in the app', async () => {
    const user = userEvent.setup({ delay: null });
    let progress = migrationProgress({
      campaign: migrationCampaign({
        source: 'app',
        state: 'draft',
        version: 2,
      }),
    });
    let change: unknown;
    server.use(
      http.get(`${CAMPAIGN_URL}/progress`, () => HttpResponse.json(progress)),
      http.post(`${CAMPAIGN_URL}/state`, async ({ request }) => {
        change = await request.json();
        progress = migrationProgress({
          campaign: migrationCampaign({
            source: 'app',
            state: 'active',
            version: 3,
          }),
        });
        return HttpResponse.json(progress.campaign);
      }),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/migration-2026',
    });

    expect(await screen.findByText('Draft')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Activate' }));

    expect(await screen.findByText('Active')).toBeInTheDocument();
    expect(change).toEqual({ state: 'active', version: 2 });
    expect(screen.getByRole('button', { name: 'End' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
  });

  it('offers no changes to a campaign from config', async () => {
    serveProgress();
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/migration-2026',
    });
    expect(
      await screen.findByRole('button', { name: 'Late list (CSV)' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'End' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the campaign does not exist', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/campaigns/nope/progress`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No campaign nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderWithRegistry(<RegistryRoutes />, {
      mountPath: '/registry/*',
      path: '/registry/campaigns/nope',
    });
    expect(await screen.findByText(/No campaign nope/)).toBeInTheDocument();
  });
});
