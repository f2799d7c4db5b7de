import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SecurityReadinessClient } from './SecurityReadinessClient';

const BASE = 'http://localhost:7007/api/security-readiness';

describe('SecurityReadinessClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new SecurityReadinessClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads a scorecard by namespace and name, with the allowed actions', async () => {
    server.use(
      http.get(`${BASE}/scorecards/gov/e-license`, () =>
        HttpResponse.json({
          result: { systemRef: 'system:gov/e-license', checks: [] },
          waivers: [],
          attestations: [],
          allowedActions: ['attest'],
        }),
      ),
    );

    const view = await client.getScorecard('system:gov/e-license');

    expect(view.result.systemRef).toBe('system:gov/e-license');
    expect(view.allowedActions).toEqual(['attest']);
  });

  it('asks for history and the summary with only the parameters given', async () => {
    const queries: Record<string, string>[] = [];
    server.use(
      http.get(`${BASE}/scorecards/default/tax/history`, ({ request }) => {
        queries.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json({ items: [] });
      }),
      http.get(`${BASE}/summary`, ({ request }) => {
        queries.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json({ total: 0 });
      }),
    );

    await client.getHistory('system:default/tax', { limit: 20 });
    await client.getSummary({ days: 90 });

    expect(queries).toEqual([{ limit: '20' }, { days: '90' }]);
  });

  it('evaluates one system or all', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE}/evaluate`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          { id: 'run-1', status: 'queued' },
          { status: 202 },
        );
      }),
    );

    await client.evaluate('system:default/tax');
    const run = await client.evaluate();

    expect(run.id).toBe('run-1');
    expect(bodies).toEqual([{ systemRef: 'system:default/tax' }, {}]);
  });

  it('throws the backend error with its status and message', async () => {
    server.use(
      http.post(`${BASE}/signoffs`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'the scorecard changed' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );

    const error = await client
      .signOff({ systemRef: 'system:default/tax', evidenceHash: 'h' })
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('the scorecard changed');
  });
});
