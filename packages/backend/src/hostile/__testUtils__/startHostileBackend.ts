import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { JsonObject } from '@backstage/types';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleRegistry from '@qaztech/plugin-catalog-backend-module-registry';
import moratoriumPlugin from '@qaztech/plugin-moratorium-backend';
import qazTechPolicy from '@qaztech/plugin-permission-backend-module-qaztech-policy';
import registryPlugin from '@qaztech/plugin-registry-backend';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness-backend';
import { Knex, knex as createKnex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { authModuleDemoProvider } from '../../modules/demoSignIn';

/** The plugins whose databases a hostile request must leave as they were. */
export const WATCHED_PLUGINS = [
  'registry',
  'moratorium',
  'security-readiness',
] as const;

/** One of {@link WATCHED_PLUGINS}. */
export type WatchedPlugin = (typeof WATCHED_PLUGINS)[number];

/** A database the suite runs on, as `backend.database` config. */
export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** Builds the config; SQLite files go to `directory`. */
  config(directory: string): JsonObject;
  /** A knex client on one plugin's database, for counting rows. */
  open(config: JsonObject, pluginId: string): Knex;
  /** Removes what the run created. */
  cleanup(config: JsonObject): Promise<void>;
}

const sqlite: TestDatabase = {
  name: 'SQLite',
  config: directory => ({
    client: 'better-sqlite3',
    // One file per plugin, so the test can open each plugin's tables.
    connection: { directory },
  }),
  open: (config, pluginId) =>
    createKnex({
      client: 'better-sqlite3',
      connection: {
        filename: join(
          (config.connection as { directory: string }).directory,
          `${pluginId}.sqlite`,
        ),
      },
      useNullAsDefault: true,
    }),
  async cleanup() {},
};

function postgres(connection: string): TestDatabase {
  return {
    name: 'PostgreSQL',
    config: () => ({
      client: 'pg',
      connection,
      // Each run gets its own databases, dropped afterwards.
      prefix: `qaztech_hostile_${process.pid}_${Date.now()}_`,
    }),
    open: (config, pluginId) => {
      const url = new URL(connection);
      url.pathname = `/${config.prefix}${pluginId}`;
      return createKnex({ client: 'pg', connection: url.toString() });
    },
    async cleanup(config) {
      const admin: Knex = createKnex({ client: 'pg', connection });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${config.prefix}%`],
        );
        for (const { datname } of rows) {
          await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

/**
 * The databases this suite runs on: SQLite always, PostgreSQL from the
 * connection string the test script sets; under CI its absence is a failure.
 */
export function testDatabases(): TestDatabase[] {
  const list = [sqlite];
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg) {
    list.push(postgres(pg));
  } else if (process.env.CI) {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set: under CI the hostile corpus must run on PostgreSQL too',
    );
  }
  return list;
}

/** A register import the backend is configured with. */
export interface HostileImport {
  id: string;
  source: string;
  format: 'csv' | 'json';
}

/** The static token of the test's service principal. */
export const SERVICE_TOKEN = 'hostile-corpus-ci-token';

const EXAMPLES = resolve(__dirname, '../../../../../examples');

/**
 * Starts the suite's backend as production wires it — catalog with the
 * register module, registry, moratorium, security readiness, notifications,
 * the real token services, the permission backend with the QazTech role
 * policy and the demo sign-in — on the given database. The catalog holds the
 * demo organisation (state bodies, roles, people) and the corpus's systems;
 * scheduled tasks run only when the test triggers them.
 */
export async function startHostileBackend(options: {
  database: TestDatabase;
  /** Catalog files of Systems (absolute paths). */
  systemFiles: string[];
  imports: HostileImport[];
}) {
  const directory = mkdtempSync(join(tmpdir(), 'qaztech-hostile-'));
  const databaseConfig = options.database.config(directory);
  const scheduler = mockServices.scheduler();
  const hour = { hours: 1 };
  const manual = { frequency: hour, timeout: hour, initialDelay: hour };
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            database: databaseConfig,
            // A CI pipeline's static token: the service principal that
            // pushes facts and reports import runs.
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: SERVICE_TOKEN, subject: 'hostile-ci' },
                },
              ],
            },
          },
          auth: { environment: 'development', providers: { demo: {} } },
          permission: { enabled: true },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
            locations: [
              ...['org/state-bodies.yaml', 'org/roles.yaml', 'org/people.yaml']
                .map(file => resolve(EXAMPLES, file))
                .concat(options.systemFiles)
                .map(target => ({ type: 'file', target })),
            ],
          },
          registry: {
            moratoriumStart: '2026-01-01',
            sync: { schedule: manual },
            campaigns: { schedule: manual },
            imports: options.imports.map(i => ({ ...i, schedule: manual })),
          },
          moratorium: { schedule: manual },
          securityReadiness: {
            schedule: { evaluate: manual, maintenance: manual },
            // The pipeline reports as `ci` on the hostile systems' body.
            factSources: [
              {
                subject: 'hostile-ci',
                source: 'ci',
                ownerGroups: ['group:default/mcriap'],
              },
            ],
          },
        },
      }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      // The real token services, so that tokens issued at sign-in are what
      // the permission backend and the plugins check.
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      catalogPlugin,
      catalogModuleRegistry,
      authPlugin,
      authModuleDemoProvider,
      permissionPlugin,
      qazTechPolicy,
      notificationsPlugin,
      registryPlugin,
      moratoriumPlugin,
      securityReadinessPlugin,
    ],
  });

  const clients = new Map<string, Knex>();
  const db = (pluginId: WatchedPlugin) => {
    let client = clients.get(pluginId);
    if (!client) {
      client = options.database.open(databaseConfig, pluginId);
      clients.set(pluginId, client);
    }
    return client;
  };

  return {
    server: backend.server,
    /** A knex client on a plugin's own database. */
    db,
    /**
     * The number of rows of every table of the watched plugins' databases,
     * keyed `plugin.table`: what a rejected request must leave unchanged.
     */
    async rowCounts(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const pluginId of WATCHED_PLUGINS) {
        const knex = db(pluginId);
        const tables: string[] =
          knex.client.config.client === 'pg'
            ? (
                await knex('information_schema.tables')
                  .where({ table_schema: 'public', table_type: 'BASE TABLE' })
                  .select('table_name')
              ).map((r: { table_name: string }) => r.table_name)
            : (
                await knex('sqlite_master')
                  .where({ type: 'table' })
                  .andWhereNot('name', 'like', 'sqlite_%')
                  .select('name')
              ).map((r: { name: string }) => r.name);
        // The keys a plugin publishes for its service tokens are not data.
        for (const table of tables
          .filter(t => !t.startsWith('backstage_backend_public_keys'))
          .sort()) {
          const [{ n }] = await knex(table).count({ n: '*' });
          counts[`${pluginId}.${table}`] = Number(n);
        }
      }
      return counts;
    },
    /** Runs a scheduled task once, e.g. `registry-sync`. */
    runTask: (id: string) => scheduler.triggerTask(id),
    /** The Authorization header of a demo user signed in for real. */
    async signIn(userName: string): Promise<string> {
      const res = await request(backend.server)
        .get('/api/auth/demo/refresh')
        .set('x-requested-with', 'XMLHttpRequest')
        .set('x-qaztech-demo-user', userName);
      if (res.status !== 200) {
        throw new Error(
          `Sign-in of ${userName} answered ${res.status}: ${res.text}`,
        );
      }
      return `Bearer ${res.body.backstageIdentity.token}`;
    },
    async stop() {
      for (const client of clients.values()) {
        await client.destroy();
      }
      await backend.stop();
      await options.database.cleanup(databaseConfig);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** What {@link startHostileBackend} gives. */
export type HostileBackend = Awaited<ReturnType<typeof startHostileBackend>>;
