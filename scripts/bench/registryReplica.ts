/*
 * A register-only backend replica for `yarn bench:registry --replica`: the
 * registry backend alone (no catalog, no processing) on the database of a
 * bench run, in its own process, as a deployment that serves the register
 * from separate replicas would run it. It prints `{"port": N}` on stdout once
 * it listens and runs until killed.
 *
 * Input: QAZTECH_BENCH_REPLICA_CONFIG, the JSON of the bench backend's
 * `backend.database` and `registry` config, so the replica shares its
 * databases and task schedules (the scheduler's locks keep the projection
 * sync to one process).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import registryBackend from '@qaztech/plugin-registry-backend';

async function main() {
  const raw = process.env.QAZTECH_BENCH_REPLICA_CONFIG;
  if (!raw) throw new Error('QAZTECH_BENCH_REPLICA_CONFIG is not set');
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data: JSON.parse(raw) }),
      schedulerServiceFactory,
      mockServices.rootLogger.factory({ level: 'warn' }),
      registryBackend,
    ],
  });
  process.stdout.write(`${JSON.stringify({ port: backend.server.port() })}\n`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
