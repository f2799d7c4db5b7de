import {
  HttpRouterService,
  SchedulerService,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parseAllDocuments, stringify } from 'yaml';
import { registryExemptionSourceExtensionPoint } from '@qaztech/plugin-registry-node';
import catalogModuleRegistry from './index';
import { ImportReport } from './provider/ImportReport';

/** The registry block, loosely typed so tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registryOf = (entity: Entity): any => entity.spec!.registry;

const EXAMPLES = resolve(__dirname, '../../../examples');
const INVENTORY_TASK_ID = 'registry-inventory:platform:refresh';

jest.setTimeout(60_000);
const TASK_ID = 'registry-import:national-register:refresh';

const stateBodies: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'mcriap',
      annotations: { 'qaztech.kz/bin': '190740682689' },
    },
    spec: { type: 'state-body', children: [] },
  },
];

async function exampleSystem(name: string, rename: string): Promise<Entity> {
  const text = await readFile(
    join(EXAMPLES, 'systems/state-information-systems.yaml'),
    'utf8',
  );
  const entity = parseAllDocuments(text)
    .map(doc => doc.toJS() as Entity)
    .find(e => e.metadata.name === name)!;
  entity.metadata.name = rename;
  delete registryOf(entity).integrations;
  return entity;
}

/** Header and the first rows of the example CSV export; no row spans lines. */
async function exampleCsv(): Promise<{ header: string; rows: string[] }> {
  const [header, ...rows] = (
    await readFile(join(EXAMPLES, 'register/national-register.csv'), 'utf8')
  )
    .split('\r\n')
    .filter(Boolean);
  return { header, rows };
}

function waitFor<T>(check: () => Promise<T>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) {
          throw error;
        }
        await new Promise(r => setTimeout(r, 250));
      }
    }
  })();
}

describe('catalogModuleRegistry in a catalog', () => {
  let dir: string;
  let csvPath: string;
  let systemsPath: string;
  let inventoryPath: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let scheduler: SchedulerService;
  const reports: ImportReport[] = [];
  const exemptionRequests: string[] = [];
  const processingErrors: Array<{ entityRef: string; messages: string[] }> = [];

  const systems = async (): Promise<Entity[]> => {
    const response = await request(backend.server)
      .get('/api/catalog/entities')
      .query({ filter: 'kind=system' });
    expect(response.status).toBe(200);
    return response.body;
  };
  const systemNames = async () =>
    (await systems()).map(e => e.metadata.name).sort();
  const runImport = async () => {
    const before = reports.length;
    await scheduler.triggerTask(TASK_ID);
    expect(reports).toHaveLength(before + 1);
    return reports[reports.length - 1];
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-catalog-'));
    csvPath = join(dir, 'export.csv');
    systemsPath = join(dir, 'systems.yaml');
    const orgPath = join(dir, 'org.yaml');
    inventoryPath = join(dir, 'inventory.json');
    await writeFile(inventoryPath, JSON.stringify({ deployments: [] }));
    // A developer's own catalog-info.yaml: it claims to run on the platform
    // and to date from 2019.
    const handWrittenPath = join(dir, 'catalog-info.yaml');
    const handWritten = await exampleSystem('otkrytye-dannye', 'hand-written');
    registryOf(handWritten).createdAt = '2019-05-01';
    registryOf(handWritten).platform = { onPlatform: true };
    await writeFile(handWrittenPath, `---\n${stringify(handWritten)}`);
    await writeFile(
      orgPath,
      stateBodies.map(e => `---\n${stringify(e)}`).join(''),
    );

    const valid = await exampleSystem('otkrytye-dannye', 'yaml-valid-system');
    // Off the platform and created under the moratorium: the rule needs its
    // exemptions, so the registered source is asked.
    const newSystem = await exampleSystem(
      'olimpiady-shkolnikov',
      'yaml-new-system',
    );
    const invalid = await exampleSystem(
      'otkrytye-dannye',
      'yaml-invalid-system',
    );
    registryOf(invalid).parties.owner.bin = '190740682688';
    await writeFile(
      systemsPath,
      [valid, newSystem, invalid].map(e => `---\n${stringify(e)}`).join(''),
    );

    const { header, rows } = await exampleCsv();
    const bad = rows[3].replace('190740682689', '190740682688');
    // lines: 1 header, 2–4 good, 5 bad (gbd-fl with a wrong БИН check digit)
    await writeFile(
      csvPath,
      [header, rows[0], rows[1], rows[2], bad, ''].join('\r\n'),
    );

    const registryStub = createBackendPlugin({
      pluginId: 'registry',
      register(reg) {
        reg.registerInit({
          deps: {
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
          },
          async init({ httpRouter, httpAuth }) {
            const handler: Parameters<HttpRouterService['use']>[0] = async (
              req,
              res,
              next,
            ) => {
              if (req.method !== 'POST' || req.path !== '/imports') {
                next();
                return;
              }
              await httpAuth.credentials(req, { allow: ['service'] });
              const chunks: Buffer[] = [];
              for await (const chunk of req) {
                chunks.push(chunk as Buffer);
              }
              reports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
              res.status(201).json({ id: String(reports.length) });
            };
            httpRouter.use(handler);
          },
        });
      },
    });

    const testHooks = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'registry-test-hooks',
      register(reg) {
        reg.registerInit({
          deps: {
            catalogScheduler: coreServices.scheduler,
            processing: catalogProcessingExtensionPoint,
            exemptions: registryExemptionSourceExtensionPoint,
          },
          async init({ catalogScheduler, processing, exemptions }) {
            scheduler = catalogScheduler;
            exemptions.addExemptionSource({
              async getExemptions(systemRef) {
                exemptionRequests.push(systemRef);
                return systemRef === 'system:default/yaml-new-system'
                  ? [
                      {
                        decisionNumber: 'КВЦ-TEST-1',
                        decisionDate: '2026-01-15',
                        status: 'approved',
                        source: 'test',
                      },
                    ]
                  : [];
              },
            });
            processing.setOnProcessingErrorHandler(
              ({ unprocessedEntity, errors }) => {
                processingErrors.push({
                  entityRef: `${unprocessedEntity.kind}:${unprocessedEntity.metadata.name}`,
                  messages: errors.map(e => String(e)),
                });
              },
            );
          },
        });
      },
    });

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleRegistry,
        testHooks,
        registryStub,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'System', 'Group', 'Location'] }],
              locations: [
                { type: 'file', target: orgPath },
                { type: 'file', target: systemsPath },
                { type: 'file', target: handWrittenPath },
              ],
            },
            registry: {
              moratoriumStart: '2026-01-01',
              // The systems file stands in for the national register.
              trustedRecordLocations: [systemsPath],
              platformInventories: [
                {
                  id: 'platform',
                  source: inventoryPath,
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                },
              ],
              imports: [
                {
                  id: 'national-register',
                  source: csvPath,
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    // the test triggers every run itself
                    initialDelay: { hours: 1 },
                  },
                },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a valid registry system with its moratorium label', async () => {
    const system = await waitFor(async () => {
      const found = (await systems()).find(
        e => e.metadata.name === 'yaml-valid-system',
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(system.metadata.labels).toEqual({
      'qaztech.kz/platform-status': 'on-platform',
    });
    expect(
      system.metadata.annotations?.['qaztech.kz/platform-status-reason'],
    ).toBe('The system runs on the QazTech platform.');
    // A system on the platform needs no exemption: sources are not asked.
    expect(exemptionRequests).not.toContain('system:default/yaml-valid-system');
    expect(system.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'group:default/mcriap' },
      ]),
    );
  });

  it('counts the exemptions of a source added through the extension point', async () => {
    const system = await waitFor(async () => {
      const found = (await systems()).find(
        e => e.metadata.name === 'yaml-new-system',
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(exemptionRequests).toContain('system:default/yaml-new-system');
    expect(system.metadata.labels?.['qaztech.kz/platform-status']).toBe(
      'exempted',
    );
    expect(
      system.metadata.annotations?.['qaztech.kz/platform-status-reason'],
    ).toContain('exempted by decision КВЦ-TEST-1 of 2026-01-15');
    // The same reason as a code and values, for the app to translate.
    expect(
      JSON.parse(
        system.metadata.annotations?.['qaztech.kz/platform-status-detail'] ??
          'null',
      ),
    ).toEqual(
      expect.objectContaining({
        code: expect.stringMatching(/^exempted/),
        decisionNumber: 'КВЦ-TEST-1',
        decisionDate: '2026-01-15',
      }),
    );
  });

  it('keeps an invalid registry system out and reports the field and rule', async () => {
    const error = await waitFor(async () => {
      const found = processingErrors.find(
        e => e.entityRef === 'System:yaml-invalid-system',
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(error.messages.join('\n')).toContain(
      'spec.registry.parties.owner.bin: БИН 190740682688 has a wrong check digit (expected 9)',
    );
    expect(await systemNames()).not.toContain('yaml-invalid-system');
  });

  it('keeps the last valid version of a system that becomes invalid, with the error in its status', async () => {
    const text = await readFile(systemsPath, 'utf8');
    const [valid, newSystem, invalid] = parseAllDocuments(text).map(
      d => d.toJS() as Entity,
    );
    registryOf(valid).createdAt = '2014-02-30';
    await writeFile(
      systemsPath,
      [valid, newSystem, invalid].map(e => `---\n${stringify(e)}`).join(''),
    );

    const stored = await waitFor(async () => {
      const response = await request(backend.server).get(
        '/api/catalog/entities/by-name/system/default/yaml-valid-system',
      );
      expect(response.status).toBe(200);
      const messages: string[] = (response.body.status?.items ?? []).map(
        (item: { error?: { message: string } }) => item.error?.message,
      );
      expect(messages.join('\n')).toContain(
        'spec.registry.createdAt: "2014-02-30" is not a calendar date in the form YYYY-MM-DD',
      );
      return response.body as Entity;
    });
    expect(registryOf(stored).createdAt).not.toBe('2014-02-30');
    expect(stored.metadata.labels?.['qaztech.kz/platform-status']).toBe(
      'on-platform',
    );
  });

  it('imports the good rows of a CSV export and reports the bad row with its line', async () => {
    const report = await runImport();
    expect(report).toMatchObject({
      sourceId: 'national-register',
      source: `file://${csvPath}`,
      format: 'csv',
      status: 'succeeded',
      rowsRead: 4,
      imported: 3,
      rejected: [
        {
          line: 5,
          reason:
            'line 5: ownerBin: БИН 190740682688 has a wrong check digit (expected 9)',
        },
      ],
    });
    expect(report).not.toHaveProperty('error');

    const imported = await waitFor(async () => {
      const found = (await systems()).filter(e =>
        ['portal-elektronnogo-pravitelstva', 'shep', 'pshep'].includes(
          e.metadata.name,
        ),
      );
      expect(found).toHaveLength(3);
      return found;
    });
    for (const system of imported) {
      expect(system.spec?.owner).toBe('group:default/mcriap');
      expect(system.metadata.labels?.['qaztech.kz/platform-status']).toBe(
        'on-platform',
      );
      expect(
        system.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`file:${csvPath}`);
    }
    expect(await systemNames()).not.toContain('gbd-fl');
  });

  it('writes nothing when the export is unchanged', async () => {
    const report = await runImport();
    expect(report).toMatchObject({
      status: 'unchanged',
      rowsRead: 4,
      imported: 3,
    });
    expect(report.rejected).toHaveLength(1);
  });

  it('removes a system that left the export', async () => {
    const { header, rows } = await exampleCsv();
    await writeFile(csvPath, [header, rows[0], rows[2], ''].join('\r\n'));
    const report = await runImport();
    expect(report).toMatchObject({
      status: 'succeeded',
      rowsRead: 2,
      imported: 2,
      rejected: [],
    });
    await waitFor(async () => {
      const names = await systemNames();
      expect(names).toContain('portal-elektronnogo-pravitelstva');
      expect(names).toContain('pshep');
      expect(names).not.toContain('shep');
    });
  });

  it('keeps the last good import when the source is unreachable', async () => {
    await rm(csvPath);
    const report = await runImport();
    expect(report.status).toBe('failed');
    expect(report.error).toContain(`cannot read file://${csvPath}`);
    expect(report.error).toContain('ENOENT');

    // give the catalog a few processing rounds to (not) remove anything
    await new Promise(r => setTimeout(r, 3000));
    const names = await systemNames();
    expect(names).toContain('portal-elektronnogo-pravitelstva');
    expect(names).toContain('pshep');
  });

  it('judges a hand-written record on the evidence until the platform inventory lists it', async () => {
    const byName = async () => {
      const response = await request(backend.server).get(
        '/api/catalog/entities/by-name/system/default/hand-written',
      );
      expect(response.status).toBe(200);
      return response.body as Entity;
    };
    const claimed = await waitFor(async () => {
      const entity = await byName();
      expect(entity.metadata.labels?.['qaztech.kz/platform-status']).toBe(
        'violation',
      );
      return entity;
    });
    expect(claimed.metadata.labels?.['qaztech.kz/unverified-claims']).toBe(
      'true',
    );
    const claims = JSON.parse(
      claimed.metadata.annotations!['qaztech.kz/unverified-claims'],
    );
    expect(claims).toEqual([
      expect.objectContaining({ field: 'createdAt', claimed: '2019-05-01' }),
      {
        field: 'onPlatform',
        claimed: 'true',
        evidence: 'false',
        source: 'platform-inventory',
      },
    ]);

    await writeFile(
      inventoryPath,
      JSON.stringify({
        deployments: [
          {
            system: 'system:default/hand-written',
            cluster: 'ast-prod-1',
            namespace: 'open-data',
          },
        ],
      }),
    );
    await scheduler.triggerTask(INVENTORY_TASK_ID);
    const listed = await waitFor(async () => {
      const entity = await byName();
      expect(entity.metadata.labels?.['qaztech.kz/platform-status']).toBe(
        'on-platform',
      );
      return entity;
    });
    // The creation date is still only claimed.
    expect(
      JSON.parse(listed.metadata.annotations!['qaztech.kz/unverified-claims']),
    ).toEqual([expect.objectContaining({ field: 'createdAt' })]);
  });
});
