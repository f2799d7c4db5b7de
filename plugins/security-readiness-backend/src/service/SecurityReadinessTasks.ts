import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { Duration } from 'luxon';
import type { EvaluationRun } from '@qaztech/plugin-security-readiness-common';
import { SecurityReadinessStore } from '../database/SecurityReadinessStore';
import { SecurityReadinessNotifier } from '../notifications/SecurityReadinessNotifier';
import { EvaluationEngine } from './EvaluationEngine';
import {
  EVALUATE_TASK_ID,
  MAINTENANCE_TASK_ID,
  SecurityReadinessConfig,
} from './readSecurityReadinessConfig';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Queued runs handled by one invocation of the evaluate task at most. */
const MAX_RUNS_PER_INVOCATION = 10;

/** What one maintenance run did, for logs and tests. */
export type MaintenanceSummary = {
  factsPurged: number;
  attestationReminders: number;
  dropNotifications: number;
};

/**
 * The scheduled work of security readiness, each task on one replica at a
 * time (global scope):
 *
 * - `security-readiness-evaluate`: puts back in the queue the runs whose
 *   replica died, runs the queued runs (on-demand evaluations) or, when none
 *   is queued, a scheduled evaluation of every system;
 * - `security-readiness-maintenance`: deletes facts past the retention
 *   (keeping the newest of each kind), reminds owners of attestations about
 *   to expire, and tells the owner and the signing officer when a system
 *   drops below its signed-off level. Each notice is sent once: the store
 *   marks it (a conditional update) before it is sent.
 */
export class SecurityReadinessTasks {
  readonly #store: SecurityReadinessStore;
  readonly #engine: EvaluationEngine;
  readonly #notifier: SecurityReadinessNotifier;
  readonly #config: Pick<
    SecurityReadinessConfig,
    'facts' | 'attestations' | 'schedules'
  >;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #staleAfterMs: number;
  /**
   * Runs this replica started but could not close, because the database went
   * away under them: they stay `running` and would block the next run until
   * they look stale, so the next invocation closes them as failed first.
   */
  readonly #unclosed = new Set<string>();

  constructor(options: {
    store: SecurityReadinessStore;
    engine: EvaluationEngine;
    notifier: SecurityReadinessNotifier;
    config: Pick<
      SecurityReadinessConfig,
      'facts' | 'attestations' | 'schedules'
    >;
    logger: LoggerService;
    /** The clock (tests fix it). */
    now?: () => Date;
    /**
     * A running run without progress for this long is taken for the run of
     * a dead replica: 10 minutes (a batch takes seconds), or the evaluate
     * task's timeout when shorter. A dead replica's run blocks new scheduled
     * runs (they join it) until it is put back in the queue, so this must not
     * outlast the timeout after which the scheduler hands the task on.
     */
    staleAfterMs?: number;
  }) {
    this.#store = options.store;
    this.#engine = options.engine;
    this.#notifier = options.notifier;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    const timeout = options.config.schedules.evaluate.timeout;
    this.#staleAfterMs =
      options.staleAfterMs ??
      Math.min(
        10 * 60 * 1000,
        Duration.isDuration(timeout)
          ? timeout.toMillis()
          : durationToMilliseconds(timeout),
      );
  }

  /** Schedules both tasks (global scope) with the configured schedules. */
  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: EVALUATE_TASK_ID,
      scope: 'global',
      ...this.#config.schedules.evaluate,
      fn: async signal => {
        await this.evaluate(signal);
      },
    });
    await scheduler.scheduleTask({
      id: MAINTENANCE_TASK_ID,
      scope: 'global',
      ...this.#config.schedules.maintenance,
      fn: async () => {
        await this.maintain();
      },
    });
  }

  /**
   * One invocation of the evaluate task: requeue stale runs, run the queued
   * ones, or a scheduled run of all systems when none was queued. Returns
   * the runs it handled.
   */
  async evaluate(signal?: AbortSignal): Promise<EvaluationRun[]> {
    const logger = this.#logger.child({ task: EVALUATE_TASK_ID });
    const now = this.#now();
    for (const id of [...this.#unclosed]) {
      await this.#store.finishRun(
        id,
        {
          status: 'failed',
          error:
            'The run was interrupted: the database became unavailable while it ran',
        },
        now,
      );
      this.#unclosed.delete(id);
      logger.warn(
        `Closed evaluation run ${id}, interrupted by a database failure`,
      );
    }
    const requeued = await this.#store.requeueStaleRuns(
      new Date(now.getTime() - this.#staleAfterMs),
    );
    if (requeued > 0) {
      logger.warn(
        `Put ${requeued} evaluation runs of stopped replicas back in the queue`,
      );
    }
    const handled: EvaluationRun[] = [];
    for (let i = 0; i < MAX_RUNS_PER_INVOCATION; i++) {
      if (signal?.aborted) {
        break;
      }
      let run = await this.#store.claimQueuedRun(this.#now());
      if (!run && handled.length === 0) {
        await this.#store.createRun({
          scope: { kind: 'all' },
          trigger: 'schedule',
          now: this.#now(),
        });
        run = await this.#store.claimQueuedRun(this.#now());
      }
      if (!run) {
        break;
      }
      try {
        handled.push(await this.#execute(run, logger, signal));
      } catch (error) {
        // The run could not even be marked failed (the database is gone).
        this.#unclosed.add(run.id);
        throw error;
      }
    }
    return handled;
  }

  async #execute(
    run: EvaluationRun,
    logger: LoggerService,
    signal?: AbortSignal,
  ): Promise<EvaluationRun> {
    const now = this.#now();
    if (run.scope.kind === 'all') {
      return this.#engine.runAll(run.id, now, signal);
    }
    try {
      await this.#store.updateRunProgress(
        run.id,
        { total: 1, done: 0, changed: 0 },
        now,
      );
      const before = await this.#store.getScorecard(run.scope.systemRef);
      const after = await this.#engine.evaluateSystem(run.scope.systemRef, now);
      const changed = before?.changedAt !== after.changedAt ? 1 : 0;
      await this.#store.finishRun(
        run.id,
        { status: 'succeeded', progress: { total: 1, done: 1, changed } },
        this.#now(),
      );
    } catch (error) {
      logger.warn(
        `Evaluation of ${run.scope.systemRef} failed: ${
          (error as Error).message
        }`,
        { runId: run.id },
      );
      await this.#store.finishRun(
        run.id,
        { status: 'failed', error: (error as Error).message },
        this.#now(),
      );
    }
    return (await this.#store.getRun(run.id))!;
  }

  /** One run of the maintenance task; safe to repeat. */
  async maintain(): Promise<MaintenanceSummary> {
    const logger = this.#logger.child({ task: MAINTENANCE_TASK_ID });
    const now = this.#now();
    const summary: MaintenanceSummary = {
      factsPurged: await this.#store.purgeFactsBefore(
        new Date(now.getTime() - this.#config.facts.retentionDays * DAY_MS),
      ),
      attestationReminders: 0,
      dropNotifications: 0,
    };

    const expiring = await this.#store.attestationsExpiringUnreminded(
      now,
      new Date(
        now.getTime() + this.#config.attestations.remindDaysBefore * DAY_MS,
      ),
    );
    const systems = await this.#store.getScorecards(
      expiring.map(a => a.systemRef),
    );
    for (const attestation of expiring) {
      const system = systems.get(
        attestation.systemRef.toLocaleLowerCase('en-US'),
      );
      if (!system) {
        // Not evaluated yet: no known owner. The next run will tell them.
        continue;
      }
      if (await this.#store.markAttestationReminded(attestation.id, now)) {
        await this.#notifier.attestationExpiring(attestation, {
          ownerRef: system.stateBodyRef,
          title: system.title,
        });
        summary.attestationReminders++;
      }
    }

    const drops = await this.#store.signOffsWithUnnotifiedDrop();
    const titles = await this.#store.getScorecards(
      drops.map(d => d.signOff.systemRef),
    );
    for (const drop of drops) {
      if (await this.#store.markDropNotified(drop.signOff.id, now)) {
        await this.#notifier.signOffDropped(drop.signOff, drop.current, {
          ownerRef: drop.stateBodyRef,
          title:
            titles.get(drop.signOff.systemRef.toLocaleLowerCase('en-US'))
              ?.title ?? drop.signOff.systemRef,
        });
        summary.dropNotifications++;
      }
    }
    logger.info(
      `Maintenance: ${summary.factsPurged} old facts deleted, ${summary.attestationReminders} attestation reminders, ${summary.dropNotifications} sign-off drop notices`,
      { ...summary },
    );
    return summary;
  }
}
