import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BodyProgress,
  Campaign,
  CampaignBodyProgress,
  CampaignGoalFacts,
  PROGRESS_STATUSES,
  ProgressStatus,
  bodyProgress,
  compareProgressStatus,
  matchesScope,
  meetsGoal,
  rebuildCampaignHistory,
  systemProgressStatus,
  toCalendarDate,
  whatToDo,
} from '@qaztech/plugin-registry-common';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  CampaignStore,
  CampaignSystemRow,
  ReadinessRow,
} from '../database/CampaignStore';
import { RegistryStore, RegistrySystemFilter } from '../database/RegistryStore';
import { CampaignNotifier, campaignsLink } from './CampaignNotifier';
import { DigestLine } from './campaignMessages';
import { CampaignsConfig, NotificationLanguage } from './readCampaignsConfig';
import { StateBodyInfo } from './StateBodyDirectory';

/** Systems read from the register a batch. */
const BATCH = 500;

/** The campaign id of notices about every campaign (the weekly digest). */
const ALL_CAMPAIGNS = '*';

/** The state bodies' weekly digests a run gathers, by body ref. */
type WeeklyDigests = Map<
  string,
  {
    bodyTitle: string;
    responsible: string[];
    campaigns: Array<
      DigestLine & {
        campaignId: string;
        /** The campaign's title in each language, for each reader's. */
        campaignTitles: Partial<Record<NotificationLanguage, string>>;
      }
    >;
  }
>;

/** Systems a body's daily notice names; the rest are counted. */
const WORST_SYSTEMS = 5;

/** What the engine reads readiness levels from. */
export interface ReadinessSource {
  /** Every system's level; with `checkIds`, which of those checks pass. */
  listAll(checkIds?: string[]): Promise<ReadinessRow[]>;
}

/** What the engine reads state bodies from. */
export interface StateBodies {
  describe(bodyRefs: string[]): Promise<Map<string, StateBodyInfo>>;
}

/** What one run did, for the log and tests. */
export type CampaignRunResult = {
  campaigns: number;
  readinessSynced: boolean;
  notifications: number;
};

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The narrowest register filter a scope allows; the rest is checked per row. */
function toFilter(campaign: Campaign): RegistrySystemFilter {
  const { scope } = campaign;
  return {
    ...(scope.stateBodies?.length
      ? {
          owner: scope.stateBodies.map(ref =>
            ref.includes(':')
              ? ref
              : `group:${ref.includes('/') ? ref : `default/${ref}`}`,
          ),
        }
      : {}),
    ...(scope.lifecycleStages?.length
      ? { lifecycleStage: scope.lifecycleStages }
      : {}),
    ...(scope.platformStatuses?.length
      ? { platformStatus: scope.platformStatuses }
      : {}),
    ...(scope.hostingKinds?.length ? { hostingKind: scope.hostingKinds } : {}),
    ...(scope.critical !== undefined ? { critical: scope.critical } : {}),
  };
}

function isoWeek(date: string): string {
  const d = DateTime.fromISO(date);
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * Computes every campaign's progress from the register projection and the
 * readiness projection, keeps the day's history, and sends the reminders
 * and escalations that are due, each once.
 */
export class CampaignEngine {
  readonly #registry: RegistryStore;
  readonly #store: CampaignStore;
  readonly #readiness?: ReadinessSource;
  readonly #bodies: StateBodies;
  readonly #notifier: CampaignNotifier;
  readonly #logger: LoggerService;
  readonly #config: CampaignsConfig;
  readonly #now: () => Date;

  constructor(options: {
    registry: RegistryStore;
    store: CampaignStore;
    /** Absent when readiness is not read (no security readiness plugin). */
    readiness?: ReadinessSource;
    bodies: StateBodies;
    notifier: CampaignNotifier;
    logger: LoggerService;
    config: CampaignsConfig;
    now?: () => Date;
  }) {
    this.#registry = options.registry;
    this.#store = options.store;
    this.#readiness = options.readiness;
    this.#bodies = options.bodies;
    this.#notifier = options.notifier;
    this.#logger = options.logger;
    this.#config = options.config;
    this.#now = options.now ?? (() => new Date());
  }

  /** The scheduled run: readiness, then every draft and active campaign. */
  async run(): Promise<CampaignRunResult> {
    const logger = this.#logger.child({ task: 'registry-campaigns' });
    const started = Date.now();
    const campaigns = await this.#store.listCampaigns({
      states: ['draft', 'active'],
    });
    const checkIds = campaigns.flatMap(c =>
      c.goal.kind === 'checks-pass' ? c.goal.checkIds : [],
    );
    // Readiness is read only when a campaign's goal looks at it.
    const readinessSynced = campaigns.some(
      c => c.goal.kind !== 'platform-status',
    )
      ? await this.#syncReadiness(logger, checkIds)
      : false;
    let notifications = 0;
    const weekly: WeeklyDigests = new Map();
    for (const campaign of campaigns) {
      try {
        notifications += await this.#compute(campaign, {
          notify: campaign.state === 'active',
          weekly,
        });
      } catch (error) {
        logger.error(`Could not compute campaign ${campaign.id}`, {
          campaignId: campaign.id,
          error: String(error),
        });
      }
    }
    notifications += await this.#sendWeeklyDigests(weekly, logger);
    logger.info(
      `Computed ${campaigns.length} campaigns, sent ${notifications} notifications`,
      {
        campaigns: campaigns.length,
        notifications,
        readinessSynced,
        durationMs: Date.now() - started,
      },
    );
    return { campaigns: campaigns.length, readinessSynced, notifications };
  }

  /** Recomputes one campaign now (after it was created or changed), without notifying. */
  async recompute(campaignId: string): Promise<void> {
    const campaign = await this.#store.getCampaign(campaignId);
    if (
      campaign &&
      (campaign.state === 'draft' || campaign.state === 'active')
    ) {
      await this.#compute(campaign, { notify: false, weekly: new Map() });
    }
  }

  /**
   * Rebuilds the campaign's burn-up for the days from its start to the day
   * before `today` from the register's stored records (creation, lifecycle
   * and exemption decision dates) and the recorded entries into its scope;
   * days that already have a point keep it. Returns the points written.
   */
  async rebuildHistory(
    campaign: Campaign,
    today: string,
    entered: ReadonlyMap<string, string> = new Map(),
  ): Promise<number> {
    const until = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
    const systems = [];
    for await (const batch of this.#registry.streamRecords(BATCH)) {
      for (const s of batch) {
        systems.push({
          stateBodyRef: s.owner.ref,
          record: s.record,
          ...(entered.has(lower(s.entityRef))
            ? { enteredOn: entered.get(lower(s.entityRef))! }
            : {}),
        });
      }
    }
    const points = rebuildCampaignHistory({ campaign, systems, until });
    await this.#store.addHistory(campaign.id, points);
    return points.length;
  }

  /**
   * One digest a week to each state body's digitalization heads, over every
   * active campaign the body is behind in (kept in the database by week, so
   * one replica sends it once).
   */
  async #sendWeeklyDigests(
    weekly: WeeklyDigests,
    logger: LoggerService,
  ): Promise<number> {
    const today = toCalendarDate(this.#now(), this.#config.calendar);
    if (DateTime.fromISO(today).weekday < this.#config.digestWeekday) {
      return 0;
    }
    const week = isoWeek(today);
    let sent = 0;
    for (const [bodyRef, digest] of weekly) {
      try {
        const summary = { campaigns: digest.campaigns };
        const claimed = await this.#store.recordNotice({
          campaignId: ALL_CAMPAIGNS,
          recipient: bodyRef,
          kind: 'body-digest',
          period: week,
          contentHash: shortHash(JSON.stringify(summary)),
          summary,
        });
        if (!claimed) {
          continue;
        }
        const only =
          digest.campaigns.length === 1 ? digest.campaigns[0] : undefined;
        const ok = await this.#notifier.send({
          campaignId: only?.campaignId ?? ALL_CAMPAIGNS,
          recipients: digest.responsible,
          stateBody: bodyRef,
          scope: `digest:${bodyRef}`,
          severity: digest.campaigns.some(c => c.late > 0) ? 'high' : 'normal',
          ...(only ? {} : { link: campaignsLink(bodyRef) }),
          message: language => ({
            kind: 'body-digest',
            bodyTitle: digest.bodyTitle,
            campaigns: digest.campaigns.map(
              ({ campaignId: _, campaignTitles, ...c }) => ({
                ...c,
                campaignTitle: campaignTitles[language] ?? c.campaignTitle,
              }),
            ),
          }),
        });
        sent += ok ? 1 : 0;
      } catch (error) {
        logger.error(`Could not send the weekly digest of ${bodyRef}`, {
          error: String(error),
        });
      }
    }
    return sent;
  }

  async #syncReadiness(
    logger: LoggerService,
    checkIds: string[],
  ): Promise<boolean> {
    if (!this.#readiness) {
      return false;
    }
    try {
      const rows = await this.#readiness.listAll(checkIds);
      await this.#store.replaceReadiness(rows);
      return true;
    } catch (error) {
      // Campaigns keep the last levels read; the next run tries again.
      logger.warn(
        'Could not read security readiness; campaigns use the levels last read',
        { error: String(error) },
      );
      return false;
    }
  }

  async #compute(
    campaign: Campaign,
    options: { notify: boolean; weekly: WeeklyDigests },
  ): Promise<number> {
    const now = this.#now();
    const today = toCalendarDate(now, this.#config.calendar);
    const systems: Array<
      Omit<CampaignSystemRow, 'status'> & { facts: CampaignGoalFacts }
    > = [];
    for await (const batch of this.#registry.streamSystems(
      toFilter(campaign),
      BATCH,
    )) {
      const inScope = batch.filter(s =>
        matchesScope(campaign.scope, {
          stateBodyRef: s.owner.ref,
          lifecycleStage: s.lifecycleStage,
          platformStatus: s.platformStatus,
          critical: s.critical,
          hostingKind: s.hostingKind,
        }),
      );
      const readiness =
        campaign.goal.kind === 'platform-status'
          ? new Map<string, ReadinessRow>()
          : await this.#store.readiness(inScope.map(s => s.entityRef));
      for (const s of inScope) {
        const level = readiness.get(lower(s.entityRef));
        const facts: CampaignGoalFacts = {
          platformStatus: s.platformStatus,
          ...(level ? { readinessLevel: level.level } : {}),
          ...(level?.passedChecks
            ? { passedCheckIds: level.passedChecks }
            : {}),
        };
        systems.push({
          entityRef: lower(s.entityRef),
          stateBodyRef: lower(s.owner.ref),
          title: s.title,
          done: meetsGoal(campaign.goal, facts),
          whatToDo: whatToDo(campaign.goal, facts),
          facts,
        });
      }
    }

    // Each system is judged only against the milestones after it entered
    // the campaign's scope; the day is stored the first time it is seen.
    const entered = await this.#store.recordEntries(
      campaign.id,
      systems.map(s => s.entityRef),
      {
        today: today > campaign.startDate ? today : campaign.startDate,
        firstRun: campaign.startDate,
      },
    );
    const enteredOn = (ref: string) => entered.get(ref) ?? today;
    const counts = new Map<
      string,
      {
        total: number;
        done: number;
        systems: { enteredOn: string; done: boolean }[];
      }
    >();
    for (const s of systems) {
      const c = counts.get(s.stateBodyRef) ?? {
        total: 0,
        done: 0,
        systems: [],
      };
      c.total += 1;
      c.done += s.done ? 1 : 0;
      c.systems.push({ enteredOn: enteredOn(s.entityRef), done: s.done });
      counts.set(s.stateBodyRef, c);
    }
    const progressOf = (
      total: number,
      done: number,
      members: { enteredOn: string; done: boolean }[],
    ): BodyProgress =>
      bodyProgress({
        milestones: campaign.milestones,
        total,
        done,
        today,
        atRiskWorkingDays: this.#config.atRiskWorkingDays,
        calendar: this.#config.calendar,
        systems: members,
      });
    const info = await this.#bodies.describe([...counts.keys()]);
    const bodyStatus = new Map<string, BodyProgress>();
    const bodies: CampaignBodyProgress[] = [];
    for (const [ref, c] of counts) {
      const progress = progressOf(c.total, c.done, c.systems);
      bodyStatus.set(ref, progress);
      bodies.push({
        stateBodyRef: ref,
        title: info.get(ref)?.title ?? ref,
        responsible: info.get(ref)?.responsible ?? [],
        total: c.total,
        done: c.done,
        share: progress.share,
        status: progress.status,
      });
    }
    bodies.sort(
      (a, b) =>
        compareProgressStatus(a.status, b.status) ||
        a.share - b.share ||
        (a.stateBodyRef < b.stateBodyRef ? -1 : 1),
    );

    const rows: CampaignSystemRow[] = systems.map(({ facts: _, ...s }) => ({
      ...s,
      status: systemProgressStatus(
        s.done,
        bodyStatus.get(s.stateBodyRef)!.status,
        {
          enteredOn: enteredOn(s.entityRef),
          milestones: campaign.milestones,
          today,
        },
      ),
    }));
    const total = systems.length;
    const done = systems.filter(s => s.done).length;
    const overall = progressOf(
      total,
      done,
      [...counts.values()].flatMap(c => c.systems),
    );
    const byStatus = Object.fromEntries(
      PROGRESS_STATUSES.map(status => [status, 0]),
    ) as Record<ProgressStatus, number>;
    for (const b of bodies) {
      byStatus[b.status] += 1;
    }
    const writeHistory =
      campaign.state === 'active' && today >= campaign.startDate;
    if (writeHistory && !(await this.#store.hasHistory(campaign.id))) {
      // A new installation, or a campaign started in the past: the days
      // before today are rebuilt from the stored records, so the burn-up
      // starts at the campaign's start instead of one dot.
      await this.rebuildHistory(campaign, today, entered);
    }
    await this.#store.saveComputation(campaign.id, {
      summary: {
        status: overall.status,
        share: overall.share,
        total,
        done,
        requiredShare: overall.requiredShare,
        ...(overall.nextMilestone
          ? { nextMilestone: overall.nextMilestone }
          : {}),
        bodies: byStatus,
        computedAt: now.toISOString(),
      },
      bodies,
      systems: rows,
      date: today,
      writeHistory,
    });
    if (!options.notify) {
      return 0;
    }
    return this.#notify(campaign, today, rows, bodies, bodyStatus, options);
  }

  async #notify(
    campaign: Campaign,
    today: string,
    systems: CampaignSystemRow[],
    bodies: CampaignBodyProgress[],
    bodyStatus: Map<string, BodyProgress>,
    options: { weekly: WeeklyDigests },
  ): Promise<number> {
    // Each reader gets the campaign and system titles in their language.
    const title = (language: NotificationLanguage) =>
      campaign.title[language] ?? campaign.title.ru;
    let sent = 0;

    // One notice a day to each state body with systems at risk or late:
    // counts by status, the worst few systems and a link to its filtered
    // view; sent again only when what it says changed (kept in the database
    // with the day), so a body's members get at most one a campaign a day
    // however many of its systems are behind.
    const behind = new Map<string, CampaignSystemRow[]>();
    for (const system of systems) {
      if (system.status === 'at-risk' || system.status === 'late') {
        const list = behind.get(system.stateBodyRef) ?? [];
        list.push(system);
        behind.set(system.stateBodyRef, list);
      }
    }
    for (const body of bodies) {
      const list = behind.get(body.stateBodyRef);
      if (!list) {
        continue;
      }
      const progress = bodyStatus.get(body.stateBodyRef)!;
      const late = list.filter(s => s.status === 'late');
      const milestone =
        late.length > 0
          ? // Shares never decrease: a late body misses the last passed one.
            campaign.milestones.filter(m => m.date < today).pop()
          : progress.nextMilestone;
      const worst = [
        ...late,
        ...list.filter(s => s.status === 'at-risk'),
      ].slice(0, WORST_SYSTEMS);
      const summary = {
        total: body.total,
        done: body.done,
        late: late.length,
        atRisk: list.length - late.length,
        worst: worst.map(s => s.entityRef),
        ...(milestone ? { milestoneDate: milestone.date } : {}),
      };
      const contentHash = shortHash(JSON.stringify(summary));
      const last = await this.#store.lastNotice(
        campaign.id,
        body.stateBodyRef,
        'body-daily',
      );
      if (last && (last.period >= today || last.contentHash === contentHash)) {
        continue;
      }
      const claimed = await this.#store.recordNotice({
        campaignId: campaign.id,
        recipient: body.stateBodyRef,
        kind: 'body-daily',
        period: today,
        contentHash,
        summary,
      });
      if (!claimed) {
        continue;
      }
      const ok = await this.#notifier.send({
        campaignId: campaign.id,
        recipients: [body.stateBodyRef],
        stateBody: body.stateBodyRef,
        scope: `daily:${body.stateBodyRef}`,
        severity: late.length > 0 ? 'high' : 'normal',
        message: language => ({
          kind: 'body-daily',
          campaignTitle: title(language),
          bodyTitle: body.title,
          total: body.total,
          done: body.done,
          late: summary.late,
          atRisk: summary.atRisk,
          worst: worst.map(s => s.title[language] ?? s.title.ru),
          ...(milestone ? { milestoneDate: milestone.date } : {}),
        }),
      });
      sent += ok ? 1 : 0;
    }

    // This campaign's line in each body's weekly digest (sent by run()).
    for (const body of bodies) {
      if (body.status === 'done' || body.responsible.length === 0) {
        continue;
      }
      const list = behind.get(body.stateBodyRef) ?? [];
      const next = bodyStatus.get(body.stateBodyRef)?.nextMilestone;
      const digest = options.weekly.get(body.stateBodyRef) ?? {
        bodyTitle: body.title,
        responsible: body.responsible,
        campaigns: [],
      };
      digest.campaigns.push({
        campaignId: campaign.id,
        campaignTitle: title('ru'),
        campaignTitles: campaign.title,
        total: body.total,
        done: body.done,
        late: list.filter(s => s.status === 'late').length,
        atRisk: list.filter(s => s.status === 'at-risk').length,
        ...(next ? { nextMilestoneDate: next.date } : {}),
      });
      options.weekly.set(body.stateBodyRef, digest);
    }

    // The late bodies to the campaign's owner: when the list changed since
    // the last one, at most once a day (kept in the database with the day).
    const late = bodies.filter(b => b.status === 'late');
    if (late.length > 0) {
      const summary = { bodies: late.map(b => b.stateBodyRef) };
      const contentHash = shortHash(JSON.stringify(summary));
      const last = await this.#store.lastNotice(
        campaign.id,
        campaign.owner,
        'owner-late-bodies',
      );
      const due =
        !last || (last.period < today && last.contentHash !== contentHash);
      if (
        due &&
        (await this.#store.recordNotice({
          campaignId: campaign.id,
          recipient: campaign.owner,
          kind: 'owner-late-bodies',
          period: today,
          contentHash,
          summary,
        }))
      ) {
        const ok = await this.#notifier.send({
          campaignId: campaign.id,
          recipients: [campaign.owner],
          scope: 'late-bodies',
          severity: 'high',
          message: language => ({
            kind: 'late-bodies',
            campaignTitle: title(language),
            bodies: late.map(b => ({ title: b.title, share: b.share })),
          }),
        });
        sent += ok ? 1 : 0;
      }
    }
    return sent;
  }
}
