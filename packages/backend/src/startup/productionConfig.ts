import { Config } from '@backstage/config';

/**
 * A setting the production configuration reads from the environment: where
 * it lands in the config, and the variable that gives it.
 */
export interface ProductionSetting {
  /** Dotted config path; numbers index arrays (`backend.auth.keys.0.secret`). */
  path: string;
  /** The environment variable app-config.production.yaml reads it from. */
  variable: string;
  /** What it is, for the operator reading the message. */
  what: string;
}

/**
 * Everything app-config.production.yaml takes from the environment.
 * `productionConfig.test.ts` checks this list against the file, so a
 * variable added there must be added here.
 */
export const PRODUCTION_SETTINGS: ProductionSetting[] = [
  { path: 'app.baseUrl', variable: 'APP_BASE_URL', what: 'public URL' },
  { path: 'backend.baseUrl', variable: 'APP_BASE_URL', what: 'public URL' },
  { path: 'backend.cors.origin', variable: 'APP_BASE_URL', what: 'public URL' },
  {
    path: 'backend.auth.keys.0.secret',
    variable: 'BACKEND_SECRET',
    what: 'the key every replica signs service tokens with',
  },
  {
    path: 'backend.auth.externalAccess.0.options.token',
    variable: 'SECURITY_READINESS_CI_TOKEN',
    what: 'the token CI pipelines push security facts with',
  },
  {
    path: 'backend.database.connection.host',
    variable: 'POSTGRES_HOST',
    what: 'PostgreSQL host',
  },
  {
    path: 'backend.database.connection.port',
    variable: 'POSTGRES_PORT',
    what: 'PostgreSQL port',
  },
  {
    path: 'backend.database.connection.user',
    variable: 'POSTGRES_USER',
    what: 'PostgreSQL role',
  },
  {
    path: 'backend.database.connection.password',
    variable: 'POSTGRES_PASSWORD',
    what: 'PostgreSQL password',
  },
  {
    path: 'backend.cache.connection',
    variable: 'REDIS_URL',
    what: 'the shared Redis cache',
  },
  {
    path: 'auth.session.secret',
    variable: 'AUTH_SESSION_SECRET',
    what: 'signs the sign-in session cookie of the OIDC flow, the same on every replica',
  },
  {
    path: 'auth.providers.oidc.production.metadataUrl',
    variable: 'OIDC_METADATA_URL',
    what: "the identity provider's discovery document",
  },
  {
    path: 'auth.providers.oidc.production.clientId',
    variable: 'OIDC_CLIENT_ID',
    what: 'the OIDC client id',
  },
  {
    path: 'auth.providers.oidc.production.clientSecret',
    variable: 'OIDC_CLIENT_SECRET',
    what: 'the OIDC client secret',
  },
  {
    path: 'integrations.github.0.host',
    variable: 'GIT_HOST',
    what: 'the git server templates publish to',
  },
  {
    path: 'integrations.github.0.token',
    variable: 'GIT_TOKEN',
    what: "the git server's bot token",
  },
  {
    path: 'registry.imports.0.source',
    variable: 'REGISTER_EXPORT_URL',
    what: 'the national register export',
  },
  {
    path: 'moratorium.audit.activeKeyId',
    variable: 'MORATORIUM_AUDIT_KEY_ID',
    what: 'the id of the key that signs the audit record',
  },
  {
    path: 'moratorium.audit.signingKeys.0.id',
    variable: 'MORATORIUM_AUDIT_KEY_ID',
    what: 'the id of the key that signs the audit record',
  },
  {
    path: 'moratorium.audit.signingKeys.0.privateKey',
    variable: 'MORATORIUM_AUDIT_SIGNING_KEY',
    what: 'the Ed25519 private key (PEM) that signs the audit record',
  },
  {
    path: 'moratorium.audit.checkpoints.sink.url',
    variable: 'MORATORIUM_AUDIT_CHECKPOINT_URL',
    what: "the archive that receives the audit record's signed checkpoints",
  },
  {
    path: 'securityReadiness.factSources.0.ownerGroups.0',
    variable: 'SECURITY_READINESS_CI_OWNER_GROUP',
    what: 'the owner body whose systems the CI token may report facts on',
  },
];

/** The shortest `BACKEND_SECRET` accepted (docs/operations.md asks for 24 random bytes, base64). */
export const MIN_SECRET_LENGTH = 24;

function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value)
      ? value[Number(key)]
      : (value as Record<string, unknown>)[key];
  }
  return value;
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Whether the configuration is a production one: `auth.environment` is
 * `production` (app-config.production.yaml) or NODE_ENV is `production`.
 */
export function isProductionConfig(
  config: Config,
  nodeEnv = process.env.NODE_ENV,
): boolean {
  return (
    nodeEnv === 'production' ||
    config.getOptionalString('auth.environment') === 'production'
  );
}

/**
 * What is missing or wrong in a production configuration, one message per
 * problem, each naming the environment variable to set. Empty when start-up
 * may go on; a development configuration is not checked.
 *
 * Every variable of {@link PRODUCTION_SETTINGS} must be set and not empty:
 * an unset `${VAR}` drops its key, and the development value of
 * app-config.yaml (a localhost URL, SQLite) would silently take its place.
 */
export function productionConfigProblems(
  config: Config,
  env: Record<string, string | undefined> = process.env,
): string[] {
  if (!isProductionConfig(config, env.NODE_ENV)) return [];
  const root = config.getOptional() as unknown;
  const problems: string[] = [];
  const reported = new Set<string>();

  for (const setting of PRODUCTION_SETTINGS) {
    // A later config file may set the path itself (or drop it, as a test
    // overlay may); the variable must be set all the same.
    if (!env[setting.variable]?.trim()) {
      if (reported.has(setting.variable)) continue;
      reported.add(setting.variable);
      problems.push(
        `${setting.variable} is not set (${setting.what}; config ${setting.path})`,
      );
    }
  }

  const database = at(root, 'backend.database.client');
  if (database !== 'pg') {
    problems.push(
      `backend.database.client is ${JSON.stringify(
        database ?? null,
      )}: production runs on PostgreSQL (client: pg; set POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD)`,
    );
  }

  const secret = at(root, 'backend.auth.keys.0.secret');
  if (typeof secret === 'string' && secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `BACKEND_SECRET is ${secret.length} characters long; use at least ${MIN_SECRET_LENGTH} random characters, the same on every replica`,
    );
  }
  for (const [path, variable] of [
    ['backend.baseUrl', 'APP_BASE_URL'],
    ['auth.providers.oidc.production.metadataUrl', 'OIDC_METADATA_URL'],
  ] as const) {
    const value = at(root, path);
    if (value !== undefined && value !== '' && !isUrl(value)) {
      problems.push(
        `${variable} is ${JSON.stringify(
          value,
        )}, not an http(s) URL (config ${path})`,
      );
    }
  }
  return problems;
}

/**
 * Throws one error listing every problem of a production configuration, so
 * that a replica stops before it starts any plugin.
 */
export function assertProductionConfig(
  config: Config,
  env: Record<string, string | undefined> = process.env,
): void {
  const problems = productionConfigProblems(config, env);
  if (problems.length > 0) {
    throw new Error(
      `The production configuration is incomplete; start-up stopped:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
  }
}
