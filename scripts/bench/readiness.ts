/*
 * yarn bench:readiness — security readiness over the whole register.
 *
 * For each database (SQLite in memory, PostgreSQL on 127.0.0.1:5432, a fresh
 * database each) and each size (default 1,000 and 10,000 synthetic systems,
 * from syntheticSystems.ts like the registry bench) it seeds the real store
 * with facts from four tools (findings, OpenSSF Scorecard, vulnerabilities,
 * TLS probe) and officers' attestations, then runs the evaluation engine
 * with the default scorecard and the entity collector over every system
 * twice:
 *   - the first run scores and writes every system;
 *   - the second run over unchanged inputs must change nothing (0 results,
 *     0 facts written; results are only touched).
 * It prints systems, seconds, systems/s, database queries per system, peak
 * RSS, and the second run's seconds and rows written, with PASS/FAIL for
 * the issue's target (10,000 systems in ≤ 5 minutes). Figures go to
 * bench-results/readiness-<time>.json.
 *
 * Options: --sizes=1000,10000  --db=sqlite,pg  --batch=200
 * (`--sizes 1000` works too).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knex as createKnex, Knex } from 'knex';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  StateInformationSystemEntity,
  isStateInformationSystem,
} from '@qaztech/plugin-registry-common';
import {
  Attestation,
  DEFAULT_SCORECARD,
  Fact,
  systemRefOf,
} from '@qaztech/plugin-security-readiness-common';
import { DatabaseSecurityReadinessStore } from '../../plugins/security-readiness-backend/src/database/DatabaseSecurityReadinessStore';
import { EntityCollector } from '../../plugins/security-readiness-backend/src/collectors/EntityCollector';
import { EvaluationEngine } from '../../plugins/security-readiness-backend/src/service/EvaluationEngine';
import { SystemSource } from '../../plugins/security-readiness-backend/src/service/SystemSource';
import { syntheticSystems } from './syntheticSystems';

type Db = 'sqlite' | 'pg';

const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** `--name=value` or `--name value`. */
function arg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const inline = process.argv.find(a => a.startsWith(prefix));
  if (inline) {
    return inline.slice(prefix.length);
  }
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const dbs = arg('db', 'sqlite,pg')
  .split(',')
  .map(d => (d === 'postgres' ? 'pg' : d)) as Db[];
const batchSize = Number(arg('batch', '200'));
for (const size of sizes) {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`--sizes must be whole numbers, got ${arg('sizes', '')}`);
  }
}
for (const db of dbs) {
  if (db !== 'sqlite' && db !== 'pg') {
    throw new Error(`--db takes sqlite and pg, got ${db}`);
  }
}

/** The target: the default checks over 10,000 systems. */
const TARGET_SECONDS_AT_10000 = 300;

const silentLogger = {
  error: (message: string) => process.stderr.write(`error: ${message}\n`),
  warn: (message: string) => process.stderr.write(`warn: ${message}\n`),
  info: () => {},
  debug: () => {},
  child() {
    return silentLogger;
  },
};

/** The systems in memory, in pages like the catalog serves them. */
class ArraySystemSource implements SystemSource {
  private readonly byRef: Map<string, StateInformationSystemEntity>;
  constructor(private readonly systems: StateInformationSystemEntity[]) {
    this.byRef = new Map(systems.map(s => [systemRefOf(s), s]));
  }
  async getSystem(ref: string) {
    return this.byRef.get(ref.toLocaleLowerCase('en-US'));
  }
  async count() {
    return this.systems.length;
  }
  async *pages() {
    for (let i = 0; i < this.systems.length; i += 500) {
      yield this.systems.slice(i, i + 500);
    }
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** Varied facts of the four default fact types, a few days old. */
function seedFacts(
  systems: StateInformationSystemEntity[],
  now: Date,
): Omit<Fact, 'id'>[] {
  const facts: Omit<Fact, 'id'>[] = [];
  systems.forEach((system, i) => {
    const systemRef = systemRefOf(system);
    const observedAt = new Date(now.getTime() - (i % 5) * DAY).toISOString();
    const score = (k: number) => (i * 7 + k * 3) % 11;
    facts.push(
      {
        systemRef,
        type: 'findings',
        source: 'tracker:jira',
        observedAt,
        value: {
          findings: Array.from({ length: i % 4 }, (_, k) => ({
            id: `F-${i}-${k}`,
            severity: (['high', 'medium', 'low', 'critical'] as const)[k],
            openedAt: new Date(now.getTime() - (20 + k * 60) * DAY)
              .toISOString()
              .slice(0, 10),
          })),
        },
      },
      {
        systemRef,
        type: 'openssf-scorecard',
        source: 'http:openssf',
        observedAt,
        value: {
          score: score(0),
          checks: [
            'Branch-Protection',
            'Code-Review',
            'SAST',
            'Pinned-Dependencies',
            'Dependency-Update-Tool',
            'SBOM',
            'Dangerous-Workflow',
            'Token-Permissions',
            'Binary-Artifacts',
          ].map((name, k) => ({ name, score: score(k) })),
        },
      },
      {
        systemRef,
        type: 'vulnerabilities',
        source: 'http:trivy',
        observedAt,
        value: {
          critical: i % 13 === 0 ? 1 : 0,
          high: i % 3,
          medium: i % 7,
          low: i % 11,
        },
      },
      {
        systemRef,
        type: 'tls-probe',
        source: 'probe:tls',
        observedAt,
        value: { approvedCrypto: i % 4 !== 0, governmentIdpLogin: i % 3 !== 0 },
      },
    );
  });
  return facts;
}

/** Attestations of the manual checks for two systems in three. */
function seedAttestations(
  systems: StateInformationSystemEntity[],
  now: Date,
): Attestation[] {
  const list: Attestation[] = [];
  systems.forEach((system, i) => {
    if (i % 3 === 2) {
      return;
    }
    for (const checkId of [
      'security-governance',
      'soc-monitoring',
      'restore-and-exercise',
    ]) {
      const attestedAt = new Date(now.getTime() - (i % 200) * DAY);
      list.push({
        id: `att-${i}-${checkId}`,
        systemRef: systemRefOf(system),
        checkId,
        result: i % 5 === 0 ? 'fail' : 'pass',
        evidence: {
          url: `https://docs.example.kz/${i}/${checkId}.pdf`,
          performedOn: attestedAt.toISOString().slice(0, 10),
        },
        attestedBy: 'user:default/officer',
        attestedAt: attestedAt.toISOString(),
        expiresAt: new Date(attestedAt.getTime() + 365 * DAY).toISOString(),
      });
    }
  });
  return list;
}

async function openDatabase(db: Db, name: string) {
  if (db === 'sqlite') {
    const knex = createKnex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    return { knex, drop: async () => knex.destroy() };
  }
  const admin = createKnex({ client: 'pg', connection: PG });
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const knex = createKnex({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 5 },
  });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}

type Result = {
  db: Db;
  systems: number;
  seconds: number;
  systemsPerSecond: number;
  queriesPerSystem: number;
  changed: number;
  peakRssMb: number;
  secondRunSeconds: number;
  secondRunQueriesPerSystem: number;
  /** Results and facts the second run wrote (0 expected). */
  secondRunRowsWritten: number;
  secondRunChanged: number;
  seedSeconds: number;
  /** PostgreSQL only: rows and bytes per table after both runs. */
  tables?: Record<string, { rows: number; bytes: number }>;
};

/**
 * Rows and on-disk bytes (table, indexes and TOAST) of every table in the
 * database, for the operator guide's sizing: bytes per system and per fact.
 */
async function pgTableSizes(
  knex: Knex,
): Promise<Record<string, { rows: number; bytes: number }>> {
  await knex.raw('ANALYZE');
  const { rows } = await knex.raw(
    `SELECT relname AS name, pg_total_relation_size(relid) AS bytes
       FROM pg_stat_user_tables ORDER BY relname`,
  );
  const sizes: Record<string, { rows: number; bytes: number }> = {};
  for (const row of rows as Array<{ name: string; bytes: string }>) {
    const count = await knex(row.name).count({ n: '*' }).first();
    sizes[row.name] = { rows: Number(count?.n ?? 0), bytes: Number(row.bytes) };
  }
  return sizes;
}

async function bench(db: Db, size: number): Promise<Result> {
  const name = `sr_bench_${Date.now()}`;
  const { knex, drop } = await openDatabase(db, name);
  let queries = 0;
  knex.on('query', () => {
    queries++;
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const database: DatabaseService = { getClient: async () => knex as Knex };
    const store = await DatabaseSecurityReadinessStore.create({ database });
    const systems = syntheticSystems(size).filter(isStateInformationSystem);
    const now = new Date();

    const seedStarted = Date.now();
    const facts = seedFacts(systems, now);
    for (let i = 0; i < facts.length; i += 1000) {
      await store.insertFacts(facts.slice(i, i + 1000));
    }
    for (const attestation of seedAttestations(systems, now)) {
      await store.insertAttestation(attestation);
    }
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    const engine = new EvaluationEngine({
      store,
      systems: new ArraySystemSource(systems),
      collectors: [new EntityCollector()],
      scorecard: DEFAULT_SCORECARD,
      logger: silentLogger,
      batchSize,
    });
    const runOnce = async (at: Date) => {
      await store.createRun({
        scope: { kind: 'all' },
        trigger: 'schedule',
        now: at,
      });
      const run = (await store.claimQueuedRun(at))!;
      const before = queries;
      const started = process.hrtime.bigint();
      const finished = await engine.runAll(run.id, at);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (finished.status !== 'succeeded') {
        throw new Error(`run ${finished.status}: ${finished.error}`);
      }
      return {
        seconds,
        queries: queries - before,
        changed: finished.changed,
        factsInserted: engine.lastRunStats?.factsInserted ?? 0,
      };
    };
    const first = await runOnce(now);
    const second = await runOnce(new Date(now.getTime() + 60_000));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const tables = db === 'pg' ? await pgTableSizes(knex as Knex) : undefined;
    return {
      db,
      systems: systems.length,
      seconds: round(first.seconds),
      systemsPerSecond: Math.round(systems.length / first.seconds),
      queriesPerSystem: round(first.queries / systems.length),
      changed: first.changed,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      secondRunSeconds: round(second.seconds),
      secondRunQueriesPerSystem: round(second.queries / systems.length),
      secondRunRowsWritten: second.changed + second.factsInserted,
      secondRunChanged: second.changed,
      seedSeconds: round(seedSeconds),
      ...(tables ? { tables } : {}),
    };
  } finally {
    clearInterval(sampler);
    await drop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main() {
  const results: Result[] = [];
  for (const size of sizes) {
    for (const db of dbs) {
      process.stderr.write(`readiness: ${size} systems on ${db}…\n`);
      results.push(await bench(db, size));
    }
  }
  console.table(results);
  const verdicts = results.map(r => ({
    db: r.db,
    systems: r.systems,
    'second run writes nothing': r.secondRunRowsWritten === 0 ? 'PASS' : 'FAIL',
    // The target is for 10,000 systems; smaller sizes are scaled to it.
    [`≤ ${TARGET_SECONDS_AT_10000} s at 10,000`]:
      (r.seconds / r.systems) * 10_000 <= TARGET_SECONDS_AT_10000
        ? r.systems >= 10_000
          ? 'PASS'
          : 'PASS (scaled)'
        : 'FAIL',
  }));
  console.table(verdicts);
  const dir = resolve(__dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(
    dir,
    `readiness-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ batchSize, results, verdicts }, null, 2)}\n`,
  );
  console.log(`figures written to ${file}`);
  process.exit(results.every(r => r.secondRunRowsWritten === 0) ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
