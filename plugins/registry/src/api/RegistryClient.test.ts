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

describe('RegistryClient campaigns', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new RegistryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('changes a campaign naming its version, and passes on the 409 of a stale one', async () => {
    let sent: unknown;
    server.use(
      http.put(`${BASE}/campaigns/migration-2026`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'changed since' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        );
      }),
    );
    const input = {
      title: { ru: 'а', kk: 'ә', en: 'a' },
      owner: 'user:default/a',
      scope: {},
      goal: { kind: 'readiness-level', level: 'ready' } as const,
      startDate: '2026-01-01',
      milestones: [{ date: '2026-03-31', share: 1 }],
    };
    const error = await client
      .updateCampaign('migration-2026', { ...input, version: 4 })
      .catch(e => e);
    expect(sent).toEqual({ ...input, version: 4 });
    expect(error.statusCode).toBe(409);
  });

  it('asks for one body’s systems of a campaign and unwraps the system lists', async () => {
    let query = '';
    server.use(
      http.get(`${BASE}/campaigns/migration-2026/progress`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ systems: { items: [], totalCount: 0 } });
      }),
      http.get(`${BASE}/systems/default/tax/campaigns`, () =>
        HttpResponse.json({ items: [{ id: 'migration-2026' }] }),
      ),
    );
    await client.getCampaignProgress('migration-2026', {
      stateBody: 'group:default/minfin',
      status: 'late',
      limit: 25,
    });
    expect(query).toBe(
      '?stateBody=group%3Adefault%2Fminfin&status=late&limit=25',
    );
    expect(
      await client.getSystemCampaigns({ namespace: 'default', name: 'tax' }),
    ).toEqual([{ id: 'migration-2026' }]);
  });
});
