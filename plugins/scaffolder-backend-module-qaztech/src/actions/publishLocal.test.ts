import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { recordingAuditor } from '../__testUtils__/fakes';
import { createPublishLocalAction } from './publishLocal';
import { createRegisterLocalAction } from './registerLocal';

const git = promisify(execFile);

describe('qaztech:publish:local and qaztech:catalog:register-local', () => {
  let root: string;
  let directory: string;
  let workspacePath: string;
  const auditor = recordingAuditor();

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'publish-local-'));
    directory = join(root, 'repositories');
    workspacePath = join(root, 'workspace');
    await mkdir(join(workspacePath, 'src'), { recursive: true });
    await writeFile(join(workspacePath, 'catalog-info.yaml'), 'kind: x\n');
    await writeFile(join(workspacePath, 'src/index.ts'), 'export {};\n');
    auditor.events.length = 0;
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  // The directory is fixed when an action is made, so each test makes its own.
  const publishAction = () => createPublishLocalAction({ directory, auditor });
  const context = (input: Record<string, unknown>, isDryRun = false) => ({
    ...createMockActionContext({ input: input as any, workspacePath }),
    isDryRun,
  });

  it('commits the workspace into a repository that can be cloned and pushed to', async () => {
    const action = publishAction();
    const ctx = context({ repoName: 'permits-api', description: 'Каркас' });
    await action.handler(ctx);

    const repoPath = join(directory, 'permits-api');
    expect(ctx.output).toHaveBeenCalledWith('repoPath', repoPath);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      pathToFileURL(join(repoPath, 'catalog-info.yaml')).href,
    );
    // The working tree holds the commit, for the catalog to read.
    await expect(
      readFile(join(repoPath, 'src/index.ts'), 'utf8'),
    ).resolves.toBe('export {};\n');
    const { stdout } = await git('git', ['log', '--format=%s', 'main'], {
      cwd: repoPath,
    });
    expect(stdout.trim()).toBe('Каркас');

    // A clone can push back, and the working tree follows.
    const clone = join(root, 'clone');
    await git('git', ['clone', '-q', repoPath, clone]);
    await writeFile(join(clone, 'README.md'), 'hello\n');
    const id = ['-c', 'user.name=t', '-c', 'user.email=t@example.com'];
    await git('git', [...id, 'add', 'README.md'], { cwd: clone });
    await git('git', [...id, 'commit', '-qm', 'readme'], { cwd: clone });
    await git('git', ['push', '-q', 'origin', 'main'], { cwd: clone });
    await expect(readFile(join(repoPath, 'README.md'), 'utf8')).resolves.toBe(
      'hello\n',
    );
    expect(auditor.events[0]).toMatchObject({
      eventId: 'qaztech-publish-local',
      outcome: 'success',
    });
  });

  it('will not overwrite a repository of the same name', async () => {
    const publish = publishAction();
    await publish.handler(context({ repoName: 'permits-api' }));
    await expect(
      publish.handler(context({ repoName: 'permits-api' })),
    ).rejects.toThrow(/A repository named permits-api already exists/);
  });

  it('refuses names that leave the directory', async () => {
    await expect(
      publishAction().handler(context({ repoName: '../etc' })),
    ).rejects.toThrow(/not a valid repository name/);
  });

  it('makes nothing in a dry run', async () => {
    const ctx = context({ repoName: 'permits-api' }, true);
    await publishAction().handler(ctx);
    await expect(
      readFile(join(directory, 'permits-api/catalog-info.yaml')),
    ).rejects.toThrow(/ENOENT/);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'dry-run');
  });

  it('registers the published file as a file location for the person running the template', async () => {
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async (location: { target: string }) => ({
        location: { id: '1', type: 'file', target: location.target },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: { name: 'e-permits', namespace: 'default' },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'permits-api', namespace: 'default' },
          },
        ],
      })) as any,
    });
    const register = createRegisterLocalAction({ catalog, auditor, directory });
    const target = join(directory, 'permits-api/catalog-info.yaml');
    const credentials = mockCredentials.user('user:default/aidos.seitkali');
    const ctx = {
      ...context({ catalogInfoUrl: pathToFileURL(target).href }),
      getInitiatorCredentials: async () => credentials,
    };
    await register.handler(ctx);
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target },
      { credentials },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/permits-api',
    );

    const system = {
      ...context({ catalogInfoUrl: target, entityKind: 'System' }),
      getInitiatorCredentials: async () => credentials,
    };
    await register.handler(system);
    expect(system.output).toHaveBeenCalledWith(
      'entityRef',
      'system:default/e-permits',
    );
  });

  it('registers nothing outside the publishing directory', async () => {
    const catalog = catalogServiceMock.mock();
    const register = createRegisterLocalAction({ catalog, auditor, directory });
    await expect(
      register.handler(context({ catalogInfoUrl: 'file:///etc/passwd' })),
    ).rejects.toThrow(/outside the local publishing directory/);
    await expect(
      register.handler(
        context({ catalogInfoUrl: join(directory, '../catalog-info.yaml') }),
      ),
    ).rejects.toThrow(/outside the local publishing directory/);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
