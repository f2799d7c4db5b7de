import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { RequestContent } from '@qaztech/plugin-moratorium-common';
import { DatabaseMoratoriumStore } from './DatabaseMoratoriumStore';
import { StoredRequest } from './MoratoriumStore';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  const store = await DatabaseMoratoriumStore.create({ database });
  return { knex, store };
}

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const MCRIAP = 'group:default/mcriap';
const MINZDRAV = 'group:default/minzdrav';

function content(overrides: Partial<RequestContent> = {}): RequestContent {
  return {
    system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
    stateBodyRef: MCRIAP,
    purpose: 'Licensing of trade',
    ...overrides,
  };
}

/** Creates a request in its own transaction. */
async function create(
  store: DatabaseMoratoriumStore,
  id: string,
  options: {
    applicant?: string;
    content?: RequestContent;
    createdAt?: string;
  } = {},
): Promise<StoredRequest> {
  return store.transaction(tx =>
    store.createRequest(tx, {
      id,
      applicant: options.applicant ?? ALICE,
      content: options.content ?? content(),
      createdAt: options.createdAt ?? '2026-03-02T06:00:00.000Z',
    }),
  );
}

/** Moves a request to a state, as a committed update. */
async function move(
  store: DatabaseMoratoriumStore,
  id: string,
  patch: Parameters<DatabaseMoratoriumStore['updateRequest']>[3],
) {
  const current = (await store.getRequest(id))!;
  const updated = await store.transaction(tx =>
    store.updateRequest(tx, id, current.version, patch),
  );
  expect(updated).toBeDefined();
  return updated!;
}

describe('DatabaseMoratoriumStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates, reads and updates a request', async () => {
      const { store } = await createStore(databaseId);
      const created = await create(store, 'r1', {
        applicant: 'User:default/Alice',
      });
      expect(created).toEqual({
        id: 'r1',
        number: 'EX-2026-0001',
        state: 'draft',
        version: 1,
        content: content(),
        applicant: ALICE,
        stateBodyRef: MCRIAP,
        systemRef: 'system:default/e-licensing',
        createdAt: '2026-03-02T06:00:00.000Z',
        updatedAt: '2026-03-02T06:00:00.000Z',
        similarSystems: [],
        opinions: [],
        ballotRound: 0,
        deferrals: 0,
        contentChanged: false,
      });
      expect(await store.getRequest('r1')).toEqual(created);
      expect(await store.getRequest('nope')).toBeUndefined();

      const updated = await store.transaction(tx =>
        store.updateRequest(tx, 'r1', 1, {
          state: 'info-requested',
          resumeState: 'platform-review',
          questions: 'Why?',
          submittedBy: ALICE,
          submittedAt: new Date('2026-03-03T06:00:00Z'),
          content: content({
            stateBodyRef: MINZDRAV,
            system: {
              kind: 'planned',
              entityRef: 'system:default/medinfo',
              title: { ru: 'Мединфо', kk: 'Мединфо' },
            },
          }),
          opinions: [
            {
              stage: 'platform-review',
              finding: 'platform-cannot-serve',
              text: 'No GPU',
              by: BOB,
              at: '2026-03-03T07:00:00.000Z',
            },
          ],
          updatedAt: '2026-03-03T08:00:00.000Z',
        }),
      );
      expect(updated).toMatchObject({
        version: 2,
        state: 'info-requested',
        resumeState: 'platform-review',
        questions: 'Why?',
        stateBodyRef: MINZDRAV,
        systemRef: 'system:default/medinfo',
        submittedAt: '2026-03-03T06:00:00.000Z',
        updatedAt: '2026-03-03T08:00:00.000Z',
        opinions: [
          expect.objectContaining({ finding: 'platform-cannot-serve' }),
        ],
      });

      // null clears; absent fields stay.
      const cleared = await store.transaction(tx =>
        store.updateRequest(tx, 'r1', 2, {
          state: 'platform-review',
          resumeState: null,
          questions: null,
        }),
      );
      expect(cleared).toMatchObject({ version: 3, state: 'platform-review' });
      expect(cleared).not.toHaveProperty('resumeState');
      expect(cleared).not.toHaveProperty('questions');
      expect(cleared!.submittedBy).toBe(ALICE);

      // The commission's fields: a draft, a round, a deferral, a proposal.
      const draftDecision = {
        outcome: 'approved' as const,
        expiresAt: '2027-03-01',
        conditions: [],
        round: 2,
        proposedBy: BOB,
        proposedAt: '2026-03-04T06:00:00.000Z',
      };
      const commission = await store.transaction(tx =>
        store.updateRequest(tx, 'r1', 3, {
          ballotRound: 2,
          deferrals: 1,
          draftDecision,
          revocationProposal: {
            reason: 'Missed',
            proposedBy: BOB,
            proposedAt: '2026-03-04T06:00:00.000Z',
          },
          contentChanged: true,
        }),
      );
      expect(commission).toMatchObject({
        version: 4,
        ballotRound: 2,
        deferrals: 1,
        draftDecision,
        revocationProposal: { proposedBy: BOB },
        contentChanged: true,
      });
      const reset = await store.transaction(tx =>
        store.updateRequest(tx, 'r1', 4, {
          draftDecision: null,
          revocationProposal: null,
          contentChanged: false,
        }),
      );
      expect(reset).not.toHaveProperty('draftDecision');
      expect(reset).not.toHaveProperty('revocationProposal');
      expect(reset!.contentChanged).toBe(false);
      expect(reset!.deferrals).toBe(1);

      // A stale version changes nothing.
      expect(
        await store.transaction(tx =>
          store.updateRequest(tx, 'r1', 2, { state: 'withdrawn' }),
        ),
      ).toBeUndefined();
      expect((await store.getRequest('r1'))!.state).toBe('platform-review');
    });

    it('numbers requests per year in Asia/Almaty and rolls back with the transaction', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'a', { createdAt: '2026-01-05T06:00:00.000Z' });
      await create(store, 'b', { createdAt: '2026-06-05T06:00:00.000Z' });
      // 20:00 UTC on 31 December is already 1 January in Almaty.
      await create(store, 'c', { createdAt: '2026-12-31T20:00:00.000Z' });
      await create(store, 'd', { createdAt: '2026-12-31T18:00:00.000Z' });
      await expect(
        store.transaction(async tx => {
          await store.createRequest(tx, {
            id: 'e',
            applicant: ALICE,
            content: content(),
            createdAt: '2026-07-01T00:00:00.000Z',
          });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await create(store, 'f', { createdAt: '2026-07-01T00:00:00.000Z' });

      const numbers = await Promise.all(
        ['a', 'b', 'c', 'd', 'f'].map(
          async id => (await store.getRequest(id))!.number,
        ),
      );
      expect(numbers).toEqual([
        'EX-2026-0001',
        'EX-2026-0002',
        'EX-2027-0001',
        'EX-2026-0003',
        'EX-2026-0004',
      ]);
      expect(await store.getRequest('e')).toBeUndefined();
    });

    it('gives distinct numbers to concurrent creations', async () => {
      const { store } = await createStore(databaseId);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => create(store, `r${i}`)),
      );
      const page = await store.listRequests({}, { limit: 20 });
      expect(page.items.map(r => r.number).sort()).toEqual(
        Array.from(
          { length: 10 },
          (_, i) => `EX-2026-${String(i + 1).padStart(4, '0')}`,
        ),
      );
    });

    it('lets exactly one of two racing updates of the same version win', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'r1');
      // Both read version 1, then both try to move the request.
      let bothRead!: () => void;
      const barrier = new Promise<void>(resolve => {
        let waiting = 2;
        bothRead = () => {
          waiting -= 1;
          if (waiting === 0) resolve();
        };
      });
      const attempt = (state: 'submitted' | 'withdrawn') =>
        store.transaction(async tx => {
          bothRead();
          await Promise.race([
            barrier,
            new Promise(resolve => setTimeout(resolve, 200)),
          ]);
          const result = await store.updateRequest(tx, 'r1', 1, { state });
          await store.appendHistory(tx, 'r1', {
            action: state === 'submitted' ? 'submit' : 'withdraw',
            actor: ALICE,
            at: '2026-03-02T07:00:00.000Z',
          });
          return result;
        });
      const results = await Promise.all([
        attempt('submitted'),
        attempt('withdrawn'),
      ]);

      const winners = results.filter(r => r !== undefined);
      expect(winners).toHaveLength(1);
      expect(results.filter(r => r === undefined)).toHaveLength(1);
      const stored = (await store.getRequest('r1'))!;
      expect(stored.version).toBe(2);
      expect(stored.state).toBe(winners[0]!.state);
    });

    it('lists requests in keyset pages with a database count', async () => {
      const { store } = await createStore(databaseId);
      for (let i = 0; i < 7; i++) {
        await create(store, `r${i}`, {
          createdAt: `2026-03-0${i + 1}T06:00:00.000Z`,
        });
      }
      // Same updatedAt for r1 and r2: the id breaks the tie.
      await move(store, 'r1', { updatedAt: '2026-04-01T00:00:00.000Z' });
      await move(store, 'r2', { updatedAt: '2026-04-01T00:00:00.000Z' });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listRequests({}, { limit: 3, cursor });
        expect(page.totalCount).toBe(7);
        seen.push(...page.items.map(r => r.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(['r2', 'r1', 'r6', 'r5', 'r4', 'r3', 'r0']);

      const byCreation = await store.listRequests(
        {},
        { limit: 4, sort: 'createdAt' },
      );
      expect(byCreation.items.map(r => r.id)).toEqual(['r6', 'r5', 'r4', 'r3']);
      const rest = await store.listRequests(
        {},
        { limit: 4, sort: 'createdAt', cursor: byCreation.nextCursor },
      );
      expect(rest.items.map(r => r.id)).toEqual(['r2', 'r1', 'r0']);
      expect(rest.nextCursor).toBeUndefined();

      // A cursor of another sort, or garbage, is a 400.
      await expect(
        store.listRequests({}, { limit: 3, cursor: byCreation.nextCursor }),
      ).rejects.toThrow(InputError);
      await expect(
        store.listRequests({}, { limit: 3, cursor: 'bm9wZQ' }),
      ).rejects.toThrow(InputError);
    });

    it('filters requests and hides drafts of others', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'mine-draft');
      await create(store, 'body-draft', {
        applicant: BOB,
        content: content({ stateBodyRef: MCRIAP }),
      });
      await create(store, 'other-draft', {
        applicant: BOB,
        content: content({ stateBodyRef: MINZDRAV }),
      });
      await create(store, 'other-submitted', {
        applicant: BOB,
        content: content({
          stateBodyRef: 'Group:default/MinZdrav',
          system: { kind: 'existing', entityRef: 'system:default/damu' },
        }),
      });
      await move(store, 'other-submitted', { state: 'submitted' });

      const ids = async (filter: Parameters<typeof store.listRequests>[0]) => {
        const page = await store.listRequests(filter, { limit: 50 });
        expect(page.totalCount).toBe(page.items.length);
        return page.items.map(r => r.id).sort();
      };

      expect(
        await ids({
          draftsVisibleTo: { userRef: ALICE, ownershipRefs: [MCRIAP] },
        }),
      ).toEqual(['body-draft', 'mine-draft', 'other-submitted']);
      expect(
        await ids({ draftsVisibleTo: { userRef: ALICE, ownershipRefs: [] } }),
      ).toEqual(['mine-draft', 'other-submitted']);
      expect(await ids({ states: ['submitted', 'on-agenda'] })).toEqual([
        'other-submitted',
      ]);
      expect(await ids({ stateBodyRefs: ['group:default/minzdrav'] })).toEqual([
        'other-draft',
        'other-submitted',
      ]);
      expect(await ids({ applicant: 'User:default/Bob' })).toEqual([
        'body-draft',
        'other-draft',
        'other-submitted',
      ]);
      expect(await ids({ systemRef: 'System:default/DAMU' })).toEqual([
        'other-submitted',
      ]);
      expect(
        await ids({
          applicant: BOB,
          stateBodyRefs: [MINZDRAV],
          states: ['draft'],
        }),
      ).toEqual(['other-draft']);
    });

    it('applies the conditions of a permission decision as SQL', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'own', {
        content: content({ stateBodyRef: MCRIAP }),
      });
      await create(store, 'other', {
        content: content({ stateBodyRef: MINZDRAV }),
        applicant: BOB,
      });
      await create(store, 'agenda', {
        content: content({ stateBodyRef: MINZDRAV }),
        applicant: BOB,
      });
      const sitting = await store.transaction(tx =>
        store.findOrCreateSitting(tx, '2026-03-20'),
      );
      for (const id of ['own', 'other', 'agenda']) {
        await move(store, id, {
          state: id === 'agenda' ? 'on-agenda' : 'submitted',
          ...(id === 'agenda' ? { sittingId: sitting.id } : {}),
        });
      }
      const ids = async (permission: any) =>
        (await store.listRequests({ permission }, { limit: 10 })).items
          .map(r => r.id)
          .sort();
      const ownBody = {
        kind: 'applicant-body' as const,
        refs: ['Group:default/MCRIAP'],
      };
      const onAgenda = { kind: 'on-agenda' as const };
      expect(await ids(ownBody)).toEqual(['own']);
      expect(await ids({ anyOf: [ownBody, onAgenda] })).toEqual([
        'agenda',
        'own',
      ]);
      expect(await ids({ allOf: [ownBody, onAgenda] })).toEqual([]);
      expect(await ids({ not: ownBody })).toEqual(['agenda', 'other']);
      // The applicant's own request, whatever the body.
      expect(await ids({ kind: 'applicant-body', refs: [BOB] })).toEqual([
        'agenda',
        'other',
      ]);
      expect(await ids({ anyOf: [] })).toEqual([]);
      expect(
        (await store.listRequests({ permission: ownBody }, { limit: 10 }))
          .totalCount,
      ).toBe(1);
    });

    it('searches number, system title and purpose in any letter case, Cyrillic included', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'portal', {
        content: content({
          system: {
            kind: 'planned',
            entityRef: 'system:default/kazakhstan-portal',
            title: {
              ru: 'Портал ҚАЗАҚСТАНА',
              kk: 'Қазақстан порталы',
              en: 'Kazakhstan Portal',
            },
          },
          purpose: 'Единое окно',
        }),
      });
      await create(store, 'drugs', {
        // Decomposed input (NFD): ё is е + U+0308.
        content: content({ purpose: 'Учёт ЛЕКАРСТВ'.normalize('NFD') }),
      });
      await create(store, 'percent', {
        content: content({ purpose: 'Скидка 100% на всё' }),
      });

      const q = async (text: string) =>
        (await store.listRequests({ q: text }, { limit: 10 })).items
          .map(r => r.id)
          .sort();

      expect(await q('қазақстана')).toEqual(['portal']);
      expect(await q('ҚАЗАҚСТАН ПОРТАЛЫ')).toEqual(['portal']);
      expect(await q('kazakhstan portal')).toEqual(['portal']);
      expect(await q('ЕДИНОЕ')).toEqual(['portal']);
      expect(await q('учёт лекарств')).toEqual(['drugs']);
      expect(await q('УЧЁТ')).toEqual(['drugs']);
      expect(await q('ex-2026-0002')).toEqual(['drugs']);
      expect(await q('e-licensing')).toEqual(['drugs', 'percent']);
      expect(await q('100%')).toEqual(['percent']);
      expect(await q('%')).toEqual(['percent']);
      expect(await q('_')).toEqual([]);
      const page = await store.listRequests({ q: 'учёт' }, { limit: 10 });
      expect(page.totalCount).toBe(1);
      expect(page.items[0]).toMatchObject({
        number: 'EX-2026-0002',
        purpose: 'Учёт ЛЕКАРСТВ'.normalize('NFD'),
        system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
      });
    });

    it('keeps history, votes and sittings', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'r1');
      await create(store, 'r2');
      await store.transaction(async tx => {
        await store.appendHistory(tx, 'r1', {
          action: 'create',
          actor: ALICE,
          at: '2026-03-02T06:00:00.000Z',
        });
        await store.appendHistory(tx, 'r1', {
          action: 'submit',
          from: 'draft',
          to: 'submitted',
          actor: ALICE,
          at: '2026-03-02T07:00:00.000Z',
          details: { note: 'ready' },
        });
      });
      expect(await store.listHistory('r1')).toEqual([
        { action: 'create', actor: ALICE, at: '2026-03-02T06:00:00.000Z' },
        {
          action: 'submit',
          from: 'draft',
          to: 'submitted',
          actor: ALICE,
          at: '2026-03-02T07:00:00.000Z',
          details: { note: 'ready' },
        },
      ]);
      expect(await store.listHistory('r2')).toEqual([]);

      await store.transaction(async tx => {
        await store.upsertVote(tx, 'r1', {
          member: BOB,
          choice: 'for',
          at: '2026-03-10T06:00:00.000Z',
        });
        await store.upsertVote(tx, 'r1', {
          member: ALICE,
          choice: 'abstain',
          at: '2026-03-10T06:00:00.000Z',
        });
        // A second vote replaces the first.
        await store.upsertVote(tx, 'r1', {
          member: 'User:default/Bob',
          choice: 'against',
          opinion: 'Too costly',
          at: '2026-03-10T07:00:00.000Z',
        });
        await store.upsertVote(tx, 'r2', {
          member: BOB,
          choice: 'for',
          at: '2026-03-10T06:00:00.000Z',
        });
      });
      expect(await store.listVotes('r1')).toEqual([
        {
          member: ALICE,
          choice: 'abstain',
          at: '2026-03-10T06:00:00.000Z',
          round: 0,
        },
        {
          member: BOB,
          choice: 'against',
          opinion: 'Too costly',
          at: '2026-03-10T07:00:00.000Z',
          round: 0,
        },
      ]);
      // Another round keeps the earlier round's votes on record.
      await store.transaction(tx =>
        store.upsertVote(tx, 'r1', {
          member: BOB,
          choice: 'for',
          at: '2026-03-17T06:00:00.000Z',
          round: 1,
        }),
      );
      expect(await store.listVotes('r1', undefined, 1)).toEqual([
        {
          member: BOB,
          choice: 'for',
          at: '2026-03-17T06:00:00.000Z',
          round: 1,
        },
      ]);
      expect(await store.listVotes('r1', undefined, 0)).toHaveLength(2);
      expect(await store.listVotes('r1')).toHaveLength(3);
      await store.transaction(tx => store.clearVotes(tx, 'r1'));
      expect(await store.listVotes('r1')).toEqual([]);
      expect(await store.listVotes('r2')).toHaveLength(1);

      const sitting = await store.transaction(tx =>
        store.findOrCreateSitting(tx, '2026-03-20'),
      );
      expect(sitting).toEqual({
        id: expect.any(String),
        date: '2026-03-20',
        requestIds: [],
      });
      const again = await store.transaction(tx =>
        store.findOrCreateSitting(tx, '2026-03-20'),
      );
      expect(again.id).toBe(sitting.id);
      const later = await store.transaction(tx =>
        store.findOrCreateSitting(tx, '2026-04-17'),
      );
      await move(store, 'r2', { state: 'on-agenda', sittingId: sitting.id });
      await move(store, 'r1', { state: 'on-agenda', sittingId: sitting.id });

      expect(await store.getSitting(sitting.id)).toEqual({
        ...sitting,
        requestIds: ['r1', 'r2'],
      });
      expect(await store.getSitting('nope')).toBeUndefined();
      expect(await store.listSittings()).toEqual([
        { ...later, requestIds: [] },
        { ...sitting, requestIds: ['r1', 'r2'] },
      ]);
      expect(
        (await store.listSittings({ from: '2026-04-01' })).map(s => s.date),
      ).toEqual(['2026-04-17']);
      expect(
        (await store.listSittings({ to: '2026-03-20' })).map(s => s.date),
      ).toEqual(['2026-03-20']);

      const onAgenda = await store.listRequests(
        { sittingId: sitting.id },
        { limit: 10 },
      );
      // Both were put on the agenda in the same instant or not, so their
      // order (last changed first) is not the point here: membership is.
      expect(onAgenda.items.map(r => [r.id, r.sittingDate]).sort()).toEqual([
        ['r1', '2026-03-20'],
        ['r2', '2026-03-20'],
      ]);
    });

    it('records decisions with conditions and lists them in pages', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'r1');
      await create(store, 'r2', {
        content: content({ stateBodyRef: MINZDRAV }),
      });
      await store.transaction(async tx => {
        await store.recordDecision(tx, {
          requestId: 'r1',
          outcome: 'deferred',
          protocolNumber: 'P-1',
          sittingDate: '2026-03-20',
          conditions: [],
          recordedBy: BOB,
          recordedAt: '2026-03-20T09:00:00.000Z',
        });
        await store.recordDecision(tx, {
          requestId: 'r2',
          outcome: 'rejected',
          protocolNumber: 'P-2',
          sittingDate: '2026-03-20',
          reasons: 'The platform can serve it',
          conditions: [],
          recordedBy: BOB,
          recordedAt: '2026-03-20T09:30:00.000Z',
        });
        await store.recordDecision(tx, {
          requestId: 'r1',
          outcome: 'approved-with-conditions',
          protocolNumber: 'P-3',
          sittingDate: '2026-04-17',
          expiresAt: '2027-04-17',
          conditions: [
            {
              id: 'c1',
              text: 'Publish the exit plan',
              dueDate: '2026-06-01',
              status: 'open',
            },
            {
              id: 'c2',
              text: 'Pass the security audit',
              dueDate: '2026-09-01',
              status: 'open',
            },
          ],
          recordedBy: BOB,
          recordedAt: '2026-04-17T09:00:00.000Z',
        });
      });
      await move(store, 'r1', { state: 'approved-with-conditions' });

      const decision = await store.getDecision('r1');
      expect(decision).toEqual({
        requestId: 'r1',
        outcome: 'approved-with-conditions',
        protocolNumber: 'P-3',
        sittingDate: '2026-04-17',
        expiresAt: '2027-04-17',
        conditions: [
          {
            id: 'c1',
            text: 'Publish the exit plan',
            dueDate: '2026-06-01',
            status: 'open',
          },
          {
            id: 'c2',
            text: 'Pass the security audit',
            dueDate: '2026-09-01',
            status: 'open',
          },
        ],
        recordedBy: BOB,
        recordedAt: '2026-04-17T09:00:00.000Z',
      });
      expect(await store.getDecision('nope')).toBeUndefined();

      expect(
        (await store.listOpenConditionsDue('2026-06-01')).map(c => [
          c.requestNumber,
          c.id,
        ]),
      ).toEqual([['EX-2026-0001', 'c1']]);
      expect(
        await store.transaction(tx =>
          store.updateCondition(tx, 'r1', 'c1', {
            status: 'met',
            resolvedAt: '2026-05-01T06:00:00.000Z',
            resolvedBy: ALICE,
            evidence: 'https://example.kz/exit-plan',
          }),
        ),
      ).toBe(true);
      expect(
        await store.transaction(tx =>
          store.updateCondition(tx, 'r1', 'c9', { status: 'met' }),
        ),
      ).toBe(false);
      expect((await store.getDecision('r1'))!.conditions[0]).toEqual({
        id: 'c1',
        text: 'Publish the exit plan',
        dueDate: '2026-06-01',
        status: 'met',
        resolvedAt: '2026-05-01T06:00:00.000Z',
        resolvedBy: ALICE,
        evidence: 'https://example.kz/exit-plan',
      });
      expect(await store.listOpenConditionsDue('2026-12-31')).toEqual([
        expect.objectContaining({ id: 'c2', requestId: 'r1' }),
      ]);

      const first = await store.listDecisions({}, { limit: 2 });
      expect(first.totalCount).toBe(3);
      expect(first.items.map(d => d.protocolNumber)).toEqual(['P-3', 'P-2']);
      expect(first.items[0]).toMatchObject({
        requestNumber: 'EX-2026-0001',
        state: 'approved-with-conditions',
        stateBodyRef: MCRIAP,
        system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
        conditions: [
          expect.objectContaining({ id: 'c1' }),
          expect.objectContaining({ id: 'c2' }),
        ],
      });
      const second = await store.listDecisions(
        {},
        { limit: 2, cursor: first.nextCursor },
      );
      expect(second.items.map(d => d.protocolNumber)).toEqual(['P-1']);
      expect(second.nextCursor).toBeUndefined();

      const rejected = await store.listDecisions(
        { outcomes: ['rejected'], stateBodyRefs: [MINZDRAV] },
        { limit: 10 },
      );
      expect(rejected.items.map(d => d.protocolNumber)).toEqual(['P-2']);
      expect(rejected.totalCount).toBe(1);
      const ofSystem = await store.listDecisions(
        { systemRef: 'system:default/e-licensing' },
        { limit: 10 },
      );
      expect(ofSystem.items.map(d => d.protocolNumber)).toEqual([
        'P-3',
        'P-2',
        'P-1',
      ]);
      expect(ofSystem.totalCount).toBe(3);
      const ofOtherSystem = await store.listDecisions(
        { systemRef: 'system:default/tax-portal', stateBodyRefs: [MCRIAP] },
        { limit: 10 },
      );
      expect(ofOtherSystem).toMatchObject({ items: [], totalCount: 0 });
      const ofBody = await store.listDecisions(
        { stateBodyRefs: [MCRIAP] },
        { limit: 10 },
      );
      expect(ofBody.items.map(d => d.protocolNumber)).toEqual(['P-3', 'P-1']);
      expect(ofBody.totalCount).toBe(2);
      expect(
        (
          await store.listDecisions({ requestId: 'r1' }, { limit: 10 })
        ).items.map(d => d.outcome),
      ).toEqual(['approved-with-conditions', 'deferred']);
    });

    it('derives exemptions from approving decisions and the request state', async () => {
      const { store } = await createStore(databaseId);
      const system = 'system:default/e-licensing';
      const decide = async (
        id: string,
        outcome: 'approved' | 'approved-with-conditions' | 'rejected',
        state:
          | 'approved'
          | 'approved-with-conditions'
          | 'rejected'
          | 'expired'
          | 'revoked',
        sittingDate: string,
      ) => {
        await create(store, id);
        await store.transaction(tx =>
          store.recordDecision(tx, {
            requestId: id,
            outcome,
            protocolNumber: `P-${id}`,
            sittingDate,
            ...(outcome === 'rejected'
              ? { reasons: 'No' }
              : { expiresAt: '2027-12-31' }),
            conditions: [],
            recordedBy: BOB,
            recordedAt: `${sittingDate}T09:00:00.000Z`,
          }),
        );
        await move(store, id, {
          state,
          updatedAt: `${sittingDate}T10:00:00.000Z`,
        });
      };
      await decide('a', 'approved', 'approved', '2026-01-10');
      await decide('b', 'approved-with-conditions', 'revoked', '2026-02-10');
      await decide('c', 'approved', 'expired', '2026-03-10');
      await decide('d', 'rejected', 'rejected', '2026-04-10');
      await decide(
        'e',
        'approved-with-conditions',
        'approved-with-conditions',
        '2026-05-10',
      );
      await create(store, 'other', {
        content: content({
          system: { kind: 'existing', entityRef: 'system:default/damu' },
        }),
      });

      expect(await store.listExemptions('System:default/E-Licensing')).toEqual([
        {
          decisionNumber: 'P-e',
          decisionDate: '2026-05-10',
          expiresAt: '2027-12-31',
          status: 'approved',
          source: 'moratorium',
        },
        {
          decisionNumber: 'P-c',
          decisionDate: '2026-03-10',
          expiresAt: '2027-12-31',
          status: 'expired',
          source: 'moratorium',
        },
        {
          decisionNumber: 'P-b',
          decisionDate: '2026-02-10',
          expiresAt: '2027-12-31',
          status: 'revoked',
          source: 'moratorium',
        },
        {
          decisionNumber: 'P-a',
          decisionDate: '2026-01-10',
          expiresAt: '2027-12-31',
          status: 'approved',
          source: 'moratorium',
        },
      ]);
      expect(await store.listExemptions('system:default/damu')).toEqual([]);
      expect(
        await store.listExemptionChangesSince('2026-03-01T00:00:00.000Z'),
      ).toEqual([system]);
      expect(
        await store.listExemptionChangesSince('2026-06-01T00:00:00.000Z'),
      ).toEqual([]);
    });

    it('keeps deadlines and hands due ones to one scheduler', async () => {
      const { store } = await createStore(databaseId);
      await create(store, 'r1');
      await create(store, 'r2', {
        content: content({
          system: {
            kind: 'planned',
            entityRef: 'system:default/medinfo',
            title: { ru: 'Мединфо', kk: 'Мединфо' },
          },
        }),
      });
      await move(store, 'r1', { state: 'platform-review' });
      await move(store, 'r2', { state: 'info-requested' });
      await store.transaction(async tx => {
        await store.upsertDeadline(tx, 'r1', {
          subject: 'submitted',
          dueAt: '2026-03-05T18:59:59.999Z',
          closedAt: '2026-03-03T06:00:00.000Z',
        });
        await store.upsertDeadline(tx, 'r1', {
          subject: 'platform-review',
          dueAt: '2026-03-20T18:59:59.999Z',
          remindedAt: '2026-03-18T03:00:00.000Z',
        });
        // Replaces the earlier row entirely: the reminder is cleared.
        await store.upsertDeadline(tx, 'r1', {
          subject: 'platform-review',
          dueAt: '2026-03-19T18:59:59.999Z',
        });
        await store.upsertDeadline(tx, 'r2', {
          subject: 'platform-review',
          dueAt: '2026-03-10T18:59:59.999Z',
          pausedAt: '2026-03-04T06:00:00.000Z',
          remainingWorkingDays: 4,
        });
        await store.upsertDeadline(tx, 'r2', {
          subject: 'info-requested',
          dueAt: '2026-03-18T18:59:59.999Z',
        });
      });

      expect(await store.listDeadlines('r1')).toEqual([
        {
          subject: 'submitted',
          dueAt: '2026-03-05T18:59:59.999Z',
          closedAt: '2026-03-03T06:00:00.000Z',
        },
        { subject: 'platform-review', dueAt: '2026-03-19T18:59:59.999Z' },
      ]);
      const summaries = await store.listRequests({}, { limit: 10 });
      expect(
        Object.fromEntries(
          summaries.items.map(r => [r.id, r.currentDeadline?.subject]),
        ),
      ).toEqual({ r1: 'platform-review', r2: 'info-requested' });

      const due = await store.listDueDeadlines('2026-03-19T00:00:00.000Z');
      expect(due).toEqual([
        {
          requestId: 'r2',
          requestNumber: 'EX-2026-0002',
          state: 'info-requested',
          applicant: ALICE,
          stateBodyRef: MCRIAP,
          system: expect.objectContaining({ kind: 'planned' }),
          subject: 'info-requested',
          dueAt: '2026-03-18T18:59:59.999Z',
        },
      ]);
      expect(
        (await store.listDueDeadlines(new Date('2026-03-30T00:00:00Z'))).map(
          d => [d.requestId, d.subject],
        ),
      ).toEqual([
        ['r2', 'info-requested'],
        ['r1', 'platform-review'],
      ]);

      expect(
        await store.markReminded(
          'r2',
          'info-requested',
          '2026-03-16T03:00:00Z',
        ),
      ).toBe(true);
      expect(
        await store.markReminded(
          'r2',
          'info-requested',
          '2026-03-16T03:00:01Z',
        ),
      ).toBe(false);
      expect(
        await store.markMissedNotified(
          'r2',
          'info-requested',
          '2026-03-19T03:00:00Z',
        ),
      ).toBe(true);
      expect(
        await store.markMissedNotified(
          'r2',
          'info-requested',
          '2026-03-19T03:00:00Z',
        ),
      ).toBe(false);
      expect(
        (await store.listDueDeadlines('2026-03-30T00:00:00.000Z')).map(
          d => d.requestId,
        ),
      ).toEqual(['r1']);

      await store.transaction(tx =>
        store.closeDeadlines(tx, 'r1', '2026-03-15T00:00:00.000Z'),
      );
      expect(await store.listDueDeadlines('2026-03-30T00:00:00.000Z')).toEqual(
        [],
      );
      expect(await store.listDeadlines('r1')).toEqual([
        expect.objectContaining({
          subject: 'submitted',
          closedAt: '2026-03-03T06:00:00.000Z',
        }),
        expect.objectContaining({
          subject: 'platform-review',
          closedAt: '2026-03-15T00:00:00.000Z',
        }),
      ]);
    });

    it('stores one response per idempotency key and actor', async () => {
      const { store } = await createStore(databaseId);
      const entry = {
        actor: ALICE,
        key: 'k-1',
        requestHash: 'h1',
        status: 201,
        body: { id: 'r1', number: 'EX-2026-0001' },
      };
      expect(
        await store.transaction(tx => store.saveIdempotent(tx, entry)),
      ).toBe(true);
      expect(
        await store.transaction(tx =>
          store.saveIdempotent(tx, {
            ...entry,
            requestHash: 'h2',
            status: 200,
          }),
        ),
      ).toBe(false);
      expect(await store.getIdempotent(ALICE, 'k-1')).toEqual({
        requestHash: 'h1',
        status: 201,
        body: { id: 'r1', number: 'EX-2026-0001' },
        createdAt: expect.any(String),
      });
      // Keys are scoped by actor.
      expect(await store.getIdempotent(BOB, 'k-1')).toBeUndefined();
      expect(
        await store.transaction(tx =>
          store.saveIdempotent(tx, { ...entry, actor: BOB }),
        ),
      ).toBe(true);

      // Racing saves of one key: exactly one stores it.
      const results = await Promise.all(
        ['h3', 'h4'].map(requestHash =>
          store.transaction(tx =>
            store.saveIdempotent(tx, { ...entry, key: 'k-2', requestHash }),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('purges idempotency keys stored before an instant, and no others', async () => {
      const { store } = await createStore(databaseId);
      const save = (key: string) =>
        store.transaction(tx =>
          store.saveIdempotent(tx, {
            actor: ALICE,
            key,
            requestHash: 'h',
            status: 201,
            body: { key },
          }),
        );
      await save('old');
      const old = await store.getIdempotent(ALICE, 'old');
      await new Promise(resolve => setTimeout(resolve, 5));
      await save('new');
      const kept = await store.getIdempotent(ALICE, 'new');

      // Strictly before: a key stored at the instant itself stays.
      expect(await store.purgeIdempotentBefore(new Date(old!.createdAt))).toBe(
        0,
      );
      expect(await store.purgeIdempotentBefore(new Date(kept!.createdAt))).toBe(
        1,
      );
      expect(await store.getIdempotent(ALICE, 'old')).toBeUndefined();
      expect(await store.getIdempotent(ALICE, 'new')).toEqual(kept);
      // The key can be used again once purged.
      expect(await save('old')).toBe(true);
    });
  });
});
