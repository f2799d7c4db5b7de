import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ListRegistrySystemsResponse } from '../../api';
import { TWO_BODY_STATS, registrySystem } from '../../__testUtils__/fixtures';
import {
  REGISTRY_URL,
  renderWithRegistry,
} from '../../__testUtils__/renderWithRegistry';
import { RegisterPage } from './RegisterPage';

// A full page with msw round trips; the 5 s default is too tight on a
// loaded machine.
jest.setTimeout(30_000);

const portal = registrySystem('portal', {
  title: { ru: 'Веб-портал', kk: 'Веб-портал (kk)', en: 'E-Government Portal' },
  registryNumber: 'ИС-83319',
});
const tax = registrySystem('tax', {
  title: { ru: 'Налоговая система' },
  registryNumber: 'ИС-10002',
  owner: { ref: 'group:default/minfin', bin: '000000000000' },
  platformStatus: 'exempted',
});
const cadastre = registrySystem('cadastre', {
  title: { ru: 'Кадастр', en: 'Cadastre' },
  registryNumber: 'ИС-20003',
  platformStatus: 'violation',
  lifecycleStage: 'creation',
  critical: true,
});

describe('RegisterPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Serves the stats and answers /systems with `respond`, recording queries. */
  function serve(
    respond: (params: URLSearchParams) => ListRegistrySystemsResponse,
  ) {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${REGISTRY_URL}/stats`, () =>
        HttpResponse.json(TWO_BODY_STATS),
      ),
      http.get(`${REGISTRY_URL}/systems`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        return HttpResponse.json(respond(params));
      }),
    );
    return queries;
  }

  it('lists the systems with their state bodies, stages and statuses', async () => {
    serve(() => ({ items: [portal, tax], totalCount: 2 }));
    await renderWithRegistry(<RegisterPage />);

    const portalLink = await screen.findByRole('link', {
      name: 'E-Government Portal',
    });
    expect(portalLink).toHaveAttribute(
      'href',
      '/catalog/default/system/portal',
    );
    // No English title: the Russian one stands in.
    expect(screen.getByText('Налоговая система')).toBeInTheDocument();
    const portalRow = portalLink.closest('tr')!;
    expect(within(portalRow).getByText('ИС-83319')).toBeInTheDocument();
    expect(
      within(portalRow).getByRole('link', {
        name: 'Ministry of Digital Development',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/mcriap');
    expect(
      within(portalRow).getByText('Industrial operation'),
    ).toBeInTheDocument();
    expect(within(portalRow).getByText('On the platform')).toBeInTheDocument();
    const taxRow = screen.getByText('Налоговая система').closest('tr')!;
    expect(within(taxRow).getByText('Exempted')).toBeInTheDocument();
    expect(screen.getByText('Shown 2 of 2')).toBeInTheDocument();
  });

  it('shows the register title and every facet with its count', async () => {
    serve(() => ({ items: [portal], totalCount: 1 }));
    await renderWithRegistry(<RegisterPage />);

    expect(
      await screen.findByRole('heading', {
        name: 'Register of information systems',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('option', {
        name: 'Ministry of Digital Development (3)',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'Ministry of Finance (2)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'Industrial operation (4)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: 'Pilot operation (0)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('On the platform (3)')).toBeInTheDocument();
    expect(screen.getByText('In violation (1)')).toBeInTheDocument();
    expect(screen.getByText('Legacy, migrating (0)')).toBeInTheDocument();
  });

  it('speaks of digital systems when the Digital Code term set is configured', async () => {
    serve(() => ({ items: [portal], totalCount: 1 }));
    await renderWithRegistry(<RegisterPage />, {
      config: { qaztech: { terminology: 'digital-system' } },
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Register of digital systems',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Register of information systems'),
    ).not.toBeInTheDocument();
  });

  it('sends each filter to the backend and shows what matches', async () => {
    const queries = serve(params => {
      if (params.get('platformStatus') === 'violation') {
        return { items: [cadastre], totalCount: 1 };
      }
      return { items: [portal, tax, cadastre], totalCount: 3 };
    });
    await renderWithRegistry(<RegisterPage />);
    expect(await screen.findByText('Shown 3 of 3')).toBeInTheDocument();

    await userEvent.click(await screen.findByText('In violation (1)'));
    expect(await screen.findByText('Shown 1 of 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cadastre' })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'E-Government Portal' }),
    ).not.toBeInTheDocument();
    expect(queries.at(-1)?.get('platformStatus')).toBe('violation');

    await userEvent.selectOptions(
      screen.getByLabelText('State body'),
      'group:default/mcriap',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Lifecycle stage'),
      'creation',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Data category'),
      'personal',
    );
    await userEvent.click(screen.getByLabelText('Critical only'));
    await userEvent.type(screen.getByLabelText('Search'), 'кадастр');

    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('кадастр'));
    const last = queries.at(-1)!;
    expect(Object.fromEntries(last)).toEqual({
      owner: 'group:default/mcriap',
      platformStatus: 'violation',
      lifecycleStage: 'creation',
      critical: 'true',
      dataCategory: 'personal',
      q: 'кадастр',
      sort: 'title',
      order: 'asc',
      limit: '25',
    });
    expect(
      await screen.findByRole('link', { name: 'Cadastre' }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(await screen.findByText('Shown 3 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('shows unverified claims with claim and evidence, and filters on them', async () => {
    const claiming = registrySystem('claiming', {
      title: { ru: 'Заявитель', en: 'Claimant' },
      platformStatus: 'violation',
      unverifiedClaims: [
        {
          field: 'onPlatform',
          claimed: 'true',
          evidence: 'false',
          source: 'platform-inventory',
        },
        {
          field: 'createdAt',
          claimed: '2025-12-01',
          evidence: '2026-12-07',
          source: 'first-seen',
        },
        {
          field: 'owner',
          claimed: 'group:default/qaztech-developers',
          evidence: 'not-a-state-body',
          source: 'catalog',
        },
      ],
    });
    const queries = serve(params =>
      params.get('unverified') === 'true'
        ? { items: [claiming], totalCount: 1 }
        : { items: [portal, claiming], totalCount: 2 },
    );
    await renderWithRegistry(<RegisterPage />);

    const row = (await screen.findByRole('link', { name: 'Claimant' })).closest(
      'tr',
    )!;
    expect(within(row).getByTestId('unverified-claims')).toHaveTextContent(
      'Unverified: claims to run on the platform; the platform inventory does not list it; claims creation on 2025-12-01; the register first saw it on 2026-12-07; names group:default/qaztech-developers as owner; that Group is not a state body in the catalog',
    );
    const portalRow = screen
      .getByRole('link', { name: 'E-Government Portal' })
      .closest('tr')!;
    expect(
      within(portalRow).queryByTestId('unverified-claims'),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Unverified claims only'));
    await waitFor(() => expect(queries.at(-1)?.get('unverified')).toBe('true'));
    expect(await screen.findByText('Shown 1 of 1')).toBeInTheDocument();
  });

  it('says so when no system matches the filters', async () => {
    serve(() => ({ items: [], totalCount: 0 }));
    await renderWithRegistry(<RegisterPage />);

    expect(
      await screen.findByText('No systems match these filters'),
    ).toBeInTheDocument();
    expect(screen.getByText('Shown 0 of 0')).toBeInTheDocument();
  });

  it('shows the backend error when the register cannot be read', async () => {
    server.use(
      http.get(`${REGISTRY_URL}/stats`, () =>
        HttpResponse.json(TWO_BODY_STATS),
      ),
      http.get(`${REGISTRY_URL}/systems`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'unknown lifecycle stage "retired"',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await renderWithRegistry(<RegisterPage />);

    expect(
      (await screen.findAllByText(/unknown lifecycle stage "retired"/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText('No systems match these filters'),
    ).not.toBeInTheDocument();
  });

  it('pages through the register with the cursor the backend returns', async () => {
    const queries = serve(params =>
      params.get('cursor') === 'after-tax'
        ? { items: [cadastre], totalCount: 3 }
        : { items: [portal, tax], totalCount: 3, nextCursor: 'after-tax' },
    );
    await renderWithRegistry(<RegisterPage />);

    expect(await screen.findByText('Shown 2 of 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await screen.findByText('Shown 3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cadastre' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'E-Government Portal' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Show more' }),
    ).not.toBeInTheDocument();
    expect(queries.at(-1)?.get('cursor')).toBe('after-tax');
  });

  it('draws a bar per state body with a segment per status and its count', async () => {
    serve(() => ({ items: [portal], totalCount: 1 }));
    await renderWithRegistry(<RegisterPage />);

    expect(
      await screen.findByRole('img', {
        name: 'Ministry of Digital Development: On the platform — 2',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Ministry of Digital Development: In violation — 1',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Ministry of Finance: Exempted — 1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Ministry of Finance: 2 in total' }),
    ).toBeInTheDocument();
  });

  it('exports the register with the filters on the page', async () => {
    const exports: URLSearchParams[] = [];
    serve(() => ({ items: [cadastre], totalCount: 1 }));
    server.use(
      http.get(`${REGISTRY_URL}/export.csv`, ({ request }) => {
        exports.push(new URL(request.url).searchParams);
        return new HttpResponse('entityRef,title\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:registry';
    };
    URL.revokeObjectURL = () => {};
    // jsdom cannot download; record which file the link would save.
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    await renderWithRegistry(<RegisterPage />);

    await userEvent.click(await screen.findByText('In violation (1)'));
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].text()).toBe('entityRef,title\n');
    // `;`: the separator Excel and LibreOffice use in the ru and kk locales
    expect(Object.fromEntries(exports[0])).toEqual({
      platformStatus: 'violation',
      sep: ';',
    });
    expect(downloads).toEqual([
      expect.stringMatching(/^registry-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    click.mockRestore();
    expect(
      await screen.findByRole('button', { name: 'Export CSV' }),
    ).toBeEnabled();
  });
});
