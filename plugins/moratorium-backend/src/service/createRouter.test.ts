import { DateTime } from 'luxon';
import request from 'supertest';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import {
  USERS,
  as,
  startMoratoriumBackend,
} from '../__testUtils__/startMoratoriumBackend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startMoratoriumBackend>>;

const SYSTEM = 'system:default/e-permits';

/** A request with everything submission needs. */
const COMPLETE = {
  system: {
    kind: 'planned',
    entityRef: SYSTEM,
    title: { ru: 'Электронные разрешения', kk: 'Электрондық рұқсаттар' },
  },
  purpose: 'Учёт разрешений и уведомлений для предпринимателей',
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

/** A day `days` ahead in Asia/Almaty. */
function day(days: number): string {
  return DateTime.now().setZone('Asia/Almaty').plus({ days }).toISODate()!;
}

function api(backend: Backend) {
  const server = () => request(backend.server);
  return {
    create(content: object, user: string = USERS.applicant, key?: string) {
      const req = server()
        .post('/api/moratorium/requests')
        .set('Authorization', as(user));
      if (key) req.set('Idempotency-Key', key);
      return req.send({ content });
    },
    get(id: string, user: string = USERS.applicant) {
      return server()
        .get(`/api/moratorium/requests/${id}`)
        .set('Authorization', as(user));
    },
    put(id: string, body: object, user: string = USERS.applicant) {
      return server()
        .put(`/api/moratorium/requests/${id}`)
        .set('Authorization', as(user))
        .send(body);
    },
    act(id: string, user: string, body: object, key?: string) {
      const req = server()
        .post(`/api/moratorium/requests/${id}/transitions`)
        .set('Authorization', as(user));
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    },
    vote(id: string, user: string, choice: string, opinion?: string) {
      return server()
        .post(`/api/moratorium/requests/${id}/votes`)
        .set('Authorization', as(user))
        .send({ choice, ...(opinion ? { opinion } : {}) });
    },
    exemptions(system: string) {
      return server()
        .get('/api/moratorium/exemptions')
        .query({ system })
        .set('Authorization', as(USERS.auditor));
    },
    verify() {
      return server()
        .get('/api/moratorium/audit/verify')
        .set('Authorization', as(USERS.auditor));
    },
  };
}

/** Expects a status, showing the error body when it differs. */
function expectStatus(res: request.Response, status: number) {
  if (res.status !== status) {
    throw new Error(
      `Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}

/** Creates a complete request about a system and submits it. */
async function submitted(backend: Backend, system = SYSTEM) {
  const a = api(backend);
  const created = await a.create({
    ...COMPLETE,
    system: { ...COMPLETE.system, entityRef: system },
  });
  expectStatus(created, 201);
  const res = await a.act(created.body.id, USERS.applicant, {
    action: 'submit',
  });
  expectStatus(res, 200);
  return res.body;
}

/** Takes a submitted request through both reviews onto an agenda. */
async function onAgenda(backend: Backend, system = SYSTEM) {
  const a = api(backend);
  const { id } = await submitted(backend, system);
  expectStatus(await a.act(id, USERS.secretary, { action: 'accept' }), 200);
  expectStatus(
    await a.act(id, USERS.architect, {
      action: 'complete-platform-review',
      finding: 'platform-cannot-serve',
      text: 'Платформа не обрабатывает секретные данные.',
    }),
    200,
  );
  const res = await a.act(id, USERS.secretary, {
    action: 'set-agenda',
    sittingDate: day(7),
    ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
  });
  expectStatus(res, 200);
  return res.body;
}

/** Puts a request on the agenda, has the members vote for it, and approves it. */
async function approved(
  backend: Backend,
  system: string,
  conditions?: Array<{ text: string; dueDate: string }>,
) {
  const a = api(backend);
  const { id } = await onAgenda(backend, system);
  expectStatus(
    await a.act(id, USERS.secretary, {
      action: 'propose-decision',
      outcome: conditions ? 'approved-with-conditions' : 'approved',
      expiresAt: day(400),
      ...(conditions ? { conditions } : {}),
    }),
    200,
  );
  expectStatus(await a.vote(id, USERS.member1, 'for'), 200);
  expectStatus(await a.vote(id, USERS.member2, 'for'), 200);
  const res = await a.act(id, USERS.secretary, {
    action: 'decide',
    outcome: conditions ? 'approved-with-conditions' : 'approved',
    protocolNumber: 'П-1',
    sittingDate: day(7),
    expiresAt: day(400),
    ...(conditions ? { conditions } : {}),
  });
  expectStatus(res, 200);
  return res.body;
}

// The API on both databases: races, idempotency and the audit chain depend on
// how each one locks and orders rows.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'moratorium API on %s',
  databaseId => {
    let backend: Backend;
    let a: ReturnType<typeof api>;

    beforeAll(async () => {
      backend = await startMoratoriumBackend({
        knex: await databases.init(databaseId),
      });
      a = api(backend);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('creates a draft, refuses an incomplete submission naming what is missing, then submits', async () => {
      const created = await a.create({ purpose: 'Учёт разрешений' });
      expectStatus(created, 201);
      expect(created.body).toMatchObject({
        state: 'draft',
        version: 1,
        number: expect.stringMatching(/^EX-\d{4}-\d{4}$/),
        applicant: USERS.applicant,
        // The caller's state body by default.
        content: { stateBodyRef: 'group:default/mcriap' },
        history: [{ action: 'create', to: 'draft', actor: USERS.applicant }],
      });
      expect(created.body.allowedActions).toEqual(['submit', 'withdraw']);
      const { id } = created.body;

      const incomplete = await a.act(id, USERS.applicant, { action: 'submit' });
      expectStatus(incomplete, 400);
      expect(incomplete.body.error.message).toContain(
        'The request is incomplete',
      );
      expect(incomplete.body.error.message).toContain('The system is missing');
      expect(incomplete.body.error.message).toContain('capability gaps');
      expect(incomplete.body.error.message).toContain('exit');

      const saved = await a.put(id, { content: COMPLETE, version: 1 });
      expectStatus(saved, 200);
      expect(saved.body.version).toBe(2);
      // A stale version is a conflict.
      expectStatus(await a.put(id, { content: COMPLETE, version: 1 }), 409);

      const res = await a.act(id, USERS.applicant, {
        action: 'submit',
        version: 2,
      });
      expectStatus(res, 200);
      expect(res.body).toMatchObject({
        state: 'submitted',
        submittedBy: USERS.applicant,
        deadlines: [{ subject: 'submitted', overdue: false }],
      });
      // Found through the register's search by the words of the purpose.
      expect(res.body.similarSystems).toEqual([
        expect.objectContaining({
          entityRef: 'system:default/permits-registry',
          registryNumber: 'ИС-2',
          matchedTerms: expect.arrayContaining(['уведомл']),
        }),
      ]);

      const number = res.body.number;
      expect(backend.sent).toEqual(
        expect.arrayContaining([
          {
            // The secretaries' group, expanded to its members.
            recipients: { type: 'entity', entityRef: [USERS.secretary] },
            payload: expect.objectContaining({
              title: `Новая заявка ${number}`,
              link: `/moratorium/requests/${id}`,
            }),
          },
          {
            recipients: { type: 'entity', entityRef: [USERS.applicant] },
            payload: expect.objectContaining({
              title: `Заявка ${number}: подана`,
            }),
          },
        ]),
      );
    });

    it('submits without similar systems when the register is unavailable', async () => {
      backend.setRegistryDown(true);
      try {
        const body = await submitted(backend, 'system:default/offline');
        expect(body.state).toBe('submitted');
        expect(body.similarSystems).toEqual([]);
      } finally {
        backend.setRegistryDown(false);
      }
    });

    it('takes a request through reviews, a request for information, votes and an approval with conditions', async () => {
      const system = 'system:default/full-path';
      const { id } = await submitted(backend, system);
      expectStatus(await a.act(id, USERS.secretary, { action: 'accept' }), 200);

      const asked = await a.act(id, USERS.architect, {
        action: 'request-info',
        questions: 'Почему не подходит платформа?',
      });
      expectStatus(asked, 200);
      expect(asked.body).toMatchObject({
        state: 'info-requested',
        resumeState: 'platform-review',
        questions: 'Почему не подходит платформа?',
      });
      // The review's clock is paused while the applicant answers.
      const review = asked.body.deadlines.find(
        (d: any) => d.subject === 'platform-review',
      );
      expect(review).toMatchObject({ pausedAt: expect.any(String) });
      expect(review.remainingWorkingDays).toBeGreaterThanOrEqual(9);
      expect(asked.body.allowedActions).toEqual([]);
      expect((await a.get(id)).body.allowedActions).toEqual([
        'provide-info',
        'withdraw',
      ]);

      const answered = await a.act(id, USERS.applicant, {
        action: 'provide-info',
        answer: 'Нужна обработка секретных данных.',
      });
      expectStatus(answered, 200);
      expect(answered.body.state).toBe('platform-review');
      expect(
        answered.body.deadlines.find(
          (d: any) => d.subject === 'platform-review',
        ),
      ).not.toHaveProperty('pausedAt');

      expectStatus(
        await a.act(id, USERS.architect, {
          action: 'complete-platform-review',
          finding: 'platform-cannot-serve',
          text: 'Не может.',
        }),
        200,
      );
      // Leaving ministry review needs the ministry's opinion.
      const noOpinion = await a.act(id, USERS.secretary, {
        action: 'set-agenda',
        sittingDate: day(7),
      });
      expectStatus(noOpinion, 400);
      expect(noOpinion.body.error.message).toContain('ministryOpinion');

      const agenda = await a.act(id, USERS.secretary, {
        action: 'set-agenda',
        sittingDate: day(7),
        ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
      });
      expectStatus(agenda, 200);
      expect(agenda.body).toMatchObject({
        state: 'on-agenda',
        sitting: { date: day(7), requestIds: [id] },
      });
      // Secret ballot: no tally before the decision.
      expect(agenda.body).not.toHaveProperty('tally');
      expect(backend.sent).toContainEqual({
        recipients: {
          type: 'entity',
          entityRef: [
            USERS.member1,
            USERS.member2,
            USERS.member3,
            USERS.conflictedMember,
          ],
        },
        payload: expect.objectContaining({
          title: `Заявка ${agenda.body.number} в повестке ${day(7)}`,
        }),
      });

      // Members vote on the terms the secretary drafts, nothing before.
      expectStatus(await a.vote(id, USERS.member1, 'for'), 409);
      const drafted = await a.act(id, USERS.secretary, {
        action: 'propose-decision',
        outcome: 'approved-with-conditions',
        expiresAt: day(365),
        conditions: [{ text: 'Представить план миграции', dueDate: day(60) }],
      });
      expectStatus(drafted, 200);
      expect(drafted.body).toMatchObject({
        state: 'on-agenda',
        draftDecision: { round: 1, expiresAt: day(365) },
        ballot: { round: 1, votesCast: 0, eligible: 3, secret: true },
      });

      expectStatus(await a.vote(id, USERS.member1, 'for', 'Обосновано.'), 200);
      expectStatus(await a.vote(id, USERS.member2, 'abstain'), 200);
      const voted = await a.vote(id, USERS.member3, 'for');
      expectStatus(voted, 200);
      // A member sees their own vote and how many voted, not who voted what.
      expect(voted.body).not.toHaveProperty('tally');
      expect(voted.body.votes).toEqual([
        expect.objectContaining({ member: USERS.member3, choice: 'for' }),
      ]);
      expect(voted.body.ballot).toEqual({
        round: 1,
        votesCast: 3,
        eligible: 3,
        secret: true,
      });
      const seenByApplicant = (await a.get(id)).body;
      expect(seenByApplicant.votes).toEqual([]);
      expect(JSON.stringify(seenByApplicant.history)).not.toMatch(
        /abstain|Обосновано/,
      );
      const audit = await request(backend.server)
        .get('/api/moratorium/audit')
        .query({ request: id })
        .set('Authorization', as(USERS.auditor));
      expect(JSON.stringify(audit.body.items)).not.toMatch(
        /abstain|Обосновано/,
      );

      // A decision other than the draft voted on is refused.
      const longer = await a.act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: 'П-12',
        sittingDate: day(7),
        expiresAt: day(700),
        conditions: [{ text: 'Представить план миграции', dueDate: day(60) }],
      });
      expectStatus(longer, 409);
      expect(longer.body.error.message).toContain('expiresAt');

      const decided = await a.act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: 'П-12',
        sittingDate: day(7),
        expiresAt: day(365),
        conditions: [{ text: 'Представить план миграции', dueDate: day(60) }],
        version: voted.body.version,
      });
      expectStatus(decided, 200);
      // The ballot opens with the decision.
      expect(decided.body.tally).toMatchObject({
        for: 2,
        abstain: 1,
        quorumReached: true,
      });
      expect(decided.body.votes).toHaveLength(3);
      const opened = await request(backend.server)
        .get('/api/moratorium/audit')
        .query({ request: id })
        .set('Authorization', as(USERS.auditor));
      expect(opened.body.items[0]).toMatchObject({
        action: 'decide',
        payload: {
          round: 1,
          votes: expect.arrayContaining([
            expect.objectContaining({
              member: USERS.member2,
              choice: 'abstain',
            }),
          ]),
        },
      });
      expect(decided.body).toMatchObject({
        state: 'approved-with-conditions',
        decision: {
          outcome: 'approved-with-conditions',
          protocolNumber: 'П-12',
          expiresAt: day(365),
          recordedBy: USERS.secretary,
          conditions: [
            {
              text: 'Представить план миграции',
              dueDate: day(60),
              status: 'open',
            },
          ],
        },
      });
      const conditionId = decided.body.decision.conditions[0].id;
      expect(decided.body.deadlines).toEqual([
        expect.objectContaining({ subject: `condition:${conditionId}` }),
      ]);

      const exemptions = await a.exemptions(system);
      expectStatus(exemptions, 200);
      expect(exemptions.body.items).toEqual([
        expect.objectContaining({
          decisionNumber: 'П-12',
          status: 'approved',
          expiresAt: day(365),
          source: 'moratorium',
        }),
      ]);
      expect(backend.refreshed).toContain(system);

      const met = await a.act(id, USERS.secretary, {
        action: 'mark-condition',
        conditionId,
        status: 'met',
        evidence: 'План получен, вх. № 17.',
      });
      expectStatus(met, 200);
      expect(met.body.decision.conditions[0]).toMatchObject({
        status: 'met',
        resolvedBy: USERS.secretary,
      });
      expect(met.body.deadlines).toEqual([]);
      expect(met.body.history.map((h: any) => h.action)).toEqual([
        'create',
        'submit',
        'accept',
        'request-info',
        'provide-info',
        'complete-platform-review',
        'set-agenda',
        'propose-decision',
        'vote',
        'vote',
        'vote',
        'decide',
        'mark-condition',
      ]);
    });

    it('forbids actions to the wrong role and hides drafts from others', async () => {
      const { id } = (await a.create(COMPLETE)).body;
      // Someone from another state body may not submit it, nor see the draft.
      const foreign = await a.act(id, USERS.developer, { action: 'submit' });
      expectStatus(foreign, 403);
      expect(foreign.body.error.message).toContain(
        'Only the applicant or a member of the requesting state body',
      );
      expectStatus(await a.get(id, USERS.developer), 404);
      // A colleague from the same state body may.
      expectStatus(await a.act(id, USERS.colleague, { action: 'submit' }), 200);
      // The architect lacks the intake permission.
      const intake = await a.act(id, USERS.architect, { action: 'accept' });
      expectStatus(intake, 403);
      expect(intake.body.error.message).toBe(
        'Not allowed: moratorium.request.intake',
      );
      // Nobody expires an approval by hand.
      expectStatus(await a.act(id, USERS.secretary, { action: 'expire' }), 403);
      // An action from the wrong state is a conflict.
      const early = await a.act(id, USERS.architect, {
        action: 'complete-platform-review',
        finding: 'platform-can-serve',
        text: 'Может.',
      });
      expectStatus(early, 409);
    });

    it('forbids a member from the applicant state body to vote or decide', async () => {
      const { id } = await onAgenda(backend, 'system:default/conflicted');
      const vote = await a.vote(id, USERS.conflictedMember, 'for');
      expectStatus(vote, 403);
      expect(vote.body.error.message).toContain('state body');
      const decide = await a.act(id, USERS.conflictedMember, {
        action: 'decide',
        outcome: 'deferred',
        protocolNumber: 'П-2',
        sittingDate: day(7),
      });
      expectStatus(decide, 403);
      expect(decide.body.error.message).toContain(
        'Conflict of interest: you may not decide this request, because you belong to group:default/mcriap',
      );
      expectStatus(
        await a.act(id, USERS.secretary, {
          action: 'propose-decision',
          outcome: 'approved',
          expiresAt: day(300),
        }),
        200,
      );
      // The conflicted member is not counted among the eligible.
      expect((await a.get(id, USERS.member1)).body.ballot.eligible).toBe(3);
      // Only members vote, and only while the request is on the agenda.
      expectStatus(await a.vote(id, USERS.secretary, 'for'), 403);
    });

    it('refuses a decision the votes do not support, and defers at most twice keeping the votes', async () => {
      const { id } = await onAgenda(backend, 'system:default/unsupported');
      expectStatus(
        await a.act(id, USERS.secretary, {
          action: 'propose-decision',
          outcome: 'approved',
          expiresAt: day(365),
        }),
        200,
      );
      expectStatus(await a.vote(id, USERS.member1, 'against'), 200);
      const noQuorum = await a.act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: 'П-3',
        sittingDate: day(7),
      });
      expectStatus(noQuorum, 400);
      expect(noQuorum.body.error.message).toContain('quorum');

      expectStatus(await a.vote(id, USERS.member2, 'against'), 200);
      const approve = await a.act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: 'П-3',
        sittingDate: day(7),
      });
      expectStatus(approve, 400);
      expect(approve.body.error.message).toContain(
        'did not vote the draft through',
      );
      // An expiry beyond moratorium.exemption.maxMonths is refused.
      const tooLong = await a.act(id, USERS.secretary, {
        action: 'propose-decision',
        outcome: 'approved',
        expiresAt: '2099-12-31',
      });
      expectStatus(tooLong, 400);
      expect(tooLong.body.error.message).toContain(
        'moratorium.exemption.maxMonths (36)',
      );

      const defer = async (n: number) => {
        const res = await a.act(id, USERS.secretary, {
          action: 'decide',
          outcome: 'deferred',
          protocolNumber: `П-3-${n}`,
          sittingDate: day(7 + n),
        });
        return res;
      };
      const deferred = await defer(0);
      expectStatus(deferred, 200);
      expect(deferred.body.state).toBe('deferred');
      expect(deferred.body.deferrals).toBe(1);
      expect(deferred.body.deadlines).toEqual([
        expect.objectContaining({ subject: 'deferred' }),
      ]);
      const again = async (n: number) =>
        expectStatus(
          await a.act(id, USERS.secretary, {
            action: 'set-agenda',
            sittingDate: day(7 + n),
          }),
          200,
        );
      await again(1);
      expectStatus(await defer(1), 200);
      await again(2);
      const third = await defer(2);
      expectStatus(third, 409);
      expect(third.body.error.message).toContain('moratorium.maxDeferrals');
      // The votes of the first sitting are kept, tied to their round.
      expect(
        await backend.knex('moratorium_votes').where({ request_id: id }),
      ).toEqual([
        expect.objectContaining({ member: USERS.member1, round: 1 }),
        expect.objectContaining({ member: USERS.member2, round: 1 }),
      ]);
    });

    it('judges the state body from the catalog and keeps it fixed after submission', async () => {
      // A group that is no state body (a role group the applicant is in).
      backend.grants[USERS.secretary].push('moratorium.request.create');
      const notABody = await a.create(
        {
          ...COMPLETE,
          stateBodyRef: 'group:default/qaztech-commission-secretaries',
        },
        USERS.secretary,
      );
      expectStatus(notABody, 400);
      expect(notABody.body.error.message).toContain(
        'content.stateBodyRef group:default/qaztech-commission-secretaries is not a state body',
      );
      // A state body that does not own the existing system.
      const notOwner = await a.create(
        {
          ...COMPLETE,
          system: { kind: 'existing', entityRef: 'system:default/e-licensing' },
          stateBodyRef: 'group:default/minfin',
        },
        USERS.developer,
      );
      expectStatus(notOwner, 400);
      expect(notOwner.body.error.message).toContain(
        'does not own system:default/e-licensing',
      );

      const { id } = await submitted(backend, 'system:default/fixed');
      expectStatus(await a.act(id, USERS.secretary, { action: 'accept' }), 200);
      expectStatus(
        await a.act(id, USERS.architect, {
          action: 'complete-platform-review',
          finding: 'platform-cannot-serve',
          text: 'Не может.',
        }),
        200,
      );
      const asked = await a.act(id, USERS.secretary, {
        action: 'request-info',
        questions: 'Уточните смету.',
      });
      expectStatus(asked, 200);
      const content = asked.body.content;
      const moved = await a.put(id, {
        content: {
          ...content,
          system: { ...content.system, entityRef: 'system:default/other' },
        },
        version: asked.body.version,
      });
      expectStatus(moved, 409);
      expect(moved.body.error.message).toContain(
        'content.system is fixed at submission',
      );
      const rebodied = await a.act(id, USERS.applicant, {
        action: 'provide-info',
        answer: 'Другой орган.',
        content: { ...content, stateBodyRef: 'group:default/minfin' },
      });
      expect([403, 409]).toContain(rebodied.status);

      // A content change sends it back through review, opinions stale.
      const edited = await a.put(id, {
        content: {
          ...content,
          cost: { ...content.cost, amountKzt: 99_000_000 },
        },
        version: asked.body.version,
      });
      expectStatus(edited, 200);
      const answered = await a.act(id, USERS.applicant, {
        action: 'provide-info',
        answer: 'Смета уточнена.',
      });
      expectStatus(answered, 200);
      expect(answered.body.state).toBe('platform-review');
      expect(answered.body.opinions).toEqual([
        expect.objectContaining({ stage: 'platform-review', stale: true }),
      ]);
    });

    it('refuses every commission-side step to a member of the requesting body, naming the conflict', async () => {
      const grants = backend.grants[USERS.conflictedMember];
      grants.push(
        'moratorium.request.intake',
        'moratorium.request.request-info',
        'moratorium.agenda.set',
        'moratorium.decision.revoke',
        'moratorium.condition.update',
      );
      const { id } = await submitted(backend, 'system:default/insider');
      const accept = await a.act(id, USERS.conflictedMember, {
        action: 'accept',
      });
      expectStatus(accept, 403);
      expect(accept.body.error.message).toBe(
        'Conflict of interest: you may not accept this request, because you belong to group:default/mcriap, the state body that asks.',
      );
      expectStatus(
        await a.act(id, USERS.conflictedMember, {
          action: 'return',
          reason: 'x',
        }),
        403,
      );
      const { id: approvedId } = await approved(
        backend,
        'system:default/insider-2',
      );
      expectStatus(
        await a.act(approvedId, USERS.conflictedMember, {
          action: 'propose-revocation',
          reason: 'x',
        }),
        403,
      );
    });

    it('revokes only when a second person confirms the proposal', async () => {
      backend.grants[USERS.auditor].push('moratorium.decision.revoke');
      const { id } = await approved(backend, 'system:default/four-eyes');
      const alone = await a.act(id, USERS.secretary, {
        action: 'revoke',
        reason: 'Условия нарушены.',
      });
      expectStatus(alone, 409);
      const proposed = await a.act(id, USERS.secretary, {
        action: 'propose-revocation',
        reason: 'Условия нарушены.',
      });
      expectStatus(proposed, 200);
      expect(proposed.body).toMatchObject({
        state: 'approved',
        revocationProposal: { proposedBy: USERS.secretary },
        allowedActions: [],
      });
      const self = await a.act(id, USERS.secretary, {
        action: 'revoke',
        reason: 'Подтверждаю.',
      });
      expectStatus(self, 403);
      expect(self.body.error.message).toContain('a second person must confirm');
      const confirmed = await a.act(id, USERS.auditor, {
        action: 'revoke',
        reason: 'Подтверждаю.',
      });
      expectStatus(confirmed, 200);
      expect(confirmed.body.state).toBe('revoked');
    });

    it('shows each body only its own dossiers, and members those on an agenda', async () => {
      const { id: draftOfMcriap } = (await a.create(COMPLETE)).body;
      const { id: submittedOfMcriap } = await submitted(
        backend,
        'system:default/own-1',
      );
      const { id: onAgendaOfMcriap } = await onAgenda(
        backend,
        'system:default/own-2',
      );
      const listed = async (user: string) =>
        (
          await request(backend.server)
            .get('/api/moratorium/requests?limit=500')
            .set('Authorization', as(user))
        ).body.items.map((r: any) => r.id);
      // The developer of minfin: none of mcriap's.
      const foreign = await listed(USERS.developer);
      for (const id of [draftOfMcriap, submittedOfMcriap, onAgendaOfMcriap]) {
        expect(foreign).not.toContain(id);
      }
      const denied = await a.get(submittedOfMcriap, USERS.developer);
      expectStatus(denied, 403);
      expect(denied.body.error.message).toContain('moratorium.request.read');
      // A member: those on an agenda, not those still in review.
      const member = await listed(USERS.member1);
      expect(member).toContain(onAgendaOfMcriap);
      expect(member).not.toContain(submittedOfMcriap);
      expectStatus(await a.get(submittedOfMcriap, USERS.member1), 403);
      expectStatus(await a.get(onAgendaOfMcriap, USERS.member1), 200);
      // The applicant's body sees its own; the secretary sees all submitted.
      expect(await listed(USERS.colleague)).toEqual(
        expect.arrayContaining([
          draftOfMcriap,
          submittedOfMcriap,
          onAgendaOfMcriap,
        ]),
      );
      expect(await listed(USERS.secretary)).toEqual(
        expect.arrayContaining([submittedOfMcriap, onAgendaOfMcriap]),
      );
      expect(await listed(USERS.secretary)).not.toContain(draftOfMcriap);
    });

    it('refuses an Idempotency-Key over 200 characters, naming the header', async () => {
      const res = await a.create(COMPLETE, USERS.applicant, 'k'.repeat(201));
      expectStatus(res, 400);
      expect(res.body.error.message).toMatch(/idempotency-key/i);
      expectStatus(
        await a.create(COMPLETE, USERS.applicant, 'k'.repeat(200)),
        201,
      );
    });

    it('lets exactly one of two racing transitions win', async () => {
      const { id, version } = await submitted(backend, 'system:default/race');
      const [first, second] = await Promise.all([
        a.act(id, USERS.secretary, { action: 'accept', version }),
        a.act(id, USERS.secretary, {
          action: 'return',
          reason: 'Неполный комплект.',
          version,
        }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const loser = first.status === 409 ? first : second;
      expect(loser.body.error.name).toBe('ConflictError');
      const history = (await a.get(id)).body.history.map((h: any) => h.action);
      expect(history).toEqual(['create', 'submit', expect.any(String)]);
    });

    it('replays a repeated idempotency key and refuses it for another body', async () => {
      const first = await a.create(COMPLETE, USERS.applicant, 'create-1');
      expectStatus(first, 201);
      const again = await a.create(COMPLETE, USERS.applicant, 'create-1');
      expectStatus(again, 201);
      expect(again.body).toEqual(first.body);

      const { id } = first.body;
      const submit1 = await a.act(
        id,
        USERS.applicant,
        { action: 'submit' },
        'k',
      );
      const submit2 = await a.act(
        id,
        USERS.applicant,
        { action: 'submit' },
        'k',
      );
      expectStatus(submit1, 200);
      expectStatus(submit2, 200);
      expect(submit2.body).toEqual(submit1.body);
      const history = (await a.get(id)).body.history;
      expect(history.filter((h: any) => h.action === 'submit')).toHaveLength(1);

      const other = await a.act(
        id,
        USERS.applicant,
        { action: 'withdraw', reason: 'Передумали.' },
        'k',
      );
      expectStatus(other, 409);
      expect(other.body.error.message).toContain('Idempotency-Key "k"');
    });

    it('lists requests and decisions', async () => {
      await approved(backend, 'system:default/listed');
      const mine = await request(backend.server)
        .get(
          '/api/moratorium/requests?state=approved,approved-with-conditions&mine=true',
        )
        .set('Authorization', as(USERS.applicant));
      expectStatus(mine, 200);
      expect(mine.body.items.length).toBeGreaterThanOrEqual(1);
      expect(
        mine.body.items.every((r: any) =>
          ['approved', 'approved-with-conditions'].includes(r.state),
        ),
      ).toBe(true);

      const decisions = await request(backend.server)
        .get('/api/moratorium/decisions')
        .query({ system: 'system:default/listed' })
        .set('Authorization', as(USERS.developer));
      expectStatus(decisions, 200);
      expect(decisions.body.items).toEqual([
        expect.objectContaining({
          outcome: 'approved',
          state: 'approved',
          requestNumber: expect.stringMatching(/^EX-/),
        }),
      ]);

      const csv = await request(backend.server)
        .get('/api/moratorium/decisions/export.csv')
        .query({ system: 'system:default/listed' })
        .set('Authorization', as(USERS.developer));
      expectStatus(csv, 200);
      expect(csv.text.split('\r\n')[0]).toBe(
        '\uFEFFrequestNumber,outcome,state,protocolNumber,sittingDate,expiresAt,system,stateBody,conditions,reasons,recordedAt',
      );
      expect(csv.text).toContain(',approved,approved,П-1,');
      const semicolons = await request(backend.server)
        .get('/api/moratorium/decisions/export.csv')
        .query({ system: 'system:default/listed', sep: ';' })
        .set('Authorization', as(USERS.developer));
      expectStatus(semicolons, 200);
      expect(semicolons.text.split('\r\n')[0]).toBe(
        '\uFEFFrequestNumber;outcome;state;protocolNumber;sittingDate;expiresAt;system;stateBody;conditions;reasons;recordedAt',
      );
      expect(semicolons.text).toContain(';approved;approved;П-1;');
      const badSep = await request(backend.server)
        .get('/api/moratorium/decisions/export.csv?sep=tab')
        .set('Authorization', as(USERS.developer));
      expectStatus(badSep, 400);
      expect(badSep.body.error.message).toMatch(/sep/);

      const badState = await request(backend.server)
        .get('/api/moratorium/requests?state=nonsense')
        .set('Authorization', as(USERS.secretary));
      expectStatus(badState, 400);
    });

    it('revokes an approval whose condition was missed, on schedule', async () => {
      const system = 'system:default/missed-condition';
      const { id, decision } = await approved(backend, system, [
        { text: 'Подключить к ОЦИБ', dueDate: day(30) },
      ]);
      // The due date passes.
      await backend
        .knex('moratorium_conditions')
        .where({ request_id: id })
        .update({ due_date: day(-2) });
      backend.refreshed.length = 0;

      await backend.runTask();

      const res = await a.get(id);
      expect(res.body.state).toBe('revoked');
      expect(res.body.decision.conditions[0]).toMatchObject({
        id: decision.conditions[0].id,
        status: 'missed',
      });
      expect(res.body.history.slice(-2)).toEqual([
        expect.objectContaining({
          action: 'mark-condition',
          details: expect.objectContaining({ status: 'missed' }),
        }),
        expect.objectContaining({ action: 'revoke', to: 'revoked' }),
      ]);
      expect((await a.exemptions(system)).body.items).toEqual([
        expect.objectContaining({ status: 'revoked', source: 'moratorium' }),
      ]);
      expect(backend.refreshed).toContain(system);
      expect(backend.sent).toContainEqual({
        recipients: { type: 'entity', entityRef: [USERS.applicant] },
        payload: expect.objectContaining({
          title: `Заявка ${res.body.number}: исключение отменено`,
          severity: 'high',
        }),
      });

      // A second run changes nothing.
      await backend.runTask();
      expect((await a.get(id)).body.version).toBe(res.body.version);
    });

    it('expires an approval past its last day, on schedule', async () => {
      const system = 'system:default/expiring';
      const { id } = await approved(backend, system);
      await backend
        .knex('moratorium_decisions')
        .where({ request_id: id })
        .update({ expires_at: day(-1) });

      await backend.runTask();

      expect((await a.get(id)).body.state).toBe('expired');
      expect((await a.exemptions(system)).body.items).toEqual([
        expect.objectContaining({ status: 'expired' }),
      ]);
    });

    it('reminds before a deadline and tells once it is missed, each once', async () => {
      const { id, number } = await submitted(
        backend,
        'system:default/deadline',
      );
      const deadline = backend
        .knex('moratorium_deadlines')
        .where({ request_id: id, subject: 'submitted' });
      await deadline
        .clone()
        .update({ due_at: new Date(Date.now() + 3600_000).toISOString() });
      const notices = () =>
        backend.sent.filter(n =>
          n.payload.title.startsWith(`Срок по заявке ${number}`),
        );

      await backend.runTask();
      await backend.runTask();
      expect(notices()).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [USERS.applicant, USERS.secretary],
          },
          payload: expect.objectContaining({
            title: expect.stringContaining('истекает'),
          }),
        },
      ]);

      await deadline
        .clone()
        .update({ due_at: new Date(Date.now() - 3600_000).toISOString() });
      await backend.runTask();
      await backend.runTask();
      expect(notices().map(n => n.payload.title)).toEqual([
        expect.stringContaining('истекает'),
        `Срок по заявке ${number} пропущен`,
      ]);
      expect((await a.get(id, USERS.secretary)).body.deadlines).toEqual([
        expect.objectContaining({ subject: 'submitted', overdue: true }),
      ]);
    });
  },
);

describe('the public record', () => {
  it('lets anyone read the decisions and verify the chain, but not the requests', async () => {
    const backend = await startMoratoriumBackend();
    try {
      await submitted(backend);
      const decisions = await request(backend.server)
        .get('/api/moratorium/decisions')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(decisions, 200);
      expect(decisions.body).toEqual({ items: [], totalCount: 0 });
      const csv = await request(backend.server)
        .get('/api/moratorium/decisions/export.csv')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(csv, 200);
      const verify = await request(backend.server)
        .get('/api/moratorium/audit/verify')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(verify, 200);
      expect(verify.body).toMatchObject({
        ok: true,
        checked: 2,
        firstBroken: null,
      });
      const requests = await request(backend.server)
        .get('/api/moratorium/requests')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(requests, 401);
    } finally {
      await backend.stop();
    }
  });

  it('needs sign-in for the record when it is not public', async () => {
    const backend = await startMoratoriumBackend({
      config: { moratorium: { publicRecord: false } },
    });
    try {
      const decisions = await request(backend.server)
        .get('/api/moratorium/decisions')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(decisions, 401);
      const verify = await request(backend.server)
        .get('/api/moratorium/audit/verify')
        .set('Authorization', mockCredentials.none.header());
      expectStatus(verify, 401);
    } finally {
      await backend.stop();
    }
  });
});

describe('moratorium audit', () => {
  it('verifies the chain, and names the row changed behind its back', async () => {
    const backend = await startMoratoriumBackend();
    try {
      const a = api(backend);
      const { id } = await submitted(backend);
      const ok = await a.verify();
      expectStatus(ok, 200);
      expect(ok.body).toMatchObject({
        ok: true,
        checked: 2,
        firstBroken: null,
      });

      const entries = await request(backend.server)
        .get('/api/moratorium/audit')
        .query({ request: id })
        .set('Authorization', as(USERS.auditor));
      expect(entries.body.items.map((e: any) => [e.seq, e.action])).toEqual([
        [2, 'submit'],
        [1, 'create'],
      ]);
      // The dossier is in the chain by its digest, not in full.
      expect(entries.body.items[1].payload).toEqual({
        number: expect.stringMatching(/^EX-/),
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(JSON.stringify(entries.body.items)).not.toContain(
        COMPLETE.securityPlan,
      );
      // The applicant may not read the audit record.
      expectStatus(
        await request(backend.server)
          .get('/api/moratorium/audit/verify')
          .set('Authorization', as(USERS.applicant)),
        403,
      );

      await backend
        .knex('moratorium_audit')
        .where({ seq: 1 })
        .update({ actor: 'user:default/mallory' });
      const broken = await a.verify();
      expectStatus(broken, 200);
      expect(broken.body).toMatchObject({
        ok: false,
        firstBroken: { seq: 1, requestId: id, problem: 'hash-mismatch' },
      });
    } finally {
      await backend.stop();
    }
  });
});
