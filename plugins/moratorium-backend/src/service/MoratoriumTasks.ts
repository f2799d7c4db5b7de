import { LoggerService } from '@backstage/backend-plugin-api';
import {
  addWorkingDays,
  reminderAt,
  toCalendarDate,
} from '@qaztech/plugin-moratorium-common';
import { DateTime } from 'luxon';
import { MoratoriumStore } from '../database/MoratoriumStore';
import { MoratoriumNotifier } from '../notifications/MoratoriumNotifier';
import { MoratoriumService } from './MoratoriumService';
import { MoratoriumConfig } from './readMoratoriumConfig';
import { RemovedSystems } from './RemovedSystems';
import { SystemRefresher } from './SystemRefresher';

/** Deadlines handled per batch; the task loops until none are left. */
const BATCH = 200;

/** What one run did, for logs and tests. */
export type TaskRunSummary = {
  reminders: number;
  missed: number;
  conditionsMissed: number;
  revoked: number;
  expired: number;
  /** Undecided requests withdrawn because their system left the catalog. */
  systemGoneWithdrawn: number;
  /** Approvals revoked because their system left the catalog. */
  systemGoneRevoked: number;
  refreshed: number;
  /** Stored Idempotency-Key responses older than the retention, deleted. */
  idempotencyPurged: number;
};

/**
 * The moratorium's scheduled work, one run at a time on one replica (the
 * plugin schedules {@link MoratoriumTasks.run} in global scope):
 *
 * - reminds everyone concerned before a deadline and tells them once it is
 *   missed, each notice once (the store marks it before it is sent);
 * - marks open conditions missed once their due date has passed, and revokes
 *   the approval when configured to;
 * - expires approvals past their last day;
 * - closes the requests about systems that have left the catalog (see
 *   {@link RemovedSystems});
 * - asks the catalog to refresh every system whose exemption changed, so the
 *   register's moratorium status follows;
 * - deletes stored Idempotency-Key responses older than the retention.
 */
export class MoratoriumTasks {
  readonly #store: MoratoriumStore;
  readonly #service: MoratoriumService;
  readonly #notifier: MoratoriumNotifier;
  readonly #refresher: SystemRefresher;
  readonly #removedSystems: RemovedSystems;
  readonly #config: MoratoriumConfig;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  #lastRun?: Date;

  constructor(options: {
    store: MoratoriumStore;
    service: MoratoriumService;
    notifier: MoratoriumNotifier;
    refresher: SystemRefresher;
    removedSystems: RemovedSystems;
    config: MoratoriumConfig;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#service = options.service;
    this.#notifier = options.notifier;
    this.#refresher = options.refresher;
    this.#removedSystems = options.removedSystems;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** One run of the task; safe to repeat and to run after missed runs. */
  async run(): Promise<TaskRunSummary> {
    const startedAt = this.#now();
    const summary: TaskRunSummary = {
      reminders: 0,
      missed: 0,
      conditionsMissed: 0,
      revoked: 0,
      expired: 0,
      systemGoneWithdrawn: 0,
      systemGoneRevoked: 0,
      refreshed: 0,
      idempotencyPurged: 0,
    };
    // Deadlines first, so a condition's missed notice goes out before the
    // condition is closed as missed.
    await this.#deadlines(summary);
    await this.#conditions(summary);
    await this.#expiries(summary);
    // After expiries: an approval past its last day expires, whatever
    // happened to its system.
    const gone = await this.#removedSystems.run();
    summary.systemGoneWithdrawn = gone.withdrawn;
    summary.systemGoneRevoked = gone.revoked;
    await this.#refreshChanged(summary, startedAt);
    summary.idempotencyPurged = await this.#store.purgeIdempotentBefore(
      new Date(
        startedAt.getTime() -
          this.#config.idempotencyRetentionHours * 60 * 60 * 1000,
      ),
    );
    this.#lastRun = startedAt;
    this.#logger.info('Moratorium task run finished', { ...summary });
    return summary;
  }

  /** Reminders before deadlines and notices of missed ones. */
  async #deadlines(summary: TaskRunSummary) {
    const now = this.#now();
    const { calendar, reminderWorkingDays } = this.#config;
    // Every deadline whose reminder may be due: within the reminder's
    // working days, plus a day for the end-of-day rounding.
    const horizon = addWorkingDays(now, reminderWorkingDays + 1, calendar);
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.#store.listDueDeadlines(horizon, BATCH)).filter(
        d => !seen.has(`${d.requestId}\n${d.subject}`),
      );
      if (due.length === 0) {
        return;
      }
      for (const deadline of due) {
        seen.add(`${deadline.requestId}\n${deadline.subject}`);
        const request = {
          id: deadline.requestId,
          number: deadline.requestNumber,
          applicant: deadline.applicant,
          stateBodyRef: deadline.stateBodyRef,
        };
        const dueDate = toCalendarDate(new Date(deadline.dueAt), calendar);
        if (now.getTime() > new Date(deadline.dueAt).getTime()) {
          if (
            !deadline.missedNotifiedAt &&
            (await this.#store.markMissedNotified(
              deadline.requestId,
              deadline.subject,
              now,
            ))
          ) {
            await this.#notifier.deadline(
              request,
              'deadline-missed',
              deadline.subject,
              dueDate,
            );
            summary.missed += 1;
          }
          // A missed deadline needs no reminder any more.
          if (!deadline.remindedAt) {
            await this.#store.markReminded(
              deadline.requestId,
              deadline.subject,
              now,
            );
          }
        } else if (
          !deadline.remindedAt &&
          now.getTime() >=
            reminderAt(deadline, calendar, reminderWorkingDays).getTime() &&
          (await this.#store.markReminded(
            deadline.requestId,
            deadline.subject,
            now,
          ))
        ) {
          await this.#notifier.deadline(
            request,
            'deadline-reminder',
            deadline.subject,
            dueDate,
          );
          summary.reminders += 1;
        }
      }
      if (due.length < BATCH) {
        return;
      }
    }
  }

  /** Conditions whose due date passed while open: missed, and the approval revoked. */
  async #conditions(summary: TaskRunSummary) {
    const { calendar, revokeOnMissed } = this.#config;
    const yesterday = DateTime.fromISO(toCalendarDate(this.#now(), calendar))
      .minus({ days: 1 })
      .toISODate()!;
    const due = await this.#store.listOpenConditionsDue(yesterday);
    for (const condition of due) {
      const state = await this.#service.markConditionMissed(
        condition.requestId,
        condition.id,
      );
      if (state === undefined) {
        continue;
      }
      summary.conditionsMissed += 1;
      if (revokeOnMissed && state === 'approved-with-conditions') {
        const revoked = await this.#service.systemTransition(
          condition.requestId,
          {
            action: 'revoke',
            reason: `Condition missed (due ${condition.dueDate}): ${condition.text}`,
          },
        );
        if (revoked) {
          summary.revoked += 1;
        }
      }
    }
  }

  /** Approvals whose last day has passed. */
  async #expiries(summary: TaskRunSummary) {
    const today = toCalendarDate(this.#now(), this.#config.calendar);
    const expiring: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#store.listDecisions(
        { outcomes: ['approved', 'approved-with-conditions'] },
        { limit: 500, cursor },
      );
      for (const decision of page.items) {
        if (
          (decision.state === 'approved' ||
            decision.state === 'approved-with-conditions') &&
          decision.expiresAt !== undefined &&
          decision.expiresAt < today
        ) {
          expiring.push(decision.requestId);
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
    for (const requestId of new Set(expiring)) {
      if (
        await this.#service.systemTransition(requestId, { action: 'expire' })
      ) {
        summary.expired += 1;
      }
    }
  }

  /**
   * Systems whose exemptions changed since the last run (by anyone, on any
   * replica) are refreshed again here, in case the refresh right after the
   * change was lost.
   */
  async #refreshChanged(summary: TaskRunSummary, startedAt: Date) {
    const since =
      this.#lastRun ?? new Date(startedAt.getTime() - 24 * 60 * 60 * 1000);
    const changed = await this.#store.listExemptionChangesSince(since);
    await this.#refresher.refresh(changed);
    summary.refreshed = changed.length;
  }
}
