/*
 * yarn bench:plans — is every read of the suite served by an index?
 *
 * For each plugin database (registry with campaigns, moratorium, security
 * readiness) it fills a fresh database with `--size` synthetic systems and
 * the rows that hang off them (planSuites.ts), runs VACUUM ANALYZE (what
 * autovacuum does in production), then calls every list, filter, count,
 * statistic, queue, scheduler scan and audit read of the store, captures
 * each SQL statement the store sends (knex `query` events) and explains it
 * with its bindings: PostgreSQL `EXPLAIN (ANALYZE, FORMAT JSON)`, SQLite
 * `EXPLAIN QUERY PLAN`. It prints query → plan node → index → time, and
 * exits 1 naming the query and the table when a PostgreSQL plan reads a
 * table of more than `--threshold` rows sequentially (Seq Scan). SQLite's
 * full scans (SCAN without an index) are listed too, as indicative.
 *
 * Options: --size 100000  --db postgres (or sqlite, or both)
 *          --threshold 10000  --only registry,moratorium,security-readiness
 * Figures (with every plan) go to bench-results/plans-<time>.json.
 */
import { Knex } from 'knex';
import {
  arg,
  dbsArg,
  freshDatabase,
  intArg,
  percentile,
  round1,
  writeResults,
} from './cli';
import {
  PlanSuite,
  moratoriumSuite,
  readinessSuite,
  registrySuite,
} from './planSuites';

const size = intArg('size', 100_000);
const threshold = intArg('threshold', 10_000);
const dbs = dbsArg('postgres');
const only = arg('only', '')
  .split(',')
  .map(s => s.trim())
  .filter(Boolean);
const SUITES = [registrySuite, moratoriumSuite, readinessSuite].filter(
  s => !only.length || only.includes(s.plugin),
);

type Db = 'sqlite' | 'postgres';

/** How one plan reads one table. */
export type TableAccess = {
  table: string;
  /** Seq Scan, Index Scan, Index Only Scan, Bitmap Heap Scan… (SQLite: SCAN, SEARCH). */
  node: string;
  index?: string;
  /** Rows the node returned (PostgreSQL, actual). */
  rows?: number;
};

/** One explained statement. */
export type ExplainedQuery = {
  store: string;
  scenario: string;
  sql: string;
  bindings: unknown[];
  /** The top node of the plan. */
  topNode: string;
  access: TableAccess[];
  /** Time of the statement alone (PostgreSQL: EXPLAIN ANALYZE's execution time). */
  executionMs: number;
  /** Tables above the threshold read sequentially. */
  seqScans: string[];
  plan: unknown;
};

type PgPlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Actual Rows'?: number;
  Plans?: PgPlanNode[];
};

function walk(node: PgPlanNode, out: PgPlanNode[] = []): PgPlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

/** Reads of tables in a PostgreSQL plan, with their indexes. */
export function pgAccess(plan: PgPlanNode): TableAccess[] {
  const nodes = walk(plan);
  const access: TableAccess[] = [];
  for (const node of nodes) {
    const type = node['Node Type'];
    if (!node['Relation Name']) continue;
    let index = node['Index Name'];
    if (type === 'Bitmap Heap Scan') {
      // Its bitmap comes from the index scans below it.
      index = walk(node)
        .map(n => n['Index Name'])
        .filter(Boolean)
        .join(' + ');
    }
    access.push({
      table: node['Relation Name'],
      node: type,
      ...(index ? { index } : {}),
      ...(node['Actual Rows'] !== undefined
        ? { rows: node['Actual Rows'] }
        : {}),
    });
  }
  return access;
}

/**
 * Reads of tables in SQLite's EXPLAIN QUERY PLAN rows: `SCAN t` alone is a
 * full table scan; `SEARCH t USING INDEX i` and `SCAN t USING [COVERING]
 * INDEX i` go through an index. Aliases are resolved from the SQL.
 */
export function sqliteAccess(details: string[], sql: string): TableAccess[] {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/[`"](\w+)[`"]\s+as\s+[`"](\w+)[`"]/gi)) {
    aliases.set(m[2], m[1]);
  }
  const access: TableAccess[] = [];
  for (const detail of details) {
    const m = detail.match(
      /^(SCAN|SEARCH) (\S+)(?: USING (?:(?:COVERING )?INDEX (\S+)|(INTEGER PRIMARY KEY|PRIMARY KEY)))?/,
    );
    if (!m) continue;
    const index = m[3] ?? m[4];
    access.push({
      table: aliases.get(m[2]) ?? m[2],
      node: m[1],
      ...(index ? { index } : {}),
    });
  }
  return access;
}

/** Whether an access reads the whole table without an index. */
function isSequential(a: TableAccess): boolean {
  return a.node === 'Seq Scan' || (a.node === 'SCAN' && !a.index);
}

async function tableRows(knex: Knex, db: Db): Promise<Record<string, number>> {
  const names: string[] =
    db === 'postgres'
      ? (
          await knex.raw(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
          )
        ).rows.map((r: { tablename: string }) => r.tablename)
      : (
          await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
        ).map((r: { name: string }) => r.name);
  const counts: Record<string, number> = {};
  for (const name of names.sort()) {
    const row = await knex(name).count({ n: '*' }).first();
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

async function explain(
  knex: Knex,
  db: Db,
  query: { sql: string; bindings: unknown[] },
): Promise<{
  topNode: string;
  access: TableAccess[];
  executionMs: number;
  plan: unknown;
}> {
  if (db === 'postgres') {
    // The captured SQL is in the driver's $n form: send it as it is.
    const connection = await (knex.client as any).acquireConnection();
    try {
      const result = await connection.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
        query.bindings,
      );
      const [explained] = result.rows[0]['QUERY PLAN'];
      return {
        topNode: explained.Plan['Node Type'],
        access: pgAccess(explained.Plan),
        executionMs: round1(explained['Execution Time']),
        plan: explained.Plan,
      };
    } finally {
      await (knex.client as any).releaseConnection(connection);
    }
  }
  const rows = await knex.raw(
    `EXPLAIN QUERY PLAN ${query.sql}`,
    query.bindings as any,
  );
  const details: string[] = rows.map((r: { detail: string }) => r.detail);
  const started = performance.now();
  await knex.raw(query.sql, query.bindings as any);
  return {
    topNode: details[0] ?? '',
    access: sqliteAccess(details, query.sql),
    executionMs: round1(performance.now() - started),
    plan: details,
  };
}

async function runSuite(db: Db, suite: PlanSuite) {
  const { knex, drop } = await freshDatabase(
    db,
    `qaztech_plans_${process.pid}_${suite.plugin.replace(/-/g, '_')}`,
    { min: 0, max: 5 },
  );
  try {
    const log = (message: string) =>
      process.stderr.write(`  ${db} ${suite.plugin}: ${message}\n`);
    const seedStarted = performance.now();
    const groups = await suite.setup(knex, size, log);
    const seedSeconds = round1((performance.now() - seedStarted) / 1000);
    await knex.raw(db === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
    const tables = await tableRows(knex, db);
    log(`seeded in ${seedSeconds} s: ${JSON.stringify(tables)}`);

    const queries: ExplainedQuery[] = [];
    const calls: Array<{
      store: string;
      scenario: string;
      statements: number;
      p50Ms: number;
      maxMs: number;
    }> = [];
    const captured: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings?: unknown[] }) =>
      captured.push({ sql: q.sql, bindings: q.bindings ?? [] });
    for (const [store, scenarios] of Object.entries(groups)) {
      for (const scenario of scenarios) {
        captured.length = 0;
        knex.on('query', listener);
        try {
          await scenario.call();
        } finally {
          knex.off('query', listener);
        }
        const distinct = new Map<
          string,
          { sql: string; bindings: unknown[] }
        >();
        for (const q of captured) {
          if (/^\s*(select|with)\b/i.test(q.sql) && !distinct.has(q.sql)) {
            distinct.set(q.sql, q);
          }
        }
        for (const q of distinct.values()) {
          const explained = await explain(knex, db, q);
          queries.push({
            store,
            scenario: scenario.name,
            sql: q.sql,
            bindings: q.bindings.map(b =>
              typeof b === 'string' && b.length > 120
                ? `${b.slice(0, 117)}…`
                : b,
            ),
            ...explained,
            seqScans: explained.access
              .filter(
                a => isSequential(a) && (tables[a.table] ?? 0) > threshold,
              )
              .map(a => a.table),
          });
        }
        // The store call itself, warm, a few times.
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await scenario.call();
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        calls.push({
          store,
          scenario: scenario.name,
          statements: captured.length,
          p50Ms: round1(percentile(times, 50)),
          maxMs: round1(times[times.length - 1]),
        });
      }
    }
    return { db, plugin: suite.plugin, seedSeconds, tables, queries, calls };
  } finally {
    await drop();
  }
}

function describeAccess(access: TableAccess[]): {
  node: string;
  index: string;
} {
  return {
    node: access.map(a => `${a.node} ${a.table}`).join('; ') || '(no table)',
    index: access.map(a => a.index ?? '—').join('; ') || '—',
  };
}

async function main() {
  const results = [];
  for (const db of dbs) {
    for (const suite of SUITES) {
      process.stderr.write(
        `plans: ${suite.plugin} on ${db}, ${size} systems…\n`,
      );
      results.push(await runSuite(db, suite));
    }
  }
  for (const r of results) {
    console.log(
      `\n${r.plugin} on ${r.db} (${size} systems; tables: ${Object.entries(
        r.tables,
      )
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
    );
    console.table(
      r.queries.map(q => {
        const { node, index } = describeAccess(q.access);
        return {
          query: `${q.store} · ${q.scenario}`,
          plan: q.topNode,
          'table access': node,
          index,
          ms: q.executionMs,
          verdict: q.seqScans.length
            ? `SEQ SCAN ${q.seqScans.join(', ')}`
            : 'ok',
        };
      }),
    );
  }
  const violations = results.flatMap(r =>
    r.queries
      .filter(q => q.seqScans.length)
      .map(q => ({
        db: r.db,
        store: q.store,
        scenario: q.scenario,
        tables: q.seqScans.map(t => `${t} (${r.tables[t]} rows)`),
        sql: q.sql,
      })),
  );
  // The target is PostgreSQL's; SQLite's scans are shown as indicative
  // (it has no index for a substring search, for one).
  const failing = violations.filter(v => v.db === 'postgres');
  const file = writeResults('plans', {
    size,
    threshold,
    dbs,
    results,
    violations,
    pass: failing.length === 0,
  });
  if (violations.length) {
    console.error(
      `\n${violations.length} quer${
        violations.length === 1 ? 'y reads' : 'ies read'
      } a table of more than ${threshold} rows sequentially (${
        failing.length
      } on PostgreSQL, which fail; SQLite's are indicative):`,
    );
    for (const v of violations) {
      console.error(
        `- ${v.db} ${v.store} · ${v.scenario}: ${v.tables.join(', ')}\n  ${
          v.sql
        }`,
      );
    }
  } else {
    console.log(
      `\nPASS: ${results.reduce(
        (n, r) => n + r.queries.length,
        0,
      )} statements, none reads a table of more than ${threshold} rows sequentially`,
    );
  }
  console.log(`figures written to ${file}`);
  process.exit(failing.length ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
