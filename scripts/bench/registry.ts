/*
 * yarn bench:registry — the register at national scale.
 *
 * For each database (SQLite in memory, PostgreSQL on 127.0.0.1:5432) and each
 * size (default 10,000 and 100,000 synthetic systems) it starts a backend
 * twice in this process:
 *   - plain: the catalog alone ingests the systems (baseline);
 *   - registry: the catalog with the registry module (validation, relations,
 *     moratorium status) and the registry backend (projection).
 * It prints ingestion time and the ratio registry/plain from the same run,
 * the time of one full projection sync (triggered after ingestion), peak RSS, and p50/p99 of list, filter,
 * search and stats requests with 50 concurrent clients (loopback only,
 * bounded in time). Figures go to bench-results/registry-<time>.json.
 *
 * Options: --sizes 10000,100000  --dbs sqlite,postgres  --clients 50
 *          --seconds 10 (per latency scenario)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knex as createKnex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import registryModule from '@qaztech/plugin-catalog-backend-module-registry';
import registryBackend from '@qaztech/plugin-registry-backend';
import { stateBodies, syntheticSystems } from './syntheticSystems';
import { LatencyResult, measureLatency } from './latency';

type Db = 'sqlite' | 'postgres';
type Mode = 'plain' | 'registry';

const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '10000,100000').split(',').map(Number);
const dbs = arg('dbs', 'sqlite,postgres').split(',') as Db[];
const clients = Number(arg('clients', '50'));
const seconds = Number(arg('seconds', '10'));

const LOCATION = 'url:https://register.example.gov.kz/bench';

function withLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

async function poll(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

async function dropPgDatabases(prefix: string) {
  const admin = createKnex({ client: 'pg', connection: PG });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

interface RunResult {
  db: Db;
  size: number;
  mode: Mode;
  ingestSeconds: number;
  projectionSeconds?: number;
  peakRssMb: number;
  latency?: Record<string, LatencyResult>;
}

async function run(db: Db, size: number, mode: Mode): Promise<RunResult> {
  const prefix = `qaztech_bench_${process.pid}_${Date.now()}_`;
  const database =
    db === 'sqlite'
      ? { client: 'better-sqlite3', connection: ':memory:' }
      : { client: 'pg', connection: PG, prefix };

  let connection: EntityProviderConnection | undefined;
  const benchProvider = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-provider',
    register(reg) {
      reg.registerInit({
        deps: { providers: catalogProcessingExtensionPoint },
        async init({ providers }) {
          providers.addEntityProvider({
            getProviderName: () => 'bench',
            connect: async c => {
              connection = c;
            },
          });
        },
      });
    },
  });

  // The projection sync is started by hand once ingestion is done, so the
  // ingestion figure measures the catalog module alone and the latency
  // figures are not mixed with a sync run.
  let registryScheduler: SchedulerService | undefined;
  const syncTrigger = createBackendModule({
    pluginId: 'registry',
    moduleId: 'bench-sync-trigger',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          registryScheduler = scheduler;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          backend: { database },
          registry: {
            sync: {
              schedule: {
                // One run at start-up (empty), then only when triggered; a
                // long initial delay would keep the task worker asleep.
                frequency: { hours: 12 },
                timeout: { minutes: 30 },
                initialDelay: { seconds: 1 },
              },
            },
          },
        },
      }),
      // The real scheduler: the projection sync must run on its cadence.
      schedulerServiceFactory,
      mockServices.rootLogger.factory({ level: 'warn' }),
      catalogPlugin,
      benchProvider,
      ...(mode === 'registry'
        ? [registryModule, registryBackend, syncTrigger]
        : []),
    ],
  });
  const base = `http://localhost:${backend.server.port()}`;
  const headers = { authorization: mockCredentials.user.header() };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 500);

  try {
    const entities = [...stateBodies(), ...syntheticSystems(size)].map(e => ({
      entity: withLocation(e),
      locationKey: 'bench',
    }));
    const started = performance.now();
    await connection!.applyMutation({ type: 'full', entities });
    await poll(
      `${size} systems in the catalog`,
      async () => {
        const res = await fetch(
          `${base}/api/catalog/entities/by-query?filter=kind=system&limit=1`,
          { headers },
        );
        const body = await res.json();
        return body.totalItems >= size;
      },
      3 * 60 * 60 * 1000,
    );
    const ingestSeconds = (performance.now() - started) / 1000;
    const result: RunResult = {
      db,
      size,
      mode,
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      peakRssMb: 0,
    };

    if (mode === 'registry') {
      const t0 = performance.now();
      await registryScheduler!.triggerTask('registry-sync');
      await poll(
        `${size} systems in the register projection`,
        async () => {
          const res = await fetch(`${base}/api/registry/systems?limit=1`, {
            headers,
          });
          if (!res.ok) return false;
          return (await res.json()).totalCount >= size;
        },
        60 * 60 * 1000,
      );
      result.projectionSeconds =
        Math.round(((performance.now() - t0) / 1000) * 10) / 10;

      const scenarios: Record<string, string> = {
        list: '/api/registry/systems?limit=50',
        filter:
          '/api/registry/systems?platformStatus=legacy-migrating&lifecycleStage=industrial-operation&limit=50',
        search: `/api/registry/systems?q=${encodeURIComponent(
          'реестр',
        )}&limit=50`,
        stats: '/api/registry/stats',
      };
      result.latency = {};
      for (const [name, path] of Object.entries(scenarios)) {
        result.latency[name] = await measureLatency({
          url: `${base}${path}`,
          headers,
          clients,
          durationMs: seconds * 1000,
        });
      }
    }
    result.peakRssMb = Math.round(peakRss / 1024 / 1024);
    return result;
  } finally {
    clearInterval(sampler);
    await backend.stop();
    if (db === 'postgres') await dropPgDatabases(prefix);
  }
}

async function main() {
  const results: RunResult[] = [];
  for (const db of dbs) {
    for (const size of sizes) {
      for (const mode of ['plain', 'registry'] as Mode[]) {
        process.stderr.write(`bench: ${db} ${size} ${mode}…\n`);
        const r = await run(db, size, mode);
        results.push(r);
        process.stderr.write(`${JSON.stringify(r)}\n`);
      }
    }
  }

  const rows = [];
  for (const db of dbs) {
    for (const size of sizes) {
      const plain = results.find(
        r => r.db === db && r.size === size && r.mode === 'plain',
      )!;
      const reg = results.find(
        r => r.db === db && r.size === size && r.mode === 'registry',
      )!;
      rows.push({
        db,
        size,
        plainIngestS: plain.ingestSeconds,
        registryIngestS: reg.ingestSeconds,
        ratio:
          Math.round((reg.ingestSeconds / plain.ingestSeconds) * 100) / 100,
        projectionS: reg.projectionSeconds,
        peakRssMb: reg.peakRssMb,
        listP50: reg.latency?.list.p50Ms,
        listP99: reg.latency?.list.p99Ms,
        filterP99: reg.latency?.filter.p99Ms,
        searchP99: reg.latency?.search.p99Ms,
        statsP50: reg.latency?.stats.p50Ms,
        statsP99: reg.latency?.stats.p99Ms,
        errors: Object.values(reg.latency ?? {}).reduce(
          (n, l) => n + l.errors,
          0,
        ),
      });
    }
  }
  console.table(rows);
  const dir = resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(
    dir,
    `registry-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ clients, seconds, results, rows }, null, 2)}\n`,
  );
  console.log(`figures written to ${file}`);
  // Pools and timers of the stopped backends would keep the process alive.
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
