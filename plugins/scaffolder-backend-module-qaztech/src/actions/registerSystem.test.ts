import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  DEVELOPERS,
  MCRIAP,
  newSystemRegistry,
  recordingAuditor,
} from '../__testUtils__/fakes';
import { createRegisterSystemAction } from './registerSystem';

/** Another state body, which the runner of the tests does not belong to. */
const MINZDRAV: Entity = {
  ...MCRIAP,
  metadata: {
    ...MCRIAP.metadata,
    name: 'minzdrav',
    annotations: { 'qaztech.kz/bin': '000000000000' },
  },
};

describe('qaztech:system:register', () => {
  let workspacePath: string;
  const auditor = recordingAuditor();
  const catalog = catalogServiceMock({
    entities: [MCRIAP, MINZDRAV, DEVELOPERS],
  });
  // The runner's Groups, as their sign-in token carries them.
  const runner = mockCredentials.user('user:default/aidos.seitkali');
  const action = createRegisterSystemAction({
    catalog,
    auditor,
    userInfo: mockServices.userInfo({
      userEntityRef: 'user:default/aidos.seitkali',
      ownershipEntityRefs: [
        'user:default/aidos.seitkali',
        'group:default/mcriap',
        'group:default/qaztech-developers',
      ],
    }),
    now: () => new Date('2026-03-02T04:00:00Z'),
  });

  beforeEach(async () => {
    workspacePath = await mkdtemp(join(tmpdir(), 'register-system-'));
    auditor.events.length = 0;
  });
  afterEach(() => rm(workspacePath, { recursive: true, force: true }));

  const run = (input: Record<string, unknown>, isDryRun = false) => {
    // createMockActionContext leaves isDryRun out; the runner sets it.
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath,
        task: { id: 'task-1' },
      }),
      getInitiatorCredentials: async () => runner,
      isDryRun,
    };
    return { ctx, done: action.handler(ctx) };
  };

  it('writes the System with its registry block and fills what the form need not ask', async () => {
    const { ctx, done } = run({
      owner: 'group:default/mcriap',
      registry: newSystemRegistry(),
    });
    await done;

    const [entity] = parseAllDocuments(
      await readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).map(d => d.toJS());
    expect(entity).toMatchObject({
      kind: 'System',
      metadata: {
        name: 'elektronnye-razresheniya',
        title: 'Электронные разрешения',
      },
      spec: {
        type: 'state-information-system',
        owner: 'group:default/mcriap',
        registry: {
          ownerKind: 'state-body',
          createdAt: '2026-03-02',
          parties: { owner: { bin: '190740682689' } },
          lifecycle: {
            stage: 'creation',
            history: [{ stage: 'creation', date: '2026-03-02' }],
          },
        },
      },
    });
    // The blank English title of the form is left out, not written empty.
    expect(entity.spec.registry.title).toEqual({
      ru: 'Электронные разрешения',
      kk: 'Электрондық рұқсаттар',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'system:default/elektronnye-razresheniya',
    );
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'qaztech-system-register',
        severityLevel: 'medium',
        outcome: 'success',
        meta: expect.objectContaining({ taskId: 'task-1', dryRun: false }),
      }),
    ]);
  });

  it('keeps the Component a skeleton put in the same file', async () => {
    await writeFile(
      join(workspacePath, 'catalog-info.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: permits-api\nspec:\n  type: service\n  lifecycle: experimental\n  owner: group:default/mcriap\n  system: e-permits\n',
    );
    await run({
      name: 'e-permits',
      owner: 'group:default/mcriap',
      registry: newSystemRegistry(),
    }).done;
    const kinds = parseAllDocuments(
      await readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).map(d => `${d.toJS().kind}:${d.toJS().metadata.name}`);
    expect(kinds).toEqual(['System:e-permits', 'Component:permits-api']);
  });

  it('names the field and the rule a bad record breaks, and writes nothing', async () => {
    const registry = newSystemRegistry();
    (registry.hosting as any).country = 'Kazakhstan';
    registry.dataCategories = ['secret'];
    await expect(
      run({ owner: 'group:default/mcriap', registry }).done,
    ).rejects.toThrow(
      /spec\.registry\.hosting\.country: must be a two-letter ISO country code such as KZ, got "Kazakhstan"[\s\S]*spec\.registry\.dataCategories\[0\]: must be one of/,
    );
    await expect(
      readFile(join(workspacePath, 'catalog-info.yaml')),
    ).rejects.toThrow(/ENOENT/);
    expect(auditor.events[0].outcome).toBe('fail');
  });

  it('refuses an owner that is not a state body', async () => {
    await expect(
      run({
        owner: 'group:default/qaztech-developers',
        registry: newSystemRegistry(),
      }).done,
    ).rejects.toThrow(
      'owner: group:default/qaztech-developers is not a state body',
    );
    await expect(
      run({ owner: 'group:default/nobody', registry: newSystemRegistry() })
        .done,
    ).rejects.toThrow('owner: the catalog has no Group group:default/nobody');
  });

  it('refuses a state body the runner does not belong to, naming both', async () => {
    await expect(
      run({ owner: 'group:default/minzdrav', registry: newSystemRegistry() })
        .done,
    ).rejects.toThrow(
      'owner: user:default/aidos.seitkali is not a member of group:default/minzdrav; a system may be registered only for your own state body',
    );
    await expect(
      readFile(join(workspacePath, 'catalog-info.yaml')),
    ).rejects.toThrow(/ENOENT/);
    expect(auditor.events[0].outcome).toBe('fail');
  });

  it('lets an admin register for any state body', async () => {
    const admin = createRegisterSystemAction({
      catalog,
      auditor,
      userInfo: mockServices.userInfo({
        userEntityRef: 'user:default/platform.admin',
        ownershipEntityRefs: [
          'user:default/platform.admin',
          'group:default/qaztech-admins',
        ],
      }),
    });
    const ctx = {
      ...createMockActionContext({
        input: {
          owner: 'group:default/minzdrav',
          registry: newSystemRegistry(),
        } as any,
        workspacePath,
      }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/platform.admin'),
    };
    await admin.handler(ctx);
    await expect(
      readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).resolves.toContain('owner: group:default/minzdrav');
  });

  it('refuses a task that runs without a person', async () => {
    const ctx = {
      ...createMockActionContext({
        input: {
          owner: 'group:default/mcriap',
          registry: newSystemRegistry(),
        } as any,
        workspacePath,
      }),
      getInitiatorCredentials: async () => mockCredentials.service(),
    };
    await expect(action.handler(ctx)).rejects.toThrow(
      'only a person may register a system',
    );
  });

  it('writes the file in a dry run too, with a low-severity audit event', async () => {
    await run(
      { owner: 'mcriap', name: 'e-permits', registry: newSystemRegistry() },
      true,
    ).done;
    await expect(
      readFile(join(workspacePath, 'catalog-info.yaml'), 'utf8'),
    ).resolves.toContain('name: e-permits');
    expect(auditor.events[0]).toMatchObject({
      severityLevel: 'low',
      meta: { dryRun: true },
    });
  });
});
