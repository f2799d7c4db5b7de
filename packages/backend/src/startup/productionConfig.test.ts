import { generateKeyPairSync } from 'node:crypto';
import { ConfigSources } from '@backstage/config-loader';
import { ConfigReader } from '@backstage/config';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  PRODUCTION_SETTINGS,
  assertProductionConfig,
  productionConfigProblems,
} from './productionConfig';
import { checkConfigAtStart } from './checkAtStart';

const ROOT = resolve(__dirname, '../../../..');
const PRODUCTION_FILE = resolve(ROOT, 'app-config.production.yaml');
const ARGV = [
  'node',
  'backend',
  '--config',
  resolve(ROOT, 'app-config.yaml'),
  '--config',
  PRODUCTION_FILE,
];

/** A complete production environment. */
const ENV: Record<string, string> = {
  NODE_ENV: 'production',
  APP_BASE_URL: 'https://developer.qaztech.gov.kz',
  BACKEND_SECRET: 'c2VjcmV0LXNoYXJlZC1ieS1ldmVyeS1yZXBsaWNh',
  SECURITY_READINESS_CI_TOKEN: 'ci-token',
  POSTGRES_HOST: 'pg.qaztech.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'qaztech_app',
  POSTGRES_PASSWORD: 'password',
  REDIS_URL: 'redis://redis.qaztech.internal:6379',
  OIDC_METADATA_URL:
    'https://idp.qaztech.gov.kz/realms/qaztech/.well-known/openid-configuration',
  OIDC_CLIENT_ID: 'qaztech',
  OIDC_CLIENT_SECRET: 'client-secret',
  AUTH_SESSION_SECRET: 'session-secret',
  GIT_HOST: 'git.qaztech.gov.kz',
  GIT_TOKEN: 'git-token',
  REGISTER_EXPORT_URL: 'https://register.digital.gov.kz/export/systems.json',
  MORATORIUM_AUDIT_KEY_ID: 'audit-2026',
  MORATORIUM_AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
  MORATORIUM_AUDIT_CHECKPOINT_URL:
    'https://archive.digital.gov.kz/qaztech/moratorium-audit/checkpoints',
  SECURITY_READINESS_CI_OWNER_GROUP: 'group:default/nitec',
};

async function load(env: Record<string, string | undefined>) {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      argv: ARGV,
      env,
      watch: false,
      substitutionFunc: async name => env[name]?.trim(),
    }),
  );
  config.close();
  return config;
}

function without(name: string) {
  const env = { ...ENV };
  delete env[name];
  return env;
}

describe('the production configuration check', () => {
  it('lists every variable app-config.production.yaml reads, at the path it reads it to', () => {
    const text = readFileSync(PRODUCTION_FILE, 'utf8');
    const used = new Set(
      [...text.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(m => m[1]),
    );
    expect(new Set(PRODUCTION_SETTINGS.map(s => s.variable))).toEqual(used);
    const raw = parse(text);
    for (const setting of PRODUCTION_SETTINGS) {
      const value = setting.path
        .split('.')
        .reduce((v: any, key) => (v === undefined ? v : v[key]), raw);
      expect([setting.path, value]).toEqual([
        setting.path,
        expect.stringContaining(`\${${setting.variable}}`),
      ]);
    }
  });

  it('accepts a complete production environment', async () => {
    expect(productionConfigProblems(await load(ENV), ENV)).toEqual([]);
  });

  it.each([...new Set(PRODUCTION_SETTINGS.map(s => s.variable))])(
    'stops start-up naming %s when it is missing',
    async variable => {
      const env = without(variable);
      const config = await load(env);
      const problems = productionConfigProblems(config, env);
      expect(problems).toEqual([
        expect.stringMatching(`^${variable} is not set`),
      ]);
      expect(() => assertProductionConfig(config, env)).toThrow(variable);
    },
  );

  it('names every missing variable at once', async () => {
    const problems = productionConfigProblems(
      await load({ NODE_ENV: 'production' }),
      { NODE_ENV: 'production' },
    );
    for (const variable of [
      'BACKEND_SECRET',
      'POSTGRES_HOST',
      'OIDC_CLIENT_ID',
      'APP_BASE_URL',
    ]) {
      expect(problems.join('\n')).toContain(`${variable} is not set`);
    }
  });

  it('refuses a short secret, a base URL that is not a URL, and a database other than PostgreSQL', async () => {
    expect(
      productionConfigProblems(
        await load({ ...ENV, BACKEND_SECRET: 'short' }),
        { ...ENV, BACKEND_SECRET: 'short' },
      ),
    ).toEqual([expect.stringContaining('BACKEND_SECRET is 5 characters long')]);
    expect(
      productionConfigProblems(
        await load({ ...ENV, OIDC_METADATA_URL: 'idp.qaztech.gov.kz' }),
        { ...ENV, OIDC_METADATA_URL: 'idp.qaztech.gov.kz' },
      ),
    ).toEqual([
      expect.stringContaining(
        'OIDC_METADATA_URL is "idp.qaztech.gov.kz", not an http(s) URL',
      ),
    ]);
    const sqlite = new ConfigReader({
      ...(await load(ENV)).get<object>(),
      backend: {
        ...(await load(ENV)).getConfig('backend').get<object>(),
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
    });
    expect(productionConfigProblems(sqlite, ENV)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('backend.database.client is "better-sqlite3"'),
      ]),
    );
  });

  it('leaves the development configuration alone', async () => {
    const config = await ConfigSources.toConfig(
      ConfigSources.default({
        argv: ['node', 'backend', '--config', resolve(ROOT, 'app-config.yaml')],
        env: {},
        watch: false,
      }),
    );
    config.close();
    expect(
      productionConfigProblems(config, { NODE_ENV: 'development' }),
    ).toEqual([]);
    // NODE_ENV=production with the development config is a mistake.
    expect(
      productionConfigProblems(config, { NODE_ENV: 'production' }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('BACKEND_SECRET is not set'),
      ]),
    );
  });

  it('is what the backend runs before starting: a missing OIDC secret stops it, naming the variable', async () => {
    await expect(
      checkConfigAtStart(ARGV, without('OIDC_CLIENT_SECRET')),
    ).rejects.toThrow(/OIDC_CLIENT_SECRET is not set/);
    await expect(checkConfigAtStart(ARGV, ENV)).resolves.toBeUndefined();

    // The real entry point exits with that message before any plugin starts.
    const result = spawnSync(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        resolve(__dirname, '../index.ts'),
        ...ARGV.slice(2),
      ],
      {
        cwd: resolve(__dirname, '../..'),
        env: { PATH: process.env.PATH, ...without('BACKEND_SECRET') },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BACKEND_SECRET is not set');
  }, 150_000);

  it('is not weakened by the production browser tests: their overlay changes only the catalog, the register import and the database prefix', () => {
    const overlay = parse(
      readFileSync(resolve(ROOT, 'e2e/prod/app-config.e2e.yaml'), 'utf8'),
    );
    expect(Object.keys(overlay).sort()).toEqual([
      'backend',
      'catalog',
      'registry',
    ]);
    expect(overlay.backend).toEqual({
      database: { prefix: expect.any(String) },
    });
    expect(Object.keys(overlay.catalog)).toEqual(['locations']);
    expect(Object.keys(overlay.registry).sort()).toEqual([
      'imports',
      'trustedRecordLocations',
    ]);
  });
});
