import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { RegistryClient, registryApiRef } from '@qaztech/plugin-registry';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createQazTechEntityPresentationApi } from '../presentation';
import { RegistrySystemPicker, StateBodyPicker } from './fields';
import { PICKER_PAGE_SIZE } from './PagedEntityPicker';

jest.setTimeout(30_000);

const REGISTRY_URL = 'http://localhost:7007/api/registry';

const systems = [
  {
    entityRef: 'system:default/portal',
    namespace: 'default',
    name: 'portal',
    title: {
      ru: 'Веб-портал «электронного правительства»',
      kk: '«Электрондық үкімет» веб-порталы',
      en: 'E-Government Web Portal',
    },
    registryNumber: 'ИС-83319',
    owner: { ref: 'group:default/mcriap' },
  },
  {
    entityRef: 'system:default/e-licensing',
    namespace: 'default',
    name: 'e-licensing',
    title: { ru: 'Государственная база данных «Е-лицензирование»', kk: '' },
    registryNumber: 'ИС-10001',
    owner: { ref: 'group:default/mcriap' },
  },
];

function fieldProps(onChange: (value?: string) => void, formData?: string) {
  return {
    name: 'system',
    formData,
    onChange,
    schema: { type: 'string' as const, title: 'Система из реестра' },
    uiSchema: {},
    idSchema: { $id: 'root_system' },
    required: true,
    rawErrors: [],
  } as any;
}

describe('RegistrySystemPicker', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Serves one page of the register, recording every query. */
  function serveRegister(): URLSearchParams[] {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${REGISTRY_URL}/systems`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        const q = (params.get('q') ?? '').toLowerCase();
        const items = systems.filter(
          s =>
            !q ||
            Object.values(s.title).some(t => t.toLowerCase().includes(q)) ||
            s.registryNumber.toLowerCase().includes(q),
        );
        return HttpResponse.json({ items, totalCount: items.length });
      }),
    );
    return queries;
  }

  async function renderPicker(onChange: (value?: string) => void) {
    const registryApi = new RegistryClient({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(<RegistrySystemPicker {...fieldProps(onChange)} />, {
      apis: [
        [registryApiRef, registryApi],
        [
          entityPresentationApiRef,
          createQazTechEntityPresentationApi({
            catalogApi: catalogApiMock(),
            getLanguage: () => 'en',
          }),
        ],
      ],
    });
  }

  it('searches the register’s first page as one types, once per pause, and stores the ref', async () => {
    const queries = serveRegister();
    const onChange = jest.fn();
    await renderPicker(onChange);

    const field = screen.getByRole('textbox', { name: /Система из реестра/ });
    await userEvent.type(field, 'портал');

    const option = await screen.findByRole('option', {
      name: /E-Government Web Portal/,
    });
    expect(option).toHaveTextContent('ИС-83319 · portal');
    expect(
      screen.queryByRole('option', { name: /лицензирование/ }),
    ).not.toBeInTheDocument();

    // Typing six letters sent one search for the whole word, not six.
    const typed = queries.filter(q => q.get('q'));
    expect(typed.map(q => q.get('q'))).toEqual(['портал']);
    for (const query of queries) {
      expect(query.get('limit')).toBe(String(PICKER_PAGE_SIZE));
      expect(query.get('cursor')).toBeNull();
    }

    await userEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith('system:default/portal');
    expect(field).toHaveValue('E-Government Web Portal');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('falls back to the Russian title and says when nothing matches', async () => {
    serveRegister();
    await renderPicker(jest.fn());
    const field = screen.getByRole('textbox', { name: /Система из реестра/ });

    await userEvent.type(field, 'ИС-10001');
    expect(
      await screen.findByRole('option', {
        name: /Государственная база данных «Е-лицензирование»/,
      }),
    ).toBeInTheDocument();

    await userEvent.clear(field);
    await userEvent.type(field, 'несуществующая');
    expect(
      await screen.findByText('Nothing found for «несуществующая»'),
    ).toBeInTheDocument();
  });
});

describe('StateBodyPicker', () => {
  const group = (name: string, title: string, displayName: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title },
    spec: { type: 'state-body', profile: { displayName }, children: [] },
  });

  it('offers state bodies by display name, one page at a time, and stores the Group ref', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        group(
          'mcriap',
          'МЦРИАП РК',
          'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
        ),
        group('minfin', 'Министерство финансов РК', 'Министерство финансов'),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'qaztech-developers' },
          spec: { type: 'team', children: [] },
        },
      ],
    });
    const queryEntities = jest.spyOn(catalogApi, 'queryEntities');
    const onChange = jest.fn();
    await renderInTestApp(
      <StateBodyPicker
        {...fieldProps(onChange)}
        schema={{ type: 'string', title: 'Государственный орган' }}
      />,
      {
        apis: [
          [catalogApiRef, catalogApi],
          [
            entityPresentationApiRef,
            createQazTechEntityPresentationApi({
              catalogApi,
              getLanguage: () => 'ru',
            }),
          ],
        ],
      },
    );

    const field = screen.getByRole('textbox', {
      name: /Государственный орган/,
    });
    await userEvent.click(field);
    // Only state bodies, never the teams.
    expect(
      await screen.findByRole('option', { name: /Министерство финансов/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: /qaztech-developers/ }),
    ).not.toBeInTheDocument();

    await userEvent.type(field, 'цифров');
    await waitFor(() =>
      expect(
        screen.queryByRole('option', { name: /Министерство финансов/ }),
      ).not.toBeInTheDocument(),
    );
    await userEvent.click(
      screen.getByRole('option', { name: /Министерство цифрового развития/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith('group:default/mcriap');
    for (const [request] of queryEntities.mock.calls) {
      expect(request).toMatchObject({ limit: PICKER_PAGE_SIZE });
    }
  });
});
