import { ConflictError, InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { execFile } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What {@link LocalGitPublisher.publish} made. */
export interface LocalPublication {
  /** The repository's directory; also its clone URL as a path. */
  repoPath: string;
  /** `file://` URL of the repository, for `git clone`. */
  remoteUrl: string;
  /** The commit the default branch points to. */
  commitHash: string;
}

/**
 * Publishes a workspace as a git repository in a local directory, for a
 * machine with no git server. Each repository is a plain (non-bare)
 * repository that accepts pushes to its checked-out branch
 * (`receive.denyCurrentBranch=updateInstead`): people clone it and push to
 * it like to a server, and its working tree always holds the latest commit,
 * so the catalog can read its `catalog-info.yaml` as a file location.
 */
export class LocalGitPublisher {
  constructor(private readonly root: string) {}

  /** The directory a repository of this name lives in. */
  repoPath(name: string): string {
    if (!/^[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/.test(name)) {
      throw new InputError(
        `repoName: ${JSON.stringify(
          name,
        )} is not a valid repository name (letters, digits and single - _ . between them)`,
      );
    }
    return resolveSafeChildPath(this.root, name);
  }

  async publish(options: {
    name: string;
    sourceDir: string;
    defaultBranch: string;
    message: string;
    author: { name: string; email: string };
  }): Promise<LocalPublication> {
    const repoPath = this.repoPath(options.name);
    const exists = await access(repoPath).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new ConflictError(
        `A repository named ${options.name} already exists at ${repoPath}; choose another name`,
      );
    }
    await mkdir(this.root, { recursive: true });
    const git = (cwd: string, ...args: string[]) =>
      run(
        'git',
        [
          '-c',
          `user.name=${options.author.name}`,
          '-c',
          `user.email=${options.author.email}`,
          '-c',
          'commit.gpgsign=false',
          '-c',
          'core.hooksPath=/dev/null',
          ...args,
        ],
        { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      );
    try {
      await git(this.root, 'init', '-q', '-b', options.defaultBranch, repoPath);
      await git(
        repoPath,
        'config',
        'receive.denyCurrentBranch',
        'updateInstead',
      );
      // The workspace's own history, if a step made one, stays out: the
      // published repository starts with one commit of the files.
      await rm(join(options.sourceDir, '.git'), {
        recursive: true,
        force: true,
      });
      await git(options.sourceDir, 'init', '-q', '-b', options.defaultBranch);
      await git(options.sourceDir, 'add', '--all');
      await git(options.sourceDir, 'commit', '-q', '-m', options.message);
      await git(
        options.sourceDir,
        'push',
        '-q',
        repoPath,
        `HEAD:refs/heads/${options.defaultBranch}`,
      );
      const { stdout } = await git(repoPath, 'rev-parse', 'HEAD');
      return {
        repoPath,
        remoteUrl: pathToFileURL(repoPath).href,
        commitHash: stdout.trim(),
      };
    } catch (error) {
      // Leave no half-made repository to block the next attempt.
      await rm(repoPath, { recursive: true, force: true });
      throw error;
    }
  }
}
