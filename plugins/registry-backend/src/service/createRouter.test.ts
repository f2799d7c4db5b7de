import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  startRegistryBackend,
  systemEntity,
} from '../__testUtils__/startRegistryBackend';
import { registryPlugin } from '../plugin';

jest.setTimeout(90_000);

const USER = mockCredentials.user.header();
const SERVICE = mockCredentials.service.header();

describe('registry API', () => {
  let backend: Awaited<ReturnType<typeof startRegistryBackend>>;

  beforeAll(async () => {
    backend = await startRegistryBackend([
      systemEntity('e-licensing', {
        registryNumber: 'ИС-83319',
        title: {
          ru: 'Государственная база данных «Е-лицензирование»',
          kk: '«Е-лицензиялау» мемлекеттік деректер қоры',
        },
        dataCategories: ['personal', 'financial'],
      }),
      systemEntity('kazakh-portal', {
        registryNumber: 'ИС-2',
        title: { ru: 'Портал, "Қазақстан"', kk: 'Қазақстан порталы' },
        lifecycle: {
          stage: 'pilot-operation',
          history: [{ stage: 'pilot-operation', date: '2021-01-01' }],
        },
      }),
      systemEntity('legacy-erp', {
        registryNumber: 'ИС-3',
        title: { ru: 'Учёт ресурсов', kk: 'Ресурстар есебі' },
        platform: { onPlatform: false, migration: { deadline: '2026-09-30' } },
        hosting: { kind: 'own', country: 'KZ' },
      }),
    ]);
    await backend.waitForCatalog([
      'e-licensing',
      'kazakh-portal',
      'legacy-erp',
    ]);
    await backend.sync();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists systems with their registry fields', async () => {
    const res = await request(backend.server)
      .get('/api/registry/systems')
      .query({ q: 'е-ЛИЦЕНЗ' })
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      totalCount: 1,
      items: [
        {
          entityRef: 'system:default/e-licensing',
          namespace: 'default',
          name: 'e-licensing',
          title: {
            ru: 'Государственная база данных «Е-лицензирование»',
            kk: '«Е-лицензиялау» мемлекеттік деректер қоры',
          },
          registryNumber: 'ИС-83319',
          owner: { ref: 'group:default/mcriap', bin: '190740682689' },
          ownerKind: 'state-body',
          lifecycleStage: 'industrial-operation',
          platformStatus: 'on-platform',
          platformReason: 'The system runs on the QazTech platform.',
          critical: false,
          hostingKind: 'platform',
          hostingCountry: 'KZ',
          dataCategories: ['personal', 'financial'],
          updatedAt: expect.any(String),
        },
      ],
    });
  });

  it('filters, sorts and pages with a cursor', async () => {
    const first = await request(backend.server)
      .get('/api/registry/systems?sort=registryNumber&order=desc&limit=2')
      .set('Authorization', USER);
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.registryNumber)).toEqual([
      'ИС-83319',
      'ИС-3',
    ]);
    expect(first.body.totalCount).toBe(3);
    const second = await request(backend.server)
      .get('/api/registry/systems')
      .query({
        sort: 'registryNumber',
        order: 'desc',
        limit: 2,
        cursor: first.body.nextCursor,
      })
      .set('Authorization', USER);
    expect(second.body.items.map((i: any) => i.name)).toEqual([
      'kazakh-portal',
    ]);
    expect(second.body.nextCursor).toBeUndefined();

    const filtered = await request(backend.server)
      .get(
        '/api/registry/systems?platformStatus=legacy-migrating&platformStatus=violation&hostingKind=own&critical=false',
      )
      .set('Authorization', USER);
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.map((i: any) => i.name)).toEqual(['legacy-erp']);

    const byCategory = await request(backend.server)
      .get(
        '/api/registry/systems?dataCategory=financial&lifecycleStage=industrial-operation',
      )
      .set('Authorization', USER);
    expect(byCategory.body.items.map((i: any) => i.name)).toEqual([
      'e-licensing',
    ]);

    const byOwner = await request(backend.server)
      .get('/api/registry/systems?owner=group:default/mcriap')
      .set('Authorization', USER);
    expect(byOwner.body).toMatchObject({ totalCount: 3 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['platformStatus=compliant', 'platformStatus'],
    ['lifecycleStage=retired', 'lifecycleStage'],
    ['sort=owner', 'sort'],
    ['order=up', 'order'],
    ['critical=yes', 'critical'],
    ['dataCategory=secret', 'dataCategory'],
    [`q=${'я'.repeat(201)}`, 'q'],
    ['colour=red', 'colour'],
  ])('rejects %s with 400 naming %s', async (query, parameter) => {
    const res = await request(backend.server)
      .get(`/api/registry/systems?${encodeURI(query)}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(parameter);
  });

  it('tags list and stats bodies, so a client can revalidate with 304', async () => {
    for (const path of [
      '/api/registry/systems?limit=2',
      '/api/registry/stats',
    ]) {
      const first = await request(backend.server)
        .get(path)
        .set('Authorization', USER);
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
      const again = await request(backend.server)
        .get(path)
        .set('Authorization', USER);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toEqual(first.body);
      const notModified = await request(backend.server)
        .get(path)
        .set('Authorization', USER)
        .set('If-None-Match', first.headers.etag);
      expect(notModified.status).toBe(304);
    }
  });

  it('rejects a cursor it did not write', async () => {
    const res = await request(backend.server)
      .get('/api/registry/systems?cursor=abc')
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('cursor is not valid');
  });

  it('returns one system with its record, or 404', async () => {
    const res = await request(backend.server)
      .get('/api/registry/systems/default/legacy-erp')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'system:default/legacy-erp',
      platformStatus: 'legacy-migrating',
      platformReason: expect.stringContaining('2026-09-30'),
      record: { platform: { migration: { deadline: '2026-09-30' } } },
    });

    const missing = await request(backend.server)
      .get('/api/registry/systems/default/nothing-here')
      .set('Authorization', USER);
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });

  it('counts systems by status, stage and state body', async () => {
    const res = await request(backend.server)
      .get('/api/registry/stats')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 3,
      byPlatformStatus: { 'on-platform': 2, 'legacy-migrating': 1 },
      byLifecycleStage: { 'industrial-operation': 2, 'pilot-operation': 1 },
      byOwner: [
        {
          ref: 'group:default/mcriap',
          total: 3,
          byPlatformStatus: { 'on-platform': 2, 'legacy-migrating': 1 },
        },
      ],
    });
  });

  it('exports CSV that Excel opens with Cyrillic intact', async () => {
    const res = await request(backend.server)
      .get('/api/registry/export.csv?sort=name')
      .set('Authorization', USER)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    // sort is not an export parameter: the spec rejects it.
    expect(res.status).toBe(400);

    const csv = await request(backend.server)
      .get(
        '/api/registry/export.csv?lifecycleStage=industrial-operation&lifecycleStage=pilot-operation&hostingKind=platform',
      )
      .set('Authorization', USER)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="register-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const body: Buffer = csv.body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'entityRef,registryNumber,titleRu,titleKk,titleEn,ownerRef,ownerBin,ownerKind,lifecycleStage,platformStatus,platformReason,critical,hostingKind,hostingCountry,dataCategories,updatedAt',
    );
    expect(lines).toHaveLength(4); // header, two systems, empty after the last CRLF
    expect(lines[1]).toMatch(
      /^system:default\/e-licensing,ИС-83319,Государственная база данных «Е-лицензирование»,«Е-лицензиялау» мемлекеттік деректер қоры,,group:default\/mcriap,190740682689,state-body,industrial-operation,on-platform,The system runs on the QazTech platform\.,false,platform,KZ,personal;financial,/,
    );
    expect(lines[2]).toContain(
      'system:default/kazakh-portal,ИС-2,"Портал, ""Қазақстан""",Қазақстан порталы,',
    );
    expect(lines[3]).toBe('');
  });

  it('exports CSV with ; for Excel and LibreOffice in ru and kk, and names a bad sep', async () => {
    const csv = await request(backend.server)
      .get('/api/registry/export.csv?hostingKind=platform&sep=;')
      .set('Authorization', USER);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFentityRef;registryNumber;titleRu;titleKk;titleEn;ownerRef;ownerBin;ownerKind;lifecycleStage;platformStatus;platformReason;critical;hostingKind;hostingCountry;dataCategories;updatedAt',
    );
    expect(lines[1]).toMatch(
      /^system:default\/e-licensing;ИС-83319;Государственная база данных «Е-лицензирование»;«Е-лицензиялау» мемлекеттік деректер қоры;;group:default\/mcriap;190740682689;state-body;industrial-operation;on-platform;The system runs on the QazTech platform\.;false;platform;KZ;"personal;financial";/,
    );
    expect(csv.text).toContain(';ИС-2;"Портал, ""Қазақстан""";');

    const bad = await request(backend.server)
      .get('/api/registry/export.csv?sep=%09')
      .set('Authorization', USER);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/sep/);
  });

  it('logs imports reported by services, not by people', async () => {
    const run = {
      sourceId: 'national-register',
      source: 'file:///examples/register/national-register.json',
      format: 'json',
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:00:02.000Z',
      status: 'succeeded',
      rowsRead: 87,
      imported: 85,
      rejected: [
        { line: 12, reason: 'ownerBin 123456789012: wrong check digit' },
      ],
    };
    const byUser = await request(backend.server)
      .post('/api/registry/imports')
      .set('Authorization', USER)
      .send(run);
    expect(byUser.status).toBe(403);

    const invalid = await request(backend.server)
      .post('/api/registry/imports')
      .set('Authorization', SERVICE)
      .send({ ...run, rowsRead: -1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('rowsRead');

    const created = await request(backend.server)
      .post('/api/registry/imports')
      .set('Authorization', SERVICE)
      .send(run);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String) });

    const list = await request(backend.server)
      .get('/api/registry/imports?limit=5')
      .set('Authorization', USER);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { ...run, id: created.body.id, createdAt: expect.any(String) },
    ]);
  });

  it('serves its OpenAPI document', async () => {
    const res = await request(backend.server).get('/api/registry/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/registry/systems',
        '/api/registry/export.csv',
      ]),
    );
  });
});

describe('registry API without the permission', () => {
  it('answers 403 to every read', async () => {
    const backend = await startTestBackend({
      features: [
        registryPlugin,
        mockServices.permissions.factory({
          result: 'DENY' as AuthorizeResult.DENY,
        }),
      ],
    });
    try {
      for (const path of ['/systems', '/stats', '/export.csv', '/imports']) {
        const res = await request(backend.server)
          .get(`/api/registry${path}`)
          .set('Authorization', USER);
        expect([path, res.status]).toEqual([path, 403]);
        expect(res.body.error.name).toBe('NotAllowedError');
      }
    } finally {
      await backend.stop();
    }
  });
});
