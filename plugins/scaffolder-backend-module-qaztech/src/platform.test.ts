import {
  SchedulerService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleRegistry from '@qaztech/plugin-catalog-backend-module-registry';
// The real register and moratorium backends, to prove the gate end to end.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import moratoriumPlugin, {
  catalogModuleMoratoriumExemptions,
} from '@qaztech/plugin-moratorium-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import registryPlugin from '@qaztech/plugin-registry-backend';
import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { parse, stringify } from 'yaml';
import scaffolderModuleQaztech, {
  catalogModuleLocalFileLocations,
} from './index';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';

/*
 * The whole path of a template on one machine: the real scaffolder with this
 * module, the real catalog with the register's module and the moratorium's
 * exemption source, the moratorium and register backends. The catalog and
 * the register decide a system's status whatever made it: the tests of "the
 * gate holds" bring systems in past the template's check.
 */

const TEMPLATES = resolve(__dirname, '../../../examples/templates');
const DEVELOPER = 'user:default/aidos.seitkali';
const auth = { Authorization: mockCredentials.user.header(DEVELOPER) };

const ORG: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'mcriap',
      title: 'МЦРИАП РК',
      labels: { 'qaztech.kz/owner-kind': 'state-body' },
      annotations: { 'qaztech.kz/bin': '190740682689' },
    },
    spec: {
      type: 'state-body',
      profile: { displayName: 'Министерство цифрового развития' },
      children: [],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'aidos.seitkali' },
    spec: {
      profile: { displayName: 'Айдос Сейітқали' },
      memberOf: ['mcriap'],
    },
  },
];

/** A template that registers and publishes a system but skips the check. */
const NO_CHECK_TEMPLATE = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'no-moratorium-check' },
  spec: {
    owner: 'group:default/mcriap',
    type: 'service',
    parameters: [],
    steps: [
      {
        id: 'register-system',
        action: 'qaztech:system:register',
        input: {
          name: 'skipped-check-system',
          owner: 'group:default/mcriap',
          registry: {
            title: { ru: 'Система без проверки', kk: 'Тексерусіз жүйе' },
            purpose: 'Обходит проверку моратория.',
            lifecycle: { stage: 'creation' },
            platform: { onPlatform: false },
            hosting: { kind: 'own', country: 'KZ' },
            classification: {
              critical: false,
              confidentiality: 'low',
              integrity: 'low',
              availability: 'low',
            },
            dataCategories: ['open'],
          },
        },
      },
      {
        id: 'publish',
        action: 'qaztech:publish:local',
        input: { repoName: 'skipped-check-system' },
      },
      {
        id: 'register',
        action: 'qaztech:catalog:register-local',
        input: {
          catalogInfoUrl: "${{ steps['publish'].output.catalogInfoUrl }}",
          entityKind: 'System',
        },
      },
    ],
  },
};

/** A hand-written record of a new system off the platform. */
function handWrittenSystem(name: string, createdAt: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name },
    spec: {
      type: 'state-information-system',
      owner: 'group:default/mcriap',
      registry: {
        title: { ru: 'Рукописная система', kk: 'Қолжазба жүйе' },
        purpose: 'Заведена в каталог вручную.',
        ownerKind: 'state-body',
        parties: {
          owner: { name: 'Министерство', bin: '190740682689' },
        },
        createdAt,
        lifecycle: {
          stage: 'creation',
          history: [{ stage: 'creation', date: createdAt }],
        },
        platform: { onPlatform: false },
        hosting: { kind: 'commercial', country: 'KZ' },
        classification: {
          critical: false,
          confidentiality: 'low',
          integrity: 'low',
          availability: 'low',
        },
        dataCategories: ['open'],
      },
    },
  };
}

const CSV_HEADER =
  'registryNumber,name,titleRu,titleKk,titleEn,purpose,ownerBin,ownerName,ownerKind,operatorBin,operatorName,developerBin,developerName,legalActType,legalActNumber,legalActDate,createdAt,lifecycleStage,onPlatform,migrationDeadline,exemptionDecisionNumber,exemptionDecisionDate,exemptionExpiresAt,hostingKind,hostingCountry,critical,confidentiality,integrity,availability,dataCategories,securityTestActNumber,securityTestActDate,securityTestActVersion';
const CSV_ROW =
  'ИС-99001,imported-new-system,Импортированная система,Импортталған жүйе,,Пришла из выгрузки реестра.,190740682689,Министерство,state-body,,,,,,,,2026-02-10,creation,false,,,,,own,KZ,false,low,low,low,open,,,';

/** Files of a template folder, as the dry-run API takes them. */
async function directoryContents(dir: string, base = dir) {
  const files: Array<{ path: string; base64Content: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await directoryContents(path, base)));
    } else {
      files.push({
        path: relative(base, path),
        base64Content: (await readFile(path)).toString('base64'),
      });
    }
  }
  return files;
}

function waitFor<T>(check: () => Promise<T>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) {
          throw error;
        }
        await new Promise(r => setTimeout(r, 300));
      }
    }
  })();
}

// A real backend: the catalog processes every second, tasks take a few.
jest.setTimeout(90_000);

describe('templates on the platform', () => {
  let dir: string;
  let repositories: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let catalogScheduler: SchedulerService;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qaztech-scaffolder-'));
    repositories = join(dir, 'repositories');
    await mkdir(join(dir, 'hand'), { recursive: true });
    await writeFile(
      join(dir, 'org.yaml'),
      ORG.map(e => `---\n${stringify(e)}`).join(''),
    );
    await writeFile(join(dir, 'no-check.yaml'), stringify(NO_CHECK_TEMPLATE));
    await writeFile(join(dir, 'register.csv'), '');
    await writeFile(
      join(dir, 'inventory.json'),
      JSON.stringify({ deployments: [] }),
    );

    const hooks = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'test-hooks',
      register(reg) {
        reg.registerInit({
          deps: {
            scheduler: coreServices.scheduler,
            processing: catalogProcessingExtensionPoint,
          },
          async init({ scheduler, processing }) {
            catalogScheduler = scheduler;
            // The backend takes Templates through the scaffolder's entity
            // model module; this package does not depend on it.
            processing.addProcessor({
              getProcessorName: () => 'test-templates',
              async validateEntityKind(entity) {
                return entity.kind === 'Template';
              },
            });
          },
        });
      },
    });

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleRegistry,
        catalogModuleMoratoriumExemptions,
        catalogModuleLocalFileLocations,
        hooks,
        moratoriumPlugin,
        registryPlugin,
        scaffolderPlugin,
        scaffolderModuleQaztech,
        // What a real sign-in token carries: the user and their groups. The
        // moratorium lets people file only for a state body they belong to.
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            async getUserInfo(credentials) {
              const userEntityRef = (
                credentials.principal as { userEntityRef: string }
              ).userEntityRef;
              return {
                userEntityRef,
                ownershipEntityRefs:
                  userEntityRef === DEVELOPER
                    ? [userEntityRef, 'group:default/mcriap']
                    : [userEntityRef],
              };
            },
          }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Group',
                    'User',
                    'Location',
                    'Template',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: join(dir, 'org.yaml') },
                {
                  type: 'file',
                  target: join(TEMPLATES, 'new-service/template.yaml'),
                },
                {
                  type: 'file',
                  target: join(TEMPLATES, 'request-exemption/template.yaml'),
                },
                { type: 'file', target: join(dir, 'no-check.yaml') },
              ],
            },
            registry: {
              moratoriumStart: '2026-01-01',
              sync: {
                schedule: {
                  frequency: { seconds: 2 },
                  timeout: { minutes: 1 },
                  initialDelay: { seconds: 1 },
                },
              },
              platformInventories: [
                {
                  id: 'platform',
                  source: join(dir, 'inventory.json'),
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
                  source: join(dir, 'register.csv'),
                  format: 'csv',
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                },
              ],
            },
            moratorium: { exemptionSource: { cacheSeconds: 0 } },
            qaztech: {
              scaffolder: {
                localPublish: { enabled: true, directory: repositories },
              },
            },
          },
        }),
      ],
    });
  });

  beforeAll(async () => {
    // The state body must be in the catalog before any template runs.
    await waitFor(async () => {
      const group = await request(backend.server)
        .get('/api/catalog/entities/by-name/group/default/mcriap')
        .set(auth);
      if (group.status !== 200) {
        throw new Error(`group:default/mcriap not yet in the catalog`);
      }
    }, 60_000);
  });

  afterAll(async () => {
    await backend?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * The moratorium status the registry catalog module writes on the entity,
   * which catalog filters and the register projection read.
   */
  const statusOf = (name: string) =>
    waitFor(async () => {
      const entity = await request(backend.server)
        .get(`/api/catalog/entities/by-name/system/default/${name}`)
        .set(auth);
      expect(entity.status).toBe(200);
      const label = entity.body.metadata.labels?.['qaztech.kz/platform-status'];
      expect(label).toBeDefined();
      return label;
    });

  const template = async (name: string) =>
    parse(
      await readFile(join(TEMPLATES, name, 'template.yaml'), 'utf8'),
    ) as Record<string, any>;

  const dryRun = async (name: string, values: Record<string, unknown>) =>
    request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set(auth)
      .send({
        template: await template(name),
        values,
        directoryContents: await directoryContents(join(TEMPLATES, name)),
      });

  const runTask = async (templateRef: string, values: object) => {
    await waitFor(async () => {
      const found = await request(backend.server)
        .get(`/api/catalog/entities/by-name/${templateRef.replace(':', '/')}`)
        .set(auth);
      expect(found.status).toBe(200);
    });
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set(auth)
      .send({ templateRef, values });
    expect(created.status).toBe(201);
    return waitFor(async () => {
      const task = await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set(auth);
      expect(['completed', 'failed']).toContain(task.body.status);
      if (task.body.status === 'failed') {
        const events = await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set(auth);
        // The failed step's message, to read in the test output.
        task.body.log = events.body.map((e: any) => e.body?.message);
      }
      return task.body;
    });
  };

  const NEW_SERVICE = {
    stateBody: 'group:default/mcriap',
    systemMode: 'new',
    systemName: 'e-permits',
    titleRu: 'Электронные разрешения',
    titleKk: 'Электрондық рұқсаттар',
    purpose: 'Выдача разрешений в электронной форме.',
    dataCategories: ['personal'],
    critical: false,
    serviceName: 'permits-api',
  };

  it('dry-runs "New service on the platform": the skeleton and a valid registry record', async () => {
    const response = await dryRun('new-service', NEW_SERVICE);
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const files = Object.fromEntries(
      response.body.directoryContents.map((f: any) => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        '.gitlab-ci.yml',
        'package.json',
        'README.md',
        'src/index.ts',
      ]),
    );
    const [system, component] = files['catalog-info.yaml']
      .split(/^---\n/m)
      .filter(Boolean)
      .map((text: string) => parse(text));
    expect(system).toMatchObject({
      kind: 'System',
      metadata: { name: 'e-permits' },
      spec: {
        owner: 'group:default/mcriap',
        registry: {
          platform: { onPlatform: true },
          classification: { critical: false },
          dataCategories: ['personal'],
        },
      },
    });
    expect(component).toMatchObject({
      kind: 'Component',
      metadata: { name: 'permits-api' },
      spec: { system: 'e-permits', owner: 'group:default/mcriap' },
    });
    // Exact versions only.
    const pkg = JSON.parse(files['package.json']);
    expect(Object.values(pkg.devDependencies)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+\.\d+\.\d+$/)]),
    );
    expect(files['.gitlab-ci.yml']).toMatch(/npm audit --audit-level=high/);
    expect(response.body.steps.map((s: any) => s.id)).toEqual([
      'fetch',
      'register-system',
      'moratorium',
      'publish',
      'register',
    ]);
  });

  it('dry-runs "Register an existing information system", refusing a new system off the platform', async () => {
    const values = {
      stateBody: 'group:default/mcriap',
      systemName: 'kadastr-plus',
      titleRu: 'Кадастр плюс',
      titleKk: 'Кадастр плюс',
      purpose: 'Учёт объектов.',
      createdAt: '2026-02-01',
      stage: 'creation',
      onPlatform: false,
      hostingKind: 'own',
      hostingCountry: 'KZ',
      critical: false,
      confidentiality: 'low',
      integrity: 'low',
      availability: 'low',
      dataCategories: ['open'],
    };
    const refused = await dryRun('register-system', values);
    const log = JSON.stringify(refused.body);
    expect(log).toContain(
      'The moratorium forbids creating system:default/kadastr-plus outside the QazTech platform',
    );
    expect(log).toContain(
      'http://localhost:3000/moratorium/new?system=system%3Adefault%2Fkadastr-plus',
    );

    const legacy = await dryRun('register-system', {
      ...values,
      systemName: 'old-kadastr',
      createdAt: '2014-03-01',
      stage: 'industrial-operation',
      migrationDeadline: '2026-12-31',
    });
    expect(legacy.status).toBe(200);
    expect(JSON.stringify(legacy.body.log)).toContain('legacy-migrating');
  });

  it('dry-runs "Request an exemption from the moratorium" without filing anything', async () => {
    const response = await dryRun('request-exemption', {
      stateBody: 'group:default/mcriap',
      systemMode: 'planned',
      systemName: 'kadastr-plus',
      titleRu: 'Кадастр плюс',
      titleKk: 'Кадастр плюс',
      purpose: 'Учёт объектов.',
      hostingKind: 'own',
    });
    expect(response.status).toBe(200);
    expect(response.body.output.links[0].url).toBe(
      'http://localhost:3000/moratorium/new?system=system%3Adefault%2Fkadastr-plus',
    );
  });

  it('runs "New service on the platform": published locally, registered, on the platform once the platform inventory lists it', async () => {
    const task = await runTask(
      'template:default/qaztech-new-service',
      NEW_SERVICE,
    );
    expect(task.status).toBe('completed');
    await expect(
      readFile(join(repositories, 'permits-api/catalog-info.yaml'), 'utf8'),
    ).resolves.toContain('name: e-permits');
    await waitFor(async () => {
      const component = await request(backend.server)
        .get('/api/catalog/entities/by-name/component/default/permits-api')
        .set(auth);
      expect(component.status).toBe(200);
    });
    // The template says the system is on the platform; only the platform's
    // own inventory can prove it.
    expect(await statusOf('e-permits')).toBe('violation');
    await writeFile(
      join(dir, 'inventory.json'),
      JSON.stringify({
        deployments: [
          {
            system: 'system:default/e-permits',
            cluster: 'ast-prod-1',
            namespace: 'permits-api',
          },
        ],
      }),
    );
    await catalogScheduler.triggerTask('registry-inventory:platform:refresh');
    await waitFor(async () => {
      expect(await statusOf('e-permits')).toBe('on-platform');
    });
  });

  it('files an exemption request draft with the real moratorium backend, the runner as applicant', async () => {
    const task = await runTask('template:default/qaztech-request-exemption', {
      stateBody: 'group:default/mcriap',
      systemMode: 'planned',
      systemName: 'kadastr-plus',
      titleRu: 'Кадастр плюс',
      titleKk: 'Кадастр плюс',
      purpose: 'Учёт объектов.',
      dataCategories: ['open'],
      hostingKind: 'own',
    });
    expect(task.log ?? task.status).toBe('completed');
    const draftUrl: string = (
      await request(backend.server)
        .get(`/api/scaffolder/v2/tasks/${task.id}/events`)
        .set(auth)
    ).body
      .map((e: any) => e.body?.output?.links?.[0]?.url)
      .find(Boolean);
    const id = /\/moratorium\/requests\/([^/]+)\/edit$/.exec(draftUrl)![1];
    const draft = await request(backend.server)
      .get(`/api/moratorium/requests/${id}`)
      .set(auth);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      state: 'draft',
      applicant: DEVELOPER,
      content: {
        system: { kind: 'planned', entityRef: 'system:default/kadastr-plus' },
        stateBodyRef: 'group:default/mcriap',
      },
    });
  });

  it('refuses a draft for a state body the runner does not belong to, saying why', async () => {
    const task = await runTask('template:default/qaztech-request-exemption', {
      stateBody: 'group:default/minfin',
      systemMode: 'planned',
      systemName: 'kadastr-minus',
      titleRu: 'Кадастр минус',
      titleKk: 'Кадастр минус',
      purpose: 'Учёт объектов.',
      dataCategories: ['open'],
      hostingKind: 'own',
    });
    expect(task.status).toBe('failed');
    expect(JSON.stringify(task.log)).toContain(
      'You may file requests only for a state body you belong to, and you are not a member of group:default/minfin',
    );
  });

  describe('the gate holds however a system gets into the catalog', () => {
    it('a template without the check step', async () => {
      const task = await runTask('template:default/no-moratorium-check', {});
      expect(task.status).toBe('completed');
      expect(await statusOf('skipped-check-system')).toBe('violation');
    });

    it('a hand-written catalog-info.yaml registered as a file location', async () => {
      const file = join(dir, 'hand', 'catalog-info.yaml');
      await writeFile(
        file,
        stringify(handWrittenSystem('hand-written-system', '2026-03-15')),
      );
      const added = await request(backend.server)
        .post('/api/catalog/locations')
        .set(auth)
        .send({ type: 'file', target: file });
      expect(added.body.error).toBeUndefined();
      expect(added.status).toBe(201);
      expect(await statusOf('hand-written-system')).toBe('violation');
    });

    it('an import of the national register export', async () => {
      await writeFile(
        join(dir, 'register.csv'),
        [CSV_HEADER, CSV_ROW, ''].join('\r\n'),
      );
      await catalogScheduler.triggerTask(
        'registry-import:national-register:refresh',
      );
      expect(await statusOf('imported-new-system')).toBe('violation');
    });
  });
});
