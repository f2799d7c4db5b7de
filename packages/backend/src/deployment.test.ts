import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Script } from 'node:vm';
import { parse } from 'yaml';

// The Helm values of deploy/helm must give the production config everything
// it reads from the environment, and run the replicas the way the suite
// needs them to (shared cache, shared signing key, PostgreSQL).
const ROOT = resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

const production = read('app-config.production.yaml');
const values = parse(read('deploy/helm/values.yaml'));
const secretDoc = read('deploy/helm/values.yaml');
const dockerfile = read('packages/backend/Dockerfile');

function envReferences(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(m => m[1]))];
}

describe('deploy/helm/values.yaml', () => {
  it('provides every environment variable the production config reads', () => {
    const plain = new Set<string>(
      values.backstage.extraEnvVars.map((e: { name: string }) => e.name),
    );
    // Secrets are listed in the comment above extraEnvVarsSecrets: the
    // operator creates that Secret with exactly these keys.
    const secretComment = secretDoc.slice(
      secretDoc.indexOf('# One Secret with:'),
      secretDoc.indexOf('extraEnvVarsSecrets:'),
    );
    const missing = envReferences(production).filter(
      name => !plain.has(name) && !secretComment.includes(name),
    );
    expect(missing).toEqual([]);
  });

  it('keeps secrets out of the plain environment', () => {
    const plain = values.backstage.extraEnvVars.map(
      (e: { name: string }) => e.name,
    );
    expect(
      plain.filter((name: string) =>
        /PASSWORD|SECRET|TOKEN|REDIS_URL/.test(name),
      ),
    ).toEqual([]);
    expect(values.backstage.extraEnvVarsSecrets).toEqual(['qaztech-backend']);
  });

  it('runs several replicas on PostgreSQL with a shared cache and signing key', () => {
    expect(values.backstage.replicas).toBeGreaterThanOrEqual(3);
    expect(values.backstage.pdb).toEqual({ create: true, minAvailable: 2 });
    expect(values.backstage.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const config = parse(production);
    expect(config.backend.database.client).toBe('pg');
    expect(config.backend.cache.store).toBe('redis');
    expect(config.backend.auth.keys[0].secret).toBe('${BACKEND_SECRET}');
    expect(values.postgresql.enabled).toBe(false);
  });

  it('starts the image with the files the Dockerfile puts in it', () => {
    const args: string[] = values.backstage.args;
    const configs = args.filter((_, i) => args[i - 1] === '--config');
    expect(configs).toEqual(['app-config.yaml', 'app-config.production.yaml']);
    expect(dockerfile).toMatch(/COPY .*app-config\*\.yaml/);
    // The production catalog reads ./catalog-info.yaml.
    expect(production).toMatch(/target: \.\/catalog-info\.yaml/);
    expect(dockerfile).toMatch(/COPY .*catalog-info\.yaml/);
  });

  it('migrates as the schema owner in a Job before the replicas roll, which never migrate', () => {
    expect(values.backstage.appConfig.backend.database.skipMigrations).toBe(
      true,
    );
    const job = values.extraDeploy.find(
      (d: { kind: string }) => d.kind === 'Job',
    );
    expect(job.metadata.annotations['helm.sh/hook']).toBe(
      'pre-install,pre-upgrade',
    );
    const container = job.spec.template.spec.containers[0];
    // The owner's credentials override the application role's.
    expect(
      container.envFrom.map(
        (e: { secretRef: { name: string } }) => e.secretRef.name,
      ),
    ).toEqual(['qaztech-backend', 'qaztech-migrations']);
    // The same plain environment as the replicas.
    expect(container.env).toEqual(
      values.backstage.extraEnvVars.filter(
        (e: { name: string }) => e.name !== 'NODE_OPTIONS',
      ),
    );
    // Its script is valid JavaScript and starts the image's backend with
    // the image's config only (no skipMigrations from the chart's config).
    const script: string = container.args[0];
    expect(() => new Script(script)).not.toThrow();
    expect(script).toContain("'packages/backend'");
    expect(script).not.toContain('app-config-from-configmap');
    expect(script).toContain('/.backstage/health/v1/readiness');
  });

  it('gives the heap less than the memory limit', () => {
    const heapMb = Number(
      /--max-old-space-size=(\d+)/.exec(
        values.backstage.extraEnvVars.find(
          (e: { name: string }) => e.name === 'NODE_OPTIONS',
        ).value,
      )![1],
    );
    const limitGi = Number(
      /^(\d+)Gi$/.exec(values.backstage.resources.limits.memory)![1],
    );
    expect(heapMb).toBeLessThan(limitGi * 1024 * 0.9);
  });
});
