import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { FaultBackend, asUser } from './startFaultBackend';

/** The people of the moratorium fault tests, by role. */
export const PEOPLE = {
  applicant: 'user:default/aidar',
  secretary: 'user:default/saule',
  architect: 'user:default/arman',
  member1: 'user:default/member1',
  member2: 'user:default/member2',
  member3: 'user:default/member3',
  auditor: 'user:default/auditor',
} as const;

const STATE_BODY = 'group:default/mcriap';

/** Which groups each person belongs to. */
export const MEMBERSHIP: Record<string, string[]> = {
  [PEOPLE.applicant]: [STATE_BODY],
  [PEOPLE.member1]: ['group:default/qaztech-commission-members'],
  [PEOPLE.member2]: ['group:default/qaztech-commission-members'],
  [PEOPLE.member3]: ['group:default/qaztech-commission-members'],
  [PEOPLE.secretary]: ['group:default/qaztech-commission-secretaries'],
};

const MEMBER = [
  'moratorium.request.read',
  'moratorium.decision.read',
  'moratorium.vote.cast',
];

/** Who holds which moratorium permission, as the suite's role policy says. */
export const GRANTS: Record<string, string[]> = {
  [PEOPLE.applicant]: [
    'moratorium.request.read',
    'moratorium.request.create',
    'moratorium.request.update',
    'moratorium.request.submit',
    'moratorium.request.withdraw',
    'moratorium.decision.read',
  ],
  [PEOPLE.secretary]: [
    'moratorium.request.read',
    'moratorium.request.intake',
    'moratorium.review.ministry',
    'moratorium.agenda.set',
    'moratorium.decision.record',
    'moratorium.decision.read',
  ],
  [PEOPLE.architect]: ['moratorium.request.read', 'moratorium.review.platform'],
  [PEOPLE.member1]: MEMBER,
  [PEOPLE.member2]: MEMBER,
  [PEOPLE.member3]: MEMBER,
  [PEOPLE.auditor]: [
    'moratorium.request.read',
    'moratorium.decision.read',
    'moratorium.audit.read',
  ],
};

function group(ref: string, type: string, members: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: ref.split('/')[1], namespace: 'default' },
    spec: {
      type,
      children: [],
      members: members.map(m => m.split('/')[1]),
    },
  };
}

/** A registered state information system of the state body. */
export function registrySystem(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { type: 'state-information-system', owner: STATE_BODY },
  };
}

/** The catalog of the moratorium fault tests. */
export const MORATORIUM_ENTITIES: Entity[] = [
  group(STATE_BODY, 'state-body', [PEOPLE.applicant]),
  group('group:default/qaztech-commission-members', 'role', [
    PEOPLE.member1,
    PEOPLE.member2,
    PEOPLE.member3,
  ]),
  group('group:default/qaztech-commission-secretaries', 'role', [
    PEOPLE.secretary,
  ]),
  registrySystem('e-licensing'),
];

/** A request with everything submission needs, about a planned system. */
export function completeRequest(system: object) {
  return {
    system,
    purpose: 'Учёт разрешений для предпринимателей',
    capabilityGaps: [
      {
        capability: 'Обработка секретных данных',
        reason: 'Платформа не аттестована для секретных данных.',
      },
    ],
    cost: { amountKzt: 120_000_000, budgetProgramme: '001 «Цифровизация»' },
    dataCategories: ['personal'],
    hosting: { kind: 'state-operator-dc', country: 'KZ' },
    securityPlan: 'План обеспечения ИБ согласован с ГТС.',
    exitPlan: 'Переход на платформу к 2028 году.',
  };
}

/** A day `days` ahead in Asia/Almaty. */
export function day(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(
    new Date(Date.now() + days * 24 * 60 * 60 * 1000),
  );
}

/** Expects a status, showing the error body when it differs. */
export function expectStatus(res: request.Response, status: number) {
  if (res.status !== status) {
    throw new Error(
      `Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}

/** The moratorium API as the tests call it. */
export function moratoriumApi(backend: FaultBackend) {
  const server = () => request(backend.server);
  return {
    create(content: object, key?: string) {
      const req = server()
        .post('/api/moratorium/requests')
        .set('Authorization', asUser(PEOPLE.applicant));
      if (key) req.set('Idempotency-Key', key);
      return req.send({ content });
    },
    act(id: string, user: string, body: object, key?: string) {
      const req = server()
        .post(`/api/moratorium/requests/${id}/transitions`)
        .set('Authorization', asUser(user));
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    },
    vote(id: string, user: string, choice: string) {
      return server()
        .post(`/api/moratorium/requests/${id}/votes`)
        .set('Authorization', asUser(user))
        .send({ choice });
    },
    get(id: string, user: string = PEOPLE.applicant) {
      return server()
        .get(`/api/moratorium/requests/${id}`)
        .set('Authorization', asUser(user));
    },
    verify() {
      return server()
        .get('/api/moratorium/audit/verify')
        .set('Authorization', asUser(PEOPLE.auditor));
    },
  };
}

/**
 * Takes a new request through submission, both reviews and the agenda, has
 * the secretary draft an approval ({@link approval}) and two members vote for
 * it: what remains is the secretary's recording of the voted decision.
 */
export async function readyForDecision(
  backend: FaultBackend,
  systemRef: string,
): Promise<{ id: string; version: number }> {
  const api = moratoriumApi(backend);
  const created = await api.create(
    completeRequest({
      kind: 'planned',
      entityRef: systemRef,
      title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
    }),
  );
  expectStatus(created, 201);
  const { id } = created.body;
  expectStatus(await api.act(id, PEOPLE.applicant, { action: 'submit' }), 200);
  expectStatus(await api.act(id, PEOPLE.secretary, { action: 'accept' }), 200);
  expectStatus(
    await api.act(id, PEOPLE.architect, {
      action: 'complete-platform-review',
      finding: 'platform-cannot-serve',
      text: 'Платформа не обрабатывает секретные данные.',
    }),
    200,
  );
  const agenda = await api.act(id, PEOPLE.secretary, {
    action: 'set-agenda',
    sittingDate: day(7),
    ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
  });
  expectStatus(agenda, 200);
  // The commission votes on the secretary's draft of the terms.
  const { outcome, expiresAt } = approval();
  expectStatus(
    await api.act(id, PEOPLE.secretary, {
      action: 'propose-decision',
      outcome,
      expiresAt,
    }),
    200,
  );
  expectStatus(await api.vote(id, PEOPLE.member1, 'for'), 200);
  expectStatus(await api.vote(id, PEOPLE.member2, 'for'), 200);
  const current = await api.get(id);
  expectStatus(current, 200);
  return { id, version: current.body.version };
}

/** The secretary's approving decision. */
export function approval() {
  return {
    action: 'decide',
    outcome: 'approved',
    protocolNumber: 'П-7',
    sittingDate: day(7),
    expiresAt: day(400),
  };
}
