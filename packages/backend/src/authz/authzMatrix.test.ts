import request from 'supertest';
import { databases, dropDatabases } from './__testUtils__/demoBackend';
import {
  Fixtures,
  SYSTEM_OF,
  systemRefOf,
  day,
} from './__testUtils__/fixtures';
import {
  Expect,
  MATRIX,
  MatrixRow,
  OTHER_BODY,
  Ownership,
  PEOPLE,
  ROLES,
  Role,
  UNAUTHENTICATED,
  FORBIDDEN,
  expectOf,
  CellContext,
} from './__testUtils__/matrix';
import { routeKey, specRoutes } from './__testUtils__/routes';
import {
  CI_TOKEN,
  SuiteBackend,
  startSuiteBackend,
} from './__testUtils__/suiteBackend';
import {
  decodeJwt,
  signJwt,
  strangerKey,
  unsignedJwt,
} from './__testUtils__/tokens';

// One backend per database boots, loads the demo data and answers some
// thousand requests: far beyond jest's 5 s default.
jest.setTimeout(180_000);

/** Who makes the request of a cell. */
type Caller =
  | { kind: 'person'; role: Role }
  /** No credentials at all. */
  | { kind: 'anonymous' }
  /** No token; identity headers a proxy might set, naming the admin. */
  | { kind: 'forged-headers' }
  /** The admin's real token re-signed by the real key with `exp` passed. */
  | { kind: 'expired' }
  /** A service token issued for the catalog, not for the plugin called. */
  | { kind: 'other-plugin' }
  /** The admin's token claims with `alg: none` and no signature. */
  | { kind: 'unsigned' }
  /** The admin's token claims signed by a key the backend never saw. */
  | { kind: 'stranger-key' }
  /** A service token another plugin got for the plugin called. */
  | { kind: 'service' }
  /** The CI pipeline's static token, restricted to pushing facts. */
  | { kind: 'ci-token' };

interface Cell {
  name: string;
  rowIndex: number;
  ownership: Ownership;
  caller: Caller;
  expect: Expect;
}

function describeExpect(expect: Expect): string {
  if ('allow' in expect) return `allowed (${expect.allow})`;
  if ('deny' in expect) return `denied (${expect.deny})`;
  return `n/a`;
}

function rowName(row: MatrixRow): string {
  return `${routeKey(row)}${row.variant ? ` [${row.variant}]` : ''}`;
}

/** The cells of the table, in the order they run. */
function cells(): Cell[] {
  const list: Cell[] = [];
  const routesSeen = new Set<string>();
  MATRIX.forEach((row, rowIndex) => {
    for (const role of ROLES) {
      for (const ownership of row.ownership) {
        const expect = expectOf(row.roles[role], ownership);
        if ('na' in expect) {
          continue;
        }
        list.push({
          name: `${rowName(row)} · ${role} (${
            PEOPLE[role].user
          }) · ${ownership} → ${describeExpect(expect)}`,
          rowIndex,
          ownership,
          caller: { kind: 'person', role },
          expect,
        });
      }
    }
    // Credentials that are not a signed-in person: once per route.
    if (routesSeen.has(routeKey(row))) {
      return;
    }
    routesSeen.add(routeKey(row));
    const ownership: Ownership = row.ownership.includes('other')
      ? 'other'
      : row.ownership[0];
    const others: Array<[Caller, Expect]> = [
      [{ kind: 'anonymous' }, row.anonymous],
      [{ kind: 'forged-headers' }, row.anonymous],
      [{ kind: 'expired' }, UNAUTHENTICATED],
      [{ kind: 'other-plugin' }, UNAUTHENTICATED],
      [{ kind: 'unsigned' }, UNAUTHENTICATED],
      [{ kind: 'stranger-key' }, UNAUTHENTICATED],
      [{ kind: 'service' }, row.service],
      [{ kind: 'ci-token' }, row.ci ?? FORBIDDEN],
    ];
    for (const [caller, expect] of others) {
      list.push({
        name: `${rowName(row)} · ${caller.kind} → ${describeExpect(expect)}`,
        rowIndex,
        ownership,
        caller,
        expect,
      });
    }
  });
  return list;
}

const CELLS = cells();

const ERROR_NAMES = {
  401: 'AuthenticationError',
  403: 'NotAllowedError',
  404: 'NotFoundError',
};

/**
 * Checks a response against a cell: an allowed cell must answer its exact
 * status (a 400 or 409 would mean the fixture, not authorization, is
 * wrong); a denied cell must answer its status with the error the backend
 * gives for that reason, so that "denied by authorization" is never
 * confused with "failed for another reason".
 */
function expectOutcome(res: request.Response, expect: Expect) {
  const error = res.body?.error as
    | { name?: string; message?: string }
    | undefined;
  const got = `${res.status}${error ? ` ${error.name}: ${error.message}` : ''}`;
  if ('allow' in expect) {
    if (res.status !== expect.allow) {
      throw new Error(`Expected ${expect.allow}, got ${got}`);
    }
    return;
  }
  if ('deny' in expect) {
    const name = ERROR_NAMES[expect.deny];
    if (res.status !== expect.deny || error?.name !== name) {
      throw new Error(`Expected ${expect.deny} ${name}, got ${got}`);
    }
  }
}

describe('the authorization matrix', () => {
  it('has a row for every route of the OpenAPI specs, and no row for a route that does not exist', () => {
    const inSpecs = specRoutes().sort();
    const inMatrix = [...new Set(MATRIX.map(routeKey))].sort();
    expect(inMatrix).toEqual(inSpecs);
  });

  it('gives every role an expectation for every ownership of every row', () => {
    for (const row of MATRIX) {
      for (const role of ROLES) {
        for (const ownership of row.ownership) {
          expect(() => expectOf(row.roles[role], ownership)).not.toThrow();
        }
      }
    }
    // Requester-only rules and the own/other split are in the table.
    expect(CELLS.length).toBeGreaterThan(500);
  });
});

describe.each(databases('qaztech_authz_'))('on %s', (_name, database) => {
  let backend: SuiteBackend;
  let fixtures: Fixtures;
  const targets = new Map<string, Promise<unknown>>();
  let serial = 0;

  beforeAll(async () => {
    backend = await startSuiteBackend(database);
    fixtures = new Fixtures(backend.server);
  });

  afterAll(async () => {
    await backend?.stop();
    await dropDatabases(database);
  });

  /** The admin's real token, its header and claims. */
  async function adminToken() {
    const token = await fixtures.token(PEOPLE.admin.user);
    return { token, ...decodeJwt(token) };
  }

  async function headersOf(
    caller: Caller,
    row: MatrixRow,
  ): Promise<Record<string, string>> {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    switch (caller.kind) {
      case 'person':
        return bearer(await fixtures.token(PEOPLE[caller.role].user));
      case 'anonymous':
        return {};
      case 'forged-headers':
        return {
          'x-backstage-user': 'user:default/platform.admin',
          'x-forwarded-user': 'platform.admin',
          'x-forwarded-email': 'platform.admin@qaztech.kz',
          'x-auth-request-user': 'platform.admin',
          'x-qaztech-demo-user': 'platform.admin',
        };
      case 'expired': {
        const { header, payload } = await adminToken();
        const now = Math.floor(Date.now() / 1000);
        return bearer(
          signJwt(
            header,
            { ...payload, iat: now - 7200, exp: now - 3600 },
            backend.key.privateKey,
          ),
        );
      }
      case 'other-plugin':
        return bearer(await backend.serviceToken('catalog'));
      case 'unsigned': {
        const { header, payload } = await adminToken();
        return bearer(unsignedJwt(header, payload));
      }
      case 'stranger-key': {
        const { header, payload } = await adminToken();
        return bearer(signJwt(header, payload, strangerKey()));
      }
      case 'service':
        return bearer(await backend.serviceToken(row.plugin));
      case 'ci-token':
        return bearer(CI_TOKEN);
      default:
        throw new Error('unknown caller');
    }
  }

  it.each(CELLS)('$name', async cell => {
    const row = MATRIX[cell.rowIndex];
    const user =
      cell.caller.kind === 'person' ? PEOPLE[cell.caller.role].user : undefined;
    const body =
      cell.ownership === 'own' || cell.ownership === 'self'
        ? PEOPLE[(cell.caller as { role: Role }).role].body
        : OTHER_BODY;
    serial += 1;
    const ctx: CellContext = { body, user, serial, fixtures };

    // Denied cells share a fixture; an allowed change uses it up.
    const key = `${cell.rowIndex}|${body}|${
      cell.ownership === 'self' ? user : ''
    }`;
    let target: unknown;
    if (row.fixture) {
      let pending = targets.get(key);
      if (!pending) {
        pending = row.fixture(ctx);
        targets.set(key, pending);
        pending.catch(() => targets.delete(key));
      }
      target = await pending;
    }

    const spec = row.request(target, ctx);
    const path = row.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = spec.params?.[name];
      if (value === undefined) {
        throw new Error(`The matrix gives no ${name} for ${row.path}`);
      }
      return encodeURIComponent(value);
    });
    let req = request(backend.server)[row.method](`/api/${row.plugin}${path}`);
    for (const [name, value] of Object.entries(
      await headersOf(cell.caller, row),
    )) {
      req = req.set(name, value);
    }
    if (spec.query) {
      req = req.query(spec.query);
    }
    const res =
      spec.body === undefined ? await req : await req.send(spec.body as object);

    if (row.mutates && 'allow' in cell.expect) {
      targets.delete(key);
    }
    // The message names what the backend answered instead.
    expect(() => expectOutcome(res, cell.expect)).not.toThrow();
  });

  describe('actor fields in a request body', () => {
    const as = async (role: Role) =>
      `Bearer ${await fixtures.token(PEOPLE[role].user)}`;
    const userRef = (role: Role) => `user:default/${PEOPLE[role].user}`;
    const admin = userRef('admin');

    it('records the caller, not attestedBy, as the attesting officer', async () => {
      const systemRef = systemRefOf('nitec');
      const res = await request(backend.server)
        .post('/api/security-readiness/attestations')
        .set('authorization', await as('securityOfficer'))
        .send({
          systemRef,
          checkId: 'security-governance',
          result: 'pass',
          evidence: { notes: 'Приказ о назначении.' },
          attestedBy: admin,
        });
      expectOutcome(res, { allow: 201 });
      expect(res.body.attestedBy).toBe(userRef('securityOfficer'));

      const card = await request(backend.server)
        .get('/api/security-readiness/scorecards/default/qaztech')
        .set('authorization', await as('auditor'));
      expectOutcome(card, { allow: 200 });
      const stored = card.body.attestations.find(
        (a: { id: string }) => a.id === res.body.id,
      );
      expect(stored.attestedBy).toBe(userRef('securityOfficer'));
    });

    it('records the caller, not requestedBy or decidedBy, on a waiver, so a requester cannot pass their waiver off as another’s and decide it', async () => {
      // A system of neither person's body: officers do not decide waivers
      // of their own body's systems (docs/security-readiness.md).
      const input = fixtures.waiverInput(systemRefOf(OTHER_BODY));
      const requested = await request(backend.server)
        .post('/api/security-readiness/waivers')
        .set('authorization', await as('securityOfficer'))
        .send({ ...input, requestedBy: 'user:default/arman.kenzhebekov' });
      expectOutcome(requested, { allow: 201 });
      expect(requested.body.requestedBy).toBe(userRef('securityOfficer'));

      const selfDecided = await request(backend.server)
        .post(`/api/security-readiness/waivers/${requested.body.id}/decision`)
        .set('authorization', await as('securityOfficer'))
        .send({ decision: 'granted', decidedBy: admin });
      expectOutcome(selfDecided, { deny: 403 });
      expect(selfDecided.body.error.message).toMatch(
        /other than its requester/,
      );

      const decided = await request(backend.server)
        .post(`/api/security-readiness/waivers/${requested.body.id}/decision`)
        .set('authorization', await as('admin'))
        .send({
          decision: 'granted',
          decidedBy: userRef('securityOfficer'),
        });
      expectOutcome(decided, { allow: 200 });
      expect(decided.body.decidedBy).toBe(admin);

      const card = await request(backend.server)
        .get(
          `/api/security-readiness/scorecards/default/${SYSTEM_OF[OTHER_BODY]}`,
        )
        .set('authorization', await as('auditor'));
      const stored = card.body.waivers.find(
        (w: { id: string }) => w.id === requested.body.id,
      );
      expect(stored).toMatchObject({
        requestedBy: userRef('securityOfficer'),
        decidedBy: admin,
        status: 'granted',
      });
    });

    it('records the caller, not signedBy, as the signing officer', async () => {
      const hash = await fixtures.evidenceHash('vap');
      const res = await request(backend.server)
        .post('/api/security-readiness/signoffs')
        .set('authorization', await as('securityOfficer'))
        .send({
          systemRef: systemRefOf('vap'),
          evidenceHash: hash,
          signedBy: admin,
        });
      expectOutcome(res, { allow: 201 });
      expect(res.body.signedBy).toBe(userRef('securityOfficer'));

      const list = await request(backend.server)
        .get('/api/security-readiness/scorecards/default/is-gosaudita/signoffs')
        .set('authorization', await as('auditor'));
      expect(list.body.items[0]).toMatchObject({
        id: res.body.id,
        signedBy: userRef('securityOfficer'),
      });
    });

    it('refuses actor fields the moratorium API does not have, and records the caller as applicant, voter and decider', async () => {
      const filed = await request(backend.server)
        .post('/api/moratorium/requests')
        .set('authorization', await as('developer'))
        .send({
          content: { stateBodyRef: 'group:default/akimat-almaty' },
          applicant: admin,
        });
      expectOutcome(filed, { allow: 400 });
      expect(filed.body.error.message).toMatch(/applicant|additional/);

      const { id } = await fixtures.onAgenda(OTHER_BODY);
      const vote = await request(backend.server)
        .post(`/api/moratorium/requests/${id}/votes`)
        .set('authorization', await as('commissionMember'))
        .send({ choice: 'against', member: 'user:default/marat.utepov' });
      expectOutcome(vote, { allow: 400 });

      const decide = {
        action: 'decide',
        outcome: 'deferred',
        protocolNumber: 'П-актор',
        sittingDate: day(7),
      };
      const forged = await request(backend.server)
        .post(`/api/moratorium/requests/${id}/transitions`)
        .set('authorization', await as('secretary'))
        .send({ ...decide, decidedBy: admin, recordedBy: admin });
      expectOutcome(forged, { allow: 400 });

      const voted = await request(backend.server)
        .post(`/api/moratorium/requests/${id}/votes`)
        .set('authorization', await as('commissionMember'))
        .send({ choice: 'against' });
      expectOutcome(voted, { allow: 200 });
      expect(voted.body.votes.map((v: { member: string }) => v.member)).toEqual(
        [userRef('commissionMember')],
      );

      const decided = await request(backend.server)
        .post(`/api/moratorium/requests/${id}/transitions`)
        .set('authorization', await as('secretary'))
        .send(decide);
      expectOutcome(decided, { allow: 200 });
      expect(decided.body.decision.recordedBy).toBe(userRef('secretary'));
      expect(decided.body.history.at(-1)).toMatchObject({
        action: 'decide',
        actor: userRef('secretary'),
      });
    });

    it('refuses actor fields the registry API does not have', async () => {
      const res = await request(backend.server)
        .post('/api/registry/campaigns')
        .set('authorization', await as('secretary'))
        .send({
          ...{
            id: 'authz-actor',
            title: { ru: 'Актор', kk: 'Актор', en: 'Actor' },
            owner: 'group:default/qaztech-security-officers',
            scope: {},
            goal: { kind: 'platform-status', statuses: ['on-platform'] },
            startDate: '2026-01-01',
            milestones: [{ date: '2099-12-31', share: 1 }],
          },
          createdBy: admin,
        });
      expectOutcome(res, { allow: 400 });
      expect(res.body.error.message).toMatch(/createdBy|additional/);
    });
  });
});
