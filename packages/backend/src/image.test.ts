import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

// packages/backend/Dockerfile's inputs, checked without building the image
// (scripts/build-image.sh builds it with buildah where the machine allows):
// every file it copies exists in the build context and is not excluded by
// .dockerignore, and the configs its CMD names are copied with what they
// read.
const ROOT = resolve(__dirname, '../../..');
const dockerfile = readFileSync(
  resolve(ROOT, 'packages/backend/Dockerfile'),
  'utf8',
);
const dockerignore = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line && !line.startsWith('#'));

/** What `yarn build:backend` writes; absent until the backend is built. */
const BUILD_OUTPUTS = [
  'packages/backend/dist/skeleton.tar.gz',
  'packages/backend/dist/bundle.tar.gz',
];

/** The sources of every COPY (without --from), as written. */
function copySources(): string[] {
  return dockerfile
    .split('\n')
    .filter(line => /^COPY\s/.test(line) && !/--from=/.test(line))
    .flatMap(line => {
      const args = line
        .replace(/^COPY\s+/, '')
        .split(/\s+/)
        .filter(arg => !arg.startsWith('--'));
      return args.slice(0, -1);
    });
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
}

/** The files of the context a source names (a glob in the last segment). */
function matches(source: string): string[] {
  if (!/[*?]/.test(source)) {
    return existsSync(resolve(ROOT, source)) ? [source] : [];
  }
  const slash = source.lastIndexOf('/');
  const dir = slash < 0 ? '' : source.slice(0, slash);
  const pattern = globToRegExp(source.slice(slash + 1));
  return readdirSync(resolve(ROOT, dir || '.'))
    .filter(name => pattern.test(name))
    .map(name => (dir ? `${dir}/${name}` : name));
}

const ignored = (path: string) =>
  dockerignore.some(
    pattern =>
      globToRegExp(pattern.replace(/\/$/, '')).test(path) ||
      path.startsWith(`${pattern.replace(/\/$/, '')}/`),
  );

describe('packages/backend/Dockerfile', () => {
  const sources = copySources();

  it('copies files that exist in the build context (the repository root)', () => {
    expect(sources.length).toBeGreaterThan(5);
    const missing = sources
      .filter(source => !BUILD_OUTPUTS.includes(source))
      .filter(source => matches(source).length === 0);
    expect(missing).toEqual([]);
  });

  it('copies what `yarn build:backend` writes, and that build is the backend package build', () => {
    for (const output of BUILD_OUTPUTS) {
      expect(sources).toContain(output);
    }
    const pkg = JSON.parse(
      readFileSync(resolve(ROOT, 'packages/backend/package.json'), 'utf8'),
    );
    expect(pkg.scripts.build).toBe('backstage-cli package build');
    const root = JSON.parse(
      readFileSync(resolve(ROOT, 'package.json'), 'utf8'),
    );
    expect(root.scripts['build:backend']).toBe('yarn workspace backend build');
  });

  it('copies nothing that .dockerignore leaves out of the context', () => {
    const excluded = sources
      .flatMap(source =>
        BUILD_OUTPUTS.includes(source) ? [source] : matches(source),
      )
      .filter(ignored);
    expect(excluded).toEqual([]);
    // The host's node_modules and toolchain never go into the context.
    for (const path of ['node_modules', '.cache', 'test-results']) {
      expect([path, ignored(path)]).toEqual([path, true]);
    }
  });

  it('starts with configs it copies, and the production config finds what it reads', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    const args: string[] = JSON.parse(cmd![1]);
    const configs = args.filter((_, i) => args[i - 1] === '--config');
    expect(configs).toEqual(['app-config.yaml', 'app-config.production.yaml']);
    const copied = sources.flatMap(matches);
    for (const config of configs) {
      expect(copied).toContain(config);
    }
    // The catalog file the production config reads, relative to /app.
    const production = parse(
      readFileSync(resolve(ROOT, 'app-config.production.yaml'), 'utf8'),
    );
    const fileTargets: string[] = production.catalog.locations
      .filter((l: { type: string }) => l.type === 'file')
      .map((l: { target: string }) => l.target.replace(/^\.\//, ''));
    expect(fileTargets.length).toBeGreaterThan(0);
    for (const target of fileTargets) {
      expect(copied).toContain(target);
    }
    // The production config runs on PostgreSQL: the image's pg client is a
    // production dependency of the backend.
    const pkg = JSON.parse(
      readFileSync(resolve(ROOT, 'packages/backend/package.json'), 'utf8'),
    );
    expect(pkg.dependencies.pg).toBeDefined();
  });

  it('runs as the unprivileged node user in production mode', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
  });
});
