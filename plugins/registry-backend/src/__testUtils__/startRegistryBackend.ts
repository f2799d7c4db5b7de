import { Entity } from '@backstage/catalog-model';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleRegistry from '@qaztech/plugin-catalog-backend-module-registry';
import { RegistryRecord } from '@qaztech/plugin-registry-common';
import request from 'supertest';
import { registryPlugin } from '../plugin';
import { testRecord } from './systems';

/** A catalog System entity of a state information system. */
export function systemEntity(
  name: string,
  record: Partial<RegistryRecord> = {},
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, ...extra },
    spec: {
      type: 'state-information-system',
      owner: 'group:default/mcriap',
      registry: testRecord(record),
    },
  };
}

const STATE_BODY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'mcriap',
    annotations: { 'qaztech.kz/bin': '190740682689' },
  },
  spec: { type: 'state-body', children: [] },
};

/** Writes the entities as one YAML file (JSON documents are YAML). */
function toYaml(entities: Entity[]): string {
  return [STATE_BODY, ...entities]
    .map(entity => `---\n${JSON.stringify(entity, null, 2)}\n`)
    .join('');
}

/**
 * Starts a backend with the real catalog, reading the given entities from a
 * file, and the registry plugin; the test runs the sync with `sync()`.
 */
export async function startRegistryBackend(
  entities: Entity[],
  options: {
    features?: Parameters<typeof startTestBackend>[0]['features'];
    /** More app-config, next to the catalog's. */
    config?: Record<string, unknown>;
    /**
     * Whether the registry catalog module runs (it writes each system's
     * status on the evidence); true by default.
     */
    catalogModule?: boolean;
  } = {},
) {
  const directory = createMockDirectory();
  directory.setContent({ 'catalog-info.yaml': toYaml(entities) });
  // The test decides when scheduled tasks run.
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      catalogPlugin,
      // The module writes each system's status on the evidence, as in the
      // backend; the test file stands in for the national register.
      ...(options.catalogModule === false ? [] : [catalogModuleRegistry]),
      registryPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
            locations: [
              { type: 'file', target: directory.resolve('catalog-info.yaml') },
            ],
            processingInterval: { seconds: 1 },
            orphanStrategy: 'delete',
          },
          ...options.config,
          registry: {
            trustedRecordLocations: [directory.resolve('catalog-info.yaml')],
            ...(options.config?.registry as object | undefined),
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });

  return {
    server: backend.server,
    stop: () => backend.stop(),
    /** Replaces the catalog file's entities. */
    setEntities(next: Entity[]) {
      directory.setContent({ 'catalog-info.yaml': toYaml(next) });
    },
    /** Runs a scheduled task of the backend once, e.g. `registry-campaigns`. */
    async runTask(id: string) {
      await scheduler.triggerTask(id);
    },
    /** Runs the registry sync once, as its schedule would. */
    async sync() {
      await scheduler.triggerTask('registry-sync');
    },
    /**
     * Waits until the catalog holds exactly these Systems, running the
     * catalog's own scheduled tasks (orphan cleanup) meanwhile.
     */
    async waitForCatalog(expected: string[], timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let names: string[] = [];
      while (Date.now() < deadline) {
        const res = await request(backend.server)
          .get('/api/catalog/entities?filter=kind=system')
          .set('Authorization', mockCredentials.service.header());
        names = (res.body ?? []).map((e: Entity) => e.metadata.name).sort();
        if (JSON.stringify(names) === JSON.stringify([...expected].sort())) {
          return;
        }
        for (const task of await scheduler.getScheduledTasks()) {
          if (!task.id.startsWith('registry-')) {
            await scheduler.triggerTask(task.id);
          }
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error(
        `The catalog has ${names.join(', ')}, not ${expected.join(', ')}`,
      );
    },
    /** The names the register lists. */
    async registerNames() {
      const res = await request(backend.server)
        .get('/api/registry/systems?limit=500')
        .set('Authorization', mockCredentials.user.header());
      return (res.body.items as Array<{ name: string }>).map(i => i.name);
    },
  };
}
