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
 * the time of the first projection sync (triggered after ingestion) and of a
 * second one over the unchanged catalog (with the rows it wrote), peak RSS,
 * and p50/p99 of list (first and next page), filter, search and stats
 * requests with 50 concurrent clients (loopback only, bounded in time), and
 * PASS/FAIL for each target of the issue. Figures go to
 * bench-results/registry-<time>.json.
 *
 * Diagnostic modes (--modes) split the extra ingestion time:
 *   - relations: the catalog plus a bench processor that emits only the
 *     integration relations the registry processor emits (dependsOn), no
 *     validation, no moratorium;
 *   - reverse: the same with the reverse dependencyOf relations as well,
 *     which the registry processor no longer emits (what they would cost);
 *   - module: the catalog with the registry catalog module, without the
 *     registry backend (no projection plugin running).
 *
 * Options: --sizes 10000,100000  --dbs sqlite,postgres  --clients 50
 *          --seconds 10 (per latency scenario)
 *          --modes plain,registry (add relations,reverse,module to split the time)
 *          --repeat 1 (rounds of all modes, interleaved; medians reported)
 *          --profile DIR (CPU profiles of the latency scenarios)
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
  CatalogProcessor,
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import { Knex } from 'knex';
import registryModule from '@qaztech/plugin-catalog-backend-module-registry';
import registryBackend from '@qaztech/plugin-registry-backend';
import { stateBodies, syntheticSystems } from './syntheticSystems';
import { LatencyResult, measureLatency } from './latency';
import { measureOnReplica } from './replica';

type Db = 'sqlite' | 'postgres';
type Mode = 'plain' | 'relations' | 'reverse' | 'module' | 'registry';

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
const modes = arg('modes', 'plain,registry').split(',') as Mode[];
/**
 * On PostgreSQL, also measure latency on a register-only replica in its own
 * process after the catalog has stopped (`--replica false` to skip).
 */
const replica = arg('replica', 'true') !== 'false';
/** Runs the modes this many times, interleaved; figures are medians. */
const repeat = Number(arg('repeat', '1'));
if (!modes.includes('plain') || !modes.includes('registry')) {
  throw new Error('--modes must include plain and registry');
}

/** The targets of the issue (PostgreSQL; latency at 100,000 systems). */
const TARGETS = {
  ingestionRatio: 1.15,
  listP99Ms: 150,
  statsP99Ms: 300,
  atSize: 100_000,
};

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

/** Size on disk of each plugin database of a run, in MB, by plugin id. */
async function pgDatabaseSizes(
  prefix: string,
): Promise<Record<string, number>> {
  const admin = createKnex({ client: 'pg', connection: PG });
  try {
    const { rows } = await admin.raw(
      'SELECT datname, pg_database_size(datname) AS bytes FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    return Object.fromEntries(
      (rows as Array<{ datname: string; bytes: string }>).map(r => [
        r.datname.slice(prefix.length),
        Math.round(Number(r.bytes) / 104857.6) / 10,
      ]),
    );
  } finally {
    await admin.destroy();
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
  /**
   * CPU time of this process (user + system) during ingestion: less
   * sensitive than wall time to other work on a shared machine. The
   * database server's CPU is not in it.
   */
  ingestCpuSeconds: number;
  /** The first projection sync, after ingestion. */
  projectionSeconds?: number;
  /** A second sync over the unchanged catalog. */
  resyncSeconds?: number;
  /** Rows the second sync inserted, changed or deleted (0 expected). */
  resyncRowsWritten?: number;
  /** Row versions the second sync left in PostgreSQL (xmin), 0 expected. */
  resyncPgRowVersions?: number;
  peakRssMb: number;
  latency?: Record<string, LatencyResult>;
  /** PostgreSQL: size of each plugin's database after the run (MB). */
  databaseMb?: Record<string, number>;
  /** The latency scenarios on a register-only replica (PostgreSQL). */
  replicaLatency?: Record<string, LatencyResult>;
}

/**
 * Emits the integration relations of a state information system, and
 * nothing else: as the registry processor does (`dependsOn` only, the
 * "relations" mode), or with the reverse `dependencyOf` that it emitted
 * before (the "reverse" mode), to show what the reverse relations cost.
 */
function relationsOnlyModule(withReverse: boolean) {
  const processor: CatalogProcessor = {
    getProcessorName: () => 'BenchRelationsOnly',
    async postProcessEntity(entity, _location, emit) {
      const registry = (entity.spec as any)?.registry;
      if (entity.kind !== 'System' || !registry) {
        return entity;
      }
      const self = getCompoundEntityRef(entity);
      for (const integration of registry.integrations ?? []) {
        const other = parseEntityRef(integration.system, {
          defaultKind: 'system',
          defaultNamespace: self.namespace,
        });
        emit(
          processingResult.relation({
            source: self,
            type: RELATION_DEPENDS_ON,
            target: other,
          }),
        );
        if (withReverse) {
          emit(
            processingResult.relation({
              source: other,
              type: RELATION_DEPENDENCY_OF,
              target: self,
            }),
          );
        }
      }
      return entity;
    },
  };
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-relations-only',
    register(reg) {
      reg.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addProcessor(processor);
        },
      });
    },
  });
}

/** Waits for the run of the registry sync that started after `since`. */
async function syncFinished(db: Knex, since: Date, timeoutMs: number) {
  await poll(
    'the registry sync',
    async () => {
      const row = await db('backstage_backend_tasks__tasks')
        .where('id', 'registry-sync')
        .first();
      return Boolean(
        row &&
          !row.current_run_ticket &&
          row.last_run_ended_at &&
          new Date(row.last_run_ended_at).getTime() >= since.getTime(),
      );
    },
    timeoutMs,
  );
}

/** The next transaction id of PostgreSQL (32-bit, as xmin shows it). */
async function pgNextXid(db: Knex): Promise<number> {
  const { rows } = await db.raw(
    'SELECT (txid_current() % 4294967296)::bigint AS xid',
  );
  return Number(rows[0].xid);
}

/**
 * Row versions of the projection tables written by a transaction at or
 * after `xid`: any INSERT or UPDATE leaves one, even an UPDATE that changes
 * no value (deletions show in the row count instead).
 */
async function pgRowVersionsSince(db: Knex, xid: number): Promise<number> {
  let n = 0;
  for (const table of ['registry_systems', 'registry_system_data_categories']) {
    const { rows } = await db.raw(
      'SELECT count(*) AS n FROM ?? WHERE xmin::text::bigint >= ?',
      [table, xid],
    );
    n += Number(rows[0].n);
  }
  return n;
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
  let registryDb: Knex | undefined;
  const syncTrigger = createBackendModule({
    pluginId: 'registry',
    moduleId: 'bench-sync-trigger',
    register(reg) {
      reg.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          database: coreServices.database,
        },
        async init({ scheduler, database: registryDatabase }) {
          registryScheduler = scheduler;
          registryDb = await registryDatabase.getClient();
        },
      });
    },
  });

  const config = {
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
  };
  let backendStopped = false;
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data: config }),
      // The real scheduler: the projection sync must run on its cadence.
      schedulerServiceFactory,
      mockServices.rootLogger.factory({ level: 'warn' }),
      catalogPlugin,
      benchProvider,
      ...(mode === 'relations' ? [relationsOnlyModule(false)] : []),
      ...(mode === 'reverse' ? [relationsOnlyModule(true)] : []),
      ...(mode === 'module' || mode === 'registry' ? [registryModule] : []),
      ...(mode === 'registry' ? [registryBackend, syncTrigger] : []),
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
    const cpuStarted = process.cpuUsage();
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
    const cpu = process.cpuUsage(cpuStarted);
    const result: RunResult = {
      db,
      size,
      mode,
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      ingestCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
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

      // A second sync over the unchanged catalog: how long, and what it wrote.
      const rdb = registryDb!;
      await syncFinished(rdb, new Date(0), 60 * 60 * 1000);
      const before = (await rdb('registry_systems')
        .count({ n: '*' })
        .max({ last: 'updated_at' })
        .first()) as { n: string | number; last: string };
      const xid = database.client === 'pg' ? await pgNextXid(rdb) : undefined;
      const t1 = new Date();
      await registryScheduler!.triggerTask('registry-sync');
      await syncFinished(rdb, t1, 60 * 60 * 1000);
      result.resyncSeconds =
        Math.round(((Date.now() - t1.getTime()) / 1000) * 10) / 10;
      const after = (await rdb('registry_systems')
        .count({ n: '*' })
        .first()) as { n: string | number };
      const changed = (await rdb('registry_systems')
        .where('updated_at', '>', before.last)
        .count({ n: '*' })
        .first()) as { n: string | number };
      result.resyncRowsWritten =
        Number(changed.n) + Math.abs(Number(before.n) - Number(after.n));
      if (xid !== undefined) {
        result.resyncPgRowVersions = await pgRowVersionsSince(rdb, xid);
      }

      const firstPage = await (
        await fetch(`${base}/api/registry/systems?limit=50`, { headers })
      ).json();
      const scenarios: Record<string, string> = {
        list: '/api/registry/systems?limit=50',
        nextPage: `/api/registry/systems?limit=50&cursor=${encodeURIComponent(
          firstPage.nextCursor,
        )}`,
        filter:
          '/api/registry/systems?platformStatus=legacy-migrating&lifecycleStage=industrial-operation&limit=50',
        search: `/api/registry/systems?q=${encodeURIComponent(
          'реестр',
        )}&limit=50`,
        stats: '/api/registry/stats',
      };
      result.latency = {};
      for (const [name, path] of Object.entries(scenarios)) {
        const stopProfile = await startProfile();
        result.latency[name] = await measureLatency({
          url: `${base}${path}`,
          headers,
          clients,
          durationMs: seconds * 1000,
        });
        await stopProfile(`${db}-${size}-${name}`);
      }

      if (replica && db === 'postgres') {
        // The same requests against a register-only replica in its own
        // process, with the catalog (and its processing loop) stopped: the
        // register served apart from catalog processing, as a deployment
        // with several replicas spreads it.
        result.peakRssMb = Math.round(peakRss / 1024 / 1024);
        backendStopped = true;
        await backend.stop();
        result.replicaLatency = await measureOnReplica({
          config,
          scenarios,
          headers,
          clients,
          seconds,
        });
      }
    }
    result.peakRssMb ||= Math.round(peakRss / 1024 / 1024);
    if (db === 'postgres') result.databaseMb = await pgDatabaseSizes(prefix);
    return result;
  } finally {
    clearInterval(sampler);
    if (!backendStopped) await backend.stop();
    if (db === 'postgres') await dropPgDatabases(prefix);
  }
}

/**
 * With --profile DIR, a CPU profile of the backend's thread during each
 * latency scenario goes to DIR/<db>-<size>-<scenario>.cpuprofile.
 */
async function startProfile(): Promise<(name: string) => Promise<void>> {
  const dir = arg('profile', '');
  if (!dir) {
    return async () => {};
  }
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async name => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

/**
 * One run of a mode, or with --repeat the median of each ingestion figure
 * (latency figures are those of the run with the median ingestion time).
 */
function medianRun(runs: RunResult[]): RunResult | undefined {
  if (runs.length <= 1) {
    return runs[0];
  }
  const byTime = [...runs].sort((a, b) => a.ingestSeconds - b.ingestSeconds);
  return {
    ...byTime[Math.floor((byTime.length - 1) / 2)],
    ingestSeconds: median(runs.map(r => r.ingestSeconds)),
    ingestCpuSeconds: median(runs.map(r => r.ingestCpuSeconds)),
  };
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}

async function main() {
  const results: RunResult[] = [];
  for (const db of dbs) {
    for (const size of sizes) {
      for (let round = 1; round <= repeat; round++) {
        for (const mode of modes) {
          process.stderr.write(
            `bench: ${db} ${size} ${mode} (round ${round}/${repeat})…\n`,
          );
          const r = await run(db, size, mode);
          results.push(r);
          process.stderr.write(`${JSON.stringify(r)}\n`);
        }
      }
    }
  }

  const rows = [];
  const verdicts: Array<{
    db: Db;
    size: number;
    target: string;
    value: number;
    limit: number;
    result: 'PASS' | 'FAIL';
    binding: 'target' | 'indicative';
  }> = [];
  for (const db of dbs) {
    for (const size of sizes) {
      const of = (mode: Mode) =>
        medianRun(
          results.filter(
            r => r.db === db && r.size === size && r.mode === mode,
          ),
        );
      const plain = of('plain')!;
      const reg = of('registry')!;
      const ratio = round2(reg.ingestSeconds / plain.ingestSeconds);
      const lat = reg.latency!;
      rows.push({
        db,
        size,
        plainIngestS: plain.ingestSeconds,
        ...(of('relations')
          ? {
              relationsIngestS: of('relations')!.ingestSeconds,
              relationsRatio: round2(
                of('relations')!.ingestSeconds / plain.ingestSeconds,
              ),
            }
          : {}),
        ...(of('reverse')
          ? {
              reverseIngestS: of('reverse')!.ingestSeconds,
              reverseRatio: round2(
                of('reverse')!.ingestSeconds / plain.ingestSeconds,
              ),
            }
          : {}),
        ...(of('module')
          ? {
              moduleIngestS: of('module')!.ingestSeconds,
              moduleRatio: round2(
                of('module')!.ingestSeconds / plain.ingestSeconds,
              ),
            }
          : {}),
        registryIngestS: reg.ingestSeconds,
        ratio,
        plainCpuS: plain.ingestCpuSeconds,
        registryCpuS: reg.ingestCpuSeconds,
        cpuRatio: round2(reg.ingestCpuSeconds / plain.ingestCpuSeconds),
        projectionS: reg.projectionSeconds,
        ratioWithProjection: round2(
          (reg.ingestSeconds + (reg.projectionSeconds ?? 0)) /
            plain.ingestSeconds,
        ),
        resyncS: reg.resyncSeconds,
        resyncWrites: reg.resyncRowsWritten,
        resyncPgRowVersions: reg.resyncPgRowVersions,
        peakRssMb: reg.peakRssMb,
        ...Object.fromEntries(
          Object.entries(lat).flatMap(([name, l]) => [
            [`${name}P50`, l.p50Ms],
            [`${name}P99`, l.p99Ms],
          ]),
        ),
        errors: Object.values(lat).reduce((n, l) => n + l.errors, 0),
        ...(reg.replicaLatency
          ? {
              ...Object.fromEntries(
                Object.entries(reg.replicaLatency).flatMap(([name, l]) => [
                  [`replica_${name}P50`, l.p50Ms],
                  [`replica_${name}P99`, l.p99Ms],
                ]),
              ),
              replicaErrors: Object.values(reg.replicaLatency).reduce(
                (n, l) => n + l.errors,
                0,
              ),
            }
          : {}),
      });

      // The issue sets its targets on PostgreSQL, latency at 100,000; other
      // databases and sizes are shown against the same limits, marked as
      // indicative.
      const binding = db === 'postgres';
      const atSize = size >= TARGETS.atSize;
      const check = (
        target: string,
        value: number,
        limit: number,
        counts: boolean,
      ) =>
        verdicts.push({
          db,
          size,
          target,
          value,
          limit,
          result: value <= limit ? 'PASS' : 'FAIL',
          binding: counts ? 'target' : 'indicative',
        });
      check(
        'ingestion ratio registry/plain',
        ratio,
        TARGETS.ingestionRatio,
        binding,
      );
      // With a register replica measured, its figures are the binding ones:
      // the in-process figures share two cores with the catalog's
      // processing loop, which a deployment runs on other replicas.
      const rep = reg.replicaLatency;
      check(
        'list page p99 (ms), one process with the catalog',
        lat.list.p99Ms,
        TARGETS.listP99Ms,
        binding && atSize && !rep,
      );
      check(
        'stats p99 (ms), one process with the catalog',
        lat.stats.p99Ms,
        TARGETS.statsP99Ms,
        binding && atSize && !rep,
      );
      if (rep) {
        check(
          'list page p99 (ms), register replica',
          rep.list.p99Ms,
          TARGETS.listP99Ms,
          binding && atSize,
        );
        check(
          'stats p99 (ms), register replica',
          rep.stats.p99Ms,
          TARGETS.statsP99Ms,
          binding && atSize,
        );
        check(
          'errors on the register replica',
          Object.values(rep).reduce((n, l) => n + l.errors, 0),
          0,
          binding && atSize,
        );
      }
      check(
        'errors, one process with the catalog',
        Object.values(lat).reduce((n, l) => n + l.errors, 0),
        0,
        binding && atSize,
      );
      check(
        'unchanged re-sync rows written',
        reg.resyncRowsWritten ?? NaN,
        0,
        false,
      );
    }
  }
  console.log(
    `\nregister bench: ${clients} concurrent clients, ${seconds} s a scenario, modes ${modes.join(
      ',',
    )}, ${repeat} round(s) (medians)`,
  );
  console.table(rows);
  console.log(
    '\ntargets (issue 3, point 5): binding on PostgreSQL, latency at 100,000',
  );
  console.table(verdicts);
  const dir = resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(
    dir,
    `registry-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify(
      { clients, seconds, modes, repeat, results, rows, verdicts },
      null,
      2,
    )}\n`,
  );
  console.log(`figures written to ${file}`);
  // Pools and timers of the stopped backends would keep the process alive.
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
