import {
  AuditorService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { auditAction } from '../service/auditAction';
import { LocalGitPublisher } from '../service/LocalGitPublisher';
import { examples } from './publishLocal.examples';

/**
 * Creates `qaztech:publish:local`: commits the workspace into a new git
 * repository under the configured directory
 * (`qaztech.scaffolder.localPublish.directory`) and outputs where it is and
 * where its `catalog-info.yaml` is, for `qaztech:catalog:register-local`.
 * It needs nothing but the git command line, so `yarn start` works offline;
 * production templates use a real publisher (e.g. `publish:gitlab`). A dry
 * run only says where the repository would be.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  directory: string;
  auditor: AuditorService;
}) {
  const { auditor } = options;
  const publisher = new LocalGitPublisher(options.directory);
  return createTemplateAction({
    id: 'qaztech:publish:local',
    description:
      'Publishes the workspace to a git repository in a local directory, for a machine without a git server',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .min(1)
            .max(100)
            .describe('The repository name; it must not exist yet'),
        description: z =>
          z.string().optional().describe('The first commit message'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('The folder of the workspace to publish; all by default'),
        defaultBranch: z =>
          z.string().default('main').describe('The branch to create'),
        catalogInfoPath: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe('Where the catalog file is in the repository'),
      },
      output: {
        remoteUrl: z => z.string().describe('file:// URL to clone'),
        repoPath: z => z.string().describe('The repository directory'),
        repoContentsUrl: z =>
          z.string().describe('file:// URL of the checked-out files'),
        catalogInfoUrl: z =>
          z.string().describe('file:// URL of catalog-info.yaml'),
        commitHash: z => z.string().describe('The published commit'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const repoPath = publisher.repoPath(input.repoName);
      const catalogInfoPath = input.catalogInfoPath ?? 'catalog-info.yaml';
      const catalogInfoUrl = pathToFileURL(
        resolveSafeChildPath(repoPath, catalogInfoPath),
      ).href;
      await auditAction(
        auditor,
        ctx,
        'qaztech-publish-local',
        { repoName: input.repoName },
        async () => {
          let commitHash = 'dry-run';
          if (ctx.isDryRun) {
            ctx.logger.info(`Dry run: would publish to ${repoPath}`);
          } else {
            const user = ctx.user?.entity;
            const published = await publisher.publish({
              name: input.repoName,
              sourceDir: input.sourcePath
                ? resolveSafeChildPath(ctx.workspacePath, input.sourcePath)
                : ctx.workspacePath,
              defaultBranch: input.defaultBranch ?? 'main',
              message:
                input.description ??
                `Initial commit from ${
                  ctx.templateInfo?.entityRef ?? 'a template'
                }`,
              author: {
                name:
                  user?.spec?.profile?.displayName ??
                  user?.metadata.name ??
                  'Scaffolder',
                email: user?.spec?.profile?.email ?? 'scaffolder@localhost',
              },
            });
            commitHash = published.commitHash;
            ctx.logger.info(
              `Published ${input.repoName} to ${repoPath} (${commitHash})`,
            );
          }
          ctx.output('remoteUrl', pathToFileURL(repoPath).href);
          ctx.output('repoPath', repoPath);
          ctx.output(
            'repoContentsUrl',
            pathToFileURL(join(repoPath, '/')).href,
          );
          ctx.output('catalogInfoUrl', catalogInfoUrl);
          ctx.output('commitHash', commitHash);
          return { result: undefined, meta: { repoPath, commitHash } };
        },
      );
    },
  });
}
