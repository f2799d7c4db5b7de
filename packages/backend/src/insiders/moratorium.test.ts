import request from 'supertest';
import { databases, dropDatabases } from '../authz/__testUtils__/demoBackend';
import {
  Fixtures,
  completeContent,
  day,
} from '../authz/__testUtils__/fixtures';
import {
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

// Issue 15, the moratorium's bypasses: each test is what an insider with
// ordinary access tried, through the HTTP API with real sign-in tokens and
// the real role policy. Each passed (the bypass worked) before the change.

jest.setTimeout(300_000);

/** The demo people of examples/org/people.yaml the tests act as. */
const P = {
  /** Developer of minfin. */
  minfinDeveloper: 'dana.zhaksylykova',
  /** Digital head of minfin: signs minfin's requests. */
  minfinHead: 'asel.bekmukhambetova',
  /** Developer of akimat-almaty. */
  almatyDeveloper: 'madina.kassymova',
  /** Developer of mcriap. */
  mcriapDeveloper: 'aidos.seitkali',
  /** The commission's secretary, of mcriap. */
  secretary: 'gulnara.akhmetova',
  /** The platform architect, of nitec. */
  architect: 'timur.zhunusov',
  /** A commission member of minfin. */
  minfinMember: 'saule.zhaksybekova',
  /** Commission members of bodies that file no requests here. */
  members: ['marat.utepov', 'aizhan.temirbayeva', 'ruslan.mukanov'],
  /** The security officer, of mcriap. */
  securityOfficer: 'yerzhan.baizhanov',
  /** The auditor. */
  auditor: 'dinara.seitkazieva',
  /** The admin, of mcriap. */
  admin: 'platform.admin',
};

describe.each(databases('qaztech_insiders_moratorium_'))(
  'moratorium insiders on %s',
  (_name, database) => {
    let backend: SuiteBackend;
    let f: Fixtures;

    beforeAll(async () => {
      backend = await startSuiteBackend(database);
      f = new Fixtures(backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
    });

    /** Calls the API as a person and returns the whole response. */
    async function as(
      user: string,
      method: 'get' | 'post' | 'put',
      path: string,
      body?: object,
    ) {
      const req = request(backend.server)
        [method](`/api/moratorium${path}`)
        .set('authorization', `Bearer ${await f.token(user)}`);
      return body ? req.send(body) : req;
    }

    const act = (user: string, id: string, body: object) =>
      as(user, 'post', `/requests/${id}/transitions`, body);

    it('refuses submission until the applicant says why each of the top similar systems cannot be reused', async () => {
      // A minfin developer files a system that does what «Е-Өтініш» already
      // does, in other words than its title: only its purpose matches.
      const content = {
        ...completeContent('minfin', 9101),
        system: {
          kind: 'planned',
          entityRef: 'system:default/insider-appeals',
          title: { ru: 'Учёт жалоб', kk: 'Шағымдарды есепке алу' },
        },
        purpose:
          'Приём и рассмотрение обращений граждан, контроль сроков ответа.',
      };
      const created = await as(P.minfinDeveloper, 'post', '/requests', {
        content,
      });
      expect(created.status).toBe(201);
      const similar = await as(
        P.minfinDeveloper,
        'get',
        `/similar-systems?q=${encodeURIComponent(
          `Учёт жалоб Шағымдарды есепке алу ${content.purpose}`,
        )}`,
      );
      expect(similar.status).toBe(200);
      const top = similar.body.items.slice(0, 3);
      expect(top[0]).toMatchObject({
        title: { ru: 'Информационная система «Е-Өтініш»' },
        matchedTerms: expect.arrayContaining(['обращений']),
      });

      // The secretary-facing record must not be reachable without answers.
      const bare = await act(P.minfinHead, created.body.id, {
        action: 'submit',
      });
      expect(bare.status).toBe(400);
      for (const system of top) {
        expect(bare.body.error.message).toContain(
          `«${system.title.ru}» (${system.entityRef})`,
        );
      }

      // A blank reason, or reasons for systems that were not found, count
      // for nothing.
      const dodged = await as(
        P.minfinDeveloper,
        'put',
        `/requests/${created.body.id}`,
        {
          version: created.body.version,
          content: {
            ...content,
            reuseAnswers: [
              { entityRef: top[0].entityRef, reason: '   ' },
              { entityRef: 'system:default/nothing-alike', reason: 'Не то.' },
            ],
          },
        },
      );
      expect(dodged.status).toBe(200);
      const still = await act(P.minfinHead, created.body.id, {
        action: 'submit',
      });
      expect(still.status).toBe(400);
      expect(still.body.error.message).toContain(top[0].entityRef);

      const answered = await as(
        P.minfinDeveloper,
        'put',
        `/requests/${created.body.id}`,
        {
          version: dodged.body.version,
          content: {
            ...content,
            reuseAnswers: top.map((s: { entityRef: string }) => ({
              entityRef: s.entityRef,
              reason: 'Не ведёт жалобы на качество услуг министерства.',
            })),
          },
        },
      );
      expect(answered.status).toBe(200);
      const submitted = await act(P.minfinHead, created.body.id, {
        action: 'submit',
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.similarSystems.slice(0, 3)).toEqual(top);
    });

    it('does not let the applicant choose the body the conflict of interest is judged on', async () => {
      // A minfin developer names a role group she belongs to as the
      // requesting "state body": minfin's commission member could vote and
      // its people decide.
      const res = await as(P.minfinDeveloper, 'post', '/requests', {
        content: {
          ...completeContent('minfin', 9001),
          stateBodyRef: 'group:default/qaztech-developers',
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'content.stateBodyRef group:default/qaztech-developers is not a state body',
      );
    });

    it('keeps the system and the body fixed after submission, and sends changed content back through review', async () => {
      const { id } = await f.inMinistryReview('minfin');
      const asked = await act(P.secretary, id, {
        action: 'request-info',
        questions: 'Уточните смету.',
      });
      expect(asked.status).toBe(200);
      const content = asked.body.content;
      const moved = await as(P.minfinDeveloper, 'put', `/requests/${id}`, {
        version: asked.body.version,
        content: {
          ...content,
          system: {
            ...content.system,
            entityRef: 'system:default/insider-other-system',
          },
        },
      });
      expect(moved.status).toBe(409);
      expect(moved.body.error.message).toContain(
        'content.system is fixed at submission',
      );

      const edited = await as(P.minfinDeveloper, 'put', `/requests/${id}`, {
        version: asked.body.version,
        content: { ...content, purpose: `${content.purpose} (новая цель)` },
      });
      expect(edited.status).toBe(200);
      const answered = await act(P.minfinDeveloper, id, {
        action: 'provide-info',
        answer: 'Цель уточнена.',
      });
      expect(answered.status).toBe(200);
      // The platform opinion was given on other content: it goes stale and
      // the request is reviewed again from the start.
      expect(answered.body.state).toBe('platform-review');
      expect(answered.body.opinions).toEqual([
        expect.objectContaining({ stage: 'platform-review', stale: true }),
      ]);
    });

    it('refuses commission-side steps to a member of the requesting body, naming the conflict', async () => {
      // The secretary belongs to mcriap: she may not take in mcriap's request.
      const { id } = await f.submitted('mcriap');
      const accept = await act(P.secretary, id, { action: 'accept' });
      expect(accept.status).toBe(403);
      expect(accept.body.error.message).toBe(
        'Conflict of interest: you may not accept this request, because you belong to group:default/mcriap, the state body that asks.',
      );
      const ret = await act(P.admin, id, {
        action: 'return',
        reason: 'Не хватает сметы.',
      });
      expect(ret.status).toBe(403);
      expect(ret.body.error.message).toContain('Conflict of interest');
    });

    it('keeps the ballot secret until the decision', async () => {
      const { id } = await f.onAgenda('minfin');
      expect(
        (
          await as(P.members[0], 'post', `/requests/${id}/votes`, {
            choice: 'against',
            opinion: 'Дублирует систему минэкономики.',
          })
        ).status,
      ).toBe(200);

      // The applicant's body sees neither the vote nor a tally.
      const applicant = (await as(P.minfinDeveloper, 'get', `/requests/${id}`))
        .body;
      expect(applicant.votes).toEqual([]);
      expect(applicant).not.toHaveProperty('tally');
      expect(JSON.stringify(applicant.history)).not.toMatch(
        /against|Дублирует/,
      );
      // Another member sees how many voted, not who voted what.
      const member = (await as(P.members[1], 'get', `/requests/${id}`)).body;
      expect(member.votes).toEqual([]);
      expect(member.ballot).toMatchObject({ votesCast: 1, secret: true });
      // The member sees their own vote.
      const own = (await as(P.members[0], 'get', `/requests/${id}`)).body;
      expect(own.votes).toEqual([
        expect.objectContaining({ choice: 'against' }),
      ]);
      // Nor does the audit record tell the choice before the decision.
      const audit = await as(P.auditor, 'get', `/audit?request=${id}`);
      expect(audit.status).toBe(200);
      expect(JSON.stringify(audit.body.items)).not.toMatch(/against|Дублирует/);
    });

    it('lets the commission, not the secretary, decide the terms', async () => {
      const { id } = await f.onAgenda('minfin');
      // An approval for 73 years.
      const forever = await act(P.secretary, id, {
        action: 'propose-decision',
        outcome: 'approved',
        expiresAt: '2099-12-31',
      });
      expect(forever.status).toBe(400);
      expect(forever.body.error.message).toContain(
        'moratorium.exemption.maxMonths',
      );
      for (const member of P.members) {
        expect(
          (await as(member, 'post', `/requests/${id}/votes`, { choice: 'for' }))
            .status,
        ).toBe(200);
      }
      // Recording other terms than the ones voted on.
      const other = await act(P.secretary, id, {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: 'П-insider',
        sittingDate: day(7),
        expiresAt: day(1000),
      });
      expect(other.status).toBe(409);
      expect(other.body.error.message).toContain('draft the members voted on');
      const decided = await act(P.secretary, id, {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: 'П-insider',
        sittingDate: day(7),
      });
      expect(decided.status).toBe(200);

      // Revocation: nobody alone.
      const alone = await act(P.secretary, id, {
        action: 'revoke',
        reason: 'Так решил секретарь.',
      });
      expect(alone.status).toBe(409);
      expect(
        (
          await act(P.secretary, id, {
            action: 'propose-revocation',
            reason: 'Условия нарушены.',
          })
        ).status,
      ).toBe(200);
      expect(
        (await act(P.secretary, id, { action: 'revoke', reason: 'Сама.' }))
          .status,
      ).toBe(403);
      const confirmed = await act(P.admin, id, {
        action: 'revoke',
        reason: 'Подтверждаю.',
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.state).toBe('revoked');
    });

    it('defers at most twice and keeps the votes of every sitting', async () => {
      const { id } = await f.onAgenda('akimat-almaty');
      expect(
        (
          await as(P.members[0], 'post', `/requests/${id}/votes`, {
            choice: 'against',
          })
        ).status,
      ).toBe(200);
      const defer = (n: number) =>
        act(P.secretary, id, {
          action: 'decide',
          outcome: 'deferred',
          protocolNumber: `П-отложено-${n}`,
          sittingDate: day(7 + n),
        });
      expect((await defer(0)).status).toBe(200);
      expect(
        (
          await act(P.secretary, id, {
            action: 'set-agenda',
            sittingDate: day(8),
          })
        ).status,
      ).toBe(200);
      expect((await defer(1)).status).toBe(200);
      expect(
        (
          await act(P.secretary, id, {
            action: 'set-agenda',
            sittingDate: day(9),
          })
        ).status,
      ).toBe(200);
      const third = await defer(2);
      expect(third.status).toBe(409);
      expect(third.body.error.message).toContain('moratorium.maxDeferrals');
      // The first sitting's vote is in the record, opened with the deferral.
      const audit = await as(P.auditor, 'get', `/audit?request=${id}`);
      const firstDeferral = audit.body.items.find(
        (e: any) => e.action === 'decide' && e.payload.to === 'deferred',
      );
      expect(firstDeferral.payload.votes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            member: `user:default/${P.members[0]}`,
            choice: 'against',
          }),
        ]),
      );
    });

    it("shows a dossier only to those who need it, and lists no other body's", async () => {
      const { id } = await f.submitted('minzdrav');
      for (const [user, status] of [
        [P.almatyDeveloper, 403],
        [P.minfinHead, 403],
        [P.minfinMember, 403],
        [P.securityOfficer, 403],
        [P.architect, 200],
        [P.secretary, 200],
        [P.auditor, 200],
      ] as const) {
        const res = await as(user, 'get', `/requests/${id}`);
        expect({ user, status: res.status }).toEqual({ user, status });
      }
      const listed = await as(P.almatyDeveloper, 'get', '/requests?limit=200');
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((r: any) => r.stateBodyRef)).not.toContain(
        'group:default/minzdrav',
      );
      expect(
        listed.body.items.every(
          (r: any) => r.stateBodyRef === 'group:default/akimat-almaty',
        ),
      ).toBe(true);
      // A member lists what is on an agenda, not what is still in review.
      const member = await as(P.members[0], 'get', '/requests?limit=200');
      expect(member.body.items.map((r: any) => r.id)).not.toContain(id);
      // The register of decisions stays public.
      const decisions = await request(backend.server).get(
        '/api/moratorium/decisions',
      );
      expect(decisions.status).toBe(200);
    });
  },
);
