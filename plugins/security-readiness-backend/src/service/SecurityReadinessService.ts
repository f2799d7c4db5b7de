import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import type { RegistryRecord } from '@qaztech/plugin-registry-common';
import {
  Attestation,
  CheckDefinition,
  CreateAttestationRequest,
  CreateSignOffRequest,
  DecideWaiverRequest,
  EvaluationRun,
  Fact,
  PushFactsRequest,
  ReadinessLevel,
  ReadinessSummary,
  RequestWaiverRequest,
  ScorecardHistoryEntry,
  ScorecardResponse,
  Scorecard,
  SignOff,
  Waiver,
  acceptsAttestation,
  attestationOverrulesFacts,
  automaticFactOutcome,
  CheckResult,
  isApplicable,
  isHttpUrl,
  isReservedSource,
  maxAttestationExpiry,
  ownBodyConflict,
  owningBodyConflict,
  securityReadinessEvidenceReadPermission,
  signOffAttesterConflict,
  securityReadinessAttestationCreatePermission,
  securityReadinessEvaluatePermission,
  securityReadinessFactCreatePermission,
  securityReadinessScorecardReadPermission,
  securityReadinessSignOffCreatePermission,
  securityReadinessSummaryReadPermission,
  securityReadinessWaiverDecidePermission,
  securityReadinessWaiverRequestPermission,
  waiverStatusAt,
} from '@qaztech/plugin-security-readiness-common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import {
  Page,
  SecurityReadinessStore,
  StoredScorecard,
} from '../database/SecurityReadinessStore';
import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import { accessAllows, Authorizer, SystemAccess } from './createAuthorizer';
import {
  DEFAULT_MAX_CLOCK_SKEW_MINUTES,
  EVALUATE_TASK_ID,
  FactSourceBinding,
} from './readSecurityReadinessConfig';

/** What the service needs of the evaluation engine. */
export interface ScorecardEvaluator {
  /**
   * Collects, evaluates and stores one system's scorecard now; NotFoundError
   * when it is not a registry system in the catalog.
   */
  evaluateSystem(systemRef: string, now: Date): Promise<StoredScorecard>;
}

/** What the service needs of the catalog's registry systems. */
export interface SystemLookup {
  /** The registry System entity, or undefined when there is none. */
  getSystem(systemRef: string): Promise<Entity | undefined>;
}

/** An action a caller may take on a system's scorecard. */
export type AllowedAction =
  | 'attest'
  | 'request-waiver'
  | 'decide-waiver'
  | 'sign-off'
  | 'evaluate';

/** A scorecard in a list. */
export type ScorecardListItem = {
  systemRef: string;
  title: string;
  stateBodyRef: string;
  score: number | null;
  level: ReadinessLevel;
  gatesFailed: StoredScorecard['result']['gatesFailed'];
  evaluatedAt: string;
  signedLevel?: ReadinessLevel;
  /** Asked for with `checks`: those of the checks the system passes. */
  passedChecks?: string[];
};

/** What `GET /scorecards/{namespace}/{name}` returns. */
export type ScorecardDetail = ScorecardResponse & {
  allowedActions: AllowedAction[];
  /** Present (true) when the caller may not read the raw evidence. */
  evidenceHidden?: boolean;
};

/** What `GET /review-queue` returns. */
export type ReviewQueue = {
  awaitingSignOff: ScorecardListItem[];
  expiringAttestations: Attestation[];
  pendingWaivers: Waiver[];
};

/** The query of `GET /scorecards`. */
export type ListScorecardsQuery = {
  level?: ReadinessLevel[];
  stateBody?: string;
  awaitingSignOff?: boolean;
  /** Comma-separated check ids to report as passed or not. */
  checks?: string;
  limit?: number;
  cursor?: string;
};

/** Options of {@link SecurityReadinessService}. */
export type SecurityReadinessServiceOptions = {
  store: SecurityReadinessStore;
  evaluator: ScorecardEvaluator;
  systems: SystemLookup;
  authorizer: Authorizer;
  userInfo: UserInfoService;
  scheduler: Pick<SchedulerService, 'triggerTask'>;
  scorecard: Scorecard;
  /** How many days ahead the review queue looks for expiring attestations. */
  remindDaysBefore: number;
  logger: LoggerService;
  now?: () => Date;
  /**
   * Whether officers may decide waivers of their own body's systems
   * (`securityReadiness.allowOwnBody`, default false).
   */
  allowOwnBody?: boolean;
  /** What each static token may report (`securityReadiness.factSources`). */
  factSources?: FactSourceBinding[];
  /** How far ahead of the clock a pushed fact may be (default 5 minutes). */
  maxClockSkewMs?: number;
  /** The ids (source names) of the collectors that run: reserved. */
  collectorIds?: string[];
};

/** A pushed fact's value may be at most this many bytes of JSON. */
export const MAX_FACT_VALUE_BYTES = 256 * 1024;
/** A waiver may run at most this many months. */
export const MAX_WAIVER_MONTHS = 12;
const ZONE = 'Asia/Almaty';

const ACTION_PERMISSIONS = [
  securityReadinessAttestationCreatePermission,
  securityReadinessWaiverRequestPermission,
  securityReadinessWaiverDecidePermission,
  securityReadinessSignOffCreatePermission,
  securityReadinessEvaluatePermission,
];

const sameRef = (a?: string, b?: string) =>
  !!a && !!b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * A System entity ref from a request, in the store's form
 * (`system:<namespace>/<name>`, lower case); 400 naming the field otherwise.
 */
function toSystemRef(ref: string, field: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref, {
      defaultKind: 'system',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`${field} is not an entity ref: ${ref}`);
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'system') {
    throw new InputError(
      `${field} must be a System entity ref, e.g. system:default/e-license; got ${ref}`,
    );
  }
  // A name the catalog could never hold would store facts nobody reads.
  if (
    !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(parsed.name)
  ) {
    throw new InputError(
      `${field} is not a valid entity name (letters, digits, "-", "_" and ".", at most 63 characters): ${ref}`,
    );
  }
  return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
}

/** The Group ref of a System's owner, in full form. */
function ownerOf(entity: Entity): string {
  const owner = (entity.spec as { owner?: string } | undefined)?.owner ?? '';
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return owner;
  }
}

function registryOf(entity: Entity): RegistryRecord | undefined {
  return (entity.spec as { registry?: RegistryRecord } | undefined)?.registry;
}

function instant(value: string, field: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new InputError(`${field} is not a date and time: ${value}`);
  }
  return new Date(time);
}

/** Check statuses a campaign of named checks counts as passed. */
const PASSED_STATUSES = new Set(['pass', 'waived', 'not-applicable']);

function toListItem(
  stored: StoredScorecard,
  checkIds?: readonly string[],
): ScorecardListItem {
  const { result, signedLevel } = stored;
  return {
    systemRef: result.systemRef,
    title: stored.title,
    stateBodyRef: stored.stateBodyRef,
    score: result.score,
    level: result.level,
    gatesFailed: result.gatesFailed,
    evaluatedAt: result.evaluatedAt,
    ...(signedLevel ? { signedLevel } : {}),
    ...(checkIds
      ? {
          passedChecks: result.checks
            .filter(
              c =>
                checkIds.includes(c.checkId) && PASSED_STATUSES.has(c.status),
            )
            .map(c => c.checkId),
        }
      : {}),
  };
}

/**
 * Who may read which systems: everyone's with the read permission, else
 * only those their groups own.
 */
type ReadScope = { all: true } | { all: false; ownershipRefs: string[] };

/**
 * The security readiness API's behaviour: reading scorecards (evaluating a
 * registry system on its first read), history, facts, runs and the summary;
 * pushed facts, attestations, waivers and sign-offs with their rules. Every
 * permission is asked through the {@link Authorizer}; actors come from the
 * credentials, never from request bodies. Errors are thrown for the
 * backend's error handler: InputError 400 naming the field, NotAllowedError
 * 403, NotFoundError 404, ConflictError 409.
 */
export class SecurityReadinessService {
  readonly #store: SecurityReadinessStore;
  readonly #evaluator: ScorecardEvaluator;
  readonly #systems: SystemLookup;
  readonly #authorizer: Authorizer;
  readonly #userInfo: UserInfoService;
  readonly #scheduler: Pick<SchedulerService, 'triggerTask'>;
  readonly #scorecard: Scorecard;
  readonly #remindDaysBefore: number;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #allowOwnBody: boolean;
  readonly #factSources: FactSourceBinding[];
  readonly #maxClockSkewMs: number;
  readonly #collectorIds: string[];

  constructor(options: SecurityReadinessServiceOptions) {
    this.#store = options.store;
    this.#evaluator = options.evaluator;
    this.#systems = options.systems;
    this.#authorizer = options.authorizer;
    this.#userInfo = options.userInfo;
    this.#scheduler = options.scheduler;
    this.#scorecard = options.scorecard;
    this.#remindDaysBefore = options.remindDaysBefore;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#allowOwnBody = options.allowOwnBody ?? false;
    this.#factSources = options.factSources ?? [];
    this.#maxClockSkewMs =
      options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MINUTES * 60_000;
    this.#collectorIds = options.collectorIds ?? [];
  }

  // Reading

  /** `GET /scorecards`: a page of results, filtered by what the caller may read. */
  async listScorecards(
    credentials: BackstageCredentials,
    query: ListScorecardsQuery,
  ): Promise<Page<ScorecardListItem>> {
    const scope = await this.#readScope(credentials);
    let stateBodyRefs = query.stateBody
      ? [query.stateBody.toLocaleLowerCase('en-US')]
      : undefined;
    if (!scope.all) {
      const own = scope.ownershipRefs.map(r => r.toLocaleLowerCase('en-US'));
      stateBodyRefs = stateBodyRefs
        ? stateBodyRefs.filter(ref => own.includes(ref))
        : own;
      if (stateBodyRefs.length === 0) {
        return { items: [], totalCount: 0 };
      }
    }
    const page = await this.#store.listScorecards(
      {
        levels: query.level,
        stateBodyRefs,
        awaitingSignOff: query.awaitingSignOff,
      },
      { limit: query.limit ?? 50, cursor: query.cursor },
    );
    const checkIds = query.checks?.split(',');
    return { ...page, items: page.items.map(s => toListItem(s, checkIds)) };
  }

  /**
   * `GET /scorecards/{namespace}/{name}`: the latest result, waivers,
   * attestations, sign-off and the caller's actions. A registry system that
   * was never evaluated is evaluated now.
   */
  async getScorecard(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ): Promise<ScorecardDetail> {
    const systemRef = toSystemRef(`system:${namespace}/${name}`, 'system');
    let stored = await this.#store.getScorecard(systemRef);
    let owner = stored?.stateBodyRef;
    if (!stored) {
      const entity = await this.#systems.getSystem(systemRef);
      if (!entity) {
        throw new NotFoundError(
          `${systemRef} is not a state information system in the catalog`,
        );
      }
      owner = ownerOf(entity);
    }
    const granted = await this.#authorizer.allowed(credentials, [
      securityReadinessScorecardReadPermission,
      ...ACTION_PERMISSIONS,
    ]);
    const actor = await this.#actorOf(credentials);
    const owns = !!actor && actor.ownershipRefs.some(r => sameRef(r, owner));
    if (!granted.has(securityReadinessScorecardReadPermission.name) && !owns) {
      throw new NotAllowedError(
        `Not allowed: ${securityReadinessScorecardReadPermission.name}`,
      );
    }
    if (!stored) {
      stored = await this.#evaluator.evaluateSystem(systemRef, this.#now());
    }
    const now = this.#now();
    const evidence = accessAllows(
      await this.#authorizer.systems(
        credentials,
        securityReadinessEvidenceReadPermission,
      ),
      { systemRef, ownerRef: owner ?? stored.stateBodyRef },
    );
    const [waivers, attestations, signOff] = await Promise.all([
      this.#store.waiversForSystems([systemRef]),
      this.#store.attestationsForSystems([systemRef]),
      this.#store.latestSignOff(systemRef),
    ]);
    const actions = actionsOf(granted, !!actor, owns).filter(action => {
      // Actions the rules below would refuse are not offered.
      if (owns && (action === 'attest' || action === 'sign-off')) {
        return false;
      }
      if (owns && !this.#allowOwnBody && action === 'decide-waiver') {
        return false;
      }
      return !(
        action === 'sign-off' &&
        actor &&
        signOffAttesterConflict({
          signer: actor.userRef,
          result: stored!.result,
          attestations,
        })
      );
    });
    return {
      result: evidence ? stored.result : redactResult(stored.result),
      waivers: evidence
        ? waivers.map(w => ({ ...w, status: waiverStatusAt(w, now) }))
        : [],
      attestations: evidence ? latestPerCheck(attestations) : [],
      ...(signOff
        ? { signOff: evidence ? signOff : redactSignOff(signOff) }
        : {}),
      allowedActions: actions,
      ...(evidence ? {} : { evidenceHidden: true }),
    };
  }

  /** `GET /scorecards/{namespace}/{name}/history`, newest first. */
  async history(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    query: { limit?: number; before?: string },
  ): Promise<{ items: ScorecardHistoryEntry[] }> {
    const systemRef = await this.#readableSystem(credentials, namespace, name);
    return {
      items: await this.#store.history(systemRef, {
        limit: query.limit ?? 50,
        before: query.before,
      }),
    };
  }

  /** `GET /scorecards/{namespace}/{name}/facts`: stored versions, newest first. */
  async facts(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    query: { type?: string; limit?: number },
  ): Promise<{ items: Fact[] }> {
    const systemRef = await this.#readableSystem(credentials, namespace, name);
    await this.#requireEvidence(credentials, systemRef);
    return {
      items: await this.#store.listFacts(systemRef, {
        type: query.type,
        limit: query.limit ?? 50,
      }),
    };
  }

  /** `GET /scorecards/{namespace}/{name}/signoffs`, newest first. */
  async signOffs(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    query: { limit?: number },
  ): Promise<{ items: SignOff[] }> {
    const systemRef = await this.#readableSystem(credentials, namespace, name);
    const items = await this.#store.listSignOffs(systemRef, {
      limit: query.limit ?? 50,
    });
    const evidence = await this.#evidenceAllowed(credentials, systemRef);
    return { items: evidence ? items : items.map(redactSignOff) };
  }

  /** `GET /summary`: by level, by state body, and the trend of `days` days. */
  async summary(
    credentials: BackstageCredentials,
    query: { days?: number },
  ): Promise<ReadinessSummary> {
    await this.#authorizer.check(
      credentials,
      securityReadinessSummaryReadPermission,
    );
    const from = DateTime.fromJSDate(this.#now(), { zone: ZONE })
      .minus({ days: (query.days ?? 90) - 1 })
      .toISODate()!;
    const [counts, byStateBody, trend] = await Promise.all([
      this.#store.countByLevel(),
      this.#store.countByStateBody(),
      this.#store.trend(from),
    ]);
    return {
      total: counts.total,
      byLevel: counts.byLevel,
      averageScore: counts.averageScore,
      byStateBody,
      trend,
      ...(counts.evaluatedAt ? { evaluatedAt: counts.evaluatedAt } : {}),
    };
  }

  /**
   * `GET /review-queue`: systems awaiting sign-off, current attestations
   * expiring within the reminder window (or expired), pending waivers.
   */
  async reviewQueue(
    credentials: BackstageCredentials,
    query: { limit?: number },
  ): Promise<ReviewQueue> {
    await this.#authorizer.check(
      credentials,
      securityReadinessScorecardReadPermission,
    );
    const now = this.#now();
    const limit = query.limit ?? 100;
    const until = DateTime.fromJSDate(now)
      .plus({ days: this.#remindDaysBefore })
      .toJSDate();
    // Attestations and waivers are evidence: those of the systems the
    // caller may read evidence of, filtered in SQL.
    const access = await this.#authorizer.systems(
      credentials,
      securityReadinessEvidenceReadPermission,
    );
    const systems = access.result === 'some' ? access.filter : undefined;
    const [awaiting, expiring, waivers] = await Promise.all([
      this.#store.listScorecards({ awaitingSignOff: true }, { limit }),
      access.result === 'none'
        ? []
        : this.#store.listExpiringAttestations(until, { limit, systems }),
      access.result === 'none'
        ? []
        : this.#store.listWaivers({ status: 'requested', limit, systems }),
    ]);
    return {
      awaitingSignOff: awaiting.items.map(s => toListItem(s)),
      expiringAttestations: expiring,
      pendingWaivers: waivers.filter(
        w => waiverStatusAt(w, now) === 'requested',
      ),
    };
  }

  /** `GET /runs/{id}`. */
  async getRun(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<EvaluationRun> {
    await this.#authorizer.check(
      credentials,
      securityReadinessScorecardReadPermission,
    );
    const run = await this.#store.getRun(id);
    if (!run) {
      throw new NotFoundError(`No evaluation run ${id}`);
    }
    return run;
  }

  /** `GET /runs`: the latest runs, newest first. */
  async listRuns(
    credentials: BackstageCredentials,
    query: { limit?: number },
  ): Promise<{ items: EvaluationRun[] }> {
    await this.#authorizer.check(
      credentials,
      securityReadinessScorecardReadPermission,
    );
    return { items: await this.#store.latestRuns(query.limit ?? 20) };
  }

  // Changing

  /**
   * `POST /evaluate`: one system now (a finished run), or every system by
   * the scheduled task (the queued or running run, joined when there is one).
   */
  async evaluate(
    credentials: BackstageCredentials,
    body: { systemRef?: string },
  ): Promise<EvaluationRun> {
    await this.#authorizer.check(
      credentials,
      securityReadinessEvaluatePermission,
    );
    const requestedBy = userRefOf(credentials);
    if (body.systemRef === undefined) {
      const { run, created } = await this.#store.createRun({
        scope: { kind: 'all' },
        trigger: 'manual',
        requestedBy,
        now: this.#now(),
      });
      try {
        await this.#scheduler.triggerTask(EVALUATE_TASK_ID);
      } catch (error) {
        // Running already, or not scheduled on this replica: the queued run
        // is taken by the task's next run either way.
        this.#logger.info(
          `Evaluation run ${run.id} waits for the next scheduled run: ${
            (error as Error).message
          }`,
          { runId: run.id },
        );
      }
      this.#logger.info(
        `Evaluation of all systems ${created ? 'queued' : 'joined'}`,
        { runId: run.id, requestedBy: requestedBy ?? 'service' },
      );
      return run;
    }

    const systemRef = toSystemRef(body.systemRef, 'systemRef');
    const scope = { kind: 'system' as const, systemRef };
    const startedAt = this.#now();
    const before = await this.#store.getScorecard(systemRef);
    let after: StoredScorecard;
    try {
      after = await this.#evaluator.evaluateSystem(systemRef, startedAt);
    } catch (error) {
      // A system that is not a registry system is a 404 and leaves no run;
      // any other failure is recorded, so GET /runs shows it.
      if (!(error instanceof NotFoundError)) {
        await this.#store.insertFinishedRun({
          scope,
          trigger: 'manual',
          requestedBy,
          status: 'failed',
          error: (error as Error).message,
          progress: { total: 1, done: 0, changed: 0 },
          startedAt,
          finishedAt: this.#now(),
        });
      }
      throw error;
    }
    const changed =
      !before ||
      before.changedAt !== after.changedAt ||
      before.result.inputsHash !== after.result.inputsHash
        ? 1
        : 0;
    // Evaluated here while the caller waits, the run is recorded finished:
    // it never enters the queue, so the evaluate task cannot claim it and
    // evaluate the system a second time.
    return this.#store.insertFinishedRun({
      scope,
      trigger: 'manual',
      requestedBy,
      status: 'succeeded',
      progress: { total: 1, done: 1, changed },
      startedAt,
      finishedAt: this.#now(),
    });
  }

  /**
   * `POST /facts` (service principals): stores facts pushed by CI or a
   * tool; they count from the next evaluation.
   */
  async pushFacts(
    credentials: BackstageCredentials,
    body: PushFactsRequest,
  ): Promise<{ inserted: number }> {
    await this.#authorizer.check(
      credentials,
      securityReadinessFactCreatePermission,
    );
    const binding = this.#bindingOf(credentials);
    const latest = this.#now().getTime() + this.#maxClockSkewMs;
    const facts = body.facts.map((fact, index) => {
      const field = `facts[${index}]`;
      if (isReservedSource(fact.source, this.#collectorIds)) {
        throw new NotAllowedError(
          `${field}.source '${fact.source}' is the name of a collector of the backend; facts pushed through the API may not use it`,
        );
      }
      if (binding && fact.source !== binding.source) {
        throw new NotAllowedError(
          `${field}.source must be '${binding.source}', the source the token of ${binding.subject} is bound to; got '${fact.source}'`,
        );
      }
      const observedAt = instant(fact.observedAt, `${field}.observedAt`);
      if (observedAt.getTime() > latest) {
        throw new InputError(
          `${field}.observedAt is in the future: ${
            fact.observedAt
          } (at most ${Math.round(
            this.#maxClockSkewMs / 60_000,
          )} minutes ahead of the server's clock are accepted)`,
        );
      }
      const size = Buffer.byteLength(JSON.stringify(fact.value ?? null));
      if (size > MAX_FACT_VALUE_BYTES) {
        throw new InputError(
          `${field}.value is ${Math.ceil(
            size / 1024,
          )} KB of JSON; at most 256 KB is accepted`,
        );
      }
      return {
        systemRef: toSystemRef(fact.systemRef, `${field}.systemRef`),
        type: fact.type,
        source: fact.source,
        observedAt: observedAt.toISOString(),
        value: fact.value ?? null,
      };
    });
    if (binding) {
      await this.#checkFactScope(binding, facts);
    }
    const result = await this.#store.insertFacts(facts);
    this.#logger.info(`Stored ${result.inserted} of ${facts.length} facts`, {
      systems: new Set(facts.map(f => f.systemRef)).size,
    });
    return result;
  }

  /**
   * `POST /attestations`: an officer's result of a check that accepts
   * attestations; the system is re-evaluated.
   */
  async attest(
    credentials: BackstageCredentials,
    body: CreateAttestationRequest,
  ): Promise<Attestation> {
    await this.#authorizer.check(
      credentials,
      securityReadinessAttestationCreatePermission,
    );
    const actor = await this.#requireActor(credentials);
    const systemRef = toSystemRef(body.systemRef, 'systemRef');
    const entity = await this.#requireSystem(systemRef);
    const check = this.#applicableCheck(entity, body.checkId);
    if (!acceptsAttestation(check)) {
      throw new InputError(
        `checkId '${check.id}' is evaluated automatically (${check.evaluation.kind}) and does not accept attestations`,
      );
    }
    if (body.evidence?.url !== undefined && !isHttpUrl(body.evidence.url)) {
      throw new InputError(
        `evidence.url must be an http or https link, got ${JSON.stringify(
          body.evidence.url,
        )}`,
      );
    }
    const conflict = owningBodyConflict({
      action: 'attest',
      systemRef,
      ownerRef: ownerOf(entity),
      ownershipRefs: actor.ownershipRefs,
    });
    if (conflict) {
      throw new NotAllowedError(conflict);
    }
    const now = this.#now();
    const overrules = attestationOverrulesFacts({
      checkId: check.id,
      factScore: automaticFactOutcome({
        check,
        entity: entity as StateInformationSystemEntity,
        scorecard: this.#scorecard,
        // The newest of each type and source is all the rule reads.
        facts: await this.#store.factsForSystems([systemRef], now),
        now,
      })?.score,
      result: body.result,
    });
    if (overrules) {
      throw new NotAllowedError(overrules);
    }
    const evidence = { ...body.evidence };
    if (evidence.performedOn !== undefined) {
      const today = DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
      if (!DateTime.fromISO(evidence.performedOn).isValid) {
        throw new InputError(
          `evidence.performedOn is not a date: ${evidence.performedOn}`,
        );
      }
      if (evidence.performedOn > today) {
        throw new InputError(
          `evidence.performedOn must not be in the future: ${evidence.performedOn}`,
        );
      }
    }
    if (evidence.sha256) {
      evidence.sha256 = evidence.sha256.toLowerCase();
    }
    const attestedAt = now.toISOString();
    const max = maxAttestationExpiry(
      check,
      { attestedAt, evidence },
      this.#scorecard,
    );
    let expiresAt = max;
    if (body.expiresAt !== undefined) {
      const requested = instant(body.expiresAt, 'expiresAt');
      if (requested.getTime() > Date.parse(max)) {
        throw new InputError(
          `expiresAt may be at most ${max}, the end of the check's validity`,
        );
      }
      expiresAt = requested.toISOString();
    }
    if (!(Date.parse(expiresAt) > now.getTime())) {
      throw new InputError(
        body.expiresAt !== undefined
          ? `expiresAt must be in the future: ${body.expiresAt}`
          : `evidence.performedOn ${evidence.performedOn} is too long ago: the attestation would already have expired on ${expiresAt}`,
      );
    }
    const attestation: Attestation = {
      id: randomUUID(),
      systemRef,
      checkId: check.id,
      result: body.result,
      evidence,
      attestedBy: actor.userRef,
      attestedAt,
      expiresAt,
    };
    await this.#store.insertAttestation(attestation);
    await this.#reevaluate(systemRef);
    return attestation;
  }

  /**
   * `POST /waivers`: a request to leave one check of one system out of its
   * score; the requester must own the system unless they decide waivers.
   */
  async requestWaiver(
    credentials: BackstageCredentials,
    body: RequestWaiverRequest,
  ): Promise<Waiver> {
    const granted = await this.#authorizer.allowed(credentials, [
      securityReadinessWaiverRequestPermission,
      securityReadinessWaiverDecidePermission,
    ]);
    if (!granted.has(securityReadinessWaiverRequestPermission.name)) {
      throw new NotAllowedError(
        `Not allowed: ${securityReadinessWaiverRequestPermission.name}`,
      );
    }
    const actor = await this.#requireActor(credentials);
    const systemRef = toSystemRef(body.systemRef, 'systemRef');
    const entity = await this.#requireSystem(systemRef);
    const owner = ownerOf(entity);
    if (
      !granted.has(securityReadinessWaiverDecidePermission.name) &&
      !actor.ownershipRefs.some(ref => sameRef(ref, owner))
    ) {
      throw new NotAllowedError(
        `Only the owner of ${systemRef} (${owner}) may request its waivers`,
      );
    }
    const check = this.#applicableCheck(entity, body.checkId);
    const now = this.#now();
    const expiresAt = instant(body.expiresAt, 'expiresAt');
    if (!(expiresAt.getTime() > now.getTime())) {
      throw new InputError(
        `expiresAt must be in the future: ${body.expiresAt}`,
      );
    }
    const latest = DateTime.fromJSDate(now).plus({ months: MAX_WAIVER_MONTHS });
    if (expiresAt.getTime() > latest.toMillis()) {
      throw new InputError(
        `expiresAt may be at most ${MAX_WAIVER_MONTHS} months ahead (${latest
          .toUTC()
          .toISO()})`,
      );
    }
    const justification = body.justification.trim();
    if (!justification) {
      throw new InputError('justification must not be empty');
    }
    const waiver: Waiver = {
      id: randomUUID(),
      systemRef,
      checkId: check.id,
      justification,
      requestedBy: actor.userRef,
      requestedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      status: 'requested',
    };
    await this.#store.insertWaiver(waiver);
    return waiver;
  }

  /**
   * `POST /waivers/{id}/decision`: grants or rejects a requested waiver; not
   * by its requester; a rejection needs a comment; a grant may shorten it,
   * never lengthen it. The system is re-evaluated.
   */
  async decideWaiver(
    credentials: BackstageCredentials,
    id: string,
    body: DecideWaiverRequest,
  ): Promise<Waiver> {
    await this.#authorizer.check(
      credentials,
      securityReadinessWaiverDecidePermission,
    );
    const actor = await this.#requireActor(credentials);
    const waiver = await this.#store.getWaiver(id);
    if (!waiver) {
      throw new NotFoundError(`No waiver ${id}`);
    }
    if (sameRef(waiver.requestedBy, actor.userRef)) {
      throw new NotAllowedError(
        'A waiver must be decided by someone other than its requester',
      );
    }
    const ownBody = ownBodyConflict({
      systemRef: waiver.systemRef,
      ownerRef: await this.#ownerOfSystem(waiver.systemRef),
      ownershipRefs: actor.ownershipRefs,
      allowOwnBody: this.#allowOwnBody,
    });
    if (ownBody) {
      throw new NotAllowedError(ownBody);
    }
    const now = this.#now();
    const status = waiverStatusAt(waiver, now);
    if (status !== 'requested') {
      throw new ConflictError(`The waiver is already ${status}`);
    }
    const comment = body.comment?.trim() || undefined;
    if (body.decision === 'rejected' && !comment) {
      throw new InputError('comment is required when rejecting a waiver');
    }
    let expiresAt: string | undefined;
    if (body.decision === 'granted' && body.expiresAt !== undefined) {
      const shorter = instant(body.expiresAt, 'expiresAt');
      if (shorter.getTime() > Date.parse(waiver.expiresAt)) {
        throw new InputError(
          `expiresAt may shorten the waiver, never lengthen it: at most ${waiver.expiresAt}`,
        );
      }
      if (!(shorter.getTime() > now.getTime())) {
        throw new InputError(
          `expiresAt must be in the future: ${body.expiresAt}`,
        );
      }
      expiresAt = shorter.toISOString();
    }
    const decided = await this.#store.decideWaiver(id, {
      status: body.decision,
      decidedBy: actor.userRef,
      decidedAt: now.toISOString(),
      decisionComment: comment,
      expiresAt: expiresAt ?? waiver.expiresAt,
    });
    if (!decided) {
      throw new ConflictError('The waiver was decided meanwhile');
    }
    if (decided.status === 'granted') {
      await this.#reevaluate(decided.systemRef);
    }
    return decided;
  }

  /**
   * `POST /signoffs`: signs off the current result, freezing its checks;
   * 409 when `evidenceHash` is not the current result's inputs.
   */
  async signOff(
    credentials: BackstageCredentials,
    body: CreateSignOffRequest,
  ): Promise<SignOff> {
    await this.#authorizer.check(
      credentials,
      securityReadinessSignOffCreatePermission,
    );
    const actor = await this.#requireActor(credentials);
    const systemRef = toSystemRef(body.systemRef, 'systemRef');
    const stored = await this.#store.getScorecard(systemRef);
    if (!stored) {
      if (await this.#systems.getSystem(systemRef)) {
        throw new ConflictError(
          `${systemRef} has not been evaluated yet; open its scorecard and review it first`,
        );
      }
      throw new NotFoundError(`${systemRef} has no scorecard`);
    }
    const owningBody = owningBodyConflict({
      action: 'sign off',
      systemRef,
      ownerRef: await this.#ownerOfSystem(systemRef, stored.stateBodyRef),
      ownershipRefs: actor.ownershipRefs,
    });
    if (owningBody) {
      throw new NotAllowedError(owningBody);
    }
    if (stored.result.inputsHash !== body.evidenceHash) {
      throw new ConflictError(
        `The scorecard of ${systemRef} changed since it was reviewed (evidenceHash is not the current one); reload and review it again`,
      );
    }
    const attester = signOffAttesterConflict({
      signer: actor.userRef,
      result: stored.result,
      attestations: await this.#store.attestationsForSystems([systemRef]),
    });
    if (attester) {
      throw new NotAllowedError(attester);
    }
    const signOff: SignOff = {
      id: randomUUID(),
      systemRef,
      level: stored.result.level,
      score: stored.result.score,
      signedBy: actor.userRef,
      signedAt: this.#now().toISOString(),
      ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}),
      evidenceHash: body.evidenceHash,
      results: stored.result.checks,
    };
    await this.#store.insertSignOff(signOff);
    return signOff;
  }

  // Helpers

  async #actorOf(
    credentials: BackstageCredentials,
  ): Promise<{ userRef: string; ownershipRefs: string[] } | undefined> {
    const userRef = userRefOf(credentials);
    if (!userRef) {
      return undefined;
    }
    const info = await this.#userInfo.getUserInfo(credentials);
    return { userRef, ownershipRefs: info.ownershipEntityRefs };
  }

  async #requireActor(credentials: BackstageCredentials) {
    const actor = await this.#actorOf(credentials);
    if (!actor) {
      throw new NotAllowedError('Only a signed-in person may do this');
    }
    return actor;
  }

  async #readScope(credentials: BackstageCredentials): Promise<ReadScope> {
    const granted = await this.#authorizer.allowed(credentials, [
      securityReadinessScorecardReadPermission,
    ]);
    if (granted.has(securityReadinessScorecardReadPermission.name)) {
      return { all: true };
    }
    const actor = await this.#actorOf(credentials);
    if (!actor) {
      throw new NotAllowedError(
        `Not allowed: ${securityReadinessScorecardReadPermission.name}`,
      );
    }
    return { all: false, ownershipRefs: actor.ownershipRefs };
  }

  /** The store's ref of a system the caller may read; 404 or 403 otherwise. */
  async #readableSystem(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ): Promise<string> {
    const systemRef = toSystemRef(`system:${namespace}/${name}`, 'system');
    const scope = await this.#readScope(credentials);
    const stored = await this.#store.getScorecard(systemRef);
    let owner = stored?.stateBodyRef;
    if (!stored) {
      const entity = await this.#systems.getSystem(systemRef);
      if (!entity) {
        throw new NotFoundError(
          `${systemRef} is not a state information system in the catalog`,
        );
      }
      owner = ownerOf(entity);
    }
    if (!scope.all && !scope.ownershipRefs.some(r => sameRef(r, owner))) {
      throw new NotAllowedError(
        `Not allowed: ${securityReadinessScorecardReadPermission.name}`,
      );
    }
    return systemRef;
  }

  /** The owner Group of a system: the catalog's, else the stored one. */
  async #ownerOfSystem(systemRef: string, stored?: string): Promise<string> {
    const entity = await this.#systems.getSystem(systemRef);
    if (entity) {
      return ownerOf(entity);
    }
    return (
      stored ?? (await this.#store.getScorecard(systemRef))?.stateBodyRef ?? ''
    );
  }

  async #evidenceAllowed(
    credentials: BackstageCredentials,
    systemRef: string,
  ): Promise<boolean> {
    const access: SystemAccess = await this.#authorizer.systems(
      credentials,
      securityReadinessEvidenceReadPermission,
    );
    if (access.result !== 'some') {
      return access.result === 'all';
    }
    return access.allows({
      systemRef,
      ownerRef: await this.#ownerOfSystem(systemRef),
    });
  }

  /** 403 unless the caller may read the system's raw evidence. */
  async #requireEvidence(
    credentials: BackstageCredentials,
    systemRef: string,
  ): Promise<void> {
    if (!(await this.#evidenceAllowed(credentials, systemRef))) {
      throw new NotAllowedError(
        `Not allowed: ${securityReadinessEvidenceReadPermission.name} of ${systemRef} (its owner body, security officers and auditors read its facts)`,
      );
    }
  }

  /**
   * The binding of an external caller (a static token of
   * `backend.auth.externalAccess`, whose principal subject is the configured
   * `subject`, or `external:<subject>` for JWKS and legacy tokens) from
   * `securityReadiness.factSources`; 403 when it has none. Other backend
   * plugins (`plugin:<id>`, trusted code of this backend) have no binding.
   */
  #bindingOf(credentials: BackstageCredentials): FactSourceBinding | undefined {
    const principal = credentials.principal as {
      type?: string;
      subject?: string;
    };
    if (principal.type !== 'service') {
      return undefined;
    }
    const subject = principal.subject ?? '';
    if (subject.startsWith('plugin:')) {
      return undefined;
    }
    const name = subject.replace(/^external:/, '');
    const binding = this.#factSources.find(b => b.subject === name);
    if (!binding) {
      throw new NotAllowedError(
        `The token of ${name} is bound to no fact source (securityReadiness.factSources); it may report on no system`,
      );
    }
    return binding;
  }

  /** 403 naming the first system the binding may not report on. */
  async #checkFactScope(
    binding: FactSourceBinding,
    facts: { systemRef: string }[],
  ): Promise<void> {
    const systemRefs = [...new Set(facts.map(f => f.systemRef))];
    for (const systemRef of systemRefs) {
      if (binding.systems.includes(systemRef)) {
        continue;
      }
      const entity = await this.#systems.getSystem(systemRef);
      const owner = entity ? ownerOf(entity) : undefined;
      if (!owner || !binding.ownerGroups.includes(owner)) {
        throw new NotAllowedError(
          `The token of ${binding.subject} may not report on ${systemRef}${
            owner ? ` (owned by ${owner})` : ''
          }: it is bound to ${[...binding.ownerGroups, ...binding.systems].join(
            ', ',
          )}`,
        );
      }
    }
  }

  async #requireSystem(systemRef: string): Promise<Entity> {
    const entity = await this.#systems.getSystem(systemRef);
    if (!entity) {
      throw new NotFoundError(
        `${systemRef} is not a state information system in the catalog`,
      );
    }
    return entity;
  }

  /** A check of the scorecard that applies to the system; 400 otherwise. */
  #applicableCheck(entity: Entity, checkId: string): CheckDefinition {
    const check = this.#scorecard.checks.find(c => c.id === checkId);
    if (!check) {
      throw new InputError(
        `checkId '${checkId}' is not a check of the scorecard; use one of ${this.#scorecard.checks
          .map(c => c.id)
          .join(', ')}`,
      );
    }
    const registry = registryOf(entity);
    if (!registry || !isApplicable(check.applicability, registry)) {
      throw new InputError(
        `checkId '${checkId}' does not apply to ${stringifyEntityRef(entity)}`,
      );
    }
    return check;
  }

  /** Re-evaluates after a change; the change stands even if this fails. */
  async #reevaluate(systemRef: string): Promise<void> {
    try {
      await this.#evaluator.evaluateSystem(systemRef, this.#now());
    } catch (error) {
      this.#logger.warn(
        `Could not re-evaluate ${systemRef}; the next run will: ${
          (error as Error).message
        }`,
        { systemRef },
      );
    }
  }
}

/** The newest attestation of each check: the one that counts, or the last expired. */
function latestPerCheck(attestations: Attestation[]): Attestation[] {
  const latest = new Map<string, Attestation>();
  for (const a of attestations) {
    const seen = latest.get(a.checkId);
    if (!seen || Date.parse(a.attestedAt) > Date.parse(seen.attestedAt)) {
      latest.set(a.checkId, a);
    }
  }
  return [...latest.values()].sort((a, b) =>
    a.checkId.localeCompare(b.checkId),
  );
}

/** A check's evidence without its links and digests, for readers of summaries. */
function redactChecks(checks: CheckResult[]): CheckResult[] {
  return checks.map(check => {
    const { url, sha256, attestationId, ...evidence } = check.evidence;
    return { ...check, evidence };
  });
}

function redactResult<T extends { checks: CheckResult[] }>(result: T): T {
  return { ...result, checks: redactChecks(result.checks) };
}

function redactSignOff(signOff: SignOff): SignOff {
  return { ...signOff, results: redactChecks(signOff.results) };
}

function actionsOf(
  granted: Set<string>,
  isPerson: boolean,
  owns: boolean,
): AllowedAction[] {
  const has = (p: BasicPermission) => granted.has(p.name);
  const actions: AllowedAction[] = [];
  if (isPerson) {
    if (has(securityReadinessAttestationCreatePermission)) {
      actions.push('attest');
    }
    if (
      has(securityReadinessWaiverRequestPermission) &&
      (owns || has(securityReadinessWaiverDecidePermission))
    ) {
      actions.push('request-waiver');
    }
    if (has(securityReadinessWaiverDecidePermission)) {
      actions.push('decide-waiver');
    }
    if (has(securityReadinessSignOffCreatePermission)) {
      actions.push('sign-off');
    }
  }
  if (has(securityReadinessEvaluatePermission)) {
    actions.push('evaluate');
  }
  return actions;
}
