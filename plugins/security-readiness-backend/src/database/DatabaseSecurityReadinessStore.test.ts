import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  Attestation,
  ReadinessLevel,
  ScorecardResult,
  SignOff,
  Waiver,
  toHistoryEntry,
} from '@qaztech/plugin-security-readiness-common';
import { DatabaseSecurityReadinessStore } from './DatabaseSecurityReadinessStore';
import { ScorecardWrite } from './SecurityReadinessStore';
import { SystemFilter } from './systemFilter';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const database: DatabaseService = { getClient: async () => knex };
  const store = await DatabaseSecurityReadinessStore.create({ database });
  return { knex, store };
}

const EGOV = 'system:default/egov';
const LICENSE = 'system:default/e-license';
const MCRIAP = 'group:default/mcriap';
const MINZDRAV = 'group:default/minzdrav';
const OFFICER = 'user:default/officer';
const OWNER = 'user:default/owner';

function result(
  systemRef: string,
  level: ReadinessLevel,
  score: number | null,
  evaluatedAt: string,
  inputsHash = `hash-${systemRef}-${score}`,
): ScorecardResult {
  return {
    systemRef,
    score,
    level,
    gatesFailed: level === 'not-ready' ? ['operating-without-test-act'] : [],
    checks: [
      {
        checkId: 'test-act',
        area: 'assurance',
        applicable: true,
        status: score !== null && score >= 8.5 ? 'pass' : 'fail',
        score,
        weight: 15,
        reason: { code: 'test-act-missing' },
        evidence: { summary: 'x' },
      },
    ],
    evaluatedAt,
    inputsHash,
  };
}

function write(
  r: ScorecardResult,
  stateBodyRef = MCRIAP,
  previous?: ScorecardResult,
): ScorecardWrite {
  return {
    result: r,
    stateBodyRef,
    title: `Title of ${r.systemRef}`,
    history: toHistoryEntry(previous, r),
  };
}

function attestation(overrides: Partial<Attestation> = {}): Attestation {
  return {
    id: 'a1',
    systemRef: EGOV,
    checkId: 'soc',
    result: 'pass',
    evidence: { url: 'https://docs/soc.pdf', sha256: 'a'.repeat(64) },
    attestedBy: OFFICER,
    attestedAt: '2026-01-10T00:00:00.000Z',
    expiresAt: '2027-01-10T00:00:00.000Z',
    ...overrides,
  };
}

function waiver(overrides: Partial<Waiver> = {}): Waiver {
  return {
    id: 'w1',
    systemRef: EGOV,
    checkId: 'soc',
    justification: 'SOC contract signed, connection in March',
    requestedBy: OWNER,
    requestedAt: '2026-02-01T00:00:00.000Z',
    expiresAt: '2026-06-01T00:00:00.000Z',
    status: 'requested',
    ...overrides,
  };
}

function signOff(overrides: Partial<SignOff> = {}): SignOff {
  return {
    id: 's1',
    systemRef: EGOV,
    level: 'ready',
    score: 9.1,
    signedBy: OFFICER,
    signedAt: '2026-03-01T00:00:00.000Z',
    evidenceHash: 'h-ready',
    results: [],
    ...overrides,
  };
}

describe('DatabaseSecurityReadinessStore', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('stores each fact observation once and serves the latest versions', async () => {
      const { store } = await createStore(databaseId);
      const fact = {
        systemRef: 'System:default/EGOV',
        type: 'findings',
        source: 'scanner:trivy',
        observedAt: '2026-03-01T00:00:00Z',
        value: { open: [] },
      };
      expect(await store.insertFacts([fact, fact])).toEqual({ inserted: 1 });
      // A retried push of the same observation stores nothing new.
      expect(await store.insertFacts([fact])).toEqual({ inserted: 0 });
      expect(
        await store.insertFacts([
          { ...fact, observedAt: '2026-03-02T00:00:00.000Z', value: { n: 2 } },
          { ...fact, observedAt: '2026-02-01T00:00:00.000Z', value: { n: 0 } },
          { ...fact, source: 'scanner:grype', value: { n: 5 } },
          { ...fact, systemRef: LICENSE, type: 'openssf-scorecard' },
        ]),
      ).toEqual({ inserted: 4 });

      const versions = await store.listFacts(EGOV, { type: 'findings' });
      expect(versions.map(f => [f.source, f.observedAt, f.value])).toEqual([
        ['scanner:trivy', '2026-03-02T00:00:00.000Z', { n: 2 }],
        expect.anything(),
        expect.anything(),
        ['scanner:trivy', '2026-02-01T00:00:00.000Z', { n: 0 }],
      ]);
      expect(versions[0].id).toEqual(expect.any(String));
      expect(await store.listFacts(EGOV, { limit: 1 })).toHaveLength(1);
      expect(await store.listFacts(LICENSE, { type: 'findings' })).toEqual([]);

      // For evaluation: the newest per (system, type, source), plus anything
      // observed since the given instant.
      const latest = await store.factsForSystems(
        [EGOV, LICENSE],
        new Date('2030-01-01T00:00:00Z'),
      );
      expect(
        latest
          .map(f => `${f.systemRef} ${f.type} ${f.source} ${f.observedAt}`)
          .sort(),
      ).toEqual([
        'system:default/e-license openssf-scorecard scanner:trivy 2026-03-01T00:00:00.000Z',
        'system:default/egov findings scanner:grype 2026-03-01T00:00:00.000Z',
        'system:default/egov findings scanner:trivy 2026-03-02T00:00:00.000Z',
      ]);
      const since = await store.factsForSystems(
        [EGOV],
        new Date('2026-03-01T00:00:00Z'),
      );
      expect(since).toHaveLength(3);
    });

    it('purges old facts but keeps the newest of each kind of an evaluated system', async () => {
      const { store } = await createStore(databaseId);
      await store.writeScorecards([
        write(result(EGOV, 'ready', 9, '2026-01-01T00:00:00.000Z')),
      ]);
      const at = (day: string) => `2025-${day}T00:00:00.000Z`;
      await store.insertFacts([
        {
          systemRef: EGOV,
          type: 'f',
          source: 's',
          observedAt: at('01-01'),
          value: 1,
        },
        {
          systemRef: EGOV,
          type: 'f',
          source: 's',
          observedAt: at('02-01'),
          value: 2,
        },
        {
          systemRef: EGOV,
          type: 'g',
          source: 's',
          observedAt: at('01-01'),
          value: 3,
        },
        // Never evaluated: not in the catalog, its facts are not kept.
        {
          systemRef: LICENSE,
          type: 'f',
          source: 's',
          observedAt: at('01-01'),
          value: 4,
        },
        {
          systemRef: LICENSE,
          type: 'f',
          source: 's',
          observedAt: at('12-01'),
          value: 5,
        },
      ]);
      expect(
        await store.purgeFactsBefore(new Date('2025-06-01T00:00:00Z')),
      ).toBe(2);
      expect((await store.listFacts(EGOV)).map(f => f.value).sort()).toEqual([
        2, 3,
      ]);
      expect((await store.listFacts(LICENSE)).map(f => f.value)).toEqual([5]);
    });

    it('keeps attestations, finds expiring ones and reminds once', async () => {
      const { store } = await createStore(databaseId);
      await store.insertAttestation(attestation());
      await store.insertAttestation(
        attestation({
          id: 'a2',
          checkId: 'restore-test',
          result: 7.5,
          evidence: { performedOn: '2025-12-20', notes: 'restored' },
          expiresAt: '2026-04-01T00:00:00.000Z',
        }),
      );
      // Replaced by a newer attestation: not "expiring" any more.
      await store.insertAttestation(
        attestation({
          id: 'a0',
          attestedAt: '2025-01-10T00:00:00.000Z',
          expiresAt: '2026-01-20T00:00:00.000Z',
        }),
      );
      await store.insertAttestation(
        attestation({ id: 'b1', systemRef: LICENSE, result: 'fail' }),
      );

      const egov = await store.attestationsForSystems(['SYSTEM:default/egov']);
      expect(egov.map(a => a.id)).toEqual(['a0', 'a1', 'a2']);
      expect(egov.find(a => a.id === 'a2')).toEqual(
        attestation({
          id: 'a2',
          checkId: 'restore-test',
          result: 7.5,
          evidence: { performedOn: '2025-12-20', notes: 'restored' },
          expiresAt: '2026-04-01T00:00:00.000Z',
        }),
      );

      const from = new Date('2026-01-01T00:00:00Z');
      const to = new Date('2026-05-01T00:00:00Z');
      expect(
        (await store.attestationsExpiringUnreminded(from, to)).map(a => a.id),
      ).toEqual(['a2']);
      expect(await store.markAttestationReminded('a2', from)).toBe(true);
      expect(await store.markAttestationReminded('a2', from)).toBe(false);
      expect(await store.attestationsExpiringUnreminded(from, to)).toEqual([]);

      expect(
        (
          await store.listExpiringAttestations(new Date('2027-02-01T00:00:00Z'))
        ).map(a => a.id),
      ).toEqual(['a2', 'a1', 'b1']);
      expect(
        (
          await store.listExpiringAttestations(
            new Date('2027-02-01T00:00:00Z'),
            {
              limit: 1,
            },
          )
        ).map(a => a.id),
      ).toEqual(['a2']);
    });

    it('allows one open waiver a check and decides it once', async () => {
      const { store } = await createStore(databaseId);
      await store.insertWaiver(waiver());
      await expect(store.insertWaiver(waiver({ id: 'w2' }))).rejects.toThrow(
        ConflictError,
      );
      // Another check of the same system is fine.
      await store.insertWaiver(waiver({ id: 'w3', checkId: 'restore-test' }));

      const granted = await store.decideWaiver('w1', {
        status: 'granted',
        decidedBy: OFFICER,
        decidedAt: '2026-02-02T00:00:00.000Z',
        expiresAt: '2026-05-01T00:00:00.000Z',
      });
      expect(granted).toEqual(
        waiver({
          status: 'granted',
          decidedBy: OFFICER,
          decidedAt: '2026-02-02T00:00:00.000Z',
          expiresAt: '2026-05-01T00:00:00.000Z',
        }),
      );
      // Decided already: the second officer gets nothing (409 upstream).
      expect(
        await store.decideWaiver('w1', {
          status: 'rejected',
          expiresAt: '2026-06-01T00:00:00.000Z',
          decidedBy: 'user:default/other',
          decidedAt: '2026-02-03T00:00:00.000Z',
          decisionComment: 'no',
        }),
      ).toBeUndefined();
      // Granted and active: still blocks a new request.
      await expect(
        store.insertWaiver(
          waiver({ id: 'w4', requestedAt: '2026-04-01T00:00:00.000Z' }),
        ),
      ).rejects.toThrow(/already has a requested or granted waiver/);
      // After it runs out, a new one may be requested.
      await store.insertWaiver(
        waiver({
          id: 'w5',
          requestedAt: '2026-05-02T00:00:00.000Z',
          expiresAt: '2026-09-01T00:00:00.000Z',
        }),
      );
      expect((await store.getWaiver('w1'))?.status).toBe('expired');

      const rejected = await store.decideWaiver('w3', {
        status: 'rejected',
        expiresAt: '2026-06-01T00:00:00.000Z',
        decidedBy: OFFICER,
        decidedAt: '2026-02-02T00:00:00.000Z',
        decisionComment: 'Not justified',
      });
      expect(rejected?.decisionComment).toBe('Not justified');
      await store.insertWaiver(waiver({ id: 'w6', checkId: 'restore-test' }));

      expect(
        (await store.listWaivers({ status: 'requested' })).map(w => w.id),
      ).toEqual(['w6', 'w5']);
      expect((await store.listWaivers({ limit: 2 })).map(w => w.id)).toEqual([
        'w5',
        'w6',
      ]);
      expect(
        (await store.waiversForSystems([EGOV, LICENSE])).map(w => w.id).sort(),
      ).toEqual(['w1', 'w3', 'w5', 'w6']);
      expect(await store.getWaiver('nope')).toBeUndefined();
    });

    it('lists only the attestations and waivers of the systems a permission filter selects, in SQL', async () => {
      const { store } = await createStore(databaseId);
      const TAX = 'system:default/tax';
      await store.writeScorecards([
        write(result(EGOV, 'ready', 9, '2026-01-01T00:00:00.000Z'), MCRIAP),
        write(result(LICENSE, 'ready', 9, '2026-01-01T00:00:00.000Z'), MCRIAP),
        write(result(TAX, 'ready', 9, '2026-01-01T00:00:00.000Z'), MINZDRAV),
      ]);
      for (const [id, systemRef] of [
        ['a-egov', EGOV],
        ['a-license', LICENSE],
        ['a-tax', TAX],
        // A system never evaluated has no owner in the store.
        ['a-unknown', 'system:default/unknown'],
      ]) {
        await store.insertAttestation(attestation({ id, systemRef }));
        await store.insertWaiver(waiver({ id: `w-${id}`, systemRef }));
      }
      const to = new Date('2027-02-01T00:00:00Z');
      const attested = async (systems?: SystemFilter) =>
        (await store.listExpiringAttestations(to, { systems }))
          .map(a => a.id)
          .sort();
      const waived = async (systems?: SystemFilter) =>
        (await store.listWaivers({ status: 'requested', systems }))
          .map(w => w.id)
          .sort();
      const owner = (...values: string[]): SystemFilter => ({
        key: 'owner',
        values,
      });

      expect(await attested()).toEqual([
        'a-egov',
        'a-license',
        'a-tax',
        'a-unknown',
      ]);
      expect(await attested(owner('GROUP:default/MCRIAP'))).toEqual([
        'a-egov',
        'a-license',
      ]);
      expect(await waived(owner(MINZDRAV, 'user:default/owner'))).toEqual([
        'w-a-tax',
      ]);
      expect(await attested(owner())).toEqual([]);
      expect(
        await attested({ anyOf: [owner(MINZDRAV), owner(MCRIAP)] }),
      ).toEqual(['a-egov', 'a-license', 'a-tax']);
      expect(
        await waived({ allOf: [owner(MCRIAP, MINZDRAV), owner(MINZDRAV)] }),
      ).toEqual(['w-a-tax']);
      expect(await waived({ not: owner(MCRIAP) })).toEqual([
        'w-a-tax',
        'w-a-unknown',
      ]);
    });

    it('writes changed scorecards with history, touches unchanged ones and lists them', async () => {
      const { store } = await createStore(databaseId);
      const first = result(
        EGOV,
        'conditional',
        7.3,
        '2026-03-01T00:00:00.000Z',
      );
      await store.writeScorecards([
        write(first),
        write(
          result(LICENSE, 'ready', 9.2, '2026-03-01T00:00:00.000Z'),
          MINZDRAV,
        ),
        write(
          result(
            'system:default/taxes',
            'not-ready',
            3.1,
            '2026-03-01T00:00:00.000Z',
          ),
        ),
      ]);
      const second = result(EGOV, 'ready', 8.8, '2026-03-05T00:00:00.000Z');
      await store.writeScorecards([write(second, MCRIAP, first)]);
      await store.touchScorecards([EGOV, LICENSE], '2026-03-06T00:00:00.000Z');

      const egov = await store.getScorecard('system:default/EGOV');
      expect(egov).toEqual({
        result: { ...second, evaluatedAt: '2026-03-06T00:00:00.000Z' },
        stateBodyRef: MCRIAP,
        title: `Title of ${EGOV}`,
        changedAt: '2026-03-05T00:00:00.000Z',
      });
      expect(await store.getScorecard('system:default/none')).toBeUndefined();
      const many = await store.getScorecards([
        EGOV,
        LICENSE,
        'system:default/none',
      ]);
      expect([...many.keys()].sort()).toEqual([LICENSE, EGOV].sort());

      const history = await store.history(EGOV);
      expect(history.map(h => [h.evaluatedAt, h.level, h.score])).toEqual([
        ['2026-03-05T00:00:00.000Z', 'ready', 8.8],
        ['2026-03-01T00:00:00.000Z', 'conditional', 7.3],
      ]);
      expect(history[0].changedChecks).toEqual([
        {
          checkId: 'test-act',
          from: { status: 'fail', score: 7.3 },
          to: { status: 'pass', score: 8.8 },
        },
      ]);
      expect(
        await store.history(EGOV, { before: '2026-03-05T00:00:00.000Z' }),
      ).toHaveLength(1);
      expect(await store.history(EGOV, { limit: 1 })).toHaveLength(1);

      const page1 = await store.listScorecards({}, { limit: 2 });
      expect(page1.items.map(s => s.result.systemRef)).toEqual([LICENSE, EGOV]);
      expect(page1.totalCount).toBe(3);
      const page2 = await store.listScorecards(
        {},
        { limit: 2, cursor: page1.nextCursor },
      );
      expect(page2.items.map(s => s.result.systemRef)).toEqual([
        'system:default/taxes',
      ]);
      expect(page2.nextCursor).toBeUndefined();
      await expect(
        store.listScorecards({}, { limit: 2, cursor: 'garbage' }),
      ).rejects.toThrow(InputError);

      const filtered = await store.listScorecards(
        {
          levels: ['ready', 'not-ready'],
          stateBodyRefs: ['Group:default/MCRIAP'],
        },
        { limit: 10 },
      );
      expect(filtered.items.map(s => s.result.systemRef)).toEqual([
        EGOV,
        'system:default/taxes',
      ]);
      expect(filtered.totalCount).toBe(2);
      expect(await store.listSystemRefs()).toEqual([
        LICENSE,
        EGOV,
        'system:default/taxes',
      ]);
    });

    it('counts by level and state body and records the trend', async () => {
      const { store } = await createStore(databaseId);
      expect(await store.countByLevel()).toEqual({
        byLevel: { ready: 0, conditional: 0, 'not-ready': 0 },
        averageScore: null,
        total: 0,
      });
      await store.writeScorecards([
        write(result(EGOV, 'ready', 9, '2026-03-01T00:00:00.000Z')),
        write(
          result(LICENSE, 'conditional', 7, '2026-03-02T00:00:00.000Z'),
          MINZDRAV,
        ),
        write(
          result(
            'system:default/x',
            'not-ready',
            null,
            '2026-03-01T00:00:00.000Z',
          ),
        ),
      ]);
      expect(await store.countByLevel()).toEqual({
        byLevel: { ready: 1, conditional: 1, 'not-ready': 1 },
        averageScore: 8,
        total: 3,
        evaluatedAt: '2026-03-02T00:00:00.000Z',
      });
      expect(await store.countByStateBody()).toEqual([
        {
          stateBodyRef: MCRIAP,
          total: 2,
          byLevel: { ready: 1, conditional: 0, 'not-ready': 1 },
          averageScore: 9,
        },
        {
          stateBodyRef: MINZDRAV,
          total: 1,
          byLevel: { ready: 0, conditional: 1, 'not-ready': 0 },
          averageScore: 7,
        },
      ]);

      await store.recordTrendPoint('2026-03-01');
      await store.writeScorecards([
        write(
          result('system:default/y', 'ready', 10, '2026-03-02T00:00:00.000Z'),
        ),
      ]);
      await store.recordTrendPoint('2026-03-02');
      // The same day again replaces its point.
      await store.recordTrendPoint('2026-03-02');
      expect(await store.trend('2026-03-01')).toEqual([
        {
          date: '2026-03-01',
          byLevel: { ready: 1, conditional: 1, 'not-ready': 1 },
          averageScore: 8,
        },
        {
          date: '2026-03-02',
          byLevel: { ready: 2, conditional: 1, 'not-ready': 1 },
          averageScore: 8.7,
        },
      ]);
      expect(await store.trend('2026-03-02')).toHaveLength(1);
    });

    it('signs off, finds systems awaiting sign-off and notifies a drop once', async () => {
      const { store } = await createStore(databaseId);
      const ready = result(
        EGOV,
        'ready',
        9.1,
        '2026-03-01T00:00:00.000Z',
        'h-ready',
      );
      await store.writeScorecards([
        write(ready),
        write(result(LICENSE, 'ready', 9, '2026-03-01T00:00:00.000Z', 'h-lic')),
      ]);
      expect(
        (await store.listScorecards({ awaitingSignOff: true }, { limit: 10 }))
          .totalCount,
      ).toBe(2);

      await store.insertSignOff(signOff({ id: 's0', evidenceHash: 'old' }));
      await store.insertSignOff(signOff({ results: ready.checks }));
      expect(await store.latestSignOff('system:default/EGOV')).toEqual(
        signOff({ results: ready.checks }),
      );
      expect(await store.latestSignOff(LICENSE)).toBeUndefined();
      const awaiting = await store.listScorecards(
        { awaitingSignOff: true },
        { limit: 10 },
      );
      expect(awaiting.items.map(s => s.result.systemRef)).toEqual([LICENSE]);
      const signed = await store.listScorecards(
        { awaitingSignOff: false },
        { limit: 10 },
      );
      expect(signed.items.map(s => s.result.systemRef)).toEqual([EGOV]);

      expect(await store.signOffsWithUnnotifiedDrop()).toEqual([]);
      const dropped = result(
        EGOV,
        'conditional',
        7,
        '2026-03-10T00:00:00.000Z',
        'h2',
      );
      await store.writeScorecards([write(dropped, MCRIAP, ready)]);
      const drops = await store.signOffsWithUnnotifiedDrop();
      expect(drops).toEqual([
        {
          signOff: signOff({ results: ready.checks }),
          current: dropped,
          stateBodyRef: MCRIAP,
        },
      ]);
      // The new evidence awaits a sign-off again.
      expect(
        (await store.listScorecards({ awaitingSignOff: true }, { limit: 10 }))
          .totalCount,
      ).toBe(2);
      expect(await store.markDropNotified('s1', new Date())).toBe(true);
      expect(await store.markDropNotified('s1', new Date())).toBe(false);
      expect(await store.signOffsWithUnnotifiedDrop()).toEqual([]);
    });

    it('lists sign-offs newest first and gives scorecards the latest signed level', async () => {
      const { store } = await createStore(databaseId);
      const ready = result(EGOV, 'ready', 9.1, '2026-03-01T00:00:00.000Z');
      await store.writeScorecards([
        write(ready),
        write(
          result(LICENSE, 'ready', 9, '2026-03-01T00:00:00.000Z'),
          MINZDRAV,
        ),
      ]);
      expect(await store.listSignOffs(EGOV)).toEqual([]);
      expect((await store.getScorecard(EGOV))?.signedLevel).toBeUndefined();

      const first = signOff({
        id: 's-first',
        level: 'conditional',
        score: 7,
        signedAt: '2026-02-01T00:00:00.000Z',
        evidenceHash: 'h-old',
      });
      const second = signOff({
        id: 's-second',
        signedBy: 'user:default/officer2',
        comment: 'Re-reviewed',
        results: ready.checks,
      });
      await store.insertSignOff(first);
      await store.insertSignOff(second);
      await store.insertSignOff(
        signOff({ id: 's-license', systemRef: LICENSE, level: 'ready' }),
      );

      expect(await store.listSignOffs('System:Default/EGOV')).toEqual([
        second,
        first,
      ]);
      expect(await store.listSignOffs(EGOV, { limit: 1 })).toEqual([second]);
      expect(await store.listSignOffs('system:default/never')).toEqual([]);

      // The latest sign-off's level, not the earlier one's.
      expect(await store.getScorecard(EGOV)).toEqual({
        result: ready,
        stateBodyRef: MCRIAP,
        title: `Title of ${EGOV}`,
        changedAt: ready.evaluatedAt,
        signedLevel: 'ready',
      });
      const page = await store.listScorecards({}, { limit: 10 });
      expect(
        page.items.map(s => [s.result.systemRef, s.signedLevel, s.title]),
      ).toEqual([
        [LICENSE, 'ready', `Title of ${LICENSE}`],
        [EGOV, 'ready', `Title of ${EGOV}`],
      ]);
      // Filters and cursors work on the joined list.
      const filtered = await store.listScorecards(
        { levels: ['ready'], stateBodyRefs: [MCRIAP], awaitingSignOff: true },
        { limit: 10 },
      );
      expect(filtered.items.map(s => s.result.systemRef)).toEqual([EGOV]);
      expect(filtered.items[0].signedLevel).toBe('ready');
      const firstPage = await store.listScorecards({}, { limit: 1 });
      const nextPage = await store.listScorecards(
        {},
        { limit: 1, cursor: firstPage.nextCursor },
      );
      expect(nextPage.items.map(s => s.result.systemRef)).toEqual([EGOV]);
      expect(nextPage.items[0].signedLevel).toBe('ready');

      // A dropped level keeps the signed level beside it.
      await store.writeScorecards([
        write(
          result(EGOV, 'not-ready', 5, '2026-03-05T00:00:00.000Z'),
          MCRIAP,
          ready,
        ),
      ]);
      const dropped = await store.listScorecards(
        { levels: ['not-ready'] },
        { limit: 10 },
      );
      expect(dropped.items.map(s => [s.result.level, s.signedLevel])).toEqual([
        ['not-ready', 'ready'],
      ]);
    });

    it('purges every row of systems gone from the catalog', async () => {
      const { store } = await createStore(databaseId);
      await store.writeScorecards([
        write(result(EGOV, 'ready', 9, '2026-03-01T00:00:00.000Z')),
        write(result(LICENSE, 'ready', 9, '2026-03-01T00:00:00.000Z')),
      ]);
      await store.insertFacts([
        {
          systemRef: EGOV,
          type: 'f',
          source: 's',
          observedAt: '2026-03-01T00:00:00Z',
          value: 1,
        },
        {
          systemRef: LICENSE,
          type: 'f',
          source: 's',
          observedAt: '2026-03-01T00:00:00Z',
          value: 1,
        },
      ]);
      await store.insertAttestation(attestation());
      await store.insertWaiver(waiver());
      await store.insertSignOff(signOff());
      await store.createRun({
        scope: { kind: 'system', systemRef: EGOV },
        trigger: 'manual',
        now: new Date(),
      });

      expect(await store.purgeSystems([EGOV, 'system:default/never'])).toBe(1);
      expect(await store.purgeSystems([])).toBe(0);
      expect(await store.getScorecard(EGOV)).toBeUndefined();
      expect(await store.history(EGOV)).toEqual([]);
      expect(await store.listFacts(EGOV)).toEqual([]);
      expect(await store.attestationsForSystems([EGOV])).toEqual([]);
      expect(await store.waiversForSystems([EGOV])).toEqual([]);
      expect(await store.latestSignOff(EGOV)).toBeUndefined();
      expect(await store.listSystemRefs()).toEqual([LICENSE]);
      expect(await store.listFacts(LICENSE)).toHaveLength(1);
    });

    it('makes one run per scope, claims it once and requeues a dead replica’s run', async () => {
      const { store } = await createStore(databaseId);
      const t0 = new Date('2026-03-01T00:00:00.000Z');
      const a = await store.createRun({
        scope: { kind: 'all' },
        trigger: 'manual',
        requestedBy: OFFICER,
        now: t0,
      });
      expect(a).toEqual({
        created: true,
        run: {
          id: expect.any(String),
          scope: { kind: 'all' },
          trigger: 'manual',
          requestedBy: OFFICER,
          status: 'queued',
          total: 0,
          done: 0,
          changed: 0,
          startedAt: t0.toISOString(),
        },
      });
      // Two clicks (and two replicas at once) make one run.
      const [b, c] = await Promise.all([
        store.createRun({
          scope: { kind: 'all' },
          trigger: 'schedule',
          now: t0,
        }),
        store.createRun({
          scope: { kind: 'all' },
          trigger: 'schedule',
          now: t0,
        }),
      ]);
      expect(b).toEqual({ created: false, run: a.run });
      expect(c).toEqual({ created: false, run: a.run });
      const single = await store.createRun({
        scope: { kind: 'system', systemRef: 'System:default/EGOV' },
        trigger: 'manual',
        now: new Date('2026-03-01T00:00:01.000Z'),
      });
      expect(single.created).toBe(true);
      expect(single.run.scope).toEqual({ kind: 'system', systemRef: EGOV });

      const [x, y] = await Promise.all([
        store.claimQueuedRun(t0),
        store.claimQueuedRun(t0),
      ]);
      const claimed = [x, y].filter(Boolean);
      expect(claimed.map(r => r!.id).sort()).toEqual(
        [a.run.id, single.run.id].sort(),
      );
      expect(await store.claimQueuedRun(t0)).toBeUndefined();

      const t1 = new Date('2026-03-01T00:01:00.000Z');
      await store.updateRunProgress(
        a.run.id,
        { total: 10, done: 4, changed: 2 },
        t1,
      );
      expect(await store.getRun(a.run.id)).toMatchObject({
        status: 'running',
        total: 10,
        done: 4,
        changed: 2,
      });
      // The replica died: no progress for a while, the run goes back.
      expect(
        await store.requeueStaleRuns(new Date('2026-03-01T00:00:30.000Z')),
      ).toBe(1);
      expect(
        await store.requeueStaleRuns(new Date('2026-03-01T00:10:00.000Z')),
      ).toBe(1);
      expect((await store.getRun(a.run.id))?.status).toBe('queued');
      expect((await store.claimQueuedRun(t1))?.id).toBe(a.run.id);

      const t2 = new Date('2026-03-01T00:05:00.000Z');
      await store.finishRun(a.run.id, { status: 'succeeded' }, t2);
      await store.finishRun(
        single.run.id,
        { status: 'failed', error: 'boom' },
        t2,
      );
      expect(await store.getRun(a.run.id)).toMatchObject({
        status: 'succeeded',
        finishedAt: t2.toISOString(),
      });
      expect(await store.getRun(single.run.id)).toMatchObject({
        status: 'failed',
        error: 'boom',
      });
      // Finished: the next request makes a new run.
      const next = await store.createRun({
        scope: { kind: 'all' },
        trigger: 'schedule',
        now: t2,
      });
      expect(next.created).toBe(true);
      expect((await store.latestRuns(2)).map(r => r.id)).toEqual([
        next.run.id,
        single.run.id,
      ]);
      expect(await store.getRun('nope')).toBeUndefined();
    });

    it('stores the final counts of a run and records runs done outside the queue', async () => {
      const { store } = await createStore(databaseId);
      const t0 = new Date('2026-03-01T00:00:00.000Z');
      const t1 = new Date('2026-03-01T00:00:02.000Z');
      const { run: queued } = await store.createRun({
        scope: { kind: 'system', systemRef: EGOV },
        trigger: 'manual',
        now: t0,
      });
      // A run that never ran in the queue still gets its counts.
      await store.finishRun(
        queued.id,
        {
          status: 'succeeded',
          progress: { total: 1, done: 1, changed: 1 },
        },
        t1,
      );
      expect(await store.getRun(queued.id)).toMatchObject({
        status: 'succeeded',
        total: 1,
        done: 1,
        changed: 1,
        finishedAt: t1.toISOString(),
      });
      // A finished run is final: a late finish changes nothing.
      await store.finishRun(
        queued.id,
        {
          status: 'failed',
          error: 'late',
          progress: { total: 9, done: 0, changed: 0 },
        },
        t1,
      );
      expect(await store.getRun(queued.id)).toMatchObject({
        status: 'succeeded',
        total: 1,
      });

      const { run: all } = await store.createRun({
        scope: { kind: 'all' },
        trigger: 'schedule',
        now: t0,
      });
      const done = await store.insertFinishedRun({
        scope: { kind: 'system', systemRef: 'System:default/EGOV' },
        trigger: 'manual',
        requestedBy: OWNER,
        status: 'succeeded',
        progress: { total: 1, done: 1, changed: 0 },
        startedAt: t0,
        finishedAt: t1,
      });
      expect(done).toEqual({
        id: expect.any(String),
        scope: { kind: 'system', systemRef: EGOV },
        trigger: 'manual',
        requestedBy: OWNER,
        status: 'succeeded',
        total: 1,
        done: 1,
        changed: 0,
        startedAt: t0.toISOString(),
        finishedAt: t1.toISOString(),
      });
      const failed = await store.insertFinishedRun({
        scope: { kind: 'system', systemRef: EGOV },
        trigger: 'manual',
        status: 'failed',
        error: 'catalog unavailable',
        progress: { total: 1, done: 0, changed: 0 },
        startedAt: t1,
        finishedAt: t1,
      });
      expect(await store.getRun(failed.id)).toMatchObject({
        status: 'failed',
        error: 'catalog unavailable',
        total: 1,
        done: 0,
      });
      // Finished runs are not in the queue: only the run of all is claimed,
      // and a new run of the system is a new run, not one of those.
      expect((await store.claimQueuedRun(t1))?.id).toBe(all.id);
      expect(await store.claimQueuedRun(t1)).toBeUndefined();
      expect(await store.requeueStaleRuns(new Date('2026-03-02'))).toBe(1);
      expect((await store.claimQueuedRun(t1))?.id).toBe(all.id);
      const again = await store.createRun({
        scope: { kind: 'system', systemRef: EGOV },
        trigger: 'manual',
        now: t1,
      });
      expect(again.created).toBe(true);
      expect((await store.latestRuns(10)).map(r => r.id)).toContain(done.id);
    });
  });
});
