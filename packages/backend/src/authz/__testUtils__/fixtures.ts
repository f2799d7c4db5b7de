import request from 'supertest';

/** The server of a started test backend. */
export type Server = Parameters<typeof request>[0];

/**
 * Who files and signs the exemption requests of each state body the
 * fixtures need: a developer or head of that body files, its digital head
 * (for mcriap, which has none, the admin, a member of mcriap) submits.
 */
const FILERS: Record<string, { applicant: string; signer: string }> = {
  mcriap: { applicant: 'aidos.seitkali', signer: 'platform.admin' },
  minfin: { applicant: 'dana.zhaksylykova', signer: 'asel.bekmukhambetova' },
  minzdrav: { applicant: 'yerlan.tokhtarov', signer: 'nurlan.abenov' },
  'akimat-almaty': {
    applicant: 'bauyrzhan.iskakov',
    signer: 'bauyrzhan.iskakov',
  },
};

/** Who drives requests through the stages the matrix does not test. */
const SECRETARY = 'gulnara.akhmetova';

const ARCHITECT = 'timur.zhunusov';
/** Commission members of none of the bodies fixtures are filed for. */
const VOTERS = [
  'marat.utepov',
  'aizhan.temirbayeva',
  'ruslan.mukanov',
  'aliya.nurpeisova',
];
/** A security officer who requests the waivers others decide. */
const WAIVER_REQUESTER = 'arman.kenzhebekov';

/**
 * The checks of the default scorecard that apply to a system in industrial
 * operation; each waiver a fixture opens takes the next one, because only
 * one waiver per system and check may be open.
 */
const WAIVABLE_CHECKS = [
  'record-complete',
  'security-governance',
  'overdue-findings',
  'branch-protection',
  'static-analysis',
  'dependencies',
  'ci-hardening',
  'hosting',
  'test-act',
  'crypto-and-login',
  'soc-monitoring',
  'data-categories',
];

/** A system in industrial operation owned by each state body of the matrix. */
export const SYSTEM_OF: Record<string, string> = {
  mcriap: 'shep',
  minfin: 'keruen',
  minzdrav: 'osms',
  nitec: 'qaztech',
  vap: 'is-gosaudita',
  'akimat-almaty': 'transportnaya-karta-almaty',
};

/** The entity ref of {@link SYSTEM_OF} a body. */
export function systemRefOf(body: string): string {
  const system = SYSTEM_OF[body];
  if (!system) {
    throw new Error(`The matrix names no system of ${body}`);
  }
  return `system:default/${system}`;
}

/** A calendar day `days` from today in Asia/Almaty. */
export function day(days: number): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** An exemption request's content with everything submission needs. */
export function completeContent(body: string, n: number) {
  return {
    system: {
      kind: 'planned',
      entityRef: `system:default/authz-planned-${n}`,
      title: { ru: `Плановая система ${n}`, kk: `Жоспарлы жүйе ${n}` },
    },
    stateBodyRef: `group:default/${body}`,
    purpose: 'Учёт обращений для проверки матрицы доступа',
    capabilityGaps: [
      {
        capability: 'Обработка секретных данных',
        reason: 'Платформа не аттестована для секретных данных.',
      },
    ],
    cost: { amountKzt: 50_000_000, budgetProgramme: '001 «Цифровизация»' },
    dataCategories: ['personal'],
    hosting: { kind: 'state-operator-dc', country: 'KZ' },
    securityPlan: 'План обеспечения ИБ согласован с ГТС.',
    exitPlan: 'Переход на платформу к 2028 году.',
  };
}

/**
 * The text the moratorium compares a request with the register by (its
 * `similarityText`): the planned titles and the purpose.
 */
export function similarityText(content: {
  system?: { kind?: string; title?: Record<string, string> };
  purpose?: string;
}): string {
  const title =
    content.system?.kind === 'planned'
      ? [
          content.system.title?.ru,
          content.system.title?.kk,
          content.system.title?.en,
        ]
      : [];
  return [...title, content.purpose].filter(Boolean).join(' ');
}

/** A campaign definition the registry accepts. */
export function campaignInput(id: string) {
  return {
    id,
    title: {
      ru: 'Проверка матрицы доступа',
      kk: 'Қолжетімділік матрицасын тексеру',
      en: 'Authorization matrix check',
    },
    owner: 'group:default/qaztech-security-officers',
    scope: { lifecycleStages: ['industrial-operation'] },
    goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
    startDate: '2026-01-01',
    milestones: [{ date: '2099-12-31', share: 1 }],
  };
}

/** The draft decision the secretary puts to the members' vote. */
function draftTerms(withConditions: boolean) {
  return {
    action: 'propose-decision',
    outcome: withConditions ? 'approved-with-conditions' : 'approved',
    expiresAt: day(400),
    ...(withConditions
      ? {
          conditions: [
            { text: 'Представить план миграции.', dueDate: day(60) },
          ],
        }
      : {}),
  };
}

/** A moratorium request as the API answers it (what fixtures need of it). */
export type RequestFixture = {
  id: string;
  version: number;
  sittingId?: string;
  conditionId?: string;
};

/**
 * Builds the data the matrix's cells act on, through the suite's own API
 * and as the people whose job each step is, so that every fixture is a
 * state the real workflow reaches.
 */
export class Fixtures {
  readonly #server: Server;
  readonly #tokens = new Map<string, Promise<string>>();
  #serial = 0;
  readonly #checksUsed = new Map<string, number>();

  constructor(server: Server) {
    this.#server = server;
  }

  /** A number no other fixture or cell of this backend used. */
  next(): number {
    this.#serial += 1;
    return this.#serial;
  }

  /** The Backstage token of a demo user, signed in once per backend. */
  token(userName: string): Promise<string> {
    let token = this.#tokens.get(userName);
    if (!token) {
      token = (async () => {
        const res = await request(this.#server)
          .get('/api/auth/demo/refresh')
          .set('x-requested-with', 'XMLHttpRequest')
          .set('x-qaztech-demo-user', userName);
        if (res.status !== 200) {
          throw new Error(
            `Sign-in of ${userName} answered ${res.status}: ${JSON.stringify(
              res.body,
            )}`,
          );
        }
        return res.body.backstageIdentity.token as string;
      })();
      this.#tokens.set(userName, token);
    }
    return token;
  }

  /** Calls the API as a user and expects `status`, naming the step if not. */
  async call(
    userName: string,
    method: 'get' | 'post' | 'put',
    path: string,
    status: number,
    body?: object,
  ): Promise<any> {
    const req = request(this.#server)
      [method](path)
      .set('authorization', `Bearer ${await this.token(userName)}`);
    const res = body ? await req.send(body) : await req;
    if (res.status !== status) {
      throw new Error(
        `Fixture step ${method.toUpperCase()} ${path} as ${userName} answered ${
          res.status
        }, not ${status}: ${JSON.stringify(res.body).slice(0, 500)}`,
      );
    }
    return res.body;
  }

  #act(user: string, id: string, body: object) {
    return this.call(
      user,
      'post',
      `/api/moratorium/requests/${id}/transitions`,
      200,
      body,
    );
  }

  /**
   * The content with a reason for each similar system the register finds
   * for it now, as the applicant gives them in the wizard (the reuse check
   * refuses submission without them).
   */
  async answeredReuse<T extends object>(
    user: string,
    content: T,
  ): Promise<
    T & { reuseAnswers: Array<{ entityRef: string; reason: string }> }
  > {
    const found = await this.call(
      user,
      'get',
      `/api/moratorium/similar-systems?q=${encodeURIComponent(
        similarityText(content),
      )}`,
      200,
    );
    return {
      ...content,
      reuseAnswers: (found.items as Array<{ entityRef: string }>).map(s => ({
        entityRef: s.entityRef,
        reason: 'Система решает другую задачу и не покрывает наши процессы.',
      })),
    };
  }

  /** A draft of `body`, filed by `applicant` (the body's filer by default). */
  async draft(body: string, applicant?: string): Promise<RequestFixture> {
    const filer = FILERS[body];
    if (!filer) {
      throw new Error(`No one files exemption requests of ${body}`);
    }
    const user = applicant ?? filer.applicant;
    const content = await this.answeredReuse(
      user,
      completeContent(body, this.next()),
    );
    const created = await this.call(
      user,
      'post',
      '/api/moratorium/requests',
      201,
      { content },
    );
    return { id: created.id, version: created.version };
  }

  /** A submitted request of `body`. */
  async submitted(body: string, applicant?: string): Promise<RequestFixture> {
    const { id } = await this.draft(body, applicant);
    const res = await this.#act(FILERS[body].signer, id, { action: 'submit' });
    return { id, version: res.version };
  }

  /** A request of `body` in the platform architect's review. */
  async inPlatformReview(
    body: string,
    applicant?: string,
  ): Promise<RequestFixture> {
    const { id } = await this.submitted(body, applicant);
    const res = await this.#act(SECRETARY, id, { action: 'accept' });
    return { id, version: res.version };
  }

  /** A request of `body` waiting for the applicant's information. */
  async infoRequested(body: string): Promise<RequestFixture> {
    const { id } = await this.inPlatformReview(body);
    const res = await this.#act(ARCHITECT, id, {
      action: 'request-info',
      questions: 'Уточните объём персональных данных.',
    });
    return { id, version: res.version };
  }

  /** A request of `body` in the ministry's review. */
  async inMinistryReview(
    body: string,
    applicant?: string,
  ): Promise<RequestFixture> {
    const { id } = await this.inPlatformReview(body, applicant);
    const res = await this.#act(ARCHITECT, id, {
      action: 'complete-platform-review',
      finding: 'platform-cannot-serve',
      text: 'Платформа не обрабатывает секретные данные.',
    });
    return { id, version: res.version };
  }

  /**
   * A request of `body` on the agenda of the sitting a week ahead, with the
   * secretary's draft decision (an approval, with one condition when asked)
   * for the members to vote on.
   */
  async onAgenda(
    body: string,
    applicant?: string,
    withConditions = false,
  ): Promise<RequestFixture> {
    const { id } = await this.inMinistryReview(body, applicant);
    const agenda = await this.#act(SECRETARY, id, {
      action: 'set-agenda',
      sittingDate: day(7),
      ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
    });
    const res = await this.#act(SECRETARY, id, draftTerms(withConditions));
    return { id, version: res.version, sittingId: agenda.sitting?.id };
  }

  /** A request of `body` the commission approved (with one open condition). */
  async approved(
    body: string,
    withConditions = false,
  ): Promise<RequestFixture> {
    const { id } = await this.onAgenda(body, undefined, withConditions);
    for (const member of VOTERS) {
      await this.call(
        member,
        'post',
        `/api/moratorium/requests/${id}/votes`,
        200,
        { choice: 'for' },
      );
    }
    const { action: _draft, ...terms } = draftTerms(withConditions);
    const res = await this.#act(SECRETARY, id, {
      ...terms,
      action: 'decide',
      protocolNumber: `П-${this.next()}`,
      sittingDate: day(7),
    });
    return {
      id,
      version: res.version,
      conditionId: res.decision?.conditions?.[0]?.id,
    };
  }

  /** An approval of `body` whose revocation the secretary has proposed. */
  async revocationProposed(body: string): Promise<RequestFixture> {
    const { id } = await this.approved(body);
    const res = await this.#act(SECRETARY, id, {
      action: 'propose-revocation',
      reason: 'Условия нарушены.',
    });
    return { id, version: res.version };
  }

  /** A check of the system no open waiver holds yet. */
  freeCheck(systemRef: string): string {
    const used = this.#checksUsed.get(systemRef) ?? 0;
    if (used >= WAIVABLE_CHECKS.length) {
      throw new Error(`Every check of ${systemRef} has a waiver already`);
    }
    this.#checksUsed.set(systemRef, used + 1);
    return WAIVABLE_CHECKS[used];
  }

  /** The body of a waiver request on a (free) check of the system. */
  waiverInput(systemRef: string, checkId = this.freeCheck(systemRef)) {
    return {
      systemRef,
      checkId,
      justification: 'Сканер внедряется, до конца квартала.',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
  }

  /** A waiver requested on the system of `body`, by `requester`. */
  async waiver(body: string, requester = WAIVER_REQUESTER): Promise<string> {
    const waiver = await this.call(
      requester,
      'post',
      '/api/security-readiness/waivers',
      201,
      this.waiverInput(systemRefOf(body)),
    );
    return waiver.id;
  }

  /** The inputs hash of the system's current readiness result. */
  async evidenceHash(body: string): Promise<string> {
    const card = await this.call(
      'platform.admin',
      'get',
      `/api/security-readiness/scorecards/default/${SYSTEM_OF[body]}`,
      200,
    );
    return card.result.inputsHash;
  }

  /** A finished evaluation run. */
  async run(body: string): Promise<string> {
    const run = await this.call(
      'platform.admin',
      'post',
      '/api/security-readiness/evaluate',
      202,
      { systemRef: systemRefOf(body) },
    );
    return run.id;
  }

  /** A draft campaign made in the app, by the admin. */
  async campaign(): Promise<{ id: string; version: number }> {
    const campaign = await this.call(
      'platform.admin',
      'post',
      '/api/registry/campaigns',
      201,
      campaignInput(`authz-fixture-${this.next()}`),
    );
    return { id: campaign.id, version: campaign.version };
  }
}
