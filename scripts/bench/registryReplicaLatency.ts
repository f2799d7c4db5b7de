/*
 * yarn bench:registry-replica — the register API's latency at scale on a
 * register-only replica, without ingesting through the catalog first:
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     scripts/bench/registryReplicaLatency.ts [--size 100000] [--clients 50] [--seconds 10]
 * Loads `size` synthetic systems into a fresh PostgreSQL projection through
 * the store (as the sync writes them), starts the registry backend alone in
 * a child process on it (`registryReplica.ts`) and measures p50/p99 of list,
 * next page, filter, search and stats with concurrent clients. Minutes
 * instead of the hour `yarn bench:registry` needs at 100,000, for checking
 * the latency targets after a change. Figures go to
 * bench-results/registry-replica-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knex as createKnex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import { DatabaseRegistryStore } from '../../plugins/registry-backend/src/database/DatabaseRegistryStore';
import { toRegistrySystem } from '../../plugins/registry-backend/src/service/toRegistrySystem';
import { syntheticSystems } from './syntheticSystems';
import { measureOnReplica } from './replica';

const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const size = Number(arg('size', '100000'));
const clients = Number(arg('clients', '50'));
const seconds = Number(arg('seconds', '10'));
const TARGETS = { listP99Ms: 150, statsP99Ms: 300 };

async function main() {
  const prefix = `qaztech_replica_${process.pid}_`;
  const database = `${prefix}registry`;
  const admin = createKnex({ client: 'pg', connection: PG });
  let projectionBytes = 0;
  await admin.raw('CREATE DATABASE ??', [database]);
  try {
    const knex = createKnex({
      client: 'pg',
      connection: `${PG}/${database}`,
      pool: { min: 0, max: 5 },
    });
    try {
      const store = await DatabaseRegistryStore.create({
        database: { getClient: async () => knex },
        cacheTtlMs: 0,
      });
      const at = new Date();
      const t0 = performance.now();
      const systems = syntheticSystems(size).map(entity => {
        const mapped = toRegistrySystem(entity, { at });
        if (!mapped.ok) throw new Error(`invalid ${mapped.entityRef}`);
        return mapped.system;
      });
      for (let i = 0; i < systems.length; i += 500) {
        await store.upsertChanged(systems.slice(i, i + 500));
      }
      await knex.raw('ANALYZE');
      const size = await knex.raw(
        `SELECT pg_total_relation_size('registry_systems') AS bytes`,
      );
      projectionBytes = Number(size.rows[0].bytes);
      process.stderr.write(
        `loaded ${size} systems in ${((performance.now() - t0) / 1000).toFixed(
          1,
        )} s\n`,
      );
    } finally {
      await knex.destroy();
    }

    const latency = await measureOnReplica({
      config: {
        backend: {
          database: { client: 'pg', connection: PG, prefix },
        },
        registry: {
          // No catalog runs here: the sync must not start.
          sync: {
            schedule: {
              frequency: { hours: 12 },
              timeout: { minutes: 30 },
              initialDelay: { hours: 12 },
            },
          },
        },
      },
      scenarios: {
        list: '/api/registry/systems?limit=50',
        nextPage: '/api/registry/systems?limit=50',
        filter:
          '/api/registry/systems?platformStatus=legacy-migrating&lifecycleStage=industrial-operation&limit=50',
        search: `/api/registry/systems?q=${encodeURIComponent(
          'реестр',
        )}&limit=50`,
        stats: '/api/registry/stats',
      },
      headers: { authorization: mockCredentials.user.header() },
      clients,
      seconds,
    });
    const errors = Object.values(latency).reduce((n, l) => n + l.errors, 0);
    const verdicts = [
      {
        target: 'list page p99 (ms)',
        value: latency.list.p99Ms,
        limit: TARGETS.listP99Ms,
      },
      {
        target: 'stats p99 (ms)',
        value: latency.stats.p99Ms,
        limit: TARGETS.statsP99Ms,
      },
      { target: 'errors', value: errors, limit: 0 },
    ].map(v => ({ ...v, result: v.value <= v.limit ? 'PASS' : 'FAIL' }));
    console.log(
      `\nregister replica: ${size} systems on PostgreSQL, ${clients} concurrent clients, ${seconds} s a scenario`,
    );
    console.log(
      `projection table with its indexes: ${(projectionBytes / 1048576).toFixed(
        1,
      )} MB`,
    );
    console.table(latency);
    console.table(verdicts);
    const dir = resolve(__dirname, '../../bench-results');
    mkdirSync(dir, { recursive: true });
    const file = resolve(
      dir,
      `registry-replica-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          size,
          db: 'postgres',
          clients,
          seconds,
          projectionBytes,
          latency,
          verdicts,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`figures written to ${file}`);
    process.exitCode = verdicts.every(v => v.result === 'PASS') ? 0 : 1;
  } finally {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.destroy();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
