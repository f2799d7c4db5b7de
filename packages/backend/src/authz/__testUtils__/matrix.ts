import {
  Fixtures,
  RequestFixture,
  campaignInput,
  completeContent,
  day,
  systemRefOf,
  SYSTEM_OF,
} from './fixtures';

/**
 * The authorization matrix of the QazTech suite: every HTTP route of the
 * registry, moratorium and security readiness backends (one row each, or
 * one row per action of a route that takes several), and what each demo
 * role may do there, on a resource of their own state body and of another.
 * authzMatrix.test.ts turns every cell into one HTTP request against a
 * real backend with the real sign-in, permission backend and role policy.
 */

/** The demo roles (plugins/permission-backend-module-qaztech-policy). */
export const ROLES = [
  'developer',
  'digitalHead',
  'platformArchitect',
  'secretary',
  'commissionMember',
  'securityOfficer',
  'auditor',
  'admin',
] as const;

/** A demo role. */
export type Role = (typeof ROLES)[number];

/**
 * The person of examples/org/people.yaml who acts in each role, and the
 * state body they belong to (their "own" body).
 */
export const PEOPLE: Record<Role, { user: string; body: string }> = {
  developer: { user: 'madina.kassymova', body: 'akimat-almaty' },
  digitalHead: { user: 'asel.bekmukhambetova', body: 'minfin' },
  platformArchitect: { user: 'timur.zhunusov', body: 'nitec' },
  secretary: { user: 'gulnara.akhmetova', body: 'mcriap' },
  commissionMember: { user: 'saule.zhaksybekova', body: 'minfin' },
  securityOfficer: { user: 'yerzhan.baizhanov', body: 'mcriap' },
  auditor: { user: 'dinara.seitkazieva', body: 'vap' },
  admin: { user: 'platform.admin', body: 'mcriap' },
};

/** The "other" state body: none of the people above belongs to it. */
export const OTHER_BODY = 'minzdrav';

/**
 * Whose resource a cell acts on: `own` — of the caller's state body;
 * `other` — of {@link OTHER_BODY}; `self` — one the caller made
 * themselves (their own exemption request or waiver); `any` — the route
 * has no state body (lists, statistics, campaigns).
 */
export type Ownership = 'own' | 'other' | 'self' | 'any';

/**
 * What a cell expects.
 * `allow` — authorization let the call through and it succeeded with this
 * status; `deny` — refused for who the caller is: 401 AuthenticationError
 * (no or bad credentials), 403 NotAllowedError (a permission, a conflict
 * of interest, not the resource's body), 404 NotFoundError (a draft hidden
 * from everyone but its body); `na` — the cell cannot exist in the demo
 * data (the reason says why), so there is no request to make.
 */
export type Expect =
  | { allow: number }
  | { deny: 401 | 403 | 404 }
  | { na: string };

/** Allowed, answering `status`. */
export const ok = (status = 200): Expect => ({ allow: status });
/** 403 NotAllowedError. */
export const FORBIDDEN: Expect = { deny: 403 };
/** 401 AuthenticationError. */
export const UNAUTHENTICATED: Expect = { deny: 401 };
/** 404 NotFoundError: the resource is hidden from the caller. */
export const HIDDEN: Expect = { deny: 404 };
/** The cell cannot exist; `reason` says why. */
export const na = (reason: string): Expect => ({ na: reason });

/** One role's expectation: the same for every ownership, or one each. */
export type RoleCell = Expect | Partial<Record<Ownership, Expect>>;

/** What a cell's request needs to know. */
export interface CellContext {
  /** The state body the resource belongs to. */
  body: string;
  /** The caller's user name, when the caller is a person. */
  user?: string;
  /** A number unique to the cell, for ids that must not repeat. */
  serial: number;
  fixtures: Fixtures;
}

/** The request of a cell, besides its method and credentials. */
export interface CellRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** One row of the matrix: a route (or one action of it) and its cells. */
export interface MatrixRow<T = any> {
  plugin: 'registry' | 'moratorium' | 'security-readiness';
  method: 'get' | 'post' | 'put' | 'delete';
  /** The path as the plugin's src/schema/openapi.yaml spells it. */
  path: string;
  /** Which of the route's actions the row is about, when it has several. */
  variant?: string;
  /** The ownerships the row has cells for. */
  ownership: readonly Ownership[];
  /**
   * Makes what the cell acts on, for the resource's state body (and, for
   * `self`, as the caller). Denied cells share it; an allowed cell of a
   * `mutates` row uses it up.
   */
  fixture?: (ctx: CellContext) => Promise<T>;
  /** Whether an allowed call changes the fixture so another cannot reuse it. */
  mutates?: boolean;
  request: (target: T, ctx: CellContext) => CellRequest;
  roles: Record<Role, RoleCell>;
  /** Without credentials (and with forged identity headers instead). */
  anonymous: Expect;
  /**
   * With a service token another backend plugin got for this one. Backstage
   * trusts its plugins: their calls pass the permission framework (only a
   * person's routes refuse them), so this column shows which routes a
   * plugin may call at all.
   */
  service: Expect;
  /**
   * With the CI pipeline's static token, restricted to pushing facts
   * (app-config.production.yaml); refused (403) unless given.
   */
  ci?: Expect;
}

/** Every role gets `rest` except those in `cells`. */
function roles(
  rest: RoleCell,
  cells: Partial<Record<Role, RoleCell>> = {},
): Record<Role, RoleCell> {
  return Object.fromEntries(
    ROLES.map(role => [role, cells[role] ?? rest]),
  ) as Record<Role, RoleCell>;
}

/** Allowed for the listed roles with `status`, refused (403) for the rest. */
function only(
  allowed: Role[],
  status = 200,
  cells: Partial<Record<Role, RoleCell>> = {},
): Record<Role, RoleCell> {
  return roles(FORBIDDEN, {
    ...Object.fromEntries(allowed.map(role => [role, ok(status)])),
    ...cells,
  });
}

// Why some cells cannot exist in the demo data.
const NO_FILER = na(
  'no one of this body may file an exemption request (it has no developer or digital head), so none exists',
);
const UNDECIDABLE = na(
  'mcriap requests cannot be decided: both people who record decisions (secretary, admin) belong to mcriap',
);
const CANNOT_FILE = na('this role may not file an exemption request');
/**
 * Nobody takes a commission-side step on their own body's request, and
 * everyone who takes mcriap requests in (secretary, admin) belongs to
 * mcriap: no mcriap request gets past submission in the demo data.
 */
const NOT_TAKEN_IN = na(
  'mcriap requests cannot be taken in: both people who may (secretary, admin) belong to mcriap',
);
/** The own cells of mcriap's people for requests past intake. */
const PAST_INTAKE = {
  secretary: NOT_TAKEN_IN,
  securityOfficer: NOT_TAKEN_IN,
  admin: NOT_TAKEN_IN,
};
const CANNOT_REQUEST_WAIVER = na('this role may not request a waiver');

/**
 * The roles whose own body has no exemption requests: their `own` cells
 * of request rows are not applicable. Merged into request rows.
 */
function requestRow(
  cells: Record<Role, RoleCell>,
  ownNa: Partial<Record<Role, Expect>> = {},
): Record<Role, RoleCell> {
  const result = { ...cells };
  const notFiled: Partial<Record<Role, Expect>> = {
    platformArchitect: NO_FILER,
    auditor: NO_FILER,
    ...ownNa,
  };
  for (const [role, reason] of Object.entries(notFiled) as [Role, Expect][]) {
    const cell = result[role];
    const other = isExpect(cell) ? cell : cell.other!;
    result[role] = { own: reason, other };
  }
  return result;
}

/** Whether a role cell is one expectation for every ownership. */
export function isExpect(cell: RoleCell): cell is Expect {
  return 'allow' in cell || 'deny' in cell || 'na' in cell;
}

/** The expectation of a role for an ownership. */
export function expectOf(cell: RoleCell, ownership: Ownership): Expect {
  if (isExpect(cell)) {
    return cell;
  }
  const expect = cell[ownership];
  if (!expect) {
    throw new Error(`The matrix gives no expectation for ${ownership}`);
  }
  return expect;
}

const OWN_OTHER = ['own', 'other'] as const;
const ANY = ['any'] as const;
const SELF = ['self'] as const;

/** Everyone signed in may read; a service may read; no one else. */
const READ = {
  roles: roles(ok()),
  anonymous: UNAUTHENTICATED,
  service: ok(),
};

/** The request fixture of a row, by the state it must be in. */
const requestIn =
  (state: (f: Fixtures, body: string) => Promise<RequestFixture>) =>
  (ctx: CellContext) =>
    state(ctx.fixtures, ctx.body);

const transition = (body: object) => (r: RequestFixture) => ({
  params: { id: r.id },
  body,
});

const systemParams = (ctx: CellContext) => ({
  namespace: 'default',
  name: SYSTEM_OF[ctx.body],
});

const IMPORT_RUN = {
  sourceId: 'national-register',
  source: 'file:///examples/register/national-register.json',
  format: 'json',
  startedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:00:02.000Z',
  status: 'succeeded',
  rowsRead: 1,
  imported: 1,
  rejected: [],
};

/** The one table. */
export const MATRIX: MatrixRow[] = [
  // ── registry ──────────────────────────────────────────────────────────
  {
    plugin: 'registry',
    method: 'get',
    path: '/systems',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/systems/{namespace}/{name}',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/stats',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/export.csv',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/imports',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    // Importers report their runs; a person never does, whatever the role.
    plugin: 'registry',
    method: 'post',
    path: '/imports',
    ownership: ANY,
    request: () => ({ body: IMPORT_RUN }),
    roles: roles(FORBIDDEN),
    anonymous: UNAUTHENTICATED,
    service: ok(201),
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/campaigns',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'post',
    path: '/campaigns',
    ownership: ANY,
    request: (_, ctx) => ({ body: campaignInput(`authz-${ctx.serial}`) }),
    roles: only(['secretary', 'securityOfficer', 'admin'], 201),
    anonymous: UNAUTHENTICATED,
    // A service may read the suite but not change it.
    service: ok(201),
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/campaigns/{id}',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.campaign(),
    request: c => ({ params: { id: c.id } }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'put',
    path: '/campaigns/{id}',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.campaign(),
    mutates: true,
    request: c => ({
      params: { id: c.id },
      body: { ...campaignInput(c.id), version: c.version },
    }),
    roles: only(['secretary', 'securityOfficer', 'admin']),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },
  {
    plugin: 'registry',
    method: 'post',
    path: '/campaigns/{id}/state',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.campaign(),
    mutates: true,
    request: c => ({
      params: { id: c.id },
      body: { state: 'active', version: c.version },
    }),
    roles: only(['secretary', 'securityOfficer', 'admin']),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/campaigns/{id}/progress',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.campaign(),
    request: c => ({ params: { id: c.id } }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/campaigns/{id}/late.csv',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.campaign(),
    request: c => ({ params: { id: c.id } }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/systems/{namespace}/{name}/campaigns',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/systems/{namespace}/{name}/similar',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    plugin: 'registry',
    method: 'get',
    path: '/integrations',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    // A person reads the language they picked; a plugin has no "me".
    plugin: 'registry',
    method: 'get',
    path: '/me/language',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Everyone sets their own language (the user is the token's), only a
    // person.
    plugin: 'registry',
    method: 'put',
    path: '/me/language',
    ownership: ANY,
    request: () => ({ body: { language: 'kk' } }),
    roles: roles(ok()),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Plugins read who speaks what to write notifications; people cannot
    // list it, whatever the role.
    plugin: 'registry',
    method: 'post',
    path: '/user-languages',
    ownership: ANY,
    request: () => ({ body: { userRefs: ['user:default/gulnara.akhmetova'] } }),
    roles: roles(FORBIDDEN),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },

  // ── moratorium ────────────────────────────────────────────────────────
  {
    // A request is filed for the caller's own state body only.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({
      body: { content: completeContent(ctx.body, ctx.serial) },
    }),
    roles: roles(FORBIDDEN, {
      developer: { own: ok(201), other: FORBIDDEN },
      digitalHead: { own: ok(201), other: FORBIDDEN },
      admin: { own: ok(201), other: FORBIDDEN },
    }),
    anonymous: UNAUTHENTICATED,
    // Only a person files a request.
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/requests',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/requests/{id}',
    variant: 'submitted',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.submitted(body)),
    request: r => ({ params: { id: r.id } }),
    // Dossiers: the applicant's body, the architect, the secretary and
    // auditors; members only once a request is on an agenda.
    roles: requestRow(
      roles(
        { own: ok(), other: FORBIDDEN },
        {
          platformArchitect: ok(),
          secretary: ok(),
          auditor: ok(),
          admin: ok(),
        },
      ),
    ),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },
  {
    // A draft is seen by its applicant and its state body, and hidden
    // (404) from everyone else, whatever their role.
    plugin: 'moratorium',
    method: 'get',
    path: '/requests/{id}',
    variant: 'draft',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.draft(body)),
    request: r => ({ params: { id: r.id } }),
    roles: requestRow(roles({ own: ok(), other: HIDDEN })),
    anonymous: UNAUTHENTICATED,
    service: HIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'put',
    path: '/requests/{id}',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.draft(body)),
    mutates: true,
    request: (r, ctx) => ({
      params: { id: r.id },
      body: {
        content: completeContent(ctx.body, ctx.serial),
        version: r.version,
      },
    }),
    roles: requestRow(
      roles(FORBIDDEN, {
        developer: { own: ok(), other: FORBIDDEN },
        digitalHead: { own: ok(), other: FORBIDDEN },
        admin: { own: ok(), other: FORBIDDEN },
      }),
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // The head of the requesting body signs; the developer may not.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'submit',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.draft(body)),
    mutates: true,
    request: transition({ action: 'submit' }),
    roles: requestRow(
      roles(FORBIDDEN, {
        digitalHead: { own: ok(), other: FORBIDDEN },
        admin: { own: ok(), other: FORBIDDEN },
      }),
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'accept',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.submitted(body)),
    mutates: true,
    request: transition({ action: 'accept' }),
    // Conflict of interest: not the intake of one's own body's request.
    roles: requestRow(
      only([], 200, {
        secretary: { own: FORBIDDEN, other: ok() },
        admin: { own: FORBIDDEN, other: ok() },
      }),
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'return',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.submitted(body)),
    mutates: true,
    request: transition({ action: 'return', reason: 'Не хватает сметы.' }),
    roles: requestRow(
      only([], 200, {
        secretary: { own: FORBIDDEN, other: ok() },
        admin: { own: FORBIDDEN, other: ok() },
      }),
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Nobody reviews a request of their own body (conflict of interest).
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'complete-platform-review',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.inPlatformReview(body)),
    mutates: true,
    request: transition({
      action: 'complete-platform-review',
      finding: 'platform-cannot-serve',
      text: 'Платформа не обрабатывает секретные данные.',
    }),
    roles: requestRow(
      only(['platformArchitect'], 200, {
        admin: { own: FORBIDDEN, other: ok() },
      }),
      PAST_INTAKE,
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'request-info',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.inPlatformReview(body)),
    mutates: true,
    request: transition({
      action: 'request-info',
      questions: 'Уточните бюджетную программу.',
    }),
    roles: requestRow(
      only(['platformArchitect', 'secretary', 'admin']),
      PAST_INTAKE,
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'provide-info',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.infoRequested(body)),
    mutates: true,
    request: transition({
      action: 'provide-info',
      answer: 'Программа 001.',
    }),
    roles: requestRow(
      roles(FORBIDDEN, {
        developer: { own: ok(), other: FORBIDDEN },
        digitalHead: { own: ok(), other: FORBIDDEN },
        admin: { own: ok(), other: FORBIDDEN },
      }),
      PAST_INTAKE,
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'set-agenda',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.inMinistryReview(body)),
    mutates: true,
    request: transition({
      action: 'set-agenda',
      sittingDate: day(14),
      ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
    }),
    roles: requestRow(only(['secretary', 'admin']), PAST_INTAKE),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Deferral needs no votes: what stops a decision here is who decides.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'decide',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.onAgenda(body)),
    mutates: true,
    request: transition({
      action: 'decide',
      outcome: 'deferred',
      protocolNumber: 'П-отложено',
      sittingDate: day(7),
    }),
    roles: requestRow(only(['secretary', 'admin']), PAST_INTAKE),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // The secretary puts the terms on the agenda; members vote on them.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'propose-decision',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.onAgenda(body)),
    mutates: true,
    request: transition({
      action: 'propose-decision',
      outcome: 'approved',
      expiresAt: day(300),
    }),
    roles: requestRow(only(['secretary', 'admin']), PAST_INTAKE),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'withdraw',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.submitted(body)),
    mutates: true,
    request: transition({ action: 'withdraw', reason: 'Передумали.' }),
    roles: requestRow(
      roles(FORBIDDEN, {
        developer: { own: ok(), other: FORBIDDEN },
        digitalHead: { own: ok(), other: FORBIDDEN },
        admin: { own: ok(), other: FORBIDDEN },
      }),
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'propose-revocation',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.approved(body)),
    mutates: true,
    request: transition({
      action: 'propose-revocation',
      reason: 'Условия нарушены.',
    }),
    roles: requestRow(only(['secretary', 'admin']), {
      secretary: UNDECIDABLE,
      securityOfficer: UNDECIDABLE,
      admin: UNDECIDABLE,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Four eyes: the secretary proposed it, a second person confirms; the
    // proposer may not (403), and without a proposal nobody revokes.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'revoke',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.revocationProposed(body)),
    mutates: true,
    request: transition({ action: 'revoke', reason: 'Подтверждаю.' }),
    roles: requestRow(only(['admin']), {
      secretary: UNDECIDABLE,
      securityOfficer: UNDECIDABLE,
      admin: UNDECIDABLE,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'mark-condition',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.approved(body, true)),
    mutates: true,
    request: r => ({
      params: { id: r.id },
      body: {
        action: 'mark-condition',
        conditionId: r.conditionId,
        status: 'met',
        evidence: 'План миграции получен.',
      },
    }),
    roles: requestRow(only(['secretary', 'admin']), {
      secretary: UNDECIDABLE,
      securityOfficer: UNDECIDABLE,
      admin: UNDECIDABLE,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Expiry is the scheduled task's alone: refused to every person.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'expire',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.approved(body)),
    request: transition({ action: 'expire' }),
    roles: requestRow(roles(FORBIDDEN), {
      secretary: UNDECIDABLE,
      securityOfficer: UNDECIDABLE,
      admin: UNDECIDABLE,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // The requester deciding their own request: refused even to a role
    // that may decide (the admin), as a conflict of interest.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/transitions',
    variant: 'decide own request',
    ownership: SELF,
    fixture: ctx => ctx.fixtures.onAgenda(ctx.body, ctx.user),
    request: transition({
      action: 'decide',
      outcome: 'deferred',
      protocolNumber: 'П-сам',
      sittingDate: day(7),
    }),
    roles: roles(CANNOT_FILE, {
      developer: FORBIDDEN,
      digitalHead: FORBIDDEN,
      admin: NOT_TAKEN_IN,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Members vote on requests of other bodies only; the admin holds the
    // permission but is no member of the commission.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/votes',
    variant: 'for',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.onAgenda(body)),
    request: r => ({
      params: { id: r.id },
      body: { choice: 'for', opinion: 'Обоснование убедительно.' },
    }),
    roles: requestRow(
      roles(FORBIDDEN, {
        commissionMember: { own: FORBIDDEN, other: ok() },
      }),
      PAST_INTAKE,
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/votes',
    variant: 'recuse',
    ownership: OWN_OTHER,
    fixture: requestIn((f, body) => f.onAgenda(body)),
    request: r => ({ params: { id: r.id }, body: { choice: 'recuse' } }),
    roles: requestRow(
      roles(FORBIDDEN, {
        commissionMember: { own: FORBIDDEN, other: ok() },
      }),
      PAST_INTAKE,
    ),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // The requester voting on their own request.
    plugin: 'moratorium',
    method: 'post',
    path: '/requests/{id}/votes',
    variant: 'vote on own request',
    ownership: SELF,
    fixture: ctx => ctx.fixtures.onAgenda(ctx.body, ctx.user),
    request: r => ({ params: { id: r.id }, body: { choice: 'for' } }),
    roles: roles(CANNOT_FILE, {
      developer: FORBIDDEN,
      digitalHead: FORBIDDEN,
      admin: NOT_TAKEN_IN,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // The register of decisions is public (moratorium.publicRecord).
    plugin: 'moratorium',
    method: 'get',
    path: '/decisions',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: ok(),
    service: ok(),
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/decisions/export.csv',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: ok(),
    service: ok(),
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/sittings',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/sittings/{id}',
    ownership: ANY,
    fixture: requestIn((f, body) => f.onAgenda(body)),
    request: r => ({ params: { id: r.sittingId! } }),
    ...READ,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/exemptions',
    ownership: ANY,
    request: (_, ctx) => ({ query: { system: systemRefOf(ctx.body) } }),
    ...READ,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/audit',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'moratorium',
    method: 'get',
    path: '/audit/verify',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: ok(),
    service: ok(),
  },
  {
    // The signed checkpoints of the audit chain: a public record.
    plugin: 'moratorium',
    method: 'get',
    path: '/audit/checkpoints',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: ok(),
    service: ok(),
  },
  {
    // The public keys that verify the audit record.
    plugin: 'moratorium',
    method: 'get',
    path: '/audit/keys',
    ownership: ANY,
    request: () => ({}),
    roles: roles(ok()),
    anonymous: ok(),
    service: ok(),
  },
  {
    // The request wizard's search: for those who file requests.
    plugin: 'moratorium',
    method: 'get',
    path: '/similar-systems',
    ownership: ANY,
    request: () => ({ query: { q: 'налог' } }),
    roles: only(['developer', 'digitalHead', 'admin']),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },

  // ── security readiness ────────────────────────────────────────────────
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/scorecards',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/scorecards/{namespace}/{name}',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/scorecards/{namespace}/{name}/history',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/scorecards/{namespace}/{name}/facts',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    // Raw facts: the owning body (a conditional grant applied by the
    // plugin's IS_OWNER_BODY rule), security officers and auditors.
    roles: roles(
      { own: ok(), other: FORBIDDEN },
      { securityOfficer: ok(), auditor: ok(), admin: ok() },
    ),
    anonymous: UNAUTHENTICATED,
    service: ok(),
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/scorecards/{namespace}/{name}/signoffs',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ params: systemParams(ctx) }),
    ...READ,
  },
  {
    // Sign-offs first: attestations and waivers below change the results
    // whose inputs a sign-off names.
    plugin: 'security-readiness',
    method: 'post',
    path: '/signoffs',
    ownership: OWN_OTHER,
    fixture: ctx => ctx.fixtures.evidenceHash(ctx.body),
    request: (hash: string, ctx) => ({
      body: {
        systemRef: systemRefOf(ctx.body),
        evidenceHash: hash,
        comment: 'Проверено.',
      },
    }),
    // Nobody signs off a system of a body they belong to.
    roles: only(['securityOfficer', 'admin'], 201, {
      securityOfficer: { own: FORBIDDEN, other: ok(201) },
      admin: { own: FORBIDDEN, other: ok(201) },
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'security-readiness',
    method: 'post',
    path: '/evaluate',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({ body: { systemRef: systemRefOf(ctx.body) } }),
    roles: only(['developer', 'securityOfficer', 'admin'], 202),
    anonymous: UNAUTHENTICATED,
    service: ok(202),
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/runs',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/runs/{id}',
    ownership: ANY,
    fixture: ctx => ctx.fixtures.run(ctx.body),
    request: (id: string) => ({ params: { id } }),
    ...READ,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/summary',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
  {
    // Facts come from CI and tools with service credentials, never from a
    // person.
    plugin: 'security-readiness',
    method: 'post',
    path: '/facts',
    ownership: ANY,
    request: (_, ctx) => ({
      body: {
        facts: [
          {
            systemRef: systemRefOf(ctx.body),
            type: 'scanner',
            // The source the CI token is bound to (suiteBackend.ts).
            source: 'ci:pipeline',
            observedAt: new Date(Date.now() - 60_000).toISOString(),
            value: { critical: 0 },
          },
        ],
      },
    }),
    roles: roles(FORBIDDEN),
    anonymous: UNAUTHENTICATED,
    service: ok(202),
    ci: ok(202),
  },
  {
    plugin: 'security-readiness',
    method: 'post',
    path: '/attestations',
    ownership: OWN_OTHER,
    request: (_, ctx) => ({
      body: {
        systemRef: systemRefOf(ctx.body),
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: { notes: 'Подключено к ОЦИБ.' },
      },
    }),
    // Nobody attests a system of a body they belong to.
    roles: only(['securityOfficer', 'admin'], 201, {
      securityOfficer: { own: FORBIDDEN, other: ok(201) },
      admin: { own: FORBIDDEN, other: ok(201) },
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // Owners ask for waivers of their own systems; those who decide
    // waivers may ask for any.
    plugin: 'security-readiness',
    method: 'post',
    path: '/waivers',
    ownership: OWN_OTHER,
    // A check no open waiver of the system holds; one waiver uses it up.
    fixture: async ctx => ctx.fixtures.freeCheck(systemRefOf(ctx.body)),
    mutates: true,
    request: (checkId: string, ctx) => ({
      body: ctx.fixtures.waiverInput(systemRefOf(ctx.body), checkId),
    }),
    roles: only(['securityOfficer', 'admin'], 201, {
      developer: { own: ok(201), other: FORBIDDEN },
      digitalHead: { own: ok(201), other: FORBIDDEN },
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'security-readiness',
    method: 'post',
    path: '/waivers/{id}/decision',
    ownership: OWN_OTHER,
    fixture: ctx => ctx.fixtures.waiver(ctx.body),
    mutates: true,
    request: (id: string) => ({
      params: { id },
      body: { decision: 'rejected', comment: 'Нет плана устранения.' },
    }),
    // Officers do not decide waivers of their own body's systems
    // (securityReadiness.allowOwnBody is off).
    roles: only(['securityOfficer', 'admin'], 200, {
      securityOfficer: { own: FORBIDDEN, other: ok() },
      admin: { own: FORBIDDEN, other: ok() },
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    // A waiver decided by its own requester: refused even to those who
    // decide waivers.
    plugin: 'security-readiness',
    method: 'post',
    path: '/waivers/{id}/decision',
    variant: 'decide own waiver',
    ownership: SELF,
    fixture: ctx => ctx.fixtures.waiver(ctx.body, ctx.user),
    request: (id: string) => ({
      params: { id },
      body: { decision: 'granted' },
    }),
    roles: roles(CANNOT_REQUEST_WAIVER, {
      developer: FORBIDDEN,
      digitalHead: FORBIDDEN,
      securityOfficer: FORBIDDEN,
      admin: FORBIDDEN,
    }),
    anonymous: UNAUTHENTICATED,
    service: FORBIDDEN,
  },
  {
    plugin: 'security-readiness',
    method: 'get',
    path: '/review-queue',
    ownership: ANY,
    request: () => ({}),
    ...READ,
  },
];
