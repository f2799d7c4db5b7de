import request from 'supertest';
import { databases, dropDatabases } from '../authz/__testUtils__/demoBackend';
import { Fixtures, SYSTEM_OF } from '../authz/__testUtils__/fixtures';
import {
  CI_BODY,
  CI_SOURCE,
  CI_TOKEN,
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

// Issue 15, security readiness: each way an insider could grade a system by
// what they type is one test, through the HTTP API with real sign-in tokens,
// the real role policy and the real CI static token (app-config.production
// binds it to one owner body), on SQLite and PostgreSQL.

jest.setTimeout(180_000);

/** Security officers of examples/org/people.yaml and their bodies. */
const OFFICER_MCRIAP = 'yerzhan.baizhanov';
const OFFICER_GTS = 'arman.kenzhebekov';
/** A system of neither officer's body, which the CI token may report on. */
const NEUTRAL = `system:default/${SYSTEM_OF[CI_BODY]}`;
/** A system of mcriap (the first officer's body). */
const MCRIAP_SYSTEM = `system:default/${SYSTEM_OF.mcriap}`;
const API = '/api/security-readiness';

describe.each(databases('qaztech_insiders_readiness_'))(
  'readiness insiders on %s',
  (_name, database) => {
    let backend: SuiteBackend;
    let fixtures: Fixtures;

    beforeAll(async () => {
      backend = await startSuiteBackend(database);
      fixtures = new Fixtures(backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
    });

    async function as(user: string) {
      const token = await fixtures.token(user);
      const auth = (r: request.Test) =>
        r.set('authorization', `Bearer ${token}`);
      return {
        get: (path: string) =>
          auth(request(backend.server).get(`${API}${path}`)),
        post: (path: string, body: object) =>
          auth(request(backend.server).post(`${API}${path}`)).send(body),
      };
    }

    const ci = (facts: object[]) =>
      request(backend.server)
        .post(`${API}/facts`)
        .set('authorization', `Bearer ${CI_TOKEN}`)
        .send({ facts });

    const scorecardPath = (ref: string) =>
      `/scorecards/${ref.replace(/^system:/, '')}`;

    function refused(res: request.Response, status: number, text: RegExp) {
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status,
          message: expect.stringMatching(text),
        },
      );
    }

    it('an officer who attested a check of a result cannot sign that result off', async () => {
      const arman = await as(OFFICER_GTS);
      const attested = await arman.post('/attestations', {
        systemRef: NEUTRAL,
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { notes: 'Подключено к ОЦИБ, акт № 7.' },
      });
      expect(attested.status).toBe(201);
      const card = await arman.get(scorecardPath(NEUTRAL));
      expect(card.status).toBe(200);
      expect(card.body.allowedActions).not.toContain('sign-off');
      const hash = card.body.result.inputsHash;

      refused(
        await arman.post('/signoffs', {
          systemRef: NEUTRAL,
          evidenceHash: hash,
        }),
        403,
        /you attested soc-monitoring of system:default\/osms/,
      );
      // A second officer, of another body, may.
      const yerzhan = await as(OFFICER_MCRIAP);
      const signed = await yerzhan.post('/signoffs', {
        systemRef: NEUTRAL,
        evidenceHash: hash,
      });
      expect(signed.status).toBe(201);
    });

    it('an attestation cannot turn failing automatic facts into a pass', async () => {
      const pushed = await ci([
        {
          systemRef: NEUTRAL,
          type: 'tls-probe',
          source: CI_SOURCE,
          observedAt: new Date(Date.now() - 60_000).toISOString(),
          value: { approvedCrypto: false, governmentIdpLogin: true },
        },
      ]);
      expect(pushed.status).toBe(202);
      const arman = await as(OFFICER_GTS);
      await arman.post('/evaluate', { systemRef: NEUTRAL }).expect(202);

      refused(
        await arman.post('/attestations', {
          systemRef: NEUTRAL,
          checkId: 'crypto-and-login',
          result: 'pass',
          evidence: { notes: 'TLS в порядке, проверено вручную.' },
        }),
        403,
        /automatic facts of crypto-and-login fail.*request a waiver/,
      );
      const card = await arman.get(scorecardPath(NEUTRAL));
      const check = card.body.result.checks.find(
        (c: { checkId: string }) => c.checkId === 'crypto-and-login',
      );
      expect(check).toMatchObject({ status: 'partial', score: 5 });
    });

    it('an officer cannot attest, sign off or decide waivers of their own body’s systems', async () => {
      const yerzhan = await as(OFFICER_MCRIAP);
      const arman = await as(OFFICER_GTS);
      const card = await yerzhan.get(scorecardPath(MCRIAP_SYSTEM));
      expect(card.status).toBe(200);
      expect(card.body.allowedActions).not.toEqual(
        expect.arrayContaining(['attest']),
      );

      refused(
        await yerzhan.post('/attestations', {
          systemRef: MCRIAP_SYSTEM,
          checkId: 'soc-monitoring',
          result: 'pass',
          evidence: { notes: 'Своя система, всё хорошо.' },
        }),
        403,
        /member of group:default\/mcriap, the body that owns system:default\/shep/,
      );
      refused(
        await yerzhan.post('/signoffs', {
          systemRef: MCRIAP_SYSTEM,
          evidenceHash: card.body.result.inputsHash,
        }),
        403,
        /member of group:default\/mcriap.*may not sign off/,
      );
      const waiver = await arman.post('/waivers', {
        systemRef: MCRIAP_SYSTEM,
        checkId: 'security-governance',
        justification: 'Документы на согласовании.',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
      expect(waiver.status).toBe(201);
      refused(
        await yerzhan.post(`/waivers/${waiver.body.id}/decision`, {
          decision: 'granted',
        }),
        403,
        /belongs to your own body group:default\/mcriap/,
      );
    });

    it('the CI token can neither report on another body’s system nor pass its facts off as a collector’s', async () => {
      const fact = (systemRef: string, source: string) => ({
        systemRef,
        type: 'vulnerabilities',
        source,
        observedAt: new Date(Date.now() - 60_000).toISOString(),
        value: { critical: 0, high: 0, medium: 0, low: 0 },
      });
      refused(
        await ci([fact(MCRIAP_SYSTEM, CI_SOURCE)]),
        403,
        /may not report on system:default\/shep \(owned by group:default\/mcriap\)/,
      );
      // One forged fact in a batch refuses the batch.
      refused(
        await ci([fact(NEUTRAL, CI_SOURCE), fact(MCRIAP_SYSTEM, CI_SOURCE)]),
        403,
        /may not report on system:default\/shep/,
      );
      for (const source of ['http:trivy', 'entity', 'demo:examples']) {
        refused(
          await ci([fact(NEUTRAL, source)]),
          403,
          source === 'demo:examples'
            ? /must be 'ci:pipeline'/
            : /is the name of a collector/,
        );
      }
      refused(
        await ci([fact(NEUTRAL, 'ci:other')]),
        403,
        /must be 'ci:pipeline'/,
      );

      // Nothing of it was stored.
      const facts = await (
        await as(OFFICER_GTS)
      ).get(`${scorecardPath(MCRIAP_SYSTEM)}/facts?type=vulnerabilities`);
      expect(facts.status).toBe(200);
      expect(
        facts.body.items.filter(
          (f: { source: string }) => f.source !== 'demo:examples',
        ),
      ).toEqual([]);
      const own = await (
        await as(OFFICER_GTS)
      ).get(`${scorecardPath(NEUTRAL)}/facts?type=vulnerabilities`);
      expect(
        own.body.items.filter(
          (f: { source: string }) => f.source !== 'demo:examples',
        ),
      ).toEqual([]);
      // Its own body's system, with its own source, is accepted.
      expect((await ci([fact(NEUTRAL, CI_SOURCE)])).status).toBe(202);
    });

    it('a fact observed in the future, beyond the configured skew, is refused', async () => {
      const at = (ms: number) => ({
        systemRef: NEUTRAL,
        type: 'findings',
        source: CI_SOURCE,
        observedAt: new Date(Date.now() + ms).toISOString(),
        value: { findings: [] },
      });
      // Three minutes ahead: within the old fixed 5 minutes, beyond the
      // configured one (suiteBackend.ts).
      refused(await ci([at(3 * 60_000)]), 400, /observedAt is in the future/);
      refused(
        await ci([at(365 * 86_400_000)]),
        400,
        /observedAt is in the future/,
      );
      const facts = await (
        await as(OFFICER_GTS)
      ).get(`${scorecardPath(NEUTRAL)}/facts?type=findings`);
      expect(
        facts.body.items.filter(
          (f: { observedAt: string }) => Date.parse(f.observedAt) > Date.now(),
        ),
      ).toEqual([]);
    });
  },
);
