import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Knex, knex as createKnex } from 'knex';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';

/** The demo data of the repository (examples/). */
export const EXAMPLES = resolve(__dirname, '../../../../../examples');

/** The demo files the backend tests load, by the entity kind they hold. */
export const EXAMPLE_FILES = {
  Group: ['org/state-bodies.yaml', 'org/roles.yaml'],
  User: ['org/people.yaml'],
  System: ['systems/state-information-systems.yaml'],
};

/** The catalog locations of {@link EXAMPLE_FILES}, for `catalog.locations`. */
export function exampleLocations(): JsonObject[] {
  return Object.values(EXAMPLE_FILES)
    .flat()
    .map(file => ({ type: 'file', target: resolve(EXAMPLES, file) }));
}

/** The entities of some demo files (paths relative to examples/). */
export function entitiesInFiles(files: string[]): Entity[] {
  return files.flatMap(file =>
    parseAllDocuments(readFileSync(resolve(EXAMPLES, file), 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean),
  );
}

/**
 * The databases a backend test runs on, as `backend.database` config:
 * in-memory SQLite, and PostgreSQL from the connection string the test
 * script sets (each run in its own databases named with `prefix`). Under CI
 * a missing PostgreSQL is a failure, never a skip.
 */
export function databases(prefix: string): Array<[string, JsonObject]> {
  const list: Array<[string, JsonObject]> = [
    ['SQLite', { client: 'better-sqlite3', connection: ':memory:' }],
  ];
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg) {
    list.push([
      'PostgreSQL',
      {
        client: 'pg',
        connection: pg,
        prefix: `${prefix}${process.pid}_${Date.now()}_`,
      },
    ]);
  } else if (process.env.CI) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set: under CI the database tests must run on PostgreSQL too',
    );
  }
  return list;
}

/** Drops the PostgreSQL databases a run of {@link databases} created. */
export async function dropDatabases(database: JsonObject): Promise<void> {
  if (database.client !== 'pg') {
    return;
  }
  const admin: Knex = createKnex({
    client: 'pg',
    connection: database.connection as string,
  });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${database.prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

/** Retries `fn` every half second until it resolves or `timeoutMs` passes. */
export async function eventually<T>(
  fn: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise(r => setTimeout(r, 500));
    }
  }
}
