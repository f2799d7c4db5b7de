import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackendFeature,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  DatabaseService,
  PermissionsService,
  ServiceFactory,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import { Knex, knex as createKnex } from 'knex';
import request from 'supertest';
import { stringify } from 'yaml';

/** A new in-memory SQLite database. */
export function memoryDatabase(): Knex {
  return createKnex({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
}

/** The user or service subject of credentials, if any. */
function subjectOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal
    | { type: 'none' };
  if (principal.type === 'user') {
    return principal.userEntityRef;
  }
  return principal.type === 'service' ? principal.subject : undefined;
}

/** What {@link startFaultBackend} starts. */
export interface FaultBackendOptions {
  /** The plugins and modules under test (the catalog is always added). */
  features: BackendFeature[];
  /**
   * The database of each plugin id; the others (the catalog among them) get
   * their own in-memory SQLite. The test owns these and destroys them.
   */
  databases?: Record<string, Knex>;
  /** What the catalog holds, read from a file location. */
  entities: Entity[];
  /**
   * Plugins whose migrations have already run elsewhere (as the deployment
   * docs' owner role), as `backend.database.skipMigrations` tells them.
   */
  skipMigrations?: string[];
  /** Configuration besides the catalog's. */
  config?: JsonObject;
  /**
   * Permission names granted to each user; other users are denied, and
   * service principals (plugins calling each other) allowed. Ignored when
   * `permissions` replaces the permission service.
   */
  grants?: Record<string, string[]>;
  /** The groups each user belongs to (their ownership refs). */
  membership?: Record<string, string[]>;
  /** Replaces the grant-based permission service, e.g. with the real one. */
  permissions?: ServiceFactory;
  /**
   * Replaces the test backend's discovery; it is handed the port the
   * backend listens on, known once it has started.
   */
  discovery?: (port: () => number) => ServiceFactory;
}

/**
 * Starts a backend with the plugins under test, the real catalog plugin
 * (on its own SQLite, loaded from a YAML file of `entities`), a database per
 * plugin the test may point at PostgreSQL, a permission service granting by
 * `grants`, and a scheduler whose tasks run only when the test triggers them
 * (`runTask`). Requests authenticate with {@link asUser}.
 */
export async function startFaultBackend(options: FaultBackendOptions) {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-faults-catalog-'));
  const catalogFile = join(dir, 'catalog.yaml');
  await writeFile(
    catalogFile,
    options.entities.map(e => stringify(e)).join('---\n'),
  );

  const own: Knex[] = [];
  const databases = new Map(Object.entries(options.databases ?? {}));
  const databaseOf = (pluginId: string): Knex => {
    let knex = databases.get(pluginId);
    if (!knex) {
      knex = memoryDatabase();
      own.push(knex);
      databases.set(pluginId, knex);
    }
    return knex;
  };

  const scheduler = mockServices.scheduler();
  const grants = options.grants ?? {};
  const membership = options.membership ?? {};
  const decide = (credentials: BackstageCredentials, name: string) => {
    if ((credentials.principal as { type?: string }).type === 'service') {
      return AuthorizeResult.ALLOW;
    }
    const subject = subjectOf(credentials);
    return subject && grants[subject]?.includes(name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  const permissions: PermissionsService = {
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result: decide(credentials, permission.name),
      })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result: decide(credentials, permission.name),
      })) as any;
    },
  };

  const listening: { port?: number } = {};
  const port = () => {
    if (listening.port === undefined) {
      throw new Error('The test backend is not listening yet');
    }
    return listening.port;
  };

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...options.features,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          catalog: {
            rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
            locations: [{ type: 'file', target: catalogFile }],
          },
        },
      }),
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }): DatabaseService => {
          const knex = databaseOf(plugin.getId());
          const skip = options.skipMigrations?.includes(plugin.getId());
          return {
            getClient: async () => knex,
            ...(skip ? { migrations: { skip: true } } : {}),
          };
        },
      }),
      // Shared by all plugins; nothing runs on start-up or on a timer.
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      options.permissions ??
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => permissions,
        }),
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          async getUserInfo(credentials: BackstageCredentials) {
            const user = subjectOf(credentials)!;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [user, ...(membership[user] ?? [])],
            };
          },
        }),
      }),
      ...(options.discovery ? [options.discovery(port)] : []),
    ],
  });
  listening.port = backend.server.port();

  let stopped = false;
  return {
    server: backend.server,
    /** The database of a plugin. */
    database: databaseOf,
    /** Runs a scheduled task once, as the scheduler would, and waits for it. */
    async runTask(id: string) {
      await scheduler.triggerTask(id);
    },
    /**
     * Waits until the catalog serves every entity of the file (processing
     * takes a moment after start-up).
     */
    async waitForCatalog(entities: Entity[] = options.entities) {
      await eventually(async () => {
        for (const e of entities) {
          const res = await request(backend.server)
            .get(
              `/api/catalog/entities/by-name/${e.kind}/${
                e.metadata.namespace ?? 'default'
              }/${e.metadata.name}`,
            )
            .set('Authorization', mockCredentials.service.header());
          if (res.status !== 200) {
            throw new Error(
              `${e.kind}:${e.metadata.name} is not in the catalog yet (${res.status})`,
            );
          }
        }
      });
    },
    /** Stops the backend (its in-flight work is abandoned). */
    async stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      await backend.stop();
      await Promise.all(own.map(knex => knex.destroy()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The backend {@link startFaultBackend} returns. */
export type FaultBackend = Awaited<ReturnType<typeof startFaultBackend>>;

/** The Authorization header of a test user. */
export function asUser(userRef: string): string {
  return mockCredentials.user.header(userRef);
}

/** Retries `fn` until it resolves, for up to `timeoutMs`. */
export async function eventually<T>(
  fn: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}
