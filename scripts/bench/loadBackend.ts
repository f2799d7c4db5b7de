/*
 * The backend of `yarn bench:load`, in its own process so that its RSS and
 * CPU are its own: the suite's backend as the authorization tests run it
 * (catalog, real auth with the demo sign-in, permission backend with the
 * QazTech policy, registry, moratorium, security readiness) on PostgreSQL,
 * plus a catalog provider of `QAZTECH_LOAD_SIZE` synthetic systems
 * (syntheticSystems.ts). It prints `{"port": N}` on stdout once the catalog
 * holds every system and the register has synced them, then runs until
 * killed.
 *
 * Input (environment): QAZTECH_LOAD_DATABASE (JSON of `backend.database`),
 * QAZTECH_LOAD_SIZE, QAZTECH_LOAD_CATALOG (`idle`: processed once, then not
 * again for hours; `busy`: the catalog reprocesses every 30 s during the
 * load).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { startSuiteBackend } from '../../packages/backend/src/authz/__testUtils__/suiteBackend';
import {
  EXAMPLE_FILES,
  entitiesInFiles,
} from '../../packages/backend/src/authz/__testUtils__/demoBackend';
import { syntheticSystems } from './syntheticSystems';

async function main() {
  const database = JSON.parse(process.env.QAZTECH_LOAD_DATABASE ?? 'null');
  const size = Number(process.env.QAZTECH_LOAD_SIZE);
  const catalogMode = process.env.QAZTECH_LOAD_CATALOG ?? 'idle';
  if (!database || !Number.isInteger(size) || size < 1) {
    throw new Error('QAZTECH_LOAD_DATABASE and QAZTECH_LOAD_SIZE are required');
  }
  const entities = syntheticSystems(size);
  const provider = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'load-bench-provider',
    register(reg) {
      reg.registerInit({
        deps: { providers: catalogProcessingExtensionPoint },
        async init({ providers }) {
          providers.addEntityProvider({
            getProviderName: () => 'load-bench',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity: {
                    ...entity,
                    metadata: {
                      ...entity.metadata,
                      annotations: {
                        ...entity.metadata.annotations,
                        'backstage.io/managed-by-location': 'bench:load',
                        'backstage.io/managed-by-origin-location': 'bench:load',
                      },
                    },
                  },
                  locationKey: 'bench:load',
                })),
              });
            },
          });
        },
      });
    },
  });
  const started = performance.now();
  const backend = await startSuiteBackend(database, {
    features: [provider],
    catalog: {
      processingInterval:
        catalogMode === 'busy' ? { seconds: 30 } : { hours: 6 },
    },
    systems: size + entitiesInFiles(EXAMPLE_FILES.System).length,
    // Generous: on a shared 2-core machine 2,000 systems took 3 minutes.
    syncTimeoutMs: 120_000 + size * 200,
  });
  process.stderr.write(
    `backend ready with ${size} synthetic systems in ${(
      (performance.now() - started) /
      1000
    ).toFixed(0)} s\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      port: backend.server.port(),
      readySeconds: (performance.now() - started) / 1000,
    })}\n`,
  );
  // QAZTECH_LOAD_PROFILE_DIR: each SIGUSR2 starts a CPU profile, the next
  // one writes it there (load.ts brackets each mix with them).
  const profileDir = process.env.QAZTECH_LOAD_PROFILE_DIR;
  if (profileDir) {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    let profiling = false;
    let count = 0;
    process.on('SIGUSR2', async () => {
      if (!profiling) {
        profiling = true;
        await session.post('Profiler.start');
        return;
      }
      profiling = false;
      const { profile } = await session.post('Profiler.stop');
      count += 1;
      writeFileSync(
        join(profileDir, `load-${count}.cpuprofile`),
        JSON.stringify(profile),
      );
    });
  }
  const stop = async () => {
    await backend.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
