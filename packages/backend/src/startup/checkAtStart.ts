import { ConfigSources } from '@backstage/config-loader';
import { assertProductionConfig } from './productionConfig';

/**
 * Reads the configuration the backend is about to start with (the same
 * `--config` arguments and environment) and throws, naming each variable,
 * when a production configuration lacks a secret, the database, the base
 * URL or an OIDC setting.
 */
export async function checkConfigAtStart(
  argv: string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      argv,
      env,
      watch: false,
      // ${VAR} in config files reads the given environment.
      substitutionFunc: async name => env[name]?.trim(),
    }),
  );
  try {
    assertProductionConfig(config, env);
  } finally {
    config.close();
  }
}
