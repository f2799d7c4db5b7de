import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RegistryEntityProcessor } from '../processor/RegistryEntityProcessor';
import { DatabaseRegistryEvidenceStore } from './DatabaseRegistryEvidenceStore';
import { EvidenceLookup } from './EvidenceLookup';

jest.setTimeout(60_000);

const EXAMPLES = resolve(
  __dirname,
  '../../../../examples/systems/state-information-systems.yaml',
);
const examples: Entity[] = parseAllDocuments(
  readFileSync(EXAMPLES, 'utf8'),
).map(doc => doc.toJS());

const TRUSTED = 'url:https://register.gov.kz/export.json';
const HAND_WRITTEN = 'url:https://git.example.kz/agency/app/catalog-info.yaml';

/** An example system as if read from `location`. */
function system(name: string, location: string): Entity {
  const entity = structuredClone(examples.find(e => e.metadata.name === name)!);
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    'backstage.io/managed-by-location': location,
  };
  return entity;
}

describe('DatabaseRegistryEvidenceStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps the first sight and never moves it back, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRegistryEvidenceStore.forClient(knex);
      const first = await store.recordFirstSight('System:default/New-App', {
        firstSeen: '2026-12-07',
        ownerRef: 'group:default/mz',
      });
      expect(first).toEqual({
        firstSeen: '2026-12-07',
        ownerRef: 'group:default/mz',
      });
      // A later sighting (another replica, a re-import) keeps the first.
      const again = await store.recordFirstSight('system:default/new-app', {
        firstSeen: '2026-12-09',
        ownerRef: 'group:default/other',
      });
      expect(again).toEqual(first);
      // A restart reads it back.
      const reopened = await DatabaseRegistryEvidenceStore.forClient(knex);
      expect(
        (await reopened.loadFirstSights()).get('system:default/new-app'),
      ).toEqual(first);
      await store.moveOwner('system:default/new-app', 'group:default/MCRIAP');
      expect(
        (await store.loadFirstSights()).get('system:default/new-app'),
      ).toEqual({ firstSeen: '2026-12-07', ownerRef: 'group:default/mcriap' });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces one source’s inventory and reports what changed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRegistryEvidenceStore.forClient(knex);
      const v0 = await store.inventoryVersion();
      const first = await store.replaceInventory('platform', [
        { entityRef: 'system:default/a', cluster: 'ast-1', namespace: 'a' },
        { entityRef: 'System:default/B', cluster: 'ast-1', namespace: 'b' },
      ]);
      expect(first.added.sort()).toEqual([
        'system:default/a',
        'system:default/b',
      ]);
      expect(first.removed).toEqual([]);
      const v1 = await store.inventoryVersion();
      expect(v1).not.toBe(v0);
      await store.replaceInventory('other', [
        { entityRef: 'system:default/c', cluster: 'ala-2', namespace: 'c' },
      ]);
      const second = await store.replaceInventory('platform', [
        { entityRef: 'system:default/b', cluster: 'ast-2', namespace: 'b2' },
      ]);
      expect(second).toEqual(
        expect.objectContaining({ added: [], removed: ['system:default/a'] }),
      );
      const inventory = await store.loadInventory();
      expect(Object.fromEntries(inventory)).toEqual({
        'system:default/b': {
          source: 'platform',
          cluster: 'ast-2',
          namespace: 'b2',
        },
        'system:default/c': {
          source: 'other',
          cluster: 'ala-2',
          namespace: 'c',
        },
      });
      // The same listing again changes nothing, not even the version.
      const before = await store.inventoryVersion();
      await store.replaceInventory('platform', [
        { entityRef: 'system:default/b', cluster: 'ast-2', namespace: 'b2' },
      ]);
      expect(await store.inventoryVersion()).toBe(before);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lets the processor judge an untrusted record on the evidence, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRegistryEvidenceStore.forClient(knex);
      let now = new Date('2026-12-07T10:00:00+05:00');
      const processor = new RegistryEntityProcessor({
        now: () => now,
        trustedRecordLocations: [TRUSTED],
        evidence: new EvidenceLookup({ store, inventoryCheckMs: 0 }),
        cacheSize: 0,
      });
      const run = async (entity: Entity) => {
        await processor.validateEntityKind(entity);
        return processor.postProcessEntity(
          entity,
          { type: 'url', target: 'x' },
          () => {},
        );
      };
      const labels = (e: Entity) => e.metadata.labels ?? {};
      const claims = (e: Entity) =>
        JSON.parse(
          e.metadata.annotations?.['qaztech.kz/unverified-claims'] ?? '[]',
        );

      // shep claims to be on the platform and created in 2019.
      const claiming = system('shep', HAND_WRITTEN);
      expect(claiming.spec!.registry).toEqual(
        expect.objectContaining({ platform: { onPlatform: true } }),
      );
      const judged = await run(claiming);
      expect(labels(judged)['qaztech.kz/platform-status']).toBe('violation');
      expect(labels(judged)['qaztech.kz/unverified-claims']).toBe('true');
      expect(claims(judged)).toEqual([
        {
          field: 'createdAt',
          claimed: (claiming.spec!.registry as any).createdAt,
          evidence: '2026-12-07',
          source: 'first-seen',
        },
        {
          field: 'onPlatform',
          claimed: 'true',
          evidence: 'false',
          source: 'platform-inventory',
        },
      ]);
      // A file cannot mark itself verified.
      const forged = system('shep', HAND_WRITTEN);
      forged.metadata.labels = { 'qaztech.kz/unverified-claims': 'false' };
      expect(labels(await run(forged))['qaztech.kz/unverified-claims']).toBe(
        'true',
      );

      // A day later the first sight has not moved.
      now = new Date('2026-12-08T10:00:00+05:00');
      const later = await run(system('shep', HAND_WRITTEN));
      expect(claims(later)[0].evidence).toBe('2026-12-07');

      // The inventory lists it: on the platform; the date claim stays unverified.
      await store.replaceInventory('platform', [
        {
          entityRef: 'system:default/shep',
          cluster: 'ast-1',
          namespace: 'shep',
        },
      ]);
      const listed = await run(system('shep', HAND_WRITTEN));
      expect(labels(listed)['qaztech.kz/platform-status']).toBe('on-platform');
      expect(claims(listed).map((c: { field: string }) => c.field)).toEqual([
        'createdAt',
      ]);
      expect(
        JSON.parse(
          listed.metadata.annotations!['qaztech.kz/platform-status-sources'],
        ),
      ).toEqual({
        createdAt: 'first-seen',
        onPlatform: 'platform-inventory',
        createdAtValue: '2026-12-07',
      });

      // An untrusted record may not move the system to another body.
      const moved = system('shep', HAND_WRITTEN);
      moved.spec!.owner = 'group:default/qaztech-developers';
      await expect(run(moved)).rejects.toThrow(
        /belongs to group:default\/.*may not move it to group:default\/qaztech-developers/,
      );
      // The trusted import may, and is believed.
      const trusted = system('shep', TRUSTED);
      trusted.spec!.owner = 'group:default/qaztech-developers';
      const fromRegister = await run(trusted);
      expect(
        labels(fromRegister)['qaztech.kz/unverified-claims'],
      ).toBeUndefined();
      expect(
        (await store.loadFirstSights()).get('system:default/shep')?.ownerRef,
      ).toBe('group:default/qaztech-developers');
      await knex.destroy();
    },
  );
});
