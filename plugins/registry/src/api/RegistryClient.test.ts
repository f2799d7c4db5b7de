import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registrySystem } from '../__testUtils__/fixtures';
import { RegistryClient } from './RegistryClient';

const BASE = 'http://localhost:7007/api/registry';

describe('RegistryClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new RegistryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('returns one system with its record, or nothing when it is not in the register', async () => {
    server.use(
      http.get(`${BASE}/systems/default/shep`, () =>
        HttpResponse.json({ ...registrySystem('shep'), record: {} }),
      ),
      http.get(`${BASE}/systems/default/unknown`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'not in the register' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    expect(
      await client.getSystem({ namespace: 'default', name: 'shep' }),
    ).toMatchObject({ name: 'shep', record: {} });
    expect(
      await client.getSystem({ namespace: 'default', name: 'unknown' }),
    ).toBeUndefined();
  });

  it('throws the backend error with its message', async () => {
    server.use(
      http.get(`${BASE}/stats`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not allowed to read' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );

    const error = await client.getStats().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe('not allowed to read');
    expect(error.statusCode).toBe(403);
  });
});
