import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { testRecord, testSystem } from '../__testUtils__/systems';
import { DatabaseRegistryStore } from './DatabaseRegistryStore';
import {
  RegistrySort,
  RegistrySystemFilter,
  RegistrySystemInput,
} from './RegistryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  return DatabaseRegistryStore.create({ database });
}

async function seed(
  store: DatabaseRegistryStore,
  systems: RegistrySystemInput[],
) {
  const result = await store.upsertChanged(systems);
  await store.deleteMissing(new Set(systems.map(s => s.entityRef)));
  return result;
}

/** Every name a filter finds, in name order. */
async function names(
  store: DatabaseRegistryStore,
  filter: RegistrySystemFilter,
  sort: RegistrySort = { field: 'name', order: 'asc' },
) {
  const page = await store.listSystems({ filter, sort, limit: 500 });
  expect(page.totalCount).toBe(page.items.length);
  return page.items.map(item => item.name);
}

/** Follows nextCursor to the end; `between` runs after each page. */
async function allPages(
  store: DatabaseRegistryStore,
  sort: RegistrySort,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  let page = 0;
  do {
    const result = await store.listSystems({ filter: {}, sort, limit, cursor });
    seen.push(...result.items.map(item => item.name));
    cursor = result.nextCursor;
    page += 1;
    await between(page);
  } while (cursor);
  return seen;
}

const FIXTURES: RegistrySystemInput[] = [
  testSystem('e-licensing', {
    title: {
      ru: 'Государственная база данных «Е-лицензирование»',
      kk: '«Е-лицензиялау» мемлекеттік деректер қоры',
      en: 'E-Licensing',
    },
    registryNumber: 'ИС-83319',
    owner: { ref: 'group:default/mti', bin: '021040001430' },
    platformStatus: 'legacy-migrating',
    lifecycleStage: 'industrial-operation',
    critical: true,
    dataCategories: ['personal', 'financial'],
    hostingKind: 'state-operator-dc',
  }),
  testSystem('kazakh-portal', {
    title: { ru: 'Портал Қазақстана', kk: 'Қазақстан Үкіметінің порталы' },
    registryNumber: undefined,
    platformStatus: 'exempted',
    lifecycleStage: 'pilot-operation',
    dataCategories: ['open'],
    hostingKind: 'own',
  }),
  testSystem('yoshkar', {
    // Decomposed input (NFD): Й is И + U+0306, Ё is Е + U+0308.
    title: {
      ru: 'Йодированная ёлка'.normalize('NFD'),
      kk: 'Йод жүйесі'.normalize('NFD'),
    },
    platformStatus: 'violation',
    lifecycleStage: 'creation',
    owner: { ref: 'group:default/minzdrav', bin: '020640002430' },
    dataCategories: ['health', 'personal'],
    hostingKind: 'commercial',
  }),
  testSystem('alpha', {
    title: { ru: 'Alpha учёт', kk: 'Alpha есебі' },
    lifecycleStage: 'decommissioned',
    dataCategories: [],
  }),
  testSystem('percent', {
    title: { ru: 'Скидка 100% и под_черк', kk: 'Жеңілдік' },
  }),
];

describe('DatabaseRegistryStore', () => {
  // What each database answered, to compare them at the end.
  const answers = new Map<TestDatabaseId, unknown>();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('filters by each registry field', async () => {
      const store = await createStore(databaseId);
      await seed(store, FIXTURES);

      expect(await names(store, {})).toEqual([
        'alpha',
        'e-licensing',
        'kazakh-portal',
        'percent',
        'yoshkar',
      ]);
      expect(await names(store, { owner: ['group:default/MTI'] })).toEqual([
        'e-licensing',
      ]);
      expect(
        await names(store, {
          owner: ['group:default/mti', 'group:default/minzdrav'],
        }),
      ).toEqual(['e-licensing', 'yoshkar']);
      expect(
        await names(store, { platformStatus: ['violation', 'exempted'] }),
      ).toEqual(['kazakh-portal', 'yoshkar']);
      expect(await names(store, { lifecycleStage: ['creation'] })).toEqual([
        'yoshkar',
      ]);
      expect(await names(store, { critical: true })).toEqual(['e-licensing']);
      expect(await names(store, { critical: false })).toHaveLength(4);
      expect(await names(store, { dataCategory: ['personal'] })).toEqual([
        'e-licensing',
        'yoshkar',
      ]);
      expect(
        await names(store, { dataCategory: ['personal', 'health'] }),
      ).toEqual(['e-licensing', 'yoshkar']);
      expect(await names(store, { hostingKind: ['own'] })).toEqual([
        'kazakh-portal',
      ]);
      expect(
        await names(store, { dataCategory: ['personal'], critical: false }),
      ).toEqual(['yoshkar']);
    });

    it('keeps unverified claims and filters on them', async () => {
      const store = await createStore(databaseId);
      const claims = [
        {
          field: 'onPlatform' as const,
          claimed: 'true',
          evidence: 'false',
          source: 'platform-inventory' as const,
        },
      ];
      await seed(store, [
        testSystem('claims-platform', {
          platformStatus: 'violation',
          unverifiedClaims: claims,
        }),
        testSystem('truthful'),
      ]);
      expect(await names(store, { unverified: true })).toEqual([
        'claims-platform',
      ]);
      expect(await names(store, { unverified: false })).toEqual(['truthful']);
      const page = await store.listSystems({
        filter: { unverified: true, platformStatus: ['violation'] },
        sort: { field: 'name', order: 'asc' },
        limit: 10,
      });
      expect(page.items[0].unverifiedClaims).toEqual(claims);
      expect(
        (await store.getSystem('system:default/truthful'))?.unverifiedClaims,
      ).toBeUndefined();
      // The evidence arrives: the claim is borne out and the flag goes.
      await seed(store, [
        testSystem('claims-platform'),
        testSystem('truthful'),
      ]);
      expect(await names(store, { unverified: true })).toEqual([]);
    });

    it('finds free text in any letter case, Cyrillic, Kazakh and NFD alike', async () => {
      const store = await createStore(databaseId);
      await seed(store, FIXTURES);

      expect(await names(store, { q: 'Е-ЛИЦЕНЗ' })).toEqual(['e-licensing']);
      expect(await names(store, { q: 'лицензирование' })).toEqual([
        'e-licensing',
      ]);
      expect(await names(store, { q: 'е-licensing' })).toEqual([]);
      expect(await names(store, { q: 'E-LICENSING' })).toEqual(['e-licensing']);
      expect(await names(store, { q: 'ис-83319' })).toEqual(['e-licensing']);
      expect(await names(store, { q: 'ҚАЗАҚСТАН' })).toEqual(['kazakh-portal']);
      expect(await names(store, { q: 'үкіметінің' })).toEqual([
        'kazakh-portal',
      ]);
      expect(await names(store, { q: 'ҮКІМЕТ' })).toEqual(['kazakh-portal']);
      // Stored NFD, searched NFC; and the other way round.
      expect(await names(store, { q: 'ЙОДИРОВАННАЯ ЁЛКА' })).toEqual([
        'yoshkar',
      ]);
      expect(await names(store, { q: 'Учёт'.normalize('NFD') })).toEqual([
        'alpha',
      ]);
      // LIKE wildcards are plain characters.
      expect(await names(store, { q: '100%' })).toEqual(['percent']);
      expect(await names(store, { q: 'под_черк' })).toEqual(['percent']);
      expect(await names(store, { q: '%' })).toEqual(['percent']);
      expect(await names(store, { q: 'д_ч' })).toEqual(['percent']);
      expect(await names(store, { q: 'д%ч' })).toEqual([]);
    });

    it('finds a title by other forms of its words, Russian and Kazakh', async () => {
      const store = await createStore(databaseId);
      await seed(store, FIXTURES);
      // The title says «Е-лицензирование».
      for (const q of [
        'лицензии',
        'ЛИЦЕНЗИЯ',
        'лицензиялау',
        'лицензированию',
      ]) {
        expect(await names(store, { q })).toEqual(['e-licensing']);
      }
      // Every word must match, by its stem.
      expect(await names(store, { q: 'лицензии үкіметінің' })).toEqual([]);
      expect(await names(store, { q: 'үкіметі' })).toEqual(['kazakh-portal']);
    });

    it('pages every row exactly once while rows are inserted', async () => {
      const store = await createStore(databaseId);
      const initial = Array.from({ length: 23 }, (_, i) =>
        testSystem(`sys-${String(i).padStart(2, '0')}`, {
          title: { ru: `Система ${String(i % 5)}`, kk: 'Жүйе' },
          lifecycleStage: i % 2 ? 'creation' : 'development',
        }),
      );
      await seed(store, initial);
      const initialNames = initial.map(s => s.name).sort();

      for (const sort of [
        { field: 'name', order: 'asc' },
        { field: 'title', order: 'asc' },
        { field: 'lifecycleStage', order: 'desc' },
        { field: 'registryNumber', order: 'desc' },
        { field: 'updatedAt', order: 'asc' },
        { field: 'platformStatus', order: 'asc' },
      ] as RegistrySort[]) {
        await store.upsertChanged(initial);
        const seen = await allPages(store, sort, 5, async page => {
          // Another replica's sync adds systems between page requests.
          await store.upsertChanged([
            testSystem(`aaa-${sort.field}-${page}`, {
              title: { ru: 'А', kk: 'А' },
            }),
            testSystem(`zzz-${sort.field}-${page}`, {
              title: { ru: 'Я', kk: 'Я' },
            }),
          ]);
        });
        await store.deleteMissing(new Set(initial.map(s => s.entityRef)));
        const original = seen.filter(name => name.startsWith('sys-'));
        expect([...original].sort()).toEqual(initialNames);
        expect(new Set(seen).size).toBe(seen.length);
      }
    });

    it('rejects a cursor of another sort or a broken one', async () => {
      const store = await createStore(databaseId);
      await seed(store, FIXTURES);
      const first = await store.listSystems({
        filter: {},
        sort: { field: 'name', order: 'asc' },
        limit: 2,
      });
      expect(first.totalCount).toBe(5);
      expect(first.nextCursor).toBeDefined();
      await expect(
        store.listSystems({
          filter: {},
          sort: { field: 'title', order: 'asc' },
          limit: 2,
          cursor: first.nextCursor,
        }),
      ).rejects.toThrow('cursor is not valid');
      await expect(
        store.listSystems({
          filter: {},
          sort: { field: 'name', order: 'asc' },
          limit: 2,
          cursor: 'not-a-cursor',
        }),
      ).rejects.toThrow('cursor is not valid');
    });

    it('counts a filter on its first page only; later pages carry that total in the cursor', async () => {
      const knex = await databases.init(databaseId);
      // No cache: any count a later page reported would come from the database.
      const store = await DatabaseRegistryStore.create({
        database: { getClient: async () => knex },
        cacheTtlMs: 0,
      });
      await seed(store, FIXTURES);
      const counts: string[] = [];
      const onQuery = (q: { sql: string }) => {
        if (/count\(\*\)/i.test(q.sql)) counts.push(q.sql);
      };
      knex.on('query', onQuery);
      try {
        const sort: RegistrySort = { field: 'name', order: 'asc' };
        const first = await store.listSystems({ filter: {}, sort, limit: 2 });
        expect(first.totalCount).toBe(5);
        expect(counts).toHaveLength(1);
        const second = await store.listSystems({
          filter: {},
          sort,
          limit: 2,
          cursor: first.nextCursor,
        });
        const third = await store.listSystems({
          filter: {},
          sort,
          limit: 2,
          cursor: second.nextCursor,
        });
        expect([second.totalCount, third.totalCount]).toEqual([5, 5]);
        expect(counts).toHaveLength(1);
        expect(
          [...first.items, ...second.items, ...third.items].map(i => i.name),
        ).toEqual(FIXTURES.map(s => s.name).sort());

        // The same cursor with another filter still pages, but its total
        // belongs to the filter it was counted for: counted again.
        const narrowed = await store.listSystems({
          filter: { critical: true },
          sort,
          limit: 2,
          cursor: first.nextCursor,
        });
        expect(counts).toHaveLength(2);
        expect(narrowed.totalCount).toBe(
          (await names(store, { critical: true })).length,
        );
      } finally {
        knex.off('query', onQuery);
      }
    });

    it('counts by platform status, lifecycle stage and owner', async () => {
      const store = await createStore(databaseId);
      await seed(store, FIXTURES);
      expect(await store.stats()).toEqual({
        total: 5,
        byPlatformStatus: {
          'legacy-migrating': 1,
          exempted: 1,
          violation: 1,
          'on-platform': 2,
        },
        byLifecycleStage: {
          'industrial-operation': 2,
          'pilot-operation': 1,
          creation: 1,
          decommissioned: 1,
        },
        // Most systems first; each body with its own status counts.
        byOwner: [
          {
            ref: 'group:default/mcriap',
            total: 3,
            byPlatformStatus: { exempted: 1, 'on-platform': 2 },
          },
          {
            ref: 'group:default/minzdrav',
            total: 1,
            byPlatformStatus: { violation: 1 },
          },
          {
            ref: 'group:default/mti',
            total: 1,
            byPlatformStatus: { 'legacy-migrating': 1 },
          },
        ],
      });
    });

    it('writes only changed rows and removes the ones a sync did not see', async () => {
      const store = await createStore(databaseId);
      expect(await seed(store, FIXTURES)).toEqual({
        inserted: 5,
        updated: 0,
        unchanged: 0,
      });
      const before = await store.getSystem('system:default/alpha');

      const changed = FIXTURES.filter(s => s.name !== 'yoshkar').map(s =>
        s.name === 'e-licensing'
          ? { ...s, platformStatus: 'on-platform' as const }
          : s,
      );
      expect(await store.upsertChanged(changed)).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 3,
      });
      expect(
        await store.deleteMissing(new Set(changed.map(s => s.entityRef))),
      ).toBe(1);

      expect(await store.getSystem('system:default/yoshkar')).toBeUndefined();
      expect(await names(store, { dataCategory: ['health'] })).toEqual([]);
      expect(await store.getSystem('system:default/alpha')).toEqual(before);
      expect(
        (await store.getSystem('system:default/e-licensing'))?.platformStatus,
      ).toBe('on-platform');
      expect((await store.stats()).total).toBe(4);
    });

    it('sweeps rows not seen across many batches, and nothing when all were seen', async () => {
      const store = await createStore(databaseId);
      const many = Array.from({ length: 2345 }, (_, i) =>
        testSystem(`bulk-${String(i).padStart(4, '0')}`),
      );
      await seed(store, many);
      expect(
        await store.deleteMissing(new Set(many.map(s => s.entityRef))),
      ).toBe(0);
      const kept = new Set(
        many.filter((_, i) => i % 1000 === 999).map(s => s.entityRef),
      );
      expect(await store.deleteMissing(kept)).toBe(2343);
      expect(await names(store, {}, { field: 'name', order: 'asc' })).toEqual([
        'bulk-0999',
        'bulk-1999',
      ]);
    });

    it('keeps counts, first pages and stats briefly; its own writes show at once', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseRegistryStore.create({
        database: { getClient: async () => knex },
      });
      await seed(store, FIXTURES);
      const list = () =>
        store.listSystems({
          filter: {},
          sort: { field: 'name', order: 'asc' },
          limit: 2,
        });
      const first = await list();
      expect(first.totalCount).toBe(5);
      expect((await store.stats()).total).toBe(5);

      // Another replica deletes a row: this replica may answer from memory.
      await knex('registry_system_data_categories')
        .where('entity_ref', 'system:default/alpha')
        .delete();
      await knex('registry_systems')
        .where('entity_ref', 'system:default/alpha')
        .delete();
      expect(await list()).toEqual(first);
      expect((await store.stats()).total).toBe(5);
      // A next page is read from the database, with the kept count.
      const next = await store.listSystems({
        filter: {},
        sort: { field: 'name', order: 'asc' },
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(next.items.map(i => i.name)).toEqual(['kazakh-portal', 'percent']);

      // A write through the store clears everything it kept.
      await store.upsertChanged([testSystem('beta')]);
      const fresh = await list();
      expect(fresh.totalCount).toBe(5);
      expect(fresh.items.map(i => i.name)).toEqual(['beta', 'e-licensing']);
      expect((await store.stats()).total).toBe(5);
      expect(await store.deleteMissing(new Set(['system:default/beta']))).toBe(
        4,
      );
      expect((await list()).totalCount).toBe(1);
      expect((await store.stats()).total).toBe(1);
    });

    it('returns a system with its record', async () => {
      const store = await createStore(databaseId);
      const record = testRecord({ registryNumber: 'ИС-1' });
      await seed(store, [testSystem('one', { record })]);
      expect(await store.getSystem('system:default/ONE')).toEqual({
        entityRef: 'system:default/one',
        namespace: 'default',
        name: 'one',
        title: { ru: 'Система one', kk: 'one жүйесі' },
        registryNumber: 'ИС-one',
        owner: { ref: 'group:default/mcriap', bin: '190740682689' },
        ownerKind: 'state-body',
        lifecycleStage: 'industrial-operation',
        platformStatus: 'on-platform',
        platformReason: 'The system runs on the QazTech platform.',
        critical: false,
        hostingKind: 'platform',
        hostingCountry: 'KZ',
        dataCategories: ['open'],
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        record,
      });
    });

    it('streams every matching system in batches', async () => {
      const store = await createStore(databaseId);
      const systems = Array.from({ length: 12 }, (_, i) =>
        testSystem(`s${String(i).padStart(2, '0')}`, { critical: i % 3 === 0 }),
      );
      await seed(store, systems);
      const batches: string[][] = [];
      for await (const batch of store.streamSystems({ critical: true }, 2)) {
        batches.push(batch.map(s => s.name));
      }
      expect(batches).toEqual([
        ['s00', 's03'],
        ['s06', 's09'],
      ]);
    });

    it('logs import runs and lists them newest first', async () => {
      const store = await createStore(databaseId);
      const older = await store.addImport({
        sourceId: 'national-register',
        source: 'file:///register.json',
        format: 'json',
        startedAt: '2026-01-10T10:00:00.000Z',
        finishedAt: '2026-01-10T10:00:05.000Z',
        status: 'succeeded',
        rowsRead: 87,
        imported: 85,
        rejected: [
          { line: 12, reason: 'ownerBin 123456789012: wrong check digit' },
          { line: 40, reason: 'title.kk is required' },
        ],
      });
      const newer = await store.addImport({
        sourceId: 'national-register',
        source: 'https://example.kz/register.csv',
        format: 'csv',
        startedAt: '2026-01-10T16:30:00+05:00',
        finishedAt: '2026-01-10T16:30:01+05:00',
        status: 'failed',
        rowsRead: 0,
        imported: 0,
        rejected: [],
        error: 'HTTP 503',
      });
      expect(older).not.toEqual(newer);

      const imports = await store.listImports(10);
      expect(imports).toEqual([
        expect.objectContaining({
          id: newer,
          status: 'failed',
          startedAt: '2026-01-10T11:30:00.000Z',
          error: 'HTTP 503',
        }),
        {
          id: older,
          sourceId: 'national-register',
          source: 'file:///register.json',
          format: 'json',
          startedAt: '2026-01-10T10:00:00.000Z',
          finishedAt: '2026-01-10T10:00:05.000Z',
          status: 'succeeded',
          rowsRead: 87,
          imported: 85,
          rejected: [
            { line: 12, reason: 'ownerBin 123456789012: wrong check digit' },
            { line: 40, reason: 'title.kk is required' },
          ],
          createdAt: expect.any(String),
        },
      ]);
      expect(await store.listImports(1)).toHaveLength(1);
    });

    it('answers a set of queries (compared across databases below)', async () => {
      const store = await createStore(databaseId);
      await seed(store, [
        ...FIXTURES,
        testSystem('latin-upper', { title: { ru: 'ZETA', kk: 'Z' } }),
        testSystem('kk-letter', { title: { ru: 'Әліпби', kk: 'Ә' } }),
        testSystem('dash.name_x', { title: { ru: '-тире', kk: '-' } }),
      ]);
      const strip = (items: Array<{ updatedAt?: string }>) =>
        items.map(({ updatedAt, ...rest }) => rest);
      const answer: unknown[] = [];
      for (const field of ['name', 'title', 'registryNumber'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          answer.push(await allPages(store, { field, order }, 3));
        }
      }
      for (const q of ['систем', 'Қ', 'ё', 'ИС-', 'a']) {
        const page = await store.listSystems({
          filter: { q },
          sort: { field: 'title', order: 'asc' },
          limit: 50,
        });
        answer.push([page.totalCount, strip(page.items)]);
      }
      answer.push(await store.stats());
      expect((answer[0] as string[]).slice(0, 3)).toEqual([
        'alpha',
        'dash.name_x',
        'e-licensing',
      ]);
      answers.set(databaseId, answer);
    });
  });

  it('gives identical answers on every database', () => {
    const [first, ...rest] = [...answers.values()];
    expect(answers.size).toBe(databases.eachSupportedId().length);
    for (const other of rest) {
      expect(other).toEqual(first);
    }
  });
});
