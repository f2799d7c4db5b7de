import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorBody, request } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { MoratoriumPage } from '../MoratoriumPage';

const taxSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'tax', namespace: 'default', title: 'Налоговая система' },
  spec: {
    type: 'state-information-system',
    owner: 'group:default/minfin',
    registry: { title: { ru: 'Налоговая система', kk: 'Салық жүйесі' } },
  },
};

/** Types a value the way a paste does: one change, not one per letter. */
async function fill(field: HTMLElement, value: string) {
  await userEvent.click(field);
  await userEvent.paste(value);
}

function renderWizard() {
  return renderWithMoratorium(<MoratoriumPage />, {
    mountPath: '/moratorium/*',
    path: '/moratorium/new',
    catalogEntities: [taxSystem],
  });
}

describe('RequestWizard', () => {
  // A whole wizard re-renders on each change; give the longer walks time.
  jest.setTimeout(20_000);
  const server = setupServer();
  registerMswTestHooks(server);

  /** A backend that keeps one draft and records what the wizard sends. */
  function serveDraft(submit: () => Response | Promise<Response>) {
    const sent: { method: string; body: any; key: string | null }[] = [];
    let version = 0;
    const draft = () =>
      request({
        id: 'd1',
        number: 'EX-2026-0005',
        state: 'draft',
        version,
        allowedActions: ['submit', 'withdraw'],
      });
    server.use(
      http.get(`${MORATORIUM_URL}/similar-systems`, ({ request: r }) => {
        // As the backend's OpenAPI validation does: a space sent as `+` is
        // refused.
        if (r.url.includes('+')) {
          return HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message: "Parameter 'q' must be url encoded",
              },
            },
            { status: 400 },
          );
        }
        const q = new URL(r.url).searchParams.get('q') ?? '';
        return HttpResponse.json({
          items: q.includes('бюджет')
            ? [
                {
                  entityRef: 'system:default/budget',
                  title: { ru: 'Бюджетная система', kk: 'Бюджет жүйесі' },
                  registryNumber: 'ИС-100',
                  matchedTerms: ['бюджет'],
                },
              ]
            : [],
        });
      }),
      http.post(`${MORATORIUM_URL}/requests`, async ({ request: r }) => {
        sent.push({
          method: 'POST',
          body: await r.json(),
          key: r.headers.get('Idempotency-Key'),
        });
        version = 1;
        return HttpResponse.json(draft(), { status: 201 });
      }),
      http.put(`${MORATORIUM_URL}/requests/d1`, async ({ request: r }) => {
        const body = (await r.json()) as any;
        sent.push({ method: 'PUT', body, key: null });
        if (body.version !== version) {
          return HttpResponse.json(
            errorBody('ConflictError', 'version moved', 409),
            { status: 409 },
          );
        }
        version += 1;
        return HttpResponse.json(draft());
      }),
      http.post(
        `${MORATORIUM_URL}/requests/d1/transitions`,
        async ({ request: r }) => {
          sent.push({ method: 'TRANSITION', body: await r.json(), key: null });
          return submit();
        },
      ),
      http.get(`${MORATORIUM_URL}/requests/d1`, () =>
        HttpResponse.json(
          request({
            id: 'd1',
            number: 'EX-2026-0005',
            state: 'submitted',
            version: 9,
            allowedActions: ['withdraw'],
          }),
        ),
      ),
    );
    return sent;
  }

  it('picks a register system, finds similar systems and saves the draft, then saves it again with its version', async () => {
    const sent = serveDraft(() => HttpResponse.json({}));
    await renderWizard();

    // The first render of the file loads every module: slow on a busy CI.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'New exemption request' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    await fill(screen.getByLabelText('Search the register'), 'налог');
    await userEvent.click(await screen.findByText('Налоговая система'));
    expect(screen.getByText('Selected: Налоговая система')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await fill(screen.getByLabelText(/^Purpose/), 'Учёт бюджетных платежей');
    expect(
      await screen.findByRole('link', { name: 'Бюджетная система' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/shared words: бюджет/)).toBeInTheDocument();
    await fill(screen.getByLabelText('Capability 1'), 'Classified data');
    await fill(
      screen.getByLabelText('Why the platform cannot provide it 1'),
      'No classified segment',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText('Draft EX-2026-0005 saved'),
    ).toBeInTheDocument();
    expect(sent[0]).toEqual({
      method: 'POST',
      key: expect.any(String),
      body: {
        content: {
          system: { kind: 'existing', entityRef: 'system:default/tax' },
          purpose: 'Учёт бюджетных платежей',
          capabilityGaps: [
            { capability: 'Classified data', reason: 'No classified segment' },
          ],
        },
      },
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Add a capability gap' }),
    );
    await fill(screen.getByLabelText('Capability 2'), 'Offline mode');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].method).toBe('PUT');
    expect(sent[1].body.version).toBe(1);
    expect(sent[1].body.content.capabilityGaps).toEqual([
      { capability: 'Classified data', reason: 'No classified segment' },
      { capability: 'Offline mode', reason: '' },
    ]);
  }, 60_000);

  it('describes a planned system with its titles and the ref it will get', async () => {
    const sent = serveDraft(() => HttpResponse.json({}));
    await renderWizard();

    await userEvent.click(await screen.findByLabelText('A planned system'));
    await fill(
      screen.getByLabelText(/^Title \(Russian\)/),
      'Казначейская система',
    );
    await fill(
      screen.getByLabelText(/^Title \(Kazakh\)/),
      'Қазынашылық жүйесі',
    );
    expect(
      screen.getByText(/It will be registered as system:default\//),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText('Draft EX-2026-0005 saved');
    expect(sent[0].body.content.system).toEqual({
      kind: 'planned',
      entityRef: expect.stringMatching(/^system:default\/[a-z0-9-]+$/),
      title: { ru: 'Казначейская система', kk: 'Қазынашылық жүйесі' },
    });
  });

  it('lists what the server says is missing when the request is submitted too early', async () => {
    const sent = serveDraft(() =>
      HttpResponse.json(
        errorBody(
          'InputError',
          'The request is incomplete: cost.budgetProgramme is missing; securityPlan is missing',
          400,
        ),
        { status: 400 },
      ),
    );
    await renderWizard();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    const missing = await screen.findByRole('list', {
      name: 'The request cannot be submitted yet:',
    });
    expect(missing).toHaveTextContent('cost.budgetProgramme is missing');
    expect(missing).toHaveTextContent('securityPlan is missing');
    // Saved first, then submitted with the version the save returned.
    expect(sent.map(s => s.method)).toEqual(['POST', 'TRANSITION']);
    expect(sent[1].body).toEqual({ action: 'submit', version: 1 });
  });

  it('names the missing fields in the user language when the server lists them', async () => {
    serveDraft(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'The request is incomplete',
            problems: [
              {
                field: 'cost.budgetProgramme',
                problem: 'missing',
                message: 'cost.budgetProgramme is missing',
              },
              {
                field: 'capabilityGaps.0.reason',
                problem: 'empty',
                message: 'capabilityGaps[0].reason is empty',
              },
            ],
          },
          response: { statusCode: 400 },
        },
        { status: 400 },
      ),
    );
    await renderWizard();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByText('Budget programme: missing'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Why the platform cannot provide it: empty'),
    ).toBeInTheDocument();
  });

  it('opens the submitted request once the server accepts it', async () => {
    const sent = serveDraft(() =>
      HttpResponse.json(
        request({ id: 'd1', number: 'EX-2026-0005', state: 'submitted' }),
      ),
    );
    await renderWizard();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByRole('heading', { name: 'Request EX-2026-0005' }),
    ).toBeInTheDocument();
    expect(sent.at(-1)?.body).toEqual({ action: 'submit', version: 1 });
  });
});
