import { TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import request from 'supertest';
import {
  CI_SERVICE,
  OTHER_BODY,
  STATE_BODY,
  SYSTEMS,
  USERS,
  as,
  asService,
  startSecurityReadinessBackend,
} from '../__testUtils__/startSecurityReadinessBackend';
import {
  EVALUATE_TASK_ID,
  MAINTENANCE_TASK_ID,
} from './readSecurityReadinessConfig';

jest.setTimeout(120_000);

type Backend = Awaited<ReturnType<typeof startSecurityReadinessBackend>>;

const BASE = '/api/security-readiness';
const SHA = 'a'.repeat(64);

/** An instant `days` from now. */
const inDays = (days: number) => DateTime.now().plus({ days }).toUTC().toISO()!;

/** Expects a status, showing the error body when it differs. */
function expectStatus(res: request.Response, status: number) {
  if (res.status !== status) {
    throw new Error(
      `Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}

function api(backend: Backend) {
  const server = () => request(backend.server);
  return {
    get(path: string, user: string = USERS.owner) {
      return server().get(`${BASE}${path}`).set('Authorization', as(user));
    },
    post(path: string, body: object, user: string = USERS.officer) {
      return server()
        .post(`${BASE}${path}`)
        .set('Authorization', as(user))
        .send(body);
    },
    scorecard(user: string = USERS.owner, name = 'e-license') {
      return server()
        .get(`${BASE}/scorecards/default/${name}`)
        .set('Authorization', as(user));
    },
    pushFacts(facts: object[]) {
      return server()
        .post(`${BASE}/facts`)
        .set('Authorization', asService())
        .send({ facts });
    },
  };
}

/** The OpenSSF Scorecard checks the default scorecard reads. */
const OPENSSF_CHECKS = [
  'Branch-Protection',
  'Code-Review',
  'SAST',
  'Pinned-Dependencies',
  'Dependency-Update-Tool',
  'SBOM',
  'Dangerous-Workflow',
  'Token-Permissions',
  'Binary-Artifacts',
];

/**
 * The facts of a well-run e-license from CI, observed a minute ago: no
 * findings, a clean OpenSSF Scorecard of `openssf` points a check, no
 * vulnerabilities, approved crypto and login.
 */
function cleanFacts(openssf = 10, observedAt = new Date(Date.now() - 60_000)) {
  const at = observedAt.toISOString();
  const fact = (type: string, value: object) => ({
    systemRef: SYSTEMS.eLicense,
    type,
    source: 'ci:gitlab',
    observedAt: at,
    value,
  });
  return [
    fact('findings', { findings: [] }),
    fact('openssf-scorecard', {
      score: openssf,
      checks: OPENSSF_CHECKS.map(name => ({ name, score: openssf })),
    }),
    fact('vulnerabilities', { critical: 0, high: 0, medium: 0, low: 0 }),
    fact('tls-probe', { approvedCrypto: true, governmentIdpLogin: true }),
  ];
}

/** The result of one check in a scorecard response. */
function check(body: any, checkId: string) {
  return body.result.checks.find((c: any) => c.checkId === checkId);
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'security readiness API on %s',
  databaseId => {
    let backend: Backend;
    let a: ReturnType<typeof api>;

    beforeEach(async () => {
      backend = await startSecurityReadinessBackend({
        knex: await databases.init(databaseId),
      });
      a = api(backend);
    });

    afterEach(async () => {
      await backend?.stop();
    });

    it('evaluates a registry system on its first read and shows each role its actions', async () => {
      const first = await a.scorecard(USERS.owner);
      expectStatus(first, 200);
      expect(first.body.result).toMatchObject({
        systemRef: SYSTEMS.eLicense,
        level: expect.stringMatching(/^(ready|conditional|not-ready)$/),
      });
      expect(first.body.result.checks).toHaveLength(13);
      expect(first.body.result.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(check(first.body, 'soc-monitoring')).toMatchObject({
        status: 'unknown',
        reason: { code: 'attestation-missing' },
      });
      expect(first.body.waivers).toEqual([]);
      expect(first.body.attestations).toEqual([]);
      expect(first.body.signOff).toBeUndefined();
      expect(first.body.allowedActions).toEqual(['request-waiver', 'evaluate']);

      // A second read is the stored result, not a new evaluation.
      const again = await a.scorecard(USERS.officer);
      expectStatus(again, 200);
      expect(again.body.result.evaluatedAt).toBe(first.body.result.evaluatedAt);
      expect(again.body.allowedActions).toEqual([
        'attest',
        'request-waiver',
        'decide-waiver',
        'sign-off',
        'evaluate',
      ]);
      expect((await a.scorecard(USERS.outsider)).body.allowedActions).toEqual([
        'evaluate',
      ]);
      expect((await a.scorecard(USERS.auditor)).body.allowedActions).toEqual(
        [],
      );

      const history = await a.get('/scorecards/default/e-license/history');
      expectStatus(history, 200);
      expect(history.body.items).toHaveLength(1);
      expect(history.body.items[0].changedChecks).toHaveLength(13);
    });

    it('answers 404 for systems that are not registry systems and 400 for malformed input', async () => {
      const plain = await a.scorecard(USERS.owner, 'internal-wiki');
      expectStatus(plain, 404);
      expect(plain.body.error.message).toContain(
        'system:default/internal-wiki',
      );
      expectStatus(await a.scorecard(USERS.owner, 'no-such-system'), 404);
      expectStatus(
        await a.get('/scorecards/default/no-such-system/history'),
        404,
      );

      const limit = await a.get('/scorecards?limit=0');
      expectStatus(limit, 400);
      expect(limit.body.error.message).toContain('limit');
      const level = await a.get('/scorecards?level=excellent');
      expectStatus(level, 400);
      expect(level.body.error.message).toContain('level');
      const unknown = await a.post('/waivers', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        justification: 'x',
        expiresAt: inDays(30),
        approvedBy: USERS.officer,
      });
      expectStatus(unknown, 400);
      expect(unknown.body.error.message).toContain(
        'request/body/approvedBy is not a known field',
      );
      const nested = await a.post('/attestations', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { link: 'https://docs.example.kz/soc.pdf' },
      });
      expectStatus(nested, 400);
      expect(nested.body.error.message).toContain('request/body/evidence/link');
      const wrongKind = await a.post('/evaluate', {
        systemRef: 'group:default/mcriap',
      });
      expectStatus(wrongKind, 400);
      expect(wrongKind.body.error.message).toContain('systemRef');
      const badName = await a.post('/evaluate', {
        systemRef: "system:default/x' OR 1=1",
      });
      expectStatus(badName, 400);
      expect(badName.body.error.message).toContain(
        'systemRef is not a valid entity name',
      );
    });

    it('lets owners without the read permission see only their own systems', async () => {
      expectStatus(await a.scorecard(USERS.owner), 200);
      expectStatus(await a.scorecard(USERS.outsider, 'tax-portal'), 200);

      expectStatus(await a.scorecard(USERS.guest), 200);
      const other = await a.scorecard(USERS.guest, 'tax-portal');
      expectStatus(other, 403);
      expectStatus(
        await a.get('/scorecards/default/tax-portal/facts', USERS.guest),
        403,
      );
      const list = await a.get('/scorecards', USERS.guest);
      expectStatus(list, 200);
      expect(list.body.items.map((i: any) => i.systemRef)).toEqual([
        SYSTEMS.eLicense,
      ]);
      expectStatus(await a.get('/summary', USERS.guest), 403);
      expectStatus(await a.get('/review-queue', USERS.guest), 403);

      const all = await a.get('/scorecards', USERS.auditor);
      expectStatus(all, 200);
      expect(all.body).toMatchObject({ totalCount: 2 });
      expect(all.body.items).toEqual([
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          title: 'Е-лицензирование',
          stateBodyRef: STATE_BODY,
        }),
        expect.objectContaining({
          systemRef: SYSTEMS.taxPortal,
          stateBodyRef: OTHER_BODY,
        }),
      ]);
      const byBody = await a.get(
        `/scorecards?stateBody=${encodeURIComponent(OTHER_BODY)}`,
        USERS.auditor,
      );
      expect(byBody.body.items.map((i: any) => i.systemRef)).toEqual([
        SYSTEMS.taxPortal,
      ]);

      // Campaigns of named checks ask which of them each system passes.
      const detail = await a.scorecard(USERS.auditor);
      const passing = detail.body.result.checks
        .filter((c: any) => c.status === 'pass')
        .map((c: any) => c.checkId);
      const failing = detail.body.result.checks
        .filter((c: any) => ['fail', 'partial', 'unknown'].includes(c.status))
        .map((c: any) => c.checkId);
      expect(passing.length).toBeGreaterThan(0);
      expect(failing.length).toBeGreaterThan(0);
      const withChecks = await a.get(
        `/scorecards?stateBody=${encodeURIComponent(STATE_BODY)}&checks=${[
          passing[0],
          failing[0],
        ].join(',')}`,
        USERS.auditor,
      );
      expect(withChecks.body.items).toEqual([
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          passedChecks: [passing[0]],
        }),
      ]);
      expect(all.body.items[0].passedChecks).toBeUndefined();
      expectStatus(
        await a.get('/scorecards?checks=Not%20a%20check', USERS.auditor),
        400,
      );
    });

    it('takes facts from CI with service credentials only, and they count from the next evaluation', async () => {
      const before = await a.scorecard();
      expect(check(before.body, 'overdue-findings').status).not.toBe('pass');

      const observedAt = new Date(Date.now() - 60_000).toISOString();
      const facts = [
        {
          systemRef: SYSTEMS.eLicense,
          type: 'findings',
          source: 'ci:gitlab',
          observedAt,
          value: { findings: [] },
        },
      ];
      const pushed = await a.pushFacts(facts);
      expectStatus(pushed, 202);
      expect(pushed.body).toEqual({ inserted: 1 });
      expect((await a.pushFacts(facts)).body).toEqual({ inserted: 0 });
      expect(backend.audit).toContainEqual({
        eventId: 'facts-push',
        meta: { count: '1' },
        outcome: 'success',
      });

      const stored = await a.get(
        '/scorecards/default/e-license/facts?type=findings',
      );
      expectStatus(stored, 200);
      expect(stored.body.items).toEqual([
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          type: 'findings',
          source: 'ci:gitlab',
          observedAt,
          value: { findings: [] },
        }),
      ]);

      const run = await a.post(
        '/evaluate',
        { systemRef: 'system:default/E-License' },
        USERS.owner,
      );
      expectStatus(run, 202);
      expect(run.body).toMatchObject({
        scope: { kind: 'system', systemRef: SYSTEMS.eLicense },
        trigger: 'manual',
        requestedBy: USERS.owner,
        status: 'succeeded',
        total: 1,
        done: 1,
        changed: 1,
      });
      const after = await a.scorecard();
      expect(check(after.body, 'overdue-findings')).toMatchObject({
        status: 'pass',
        score: 10,
        evidence: {
          facts: [{ type: 'findings', source: 'ci:gitlab', observedAt }],
        },
      });
      const recorded = await a.get(`/runs/${run.body.id}`, USERS.auditor);
      expectStatus(recorded, 200);
      expect(recorded.body).toEqual(run.body);
      expect(recorded.body).toMatchObject({
        status: 'succeeded',
        total: 1,
        done: 1,
        changed: 1,
        finishedAt: expect.any(String),
      });
    });

    it('refuses facts from people, from services without the permission, and oversized or malformed facts', async () => {
      const fact = {
        systemRef: SYSTEMS.eLicense,
        type: 'findings',
        source: 'ci:gitlab',
        observedAt: new Date().toISOString(),
        value: { findings: [] },
      };
      const byPerson = await a.post('/facts', { facts: [fact] });
      expectStatus(byPerson, 403);

      const big = await a.pushFacts([
        { ...fact, value: { blob: 'x'.repeat(300 * 1024) } },
      ]);
      expectStatus(big, 400);
      expect(big.body.error.message).toContain('facts[0].value');

      const group = await a.pushFacts([
        fact,
        { ...fact, systemRef: 'group:default/mcriap' },
      ]);
      expectStatus(group, 400);
      expect(group.body.error.message).toContain('facts[1].systemRef');

      const future = await a.pushFacts([{ ...fact, observedAt: inDays(2) }]);
      expectStatus(future, 400);
      expect(future.body.error.message).toContain('facts[0].observedAt');

      const tooMany = await a.pushFacts(
        Array.from({ length: 1001 }, () => fact),
      );
      expectStatus(tooMany, 400);
      expect(tooMany.body.error.message).toContain('facts');

      backend.grants[CI_SERVICE] = ['security-readiness.scorecard.read'];
      const denied = await a.pushFacts([fact]);
      expectStatus(denied, 403);
      expect(denied.body.error.message).toContain(
        'security-readiness.fact.create',
      );
      expect(
        (await a.get('/scorecards/default/e-license/facts?type=findings')).body
          .items,
      ).toEqual([]);
    });

    it('records an officer attestation as the caller, and the score and level follow', async () => {
      const before = await a.scorecard();
      const attested = await a.post('/attestations', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {
          url: 'https://docs.example.kz/soc-contract.pdf',
          sha256: SHA.toUpperCase(),
          notes: 'Договор с ОЦИБ № 12',
        },
        attestedBy: USERS.owner,
      });
      expectStatus(attested, 201);
      expect(attested.body).toMatchObject({
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        attestedBy: USERS.officer,
        evidence: { sha256: SHA },
      });
      // The default validity: 12 months.
      const months = DateTime.fromISO(attested.body.expiresAt).diff(
        DateTime.fromISO(attested.body.attestedAt),
        'months',
      ).months;
      expect(months).toBeCloseTo(12, 5);

      const after = await a.scorecard();
      expect(check(after.body, 'soc-monitoring')).toMatchObject({
        status: 'pass',
        score: 10,
        reason: { code: 'attested' },
        evidence: { attestationId: attested.body.id },
      });
      expect(after.body.result.score).toBeGreaterThan(before.body.result.score);
      expect(after.body.attestations).toEqual([
        expect.objectContaining({ id: attested.body.id }),
      ]);
      expect(backend.audit).toContainEqual({
        eventId: 'attestation-create',
        meta: { systemRef: SYSTEMS.eLicense, checkId: 'soc-monitoring' },
        outcome: 'success',
      });
      const history = await a.get('/scorecards/default/e-license/history');
      expect(history.body.items[0].changedChecks).toEqual([
        expect.objectContaining({
          checkId: 'soc-monitoring',
          to: { status: 'pass', score: 10 },
        }),
      ]);
    });

    it('refuses attestations from non-officers and of checks that do not take them', async () => {
      const body = {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 8,
        evidence: { notes: 'SOC connected' },
      };
      const byOwner = await a.post('/attestations', body, USERS.owner);
      expectStatus(byOwner, 403);
      expect(backend.audit).toContainEqual({
        eventId: 'attestation-create',
        meta: { systemRef: SYSTEMS.eLicense, checkId: 'soc-monitoring' },
        outcome: 'failure',
      });

      // Changes other than facts need a person, not a token.
      const byService = await request(backend.server)
        .post(`${BASE}/attestations`)
        .set('Authorization', asService())
        .send(body);
      expectStatus(byService, 403);

      const automatic = await a.post('/attestations', {
        ...body,
        checkId: 'test-act',
      });
      expectStatus(automatic, 400);
      expect(automatic.body.error.message).toContain("checkId 'test-act'");

      const unknown = await a.post('/attestations', {
        ...body,
        checkId: 'no-such-check',
      });
      expectStatus(unknown, 400);
      expect(unknown.body.error.message).toContain('checkId');

      const badHash = await a.post('/attestations', {
        ...body,
        evidence: { sha256: 'abc' },
      });
      expectStatus(badHash, 400);
      expect(badHash.body.error.message).toContain('sha256');

      const tooLong = await a.post('/attestations', {
        ...body,
        expiresAt: inDays(400),
      });
      expectStatus(tooLong, 400);
      expect(tooLong.body.error.message).toContain('expiresAt');

      const past = await a.post('/attestations', {
        ...body,
        expiresAt: inDays(-1),
      });
      expectStatus(past, 400);
      expect(past.body.error.message).toContain('expiresAt');

      const outOfRange = await a.post('/attestations', { ...body, result: 11 });
      expectStatus(outOfRange, 400);
      expect(outOfRange.body.error.message).toContain('result');

      const stale = await a.post('/attestations', {
        ...body,
        checkId: 'restore-and-exercise',
        evidence: { performedOn: '2020-01-10' },
      });
      expectStatus(stale, 400);
      expect(stale.body.error.message).toContain('evidence.performedOn');

      expect((await a.scorecard()).body.attestations).toEqual([]);
    });

    it('takes a waiver from the owner to a decision by another officer, and the check leaves the score', async () => {
      const waiver = {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        justification: 'SOC connection is contracted for next quarter',
        expiresAt: inDays(90),
      };
      const notOwner = await a.post('/waivers', waiver, USERS.outsider);
      expectStatus(notOwner, 403);
      expect(notOwner.body.error.message).toContain('owner');

      const requested = await a.post(
        '/waivers',
        { ...waiver, requestedBy: USERS.officer },
        USERS.owner,
      );
      expectStatus(requested, 201);
      expect(requested.body).toMatchObject({
        status: 'requested',
        requestedBy: USERS.owner,
        checkId: 'soc-monitoring',
      });
      const id = requested.body.id;
      expectStatus(await a.post('/waivers', waiver, USERS.owner), 409);

      const queue = await a.get('/review-queue', USERS.officer);
      expectStatus(queue, 200);
      expect(queue.body.pendingWaivers).toEqual([
        expect.objectContaining({ id }),
      ]);

      // The owner may not decide; nor may an officer decide their own.
      expectStatus(
        await a.post(
          `/waivers/${id}/decision`,
          { decision: 'granted' },
          USERS.owner,
        ),
        403,
      );
      const noComment = await a.post(`/waivers/${id}/decision`, {
        decision: 'rejected',
      });
      expectStatus(noComment, 400);
      expect(noComment.body.error.message).toContain('comment');
      const longer = await a.post(`/waivers/${id}/decision`, {
        decision: 'granted',
        expiresAt: inDays(120),
      });
      expectStatus(longer, 400);
      expect(longer.body.error.message).toContain('expiresAt');

      const before = await a.scorecard();
      const shorter = inDays(60);
      const granted = await a.post(`/waivers/${id}/decision`, {
        decision: 'granted',
        expiresAt: shorter,
        comment: 'Until the SOC contract starts',
        decidedBy: USERS.officer2,
      });
      expectStatus(granted, 200);
      expect(granted.body).toMatchObject({
        id,
        status: 'granted',
        decidedBy: USERS.officer,
        decisionComment: 'Until the SOC contract starts',
        expiresAt: new Date(shorter).toISOString(),
      });
      const again = await a.post(
        `/waivers/${id}/decision`,
        { decision: 'rejected', comment: 'changed my mind' },
        USERS.officer2,
      );
      expectStatus(again, 409);

      const after = await a.scorecard();
      expect(check(after.body, 'soc-monitoring')).toMatchObject({
        status: 'waived',
        score: null,
        weight: 0,
        waiverId: id,
      });
      expect(after.body.result.score).toBeGreaterThan(before.body.result.score);
      expect(after.body.waivers).toEqual([
        expect.objectContaining({ id, status: 'granted' }),
      ]);
      expect(
        (await a.get('/review-queue', USERS.officer)).body.pendingWaivers,
      ).toEqual([]);
      expect(backend.audit.filter(e => e.eventId === 'waiver-decide')).toEqual([
        expect.objectContaining({ outcome: 'failure' }),
        expect.objectContaining({ outcome: 'failure' }),
        expect.objectContaining({ outcome: 'failure' }),
        {
          eventId: 'waiver-decide',
          meta: { waiverId: id, decision: 'granted' },
          outcome: 'success',
        },
        expect.objectContaining({ outcome: 'failure' }),
      ]);
    });

    it('refuses a decision by the requester, and a waiver beyond 12 months or of a check that does not apply', async () => {
      const waiver = {
        systemRef: SYSTEMS.taxPortal,
        checkId: 'soc-monitoring',
        justification: 'Migration to the platform SOC in progress',
        expiresAt: inDays(30),
      };
      // An officer may request a waiver of any system…
      const own = await a.post('/waivers', waiver, USERS.officer);
      expectStatus(own, 201);
      // …but not decide it.
      const self = await a.post(`/waivers/${own.body.id}/decision`, {
        decision: 'granted',
      });
      expectStatus(self, 403);
      expect(self.body.error.message).toContain('requester');
      const rejected = await a.post(
        `/waivers/${own.body.id}/decision`,
        { decision: 'rejected', comment: 'Connect to the SOC first' },
        USERS.officer2,
      );
      expectStatus(rejected, 200);
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        decidedBy: USERS.officer2,
      });
      expect(
        check(
          (await a.scorecard(USERS.officer, 'tax-portal')).body,
          'soc-monitoring',
        ).status,
      ).not.toBe('waived');

      const tooLong = await a.post(
        '/waivers',
        { ...waiver, expiresAt: inDays(400) },
        USERS.outsider,
      );
      expectStatus(tooLong, 400);
      expect(tooLong.body.error.message).toContain('expiresAt');
      const past = await a.post(
        '/waivers',
        { ...waiver, expiresAt: inDays(-1) },
        USERS.outsider,
      );
      expectStatus(past, 400);
      expect(past.body.error.message).toContain('expiresAt');
      const unknown = await a.post(
        '/waivers',
        { ...waiver, checkId: 'no-such-check' },
        USERS.outsider,
      );
      expectStatus(unknown, 400);
      expect(unknown.body.error.message).toContain('checkId');
      const notApplicable = await a.post(
        '/waivers',
        { ...waiver, checkId: 'restore-and-exercise' },
        USERS.outsider,
      );
      expectStatus(notApplicable, 400);
      expect(notApplicable.body.error.message).toContain('does not apply');
      expectStatus(
        await a.post(
          '/waivers/no-such-waiver/decision',
          { decision: 'granted' },
          USERS.officer2,
        ),
        404,
      );
    });

    it('signs off the reviewed evidence only, and keeps the signed results frozen', async () => {
      const reviewed = await a.scorecard(USERS.officer);
      const hash = reviewed.body.result.inputsHash;

      const stale = await a.post('/signoffs', {
        systemRef: SYSTEMS.eLicense,
        evidenceHash: 'f'.repeat(64),
      });
      expectStatus(stale, 409);
      expectStatus(
        await a.post(
          '/signoffs',
          { systemRef: SYSTEMS.eLicense, evidenceHash: hash },
          USERS.owner,
        ),
        403,
      );

      const queued = await a.get('/review-queue', USERS.officer);
      expect(
        queued.body.awaitingSignOff.map((s: any) => s.systemRef),
      ).toContain(SYSTEMS.eLicense);

      const signed = await a.post('/signoffs', {
        systemRef: SYSTEMS.eLicense,
        evidenceHash: hash,
        comment: 'Reviewed with the owner',
        signedBy: USERS.owner,
      });
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({
        systemRef: SYSTEMS.eLicense,
        level: reviewed.body.result.level,
        score: reviewed.body.result.score,
        signedBy: USERS.officer,
        evidenceHash: hash,
        comment: 'Reviewed with the owner',
      });
      expect(signed.body.results).toEqual(reviewed.body.result.checks);
      expect(
        (await a.get('/review-queue', USERS.officer)).body.awaitingSignOff.map(
          (s: any) => s.systemRef,
        ),
      ).not.toContain(SYSTEMS.eLicense);

      // New evidence changes the result; the sign-off keeps what was seen.
      expectStatus(
        await a.post('/attestations', {
          systemRef: SYSTEMS.eLicense,
          checkId: 'soc-monitoring',
          result: 'pass',
          evidence: { notes: 'SOC connected' },
        }),
        201,
      );
      const now = await a.scorecard(USERS.officer);
      expect(now.body.result.inputsHash).not.toBe(hash);
      expect(now.body.signOff).toMatchObject({ id: signed.body.id });
      expect(now.body.signOff.results).toEqual(reviewed.body.result.checks);
      expect(check(now.body, 'soc-monitoring').status).toBe('pass');
      expect(
        now.body.signOff.results.find(
          (c: any) => c.checkId === 'soc-monitoring',
        ).status,
      ).toBe('unknown');
      const list = await a.get('/scorecards/default/e-license/signoffs');
      expectStatus(list, 200);
      expect(list.body.items).toEqual([signed.body]);
      const awaiting = (await a.get('/review-queue', USERS.officer)).body
        .awaitingSignOff;
      expect(awaiting).toContainEqual(
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          level: now.body.result.level,
          signedLevel: reviewed.body.result.level,
        }),
      );
      expectStatus(
        await a.post('/signoffs', {
          systemRef: SYSTEMS.eLicense,
          evidenceHash: hash,
        }),
        409,
      );

      // Another officer signs off the new evidence: both sign-offs are
      // kept, newest first, and the list shows the latest signed level.
      const resigned = await a.post(
        '/signoffs',
        {
          systemRef: SYSTEMS.eLicense,
          evidenceHash: now.body.result.inputsHash,
        },
        USERS.officer2,
      );
      expectStatus(resigned, 201);
      const both = await a.get(
        '/scorecards/default/e-license/signoffs',
        USERS.auditor,
      );
      expectStatus(both, 200);
      expect(both.body.items).toEqual([resigned.body, signed.body]);
      expect(
        (await a.get('/scorecards/default/e-license/signoffs?limit=1')).body
          .items,
      ).toEqual([resigned.body]);
      expectStatus(
        await a.get('/scorecards/default/e-license/signoffs?limit=0'),
        400,
      );
      expectStatus(
        await a.get('/scorecards/default/tax-portal/signoffs', USERS.guest),
        403,
      );
      expect(
        (await a.get('/scorecards/default/tax-portal/signoffs')).body.items,
      ).toEqual([]);
      expectStatus(await a.scorecard(USERS.officer, 'tax-portal'), 200);
      const listed = await a.get('/scorecards', USERS.auditor);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          level: now.body.result.level,
          signedLevel: now.body.result.level,
        }),
        expect.objectContaining({ systemRef: SYSTEMS.taxPortal }),
      ]);
      expect(listed.body.items[1]).not.toHaveProperty('signedLevel');
      expect(
        (await a.get('/review-queue', USERS.officer)).body.awaitingSignOff.map(
          (s: any) => s.systemRef,
        ),
      ).not.toContain(SYSTEMS.eLicense);
    });

    it('records a one-system evaluation as a finished run with its counts, which the evaluate task leaves alone', async () => {
      const first = await a.post(
        '/evaluate',
        { systemRef: SYSTEMS.eLicense },
        USERS.owner,
      );
      expectStatus(first, 202);
      expect(first.body).toEqual({
        id: expect.any(String),
        scope: { kind: 'system', systemRef: SYSTEMS.eLicense },
        trigger: 'manual',
        requestedBy: USERS.owner,
        status: 'succeeded',
        total: 1,
        done: 1,
        changed: 1,
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
      });
      // Nothing new: the next evaluation changes nothing.
      const second = await a.post(
        '/evaluate',
        { systemRef: SYSTEMS.eLicense },
        USERS.owner,
      );
      expectStatus(second, 202);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body).toMatchObject({ status: 'succeeded', changed: 0 });
      expect(
        (await a.get(`/runs/${second.body.id}`, USERS.auditor)).body,
      ).toEqual(second.body);
      const history = await a.get('/scorecards/default/e-license/history');
      expect(history.body.items).toHaveLength(1);
      // The API does not ask the task to run for one system.
      expect(backend.triggered).toEqual([]);

      // A system that is not in the register leaves no run behind.
      expectStatus(
        await a.post('/evaluate', {
          systemRef: 'system:default/internal-wiki',
        }),
        404,
      );

      // The evaluate task finds no queued run: it makes its scheduled run of
      // all systems and leaves the finished ones as they were.
      await backend.runTask(EVALUATE_TASK_ID);
      const runs = await a.get('/runs', USERS.auditor);
      expectStatus(runs, 200);
      expect(runs.body.items).toEqual([
        expect.objectContaining({
          scope: { kind: 'all' },
          trigger: 'schedule',
          status: 'succeeded',
          total: 2,
          done: 2,
          changed: 1,
        }),
        second.body,
        first.body,
      ]);
    });

    it('tells the owner and the signing officer once when a system drops below its signed-off level', async () => {
      expectStatus(await a.pushFacts(cleanFacts()), 202);
      const reviewed = await a.scorecard(USERS.officer);
      expect(reviewed.body.result.level).toBe('conditional');
      const signed = await a.post('/signoffs', {
        systemRef: SYSTEMS.eLicense,
        evidenceHash: reviewed.body.result.inputsHash,
        comment: 'Conditionally ready until the SOC is connected',
      });
      expectStatus(signed, 201);

      // No drop yet: nothing to tell.
      await backend.runTask(MAINTENANCE_TASK_ID);
      expect(backend.sent).toEqual([]);

      // The repository's OpenSSF Scorecard collapses (branch protection,
      // SAST and pinned dependencies gone); the next scheduled evaluation
      // sees it.
      expectStatus(
        await a.pushFacts(cleanFacts(0, new Date(Date.now() - 1000))),
        202,
      );
      await backend.runTask(EVALUATE_TASK_ID);
      const dropped = await a.scorecard(USERS.officer);
      expect(dropped.body.result.level).toBe('not-ready');
      expect(dropped.body.signOff).toMatchObject({
        id: signed.body.id,
        level: 'conditional',
      });
      const listed = await a.get('/scorecards?level=not-ready', USERS.auditor);
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({
          systemRef: SYSTEMS.eLicense,
          level: 'not-ready',
          signedLevel: 'conditional',
        }),
      );

      await backend.runTask(MAINTENANCE_TASK_ID);
      // One notice, to the owner's group (its members) and the officer
      // who signed, all of whom read the default language.
      expect(backend.sent).toHaveLength(1);
      const [notice] = backend.sent;
      expect(notice.recipients).toEqual({
        type: 'entity',
        entityRef: [USERS.owner, USERS.guest, USERS.officer],
      });
      expect(notice.payload).toMatchObject({
        title: 'Готовность снизилась: Е-лицензирование',
        link: '/catalog/default/system/e-license/security-readiness',
        topic: 'security-readiness',
        severity: 'high',
      });
      expect(notice.payload.description).toContain('«условно готова»');
      expect(notice.payload.description).toContain('«не готова»');
      for (const who of [USERS.owner, USERS.officer]) {
        expect(
          backend.sent.filter(
            n =>
              n.recipients.type === 'entity' &&
              [n.recipients.entityRef].flat().includes(who),
          ),
        ).toHaveLength(1);
      }

      // Told once: the next runs send nothing, even after another evaluation.
      await backend.runTask(MAINTENANCE_TASK_ID);
      await backend.runTask(EVALUATE_TASK_ID);
      await backend.runTask(MAINTENANCE_TASK_ID);
      expect(backend.sent).toHaveLength(1);
    });

    it('queues one evaluation of all systems, which the task runs, and summarises the result', async () => {
      const first = await a.post('/evaluate', {}, USERS.owner);
      expectStatus(first, 202);
      expect(first.body).toMatchObject({
        scope: { kind: 'all' },
        trigger: 'manual',
        requestedBy: USERS.owner,
        status: 'queued',
      });
      expect(backend.triggered).toEqual([EVALUATE_TASK_ID]);
      const second = await a.post('/evaluate', {}, USERS.officer);
      expect(second.body.id).toBe(first.body.id);
      expectStatus(await a.post('/evaluate', {}, USERS.auditor), 403);

      await backend.runTask(EVALUATE_TASK_ID);
      const run = await a.get(`/runs/${first.body.id}`, USERS.auditor);
      expectStatus(run, 200);
      expect(run.body).toMatchObject({
        status: 'succeeded',
        total: 2,
        done: 2,
        changed: 2,
      });
      const runs = await a.get('/runs', USERS.auditor);
      expect(runs.body.items.map((r: any) => r.id)).toContain(first.body.id);
      expectStatus(await a.get('/runs/no-such-run', USERS.auditor), 404);

      const summary = await a.get('/summary?days=30', USERS.auditor);
      expectStatus(summary, 200);
      expect(summary.body.total).toBe(2);
      const byLevel = summary.body.byLevel;
      expect(byLevel.ready + byLevel.conditional + byLevel['not-ready']).toBe(
        2,
      );
      expect(
        summary.body.byStateBody.map((b: any) => b.stateBodyRef).sort(),
      ).toEqual([STATE_BODY, OTHER_BODY]);
      const today = DateTime.now().setZone('Asia/Almaty').toISODate();
      expect(summary.body.trend).toEqual([
        expect.objectContaining({ date: today, byLevel }),
      ]);
      expectStatus(await a.get('/summary', USERS.guest), 403);
      expectStatus(await a.get('/summary?days=0', USERS.auditor), 400);
    });

    it('refuses a sign-off by an attester of the result, and attesting or signing off by the owning body', async () => {
      const attested = await a.post('/attestations', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { notes: 'Договор с ОЦИБ № 12' },
      });
      expectStatus(attested, 201);
      const card = await a.scorecard(USERS.officer);
      expect(card.body.allowedActions).not.toContain('sign-off');
      const hash = card.body.result.inputsHash;
      const own = await a.post('/signoffs', {
        systemRef: SYSTEMS.eLicense,
        evidenceHash: hash,
      });
      expectStatus(own, 403);
      expect(own.body.error.message).toBe(
        'Separation of duties: you attested soc-monitoring of system:default/e-license; someone who attested none of its checks must sign off the result',
      );
      // A member of mcriap, which owns e-license, with every permission.
      backend.grants[USERS.guest] = backend.grants[USERS.officer];
      expect((await a.scorecard(USERS.guest)).body.allowedActions).toEqual([
        'request-waiver',
        'evaluate',
      ]);
      for (const [path, body] of [
        [
          '/attestations',
          {
            systemRef: SYSTEMS.eLicense,
            checkId: 'security-governance',
            result: 'pass',
            evidence: { notes: 'Приказ о назначении' },
          },
        ],
        ['/signoffs', { systemRef: SYSTEMS.eLicense, evidenceHash: hash }],
      ] as const) {
        const res = await a.post(path, body, USERS.guest);
        expectStatus(res, 403);
        expect(res.body.error.message).toMatch(
          /^Conflict of interest: you are a member of group:default\/mcriap, the body that owns system:default\/e-license, and may not (attest|sign off) its scorecard$/,
        );
      }
      expectStatus(
        await a.post(
          '/signoffs',
          { systemRef: SYSTEMS.eLicense, evidenceHash: hash },
          USERS.officer2,
        ),
        201,
      );
    });

    it('refuses an attestation that would lift failing automatic facts, and evidence links that are not http(s)', async () => {
      const facts = cleanFacts().map(f =>
        f.type === 'tls-probe'
          ? { ...f, value: { approvedCrypto: false, governmentIdpLogin: true } }
          : f,
      );
      expectStatus(await a.pushFacts(facts), 202);
      const attest = (result: unknown, url?: string) =>
        a.post('/attestations', {
          systemRef: SYSTEMS.eLicense,
          checkId: 'crypto-and-login',
          result,
          evidence: { notes: 'Проверено вручную', ...(url ? { url } : {}) },
        });
      const lifted = await attest('pass');
      expectStatus(lifted, 403);
      expect(lifted.body.error.message).toBe(
        'The automatic facts of crypto-and-login fail (score 5 of 10); an attestation may not overrule them: fix the finding or request a waiver',
      );
      // Confirming the failure (or worse) is not lifting it.
      expectStatus(await attest(5), 201);
      for (const url of [
        // eslint-disable-next-line no-script-url
        'javascript:alert(1)',
        'data:text/html,x',
        'file:///etc/passwd',
      ]) {
        const res = await a.post('/attestations', {
          systemRef: SYSTEMS.eLicense,
          checkId: 'soc-monitoring',
          result: 'pass',
          evidence: { url },
        });
        expect(res.status).toBe(400);
      }
    });

    it('lets officers decide waivers of their own body only when allowOwnBody is on', async () => {
      backend.grants[USERS.guest] = backend.grants[USERS.officer];
      const waiver = await a.post('/waivers', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        justification: 'ОЦИБ подключается',
        expiresAt: inDays(30),
      });
      expectStatus(waiver, 201);
      const decide = () =>
        a.post(
          `/waivers/${waiver.body.id}/decision`,
          { decision: 'granted' },
          USERS.guest,
        );
      const refused = await decide();
      expectStatus(refused, 403);
      expect(refused.body.error.message).toContain(
        'system:default/e-license belongs to your own body group:default/mcriap',
      );

      await backend.stop();
      backend = await startSecurityReadinessBackend({
        knex: backend.knex,
        config: { securityReadiness: { allowOwnBody: true } },
      });
      a = api(backend);
      backend.grants[USERS.guest] = backend.grants[USERS.officer];
      expectStatus(await decide(), 200);
    });

    it('binds a static token to its source and systems, reserves collector names and refuses facts from the future', async () => {
      await backend.stop();
      backend = await startSecurityReadinessBackend({
        knex: backend.knex,
        config: {
          securityReadiness: {
            facts: { maxClockSkewMinutes: 1 },
            factSources: [
              {
                subject: 'test-service',
                source: 'ci:gitlab',
                ownerGroups: [OTHER_BODY],
              },
            ],
          },
        },
      });
      a = api(backend);
      const fact = (extra: object) => ({
        systemRef: SYSTEMS.taxPortal,
        type: 'findings',
        source: 'ci:gitlab',
        observedAt: new Date(Date.now() - 60_000).toISOString(),
        value: { findings: [] },
        ...extra,
      });
      const cases: Array<[object, number, string]> = [
        [
          { systemRef: SYSTEMS.eLicense },
          403,
          'The token of test-service may not report on system:default/e-license (owned by group:default/mcriap): it is bound to group:default/minfin',
        ],
        [
          { source: 'http:trivy' },
          403,
          "facts[0].source 'http:trivy' is the name of a collector of the backend; facts pushed through the API may not use it",
        ],
        [{ source: 'entity' }, 403, 'is the name of a collector'],
        [{ source: 'ci:other' }, 403, "facts[0].source must be 'ci:gitlab'"],
        [
          { observedAt: new Date(Date.now() + 3 * 60_000).toISOString() },
          400,
          'at most 1 minutes ahead',
        ],
      ];
      for (const [extra, status, message] of cases) {
        const res = await a.pushFacts([fact(extra)]);
        expectStatus(res, status);
        expect(res.body.error.message).toContain(message);
      }
      expectStatus(await a.pushFacts([fact({})]), 202);
      const stored = await a.get(
        '/scorecards/default/tax-portal/facts',
        USERS.auditor,
      );
      expect(stored.body.items.map((f: any) => f.source)).toEqual([
        'ci:gitlab',
      ]);

      // A token that config binds to nothing reports nothing.
      await backend.stop();
      backend = await startSecurityReadinessBackend({
        knex: backend.knex,
        config: {},
      });
      a = api(backend);
      const unbound = await a.pushFacts([fact({})]);
      expectStatus(unbound, 403);
      expect(unbound.body.error.message).toContain(
        'The token of test-service is bound to no fact source',
      );
    });

    it('shows raw evidence to the owning body, officers and auditors only, in single reads and the review queue', async () => {
      expectStatus(await a.pushFacts(cleanFacts()), 202);
      const attested = await a.post('/attestations', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {
          url: 'https://docs.example.kz/soc.pdf',
          sha256: SHA,
        },
        // Expiring soon, so that the review queue lists it.
        expiresAt: inDays(5),
      });
      expectStatus(attested, 201);
      const waiver = await a.post('/waivers', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'security-governance',
        justification: 'Документы на согласовании',
        expiresAt: inDays(30),
      });
      expectStatus(waiver, 201);

      for (const user of [USERS.owner, USERS.officer, USERS.auditor]) {
        const facts = await a.get('/scorecards/default/e-license/facts', user);
        expectStatus(facts, 200);
        expect(facts.body.items.length).toBeGreaterThan(0);
        const card = await a.scorecard(user);
        expect(card.body.attestations).toEqual([
          expect.objectContaining({ id: attested.body.id }),
        ]);
        expect(card.body.waivers).toEqual([
          expect.objectContaining({ id: waiver.body.id }),
        ]);
        const queue = await a.get('/review-queue', user);
        expect(queue.body.expiringAttestations.map((x: any) => x.id)).toEqual([
          attested.body.id,
        ]);
        expect(queue.body.pendingWaivers.map((x: any) => x.id)).toEqual([
          waiver.body.id,
        ]);
      }

      // Of another body: the summary, not the evidence.
      const outsider = USERS.outsider;
      const facts = await a.get(
        '/scorecards/default/e-license/facts',
        outsider,
      );
      expectStatus(facts, 403);
      expect(facts.body.error.message).toContain(
        'security-readiness.evidence.read of system:default/e-license',
      );
      const card = await a.scorecard(outsider);
      expectStatus(card, 200);
      expect(card.body.result.score).toEqual(expect.any(Number));
      expect(card.body.attestations).toEqual([]);
      expect(card.body.waivers).toEqual([]);
      expect(check(card.body, 'soc-monitoring').evidence).toEqual({
        summary: expect.any(String),
      });
      const queue = await a.get('/review-queue', outsider);
      expectStatus(queue, 200);
      expect(queue.body.expiringAttestations).toEqual([]);
      expect(queue.body.pendingWaivers).toEqual([]);
      // Their own body's system still shows (it has none here).
      expectStatus(
        await a.get('/scorecards/default/tax-portal/facts', outsider),
        200,
      );
    });

    it('lists expiring attestations in the review queue', async () => {
      const soon = await a.post('/attestations', {
        systemRef: SYSTEMS.eLicense,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { notes: 'SOC contract ends soon' },
        expiresAt: inDays(10),
      });
      expectStatus(soon, 201);
      expectStatus(
        await a.post('/attestations', {
          systemRef: SYSTEMS.taxPortal,
          checkId: 'soc-monitoring',
          result: 'pass',
          evidence: { notes: 'SOC contract for a year' },
        }),
        201,
      );
      const queue = await a.get('/review-queue', USERS.auditor);
      expectStatus(queue, 200);
      expect(queue.body.expiringAttestations).toEqual([
        expect.objectContaining({ id: soon.body.id }),
      ]);
    });
  },
);
