/*
 * Query plans of the register projection at scale, and the database time of
 * each store call without the cache:
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     scripts/bench/registryPlans.ts [--size 100000] [--db postgres|sqlite]
 * Loads `size` synthetic systems into a fresh database through the store (as
 * the sync does), prints EXPLAIN ANALYZE of the list, filter, search, count
 * and stats queries, and the median and p99 of 50 sequential calls.
 */
import { knex as createKnex, Knex } from 'knex';
import { DatabaseRegistryStore } from '../../plugins/registry-backend/src/database/DatabaseRegistryStore';
import { RegistrySystemFilter } from '../../plugins/registry-backend/src/database/RegistryStore';
import { toRegistrySystem } from '../../plugins/registry-backend/src/service/toRegistrySystem';
import { syntheticSystems } from './syntheticSystems';

const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const size = Number(arg('size', '100000'));
const db = arg('db', 'postgres');
// --keep leaves the loaded database for the next run (same size).
const keep = process.argv.includes('--keep');
const database = keep
  ? `qaztech_plans_${size}`
  : `qaztech_plans_${process.pid}`;

const scenarios: Record<string, RegistrySystemFilter> = {
  list: {},
  filter: {
    platformStatus: ['legacy-migrating'],
    lifecycleStage: ['industrial-operation'],
  },
  owner: { owner: ['group:default/mcriap'] },
  category: { dataCategory: ['health'] },
  search: { q: 'реестр' },
  searchRare: { q: 'ИС-B00042' },
};

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function main() {
  let admin: Knex | undefined;
  let knex: Knex;
  if (db === 'postgres') {
    admin = createKnex({ client: 'pg', connection: PG });
    const { rows } = await admin.raw(
      'SELECT 1 FROM pg_database WHERE datname = ?',
      [database],
    );
    if (!rows.length) {
      await admin.raw('CREATE DATABASE ??', [database]);
    }
    knex = createKnex({
      client: 'pg',
      connection: `${PG}/${database}`,
      pool: { min: 0, max: 5 },
    });
  } else {
    knex = createKnex({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  try {
    const store = await DatabaseRegistryStore.create({
      database: { getClient: async () => knex },
      cacheTtlMs: 0,
    });
    const loaded = Number(
      (await knex('registry_systems').count({ n: '*' }).first())?.n ?? 0,
    );
    const at = new Date();
    const systems = syntheticSystems(size).map(entity => {
      const mapped = toRegistrySystem(entity, { at });
      if (!mapped.ok) throw new Error(`invalid ${mapped.entityRef}`);
      return mapped.system;
    });
    let t0 = performance.now();
    for (let i = loaded === size ? size : 0; i < systems.length; i += 500) {
      await store.upsertChanged(systems.slice(i, i + 500));
    }
    console.log(
      `load ${size}: ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (db === 'postgres') await knex.raw('ANALYZE');

    t0 = performance.now();
    const again = await store.upsertChanged(systems);
    const swept = await store.deleteMissing(
      new Set(systems.map(s => s.entityRef)),
    );
    console.log(
      `unchanged sync (store part): ${((performance.now() - t0) / 1000).toFixed(
        1,
      )} s`,
      again,
      { deleted: swept },
    );

    // Capture the SQL the store sends, then explain it.
    const captured: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (q: { sql: string; bindings: unknown[] }) =>
      captured.push(q);
    knex.on('query', listener);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ...Object.entries(scenarios).map(
        ([name, filter]) =>
          [
            name,
            () =>
              store.listSystems({
                filter,
                sort: { field: 'name', order: 'asc' },
                limit: 50,
              }),
          ] as [string, () => Promise<unknown>],
      ),
      ['stats', () => store.stats()],
    ];
    for (const [name, call] of calls) {
      captured.length = 0;
      await call();
      for (const q of [...captured]) {
        const explain =
          db === 'postgres'
            ? 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)'
            : 'EXPLAIN QUERY PLAN';
        let plan: string;
        if (db === 'postgres') {
          // The captured SQL is already in the driver's $n form.
          const connection = await (knex.client as any).acquireConnection();
          try {
            const result = await connection.query(
              `${explain} ${q.sql}`,
              q.bindings,
            );
            plan = result.rows.map((r: any) => r['QUERY PLAN']).join('\n');
          } finally {
            await (knex.client as any).releaseConnection(connection);
          }
        } else {
          const rows = await knex.raw(`${explain} ${q.sql}`, q.bindings as any);
          plan = rows.map((r: any) => r.detail).join('\n');
        }
        console.log(
          `\n### ${name}: ${q.sql}\n${JSON.stringify(q.bindings)}\n${plan}`,
        );
      }
    }
    knex.off('query', listener);

    console.log('\nstore call times without cache (50 sequential calls)');
    for (const [name, call] of calls) {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        await call();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(12)} p50 ${percentile(times, 50).toFixed(
          1,
        )} ms  p99 ${percentile(times, 99).toFixed(1)} ms`,
      );
    }
  } finally {
    await knex.destroy();
    if (admin && !keep) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    }
    await admin?.destroy();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
