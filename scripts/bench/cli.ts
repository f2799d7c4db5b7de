/*
 * Small helpers shared by the benchmark scripts added with `yarn bench`:
 * options, percentiles, the PostgreSQL connection and the results folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knex as createKnex, Knex } from 'knex';

/** The PostgreSQL server of the benchmarks (as the tests use it). */
export const PG =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** Where every benchmark writes its JSON figures. */
export const RESULTS_DIR = resolve(__dirname, '../../bench-results');

/** `--name=value` or `--name value`, else the fallback. */
export function arg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const inline = process.argv.find(a => a.startsWith(prefix));
  if (inline) {
    return inline.slice(prefix.length);
  }
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')
    ? process.argv[i + 1]
    : fallback;
}

/** Whether a bare `--flag` was given. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** A positive whole number option, or an error naming the option. */
export function intArg(name: string, fallback: number): number {
  const raw = arg(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a whole number ≥ 1, got ${raw}`);
  }
  return value;
}

/** Databases from `--db` (`pg` and `postgres` both mean PostgreSQL). */
export function dbsArg(fallback: string): Array<'sqlite' | 'postgres'> {
  return arg('db', fallback)
    .split(',')
    .map(d => d.trim())
    .filter(Boolean)
    .map(d => {
      if (d === 'pg' || d === 'postgres') return 'postgres';
      if (d === 'sqlite') return 'sqlite';
      throw new Error(`--db takes sqlite and postgres, got ${d}`);
    });
}

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, index))];
}

/** Rounded to one decimal. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Writes `bench-results/<name>-<time>.json` and returns its path. */
export function writeResults(name: string, figures: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(
    RESULTS_DIR,
    `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

/**
 * A fresh PostgreSQL database (created now, dropped by `drop`) or an
 * in-memory SQLite one.
 */
export async function freshDatabase(
  db: 'sqlite' | 'postgres',
  name: string,
  pool: { min: number; max: number } = { min: 0, max: 10 },
): Promise<{ knex: Knex; drop: () => Promise<void> }> {
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
  const knex = createKnex({ client: 'pg', connection: url.toString(), pool });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}
