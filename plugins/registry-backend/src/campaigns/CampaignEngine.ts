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
import { CampaignNotifier } from './CampaignNotifier';
import { renderAction } from './campaignMessages';
import { CampaignsConfig, NotificationLanguage } from './readCampaignsConfig';
import { StateBodyInfo } from './StateBodyDirectory';

/** Systems read from the register a batch. */
const BATCH = 500;

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
    for (const campaign of campaigns) {
      try {
        notifications += await this.#compute(campaign, {
          notify: campaign.state === 'active',
        });
      } catch (error) {
        logger.error(`Could not compute campaign ${campaign.id}`, {
          campaignId: campaign.id,
          error: String(error),
        });
      }
    }
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
      await this.#compute(campaign, { notify: false });
    }
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
    options: { notify: boolean },
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

    const counts = new Map<string, { total: number; done: number }>();
    for (const s of systems) {
      const c = counts.get(s.stateBodyRef) ?? { total: 0, done: 0 };
      c.total += 1;
      c.done += s.done ? 1 : 0;
      counts.set(s.stateBodyRef, c);
    }
    const progressOf = (total: number, done: number): BodyProgress =>
      bodyProgress({
        milestones: campaign.milestones,
        total,
        done,
        today,
        atRiskWorkingDays: this.#config.atRiskWorkingDays,
        calendar: this.#config.calendar,
      });
    const info = await this.#bodies.describe([...counts.keys()]);
    const bodyStatus = new Map<string, BodyProgress>();
    const bodies: CampaignBodyProgress[] = [];
    for (const [ref, c] of counts) {
      const progress = progressOf(c.total, c.done);
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
      ),
    }));
    const total = systems.length;
    const done = systems.filter(s => s.done).length;
    const overall = progressOf(total, done);
    const byStatus = Object.fromEntries(
      PROGRESS_STATUSES.map(status => [status, 0]),
    ) as Record<ProgressStatus, number>;
    for (const b of bodies) {
      byStatus[b.status] += 1;
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
      writeHistory: campaign.state === 'active' && today >= campaign.startDate,
    });
    if (!options.notify) {
      return 0;
    }
    return this.#notify(campaign, today, rows, bodies, bodyStatus);
  }

  async #notify(
    campaign: Campaign,
    today: string,
    systems: CampaignSystemRow[],
    bodies: CampaignBodyProgress[],
    bodyStatus: Map<string, BodyProgress>,
  ): Promise<number> {
    // Each reader gets the campaign and system titles in their language.
    const title = (language: NotificationLanguage) =>
      campaign.title[language] ?? campaign.title.ru;
    let sent = 0;
    const once = async (key: string, send: () => Promise<boolean>) => {
      if (await this.#store.claimNotification(shortHash(key), campaign.id)) {
        sent += (await send()) ? 1 : 0;
      }
    };

    // The owners (the state body) of each system at risk or late, once per
    // system, milestone and status.
    for (const system of systems) {
      if (system.status !== 'at-risk' && system.status !== 'late') {
        continue;
      }
      const progress = bodyStatus.get(system.stateBodyRef)!;
      const milestone =
        system.status === 'late'
          ? // Shares never decrease: a late body misses the last passed one.
            campaign.milestones.filter(m => m.date < today).pop()
          : progress.nextMilestone;
      if (!milestone) {
        continue;
      }
      await once(
        `${campaign.id}|system|${system.entityRef}|${milestone.date}|${system.status}`,
        () =>
          this.#notifier.send({
            campaignId: campaign.id,
            recipients: [system.stateBodyRef],
            stateBody: system.stateBodyRef,
            scope: system.entityRef,
            severity: system.status === 'late' ? 'high' : 'normal',
            message: language => ({
              kind: system.status === 'late' ? 'system-late' : 'system-at-risk',
              campaignTitle: title(language),
              systemTitle: system.title[language] ?? system.title.ru,
              milestoneDate: milestone.date,
              milestoneShare: milestone.share,
              action: renderAction(system.whatToDo, language),
            }),
          }),
      );
    }

    // The weekly digest to each body's digitalization heads.
    const weekday = DateTime.fromISO(today).weekday;
    if (weekday >= this.#config.digestWeekday) {
      const week = isoWeek(today);
      for (const body of bodies) {
        if (body.status === 'done' || body.responsible.length === 0) {
          continue;
        }
        const bodySystems = systems.filter(
          s => s.stateBodyRef === body.stateBodyRef,
        );
        await once(`${campaign.id}|digest|${body.stateBodyRef}|${week}`, () =>
          this.#notifier.send({
            campaignId: campaign.id,
            recipients: body.responsible,
            stateBody: body.stateBodyRef,
            scope: `digest:${body.stateBodyRef}`,
            severity: body.status === 'late' ? 'high' : 'normal',
            message: language => ({
              kind: 'body-digest',
              campaignTitle: title(language),
              bodyTitle: body.title,
              total: body.total,
              done: body.done,
              late: bodySystems.filter(s => s.status === 'late').length,
              atRisk: bodySystems.filter(s => s.status === 'at-risk').length,
              ...(bodyStatus.get(body.stateBodyRef)?.nextMilestone
                ? {
                    nextMilestoneDate: bodyStatus.get(body.stateBodyRef)!
                      .nextMilestone!.date,
                  }
                : {}),
            }),
          }),
        );
      }
    }

    // The late bodies to the campaign's owner: again when the list changes,
    // at most once a week for the same list.
    const late = bodies.filter(b => b.status === 'late');
    if (late.length > 0) {
      const list = late.map(b => b.stateBodyRef).join(',');
      await once(
        `${campaign.id}|late-bodies|${isoWeek(today)}|${shortHash(list)}`,
        () =>
          this.#notifier.send({
            campaignId: campaign.id,
            recipients: [campaign.owner],
            scope: 'late-bodies',
            severity: 'high',
            message: language => ({
              kind: 'late-bodies',
              campaignTitle: title(language),
              bodies: late.map(b => ({ title: b.title, share: b.share })),
            }),
          }),
      );
    }
    return sent;
  }
}
