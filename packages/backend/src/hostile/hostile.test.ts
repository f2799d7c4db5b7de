import { Entity } from '@backstage/catalog-model';
import { resolve } from 'node:path';
import request from 'supertest';
import {
  CORPUS_DIR,
  HostileCase,
  expand,
  queryString,
  readCorpusFile,
  readManifest,
} from './__testUtils__/corpus';
import {
  Endpoint,
  writeAndFilterEndpoints,
} from './__testUtils__/openApiEndpoints';
import {
  HostileBackend,
  SERVICE_TOKEN,
  startHostileBackend,
  testDatabases,
} from './__testUtils__/startHostileBackend';

// A whole backend boots per database and the corpus sends about a thousand
// requests: far beyond jest's 5 s default on a loaded 2-core machine.
jest.setTimeout(180_000);

const manifest = readManifest();
const endpoints = writeAndFilterEndpoints();
const databases = testDatabases();

/** A valid app campaign; `$campaign` cases override parts of it. */
const CAMPAIGN = {
  id: 'hostile-case',
  title: { ru: 'Кампания', kk: 'Науқан', en: 'Campaign' },
  owner: 'group:default/mcriap',
  scope: {},
  goal: { kind: 'platform-status', statuses: ['on-platform'] },
  startDate: '2026-01-01',
  milestones: [{ date: '2026-12-31', share: 1 }],
};

const CORPUS_SYSTEMS = [
  'hostile-kazakh-portal',
  'hostile-licensing',
  'hostile-quotes',
  'hostile-tax-portal',
  'hostile-wildcards',
];

/** What each database answered, to compare them at the end. */
const answers: Record<string, Map<string, string>> = {};

async function eventually<T>(fn: () => Promise<T>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

function endpointOf(key: string): Endpoint | undefined {
  return endpoints.find(e => e.key === key);
}

/** The path of an endpoint with its parameters filled in. */
function fillPath(
  endpoint: string,
  params: Record<string, string>,
  vars: Record<string, string>,
): string {
  const [, path] = endpoint.split(' ');
  const defaults = {
    ...manifest.pathParams,
    ...manifest.pathParamsByEndpoint[endpoint],
    ...params,
  };
  return path.replace(/\{(\w+)\}/g, (_, name) =>
    encodeURIComponent(
      String(expand(defaults[name] ?? `no-such-${name}`, vars, CAMPAIGN)),
    ),
  );
}

/** The error message of a JSON error body, or '' when there is none. */
function messageOf(res: request.Response): string {
  return String(res.body?.error?.message ?? '');
}

describe('the hostile corpus', () => {
  it('has cases for every write and filter endpoint of the OpenAPI specs', () => {
    const covered = new Set(manifest.cases.map(c => c.endpoint));
    const writes = endpoints.filter(e => e.kind === 'write');
    expect(writes.length).toBeGreaterThanOrEqual(10);
    // Filter endpoints are also swept with every value of `sweep`; a write
    // endpoint needs cases of its own.
    expect(writes.filter(e => !covered.has(e.key)).map(e => e.key)).toEqual([]);
    const unknown = manifest.cases.filter(c => !endpointOf(c.endpoint));
    expect(unknown.map(c => `${c.id}: ${c.endpoint}`)).toEqual([]);
    const ids = manifest.cases.map(c => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe.each(databases.map(d => [d.name, d] as const))(
  'the hostile corpus on %s',
  (name, database) => {
    let backend: HostileBackend;
    const users = new Map<string, string>();
    const vars: Record<string, string> = {};
    const answered = new Map<string, string>();
    answers[name] = answered;

    async function auth(as = 'platform.admin'): Promise<string | undefined> {
      if (as === 'anonymous') return undefined;
      if (as === 'service') return `Bearer ${SERVICE_TOKEN}`;
      if (!users.has(as)) {
        users.set(as, await eventually(() => backend.signIn(as)));
      }
      return users.get(as);
    }

    async function send(c: HostileCase): Promise<request.Response> {
      const method = c.endpoint.split(' ')[0].toLowerCase();
      const url =
        fillPath(c.endpoint, c.params ?? {}, vars) +
        queryString(
          (expand(c.query ?? {}, vars, CAMPAIGN) as Record<string, unknown>) ??
            {},
        );
      let req = (request(backend.server) as any)[method](url);
      const header = await auth(c.as);
      if (header) req = req.set('authorization', header);
      if (c.bodyFile) {
        const bytes = readCorpusFile(c.bodyFile);
        req = req.set('content-type', c.contentType ?? 'application/json');
        // superagent would serialise a Buffer as a JSON object: text goes
        // as a string, bytes that are not UTF-8 straight to the socket.
        if (Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) {
          req = req.send(bytes.toString('utf8'));
        } else {
          req.write(bytes);
        }
      } else if (c.body !== undefined) {
        const body = JSON.stringify(expand(c.body, vars, CAMPAIGN));
        req = req
          .set('content-type', c.contentType ?? 'application/json')
          .send(body);
      }
      return req;
    }

    beforeAll(async () => {
      backend = await startHostileBackend({
        database,
        systemFiles: [resolve(CORPUS_DIR, 'catalog/systems.yaml')],
        imports: manifest.imports.map(i => ({
          id: i.id,
          source: resolve(CORPUS_DIR, i.file),
          format: i.format,
        })),
      });
      const admin = (await auth())!;
      // The catalog has the state bodies and the corpus's systems before
      // the register is projected from it.
      await eventually(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities')
          .query({ filter: 'kind=system' })
          .set('authorization', admin);
        const names = res.body.map((e: Entity) => e.metadata.name).sort();
        if (names.join() !== CORPUS_SYSTEMS.join()) {
          throw new Error(`The catalog has only ${names.join(', ')}`);
        }
      });
      await backend.runTask('registry-sync');

      const campaign = await request(backend.server)
        .post('/api/registry/campaigns')
        .set('authorization', admin)
        .send({ ...CAMPAIGN, id: 'hostile-fixture' });
      if (campaign.status !== 201) {
        throw new Error(`Creating the fixture campaign: ${campaign.text}`);
      }
      vars.campaign = campaign.body.id;
      const draft = await request(backend.server)
        .post('/api/moratorium/requests')
        .set('authorization', admin)
        .send({ content: { purpose: 'Черновик корпуса' } });
      if (draft.status !== 201) {
        throw new Error(`Creating the fixture request: ${draft.text}`);
      }
      vars.request = draft.body.id;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it.each(manifest.cases.map(c => [c.id, c] as const))(
      '%s: 4xx naming the problem, nothing stored',
      async (_id, c) => {
        const before = await backend.rowCounts();
        const res = await send(c);
        expect({ status: res.status, body: res.text.slice(0, 300) }).toEqual({
          status: c.expect.status,
          body: expect.anything(),
        });
        expect(messageOf(res)).toMatch(new RegExp(c.expect.message ?? '', 'i'));
        expect(await backend.rowCounts()).toEqual(before);
      },
    );

    it('sweeps every filter, search and sort parameter with SQL fragments and wildcards', async () => {
      const before = await backend.rowCounts();
      const problems: string[] = [];
      for (const endpoint of endpoints.filter(e => e.kind === 'filter')) {
        for (const parameter of endpoint.query) {
          for (const raw of manifest.sweep) {
            const value = String(expand(raw, vars, CAMPAIGN));
            const c: HostileCase = {
              id: 'sweep',
              endpoint: endpoint.key,
              query: { [parameter.name]: value },
              expect: { status: 200 },
            };
            const res = await send(c);
            const label = `${endpoint.key} ?${parameter.name}=${JSON.stringify(
              value,
            )}`;
            if (res.status >= 500 || res.status < 200) {
              problems.push(`${label} answered ${res.status}: ${res.text}`);
            } else if (res.status >= 400 && res.status !== 404) {
              if (!messageOf(res).includes(parameter.name)) {
                problems.push(
                  `${label}: ${
                    res.status
                  } does not name the parameter: ${messageOf(res)}`,
                );
              }
            } else if (
              res.status === 200 &&
              (parameter.enumerated || /integer|boolean/.test(parameter.type))
            ) {
              problems.push(`${label} was accepted for a closed parameter`);
            }
            const items = res.body?.items;
            answered.set(
              label,
              `${res.status} ${Array.isArray(items) ? items.length : ''}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
      expect(await backend.rowCounts()).toEqual(before);
    });

    it.each(manifest.search.map((s, i) => [JSON.stringify(s.q), i] as const))(
      'searches the register for %s',
      async (_label, i) => {
        const search = manifest.search[i];
        const q = String(expand(search.q, vars, CAMPAIGN));
        const res = await request(backend.server)
          .get(`/api/registry/systems${queryString({ q, limit: 500 })}`)
          .set('authorization', (await auth())!);
        expect(res.status).toBe(200);
        const names = res.body.items.map((s: { name: string }) => s.name);
        answered.set(`search ${JSON.stringify(q)}`, JSON.stringify(names));
        expect(names).toEqual(search.expect);
      },
    );

    it.each(manifest.imports.map(i => [i.id, i] as const))(
      'imports %s: bad rows reported with line and reason, good rows imported',
      async (id, spec) => {
        await backend.runTask(`registry-import:${id}:refresh`);
        const admin = (await auth())!;
        const res = await request(backend.server)
          .get('/api/registry/imports?limit=500')
          .set('authorization', admin);
        expect(res.status).toBe(200);
        const report = res.body.items.find(
          (r: { sourceId: string }) => r.sourceId === id,
        );
        // A broken export fails whole; otherwise each bad row is listed
        // with its line and a reason naming the field.
        const expectedRows = spec.rejected ?? [];
        const rejected: Array<{ line: number; reason: string }> =
          report?.rejected ?? [];
        expect({
          status: report?.status,
          error: report?.error ?? '',
          imported: report?.imported,
          lines: rejected.map(r => r.line),
          unexplained: expectedRows
            .map((r, n) => ({ pattern: r.reason, got: rejected[n] }))
            .filter(
              ({ pattern, got }) => !new RegExp(pattern).test(got?.reason),
            )
            .map(({ got }) => `line ${got?.line}: ${got?.reason}`),
        }).toEqual({
          status: spec.error ? 'failed' : 'succeeded',
          error: expect.stringMatching(new RegExp(spec.error ?? '^$')),
          imported: spec.imported?.length ?? 0,
          lines: expectedRows.map(r => r.line),
          unexplained: [],
        });
        const location = `file:${resolve(CORPUS_DIR, spec.file)}`;
        await eventually(async () => {
          const entities = await request(backend.server)
            .get('/api/catalog/entities')
            .query({
              filter: `kind=system,metadata.annotations.backstage.io/managed-by-location=${location}`,
            })
            .set('authorization', admin);
          expect(
            entities.body.map((e: Entity) => e.metadata.name).sort(),
          ).toEqual([...(spec.imported ?? [])].sort());
        });
      },
    );
  },
);

if (databases.length > 1) {
  describe('SQLite and PostgreSQL', () => {
    it('answer every search and swept filter alike', () => {
      const [first, second] = databases.map(d => answers[d.name]);
      expect(first.size).toBeGreaterThan(100);
      expect(Object.fromEntries(second)).toEqual(Object.fromEntries(first));
    });
  });
}
