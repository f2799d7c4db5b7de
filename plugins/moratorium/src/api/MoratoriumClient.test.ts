import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorBody, request, summary } from '../__testUtils__/fixtures';
import { MoratoriumClient } from './MoratoriumClient';

const BASE = 'http://localhost:7007/api/moratorium';

describe('MoratoriumClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new MoratoriumClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists requests with the filters that are set, states comma-separated', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE}/requests`, ({ request: r }) => {
        query = new URL(r.url).searchParams;
        return HttpResponse.json({ items: [summary('1')], totalCount: 1 });
      }),
    );

    const page = await client.listRequests({
      state: ['submitted', 'platform-review'],
      mine: true,
      q: '',
      cursor: 'next',
    });

    expect(page.items[0].number).toBe('EX-2026-0001');
    expect(Object.fromEntries(query!)).toEqual({
      state: 'submitted,platform-review',
      mine: 'true',
      cursor: 'next',
    });
  });

  it('sends transitions with the version and an idempotency key', async () => {
    const seen: { body: unknown; key: string | null }[] = [];
    server.use(
      http.post(
        `${BASE}/requests/r%2F1/transitions`,
        async ({ request: r }) => {
          seen.push({
            body: await r.json(),
            key: r.headers.get('Idempotency-Key'),
          });
          return HttpResponse.json(request({ state: 'platform-review' }));
        },
      ),
    );

    const result = await client.transition('r/1', { action: 'accept' }, 4, {
      idempotencyKey: 'k-1',
    });
    await client.transition('r/1', { action: 'accept' }, 4);

    expect(result.state).toBe('platform-review');
    expect(seen[0]).toEqual({
      body: { action: 'accept', version: 4 },
      key: 'k-1',
    });
    expect(seen[1].key).toEqual(expect.any(String));
    expect(seen[1].key).not.toBe('k-1');
  });

  it('saves a draft with its version', async () => {
    let body: unknown;
    server.use(
      http.put(`${BASE}/requests/r1`, async ({ request: r }) => {
        body = await r.json();
        return HttpResponse.json(request({ state: 'draft', version: 3 }));
      }),
    );

    const saved = await client.updateRequest('r1', { purpose: 'x' }, 2);

    expect(saved.version).toBe(3);
    expect(body).toEqual({ content: { purpose: 'x' }, version: 2 });
  });

  it('throws the backend error with its status and message', async () => {
    server.use(
      http.post(`${BASE}/requests/r1/votes`, () =>
        HttpResponse.json(errorBody('ConflictError', 'request changed', 409), {
          status: 409,
        }),
      ),
    );

    const error = await client.vote('r1', { choice: 'for' }).catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('request changed');
  });

  it('asks for similar systems and exemptions by query', async () => {
    server.use(
      http.get(`${BASE}/similar-systems`, ({ request: r }) =>
        HttpResponse.json({
          items: [
            {
              entityRef: 'system:default/budget',
              title: { ru: new URL(r.url).searchParams.get('q'), kk: '' },
              matchedTerms: [],
            },
          ],
        }),
      ),
      http.get(`${BASE}/exemptions`, ({ request: r }) =>
        HttpResponse.json({
          items: [
            {
              decisionNumber: new URL(r.url).searchParams.get('system'),
              decisionDate: '2026-03-02',
              status: 'approved',
              source: 'moratorium',
            },
          ],
        }),
      ),
    );

    expect(
      (await client.findSimilarSystems('учёт платежей')).items[0].title.ru,
    ).toBe('учёт платежей');
    expect(
      (await client.getExemptions('system:default/tax')).items[0]
        .decisionNumber,
    ).toBe('system:default/tax');
  });
});
