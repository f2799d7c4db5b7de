/*
 * yarn bench:registry-replica — the register API's latency at scale on a
 * register-only replica, without ingesting through the catalog first:
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     scripts/bench/registryReplicaLatency.ts [--size 100000] [--db postgres|sqlite]
 *     [--clients 50] [--seconds 10]
 * Loads `size` synthetic systems into a fresh projection (PostgreSQL, or a
 * SQLite file) through the store (as the sync writes them), starts the
 * registry backend alone in a child process on it (`registryReplica.ts`) and measures p50/p99 of list,
 * next page, filter, search and stats with concurrent clients. Minutes
 * instead of the hour `yarn bench:registry` needs at 100,000, for checking
 * the latency targets after a change. Figures go to
 * bench-results/registry-replica-<time>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
/** postgres, or sqlite (a database file the replica opens). */
const db = arg('db', 'postgres');
const TARGETS = { listP99Ms: 150, statsP99Ms: 300 };

async function main() {
  const prefix = `qaztech_replica_${process.pid}_`;
  const admin = createKnex({ client: 'pg', connection: PG });
  const sqliteDir =
    db === 'sqlite' ? mkdtempSync(join(tmpdir(), 'qaztech-replica-')) : '';
  const database =
    db === 'sqlite'
      ? { client: 'better-sqlite3', connection: { directory: sqliteDir } }
      : { client: 'pg', connection: PG, prefix };
  let projectionBytes = 0;
  if (db === 'postgres') {
    await admin.raw('CREATE DATABASE ??', [`${prefix}registry`]);
  }
  try {
    const knex =
      db === 'sqlite'
        ? createKnex({
            client: 'better-sqlite3',
            connection: { filename: join(sqliteDir, 'registry.sqlite') },
            useNullAsDefault: true,
          })
        : createKnex({
            client: 'pg',
            connection: `${PG}/${prefix}registry`,
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
      if (db === 'postgres') {
        await knex.raw('ANALYZE');
        const bytes = await knex.raw(
          `SELECT pg_total_relation_size('registry_systems') AS bytes`,
        );
        projectionBytes = Number(bytes.rows[0].bytes);
      } else {
        await knex.raw('ANALYZE');
      }
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
        backend: { database },
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
      `\nregister replica: ${size} systems on ${db}, ${clients} concurrent clients, ${seconds} s a scenario`,
    );
    if (projectionBytes) {
      console.log(
        `projection table with its indexes: ${(
          projectionBytes / 1048576
        ).toFixed(1)} MB`,
      );
    }
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
          db,
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
    if (db === 'postgres') {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        `${prefix}registry`,
      ]);
    } else {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
    await admin.destroy();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
